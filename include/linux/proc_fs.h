/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/proc_fs.h: /proc, made up on demand (fs/proc/): a file's
 * text is generated when it is opened, from the kernel's own state, in
 * Linux's formats (man 5 proc).
 *
 *   /proc/<pid>/stat   "pid (comm) state ppid pgrp session ... utime stime ..."
 *   /proc/uptime       "seconds-up idle-seconds"
 *   /proc/meminfo      "MemTotal:  ... kB" lines
 *
 * fs/proc/internal.h lists the rest; Documentation/userspace-api/proc.rst
 * shows every file.
 */
#ifndef __LINUX_PROC_FS_H
#define __LINUX_PROC_FS_H

#include <linux/types.h>

struct task_struct;

/* Make /proc in the root filesystem and take it over (start_kernel). */
void proc_root_init(void);

/* fs/proc/array.c: the text of /proc/<pid>/stat into buf; its length. */
int proc_pid_stat(struct task_struct *task, char *buf, size_t size);

/* fs/namespace.c: the text of /proc/mounts and /proc/filesystems; its length or -errno. */
int proc_show_mounts(char *buf, size_t size);
int proc_show_filesystems(char *buf, size_t size);

/* Clock ticks user space counts in (AT_CLKTCK, Linux's USER_HZ). */
#define USER_HZ 100

#endif
