/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/fs_struct.h: a process's file-system context, Linux's
 * struct fs_struct: the working directory and the umask.
 *
 * fork() gives the child a copy; clone(CLONE_FS), which glibc's
 * pthread_create() passes, shares the parent's, so chdir() or umask() in
 * one thread applies to every thread, as on Linux. Simpler than Linux: no
 * root (chroot is not there), and the last reference goes when the last
 * task_struct sharing it is freed rather than at exit, so reading another
 * task's umask (/proc/PID/status) never races with its exit.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/spinlock.h>

struct ramfs_inode;

struct fs_struct {
	int users;			/* tasks pointing here */
	spinlock_t lock;		/* users, pwd */
	unsigned int umask;		/* taken from new files' modes */
	struct ramfs_inode *pwd;	/* the working directory, held; NULL: "/" */
};

extern struct fs_struct init_fs;	/* init_task's, 022 and "/" */

/* fork without CLONE_FS: a copy of old (its own hold on pwd), or NULL. */
struct fs_struct *copy_fs_struct(struct fs_struct *old);
/* clone(CLONE_FS): one more task shares fs. */
void get_fs_struct(struct fs_struct *fs);
/* A task sharing fs is freed: the last one drops pwd and the struct. */
void put_fs_struct(struct fs_struct *fs);

/* The working directory, held (iput when done); "/" when none was set. */
struct ramfs_inode *get_fs_pwd(struct fs_struct *fs);
/* chdir: pwd becomes inode (this takes its own hold). */
void set_fs_pwd(struct fs_struct *fs, struct ramfs_inode *inode);
/* umask(2): sets fs's umask, returns the old one. */
unsigned int xchg_fs_umask(struct fs_struct *fs, unsigned int mask);

#endif
