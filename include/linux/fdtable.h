/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/fdtable.h: a process's open file descriptors (fs/file.c).
 * A file descriptor is an index into files_struct.fd[]; each slot points
 * to a struct file (include/linux/fs.h), which dup() and fork() share.
 *
 * The process side calls dup_files() from fork and exit_files() from exit;
 * init gets fds 0, 1 and 2 on /dev/console from console_open_stdio().
 */
#ifndef __LINUX_FDTABLE_H
#define __LINUX_FDTABLE_H

#include <linux/atomic.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>

#define NR_OPEN_DEFAULT 64	/* fds per process: 0..63, one bit each below */

struct file;
struct task_struct;

/*
 * Locking: file_lock guards fd[], open_fds and close_on_exec (the tasks
 * of a CLONE_FILES clone share the table and may run on different CPUs);
 * it is a plain spinlock, never taken from an interrupt handler, and
 * nothing sleeps or calls fput() while holding it.
 */
struct files_struct {
	atomic_t count;			/* tasks sharing this table */
	spinlock_t file_lock;
	struct file *fd[NR_OPEN_DEFAULT];
	unsigned long open_fds;		/* bit n: fd n is taken (maybe not installed yet) */
	unsigned long close_on_exec;	/* bit n: fd n has O_CLOEXEC */
};

/* An empty table, count 1; NULL if out of memory. */
struct files_struct *alloc_files(void);
/*
 * fork: a copy of old (NULL for none) whose slots hold the same open files
 * (each file's count raised); NULL if out of memory.
 */
struct files_struct *dup_files(struct files_struct *old);
/* exit: close everything tsk has open and drop its table (tsk->files = NULL). */
void exit_files(struct task_struct *tsk);
/* execve: close the fds marked close-on-exec in current's table. */
void do_close_on_exec(struct files_struct *files);

/* Open /dev/console as fds 0, 1 and 2 of tsk (allocating tsk->files if need be). */
int console_open_stdio(struct task_struct *tsk);

#endif
