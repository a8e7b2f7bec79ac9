/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fs/proc/internal.h: what the files of fs/proc share. Every name under
 * /proc is an entry of a table (root.c for /proc itself, base.c for
 * /proc/PID): a text file made by a show function when it is opened, a
 * symbolic link whose target a link function writes when it is looked up,
 * or a directory with its own lookup and listing.
 */
#ifndef __FS_PROC_INTERNAL_H
#define __FS_PROC_INTERNAL_H

#include <linux/fs.h>
#include <linux/types.h>

struct mm_struct;
struct task_struct;

struct pid_entry {
	const char *name;
	umode_t mode;		/* S_IFREG | 0444, S_IFLNK | 0777 or S_IFDIR | 0555 */
	/* Text files of /proc: their text into buf; its length or -errno. */
	int (*show)(char *buf, size_t size);
	/* Text files of /proc/PID: the same for the task (tasklist_lock held: it stays). */
	int (*show_task)(struct task_struct *task, char *buf, size_t size);
	/*
	 * Text files of /proc/PID about its memory: the same for the task's mm
	 * (held, and its mmap_lock held for read; NULL: a kernel thread's).
	 */
	int (*show_mm)(struct mm_struct *mm, char *buf, size_t size);
	/* Links: the target into buf (NUL-terminated; fd of /proc/PID/fd/N); 0 or -errno. */
	int (*link)(struct task_struct *task, int fd, char *buf, size_t size);
	/*
	 * Magic links: the file itself when followed, held (tasklist_lock
	 * held); 0 or -errno. Without it a link is followed by its text.
	 */
	int (*get_link)(struct task_struct *task, int fd, struct ramfs_inode **res);
	/* Directories. */
	const struct inode_operations *iop;
	const struct file_operations *fop;
};

/* A /proc inode: made by a lookup, freed by its last iput. */
struct proc_inode {
	struct ramfs_inode vfs;
	struct dentry dentry;	/* its name in its directory (the only one) */
	int count;
	const struct pid_entry *entry;
	int pid;		/* of /proc/PID/...; 0 above */
	int fd;			/* of /proc/PID/fd/N; -1 otherwise */
	char num[12];		/* the name of /proc/PID and of fd/N */
};

#define PROC_TEXT_MAX 16384	/* the most text one open file holds */
#define PROC_LINK_MAX 4096	/* the longest link target (a path) */

static inline struct proc_inode *PROC_I(struct ramfs_inode *inode)
{
	return container_of(inode, struct proc_inode, vfs);
}

/* root.c: the inode of entry (in directory parent), for pid and fd; NULL: no memory. */
struct ramfs_inode *proc_make_inode(struct ramfs_inode *parent, const struct pid_entry *entry,
				    int pid, int fd, unsigned long ino);
/* Run link(task...) under the task lock and make the inode a link to its answer. */
int proc_make_link(struct ramfs_inode *parent, const struct pid_entry *entry, int pid, int fd,
		   unsigned long ino, struct ramfs_inode **res);
/* name[0..len) is want? */
bool proc_name_is(const char *name, size_t len, const char *want);
/* A decimal number (no sign, no leading zero but "0"), or -1. */
int proc_parse_num(const char *name, size_t len);
/* ".", ".." of a directory listing; false: the caller's buffer is full. */
bool proc_emit_dots(struct file *file, struct dir_context *ctx);
/* Inode numbers: apart from ramfs's and pipes', stable for pid and entry. */
unsigned long proc_ino(int pid, unsigned int entry, int fd);
/* /proc's own directory inode. */
extern struct ramfs_inode *proc_root;
extern const struct inode_operations proc_file_inode_operations;
/* Counting of /proc inodes (a directory's iops use them too). */
void proc_hold(struct ramfs_inode *inode);
void proc_evict(struct ramfs_inode *inode);

/* base.c: /proc/PID and /proc/self. */
int proc_pid_lookup(struct ramfs_inode *dir, int pid, struct ramfs_inode **res);
int proc_self_lookup(struct ramfs_inode *dir, struct ramfs_inode **res);
/* Call fn(pid) for each process (thread group leader) in pid order from first. */
int proc_pid_readdir(struct file *file, struct dir_context *ctx, loff_t first_pos);
/* task_mmu.c: /proc/PID/maps. */
int proc_pid_maps(struct mm_struct *mm, char *buf, size_t size);
/* array.c: /proc/PID/stat and /proc/PID/status. */
int proc_pid_status(struct task_struct *task, char *buf, size_t size);
/* loadavg.c, version.c, cmdline.c, uptime.c, meminfo.c. */
int proc_loadavg_show(char *buf, size_t size);
int proc_version_show(char *buf, size_t size);
int proc_cmdline_show(char *buf, size_t size);
int proc_uptime_show(char *buf, size_t size);
int proc_stat_show(char *buf, size_t size);
int proc_interrupts_show(char *buf, size_t size);
int proc_meminfo_show(char *buf, size_t size);

#endif
