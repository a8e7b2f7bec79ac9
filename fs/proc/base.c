// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/base.c: /proc/PID, one directory per process, and /proc/self,
 * a link to the caller's. Inside, as Linux names them:
 *
 *   cmdline   the argument strings, NUL-separated, read from the process's
 *             memory (mm->arg_start..arg_end, where exec put them)
 *   exe       a link to the program exec loaded (mm->exe_file)
 *   fd/       one link per open file descriptor: the file's path,
 *             "pipe:[ino]" for a pipe, " (deleted)" after an unlink
 *   maps      fs/proc/task_mmu.c
 *   stat      fs/proc/array.c (also status)
 *
 * /proc lists processes (thread group leaders); a thread's own pid can
 * still be looked up, as on Linux. Once the process is gone, lookups give
 * -ENOENT and opening a file looked up before gives -ESRCH.
 *
 * Tasks are looked at under tasklist_lock (they then cannot exit under
 * us); a task's file table under its file_lock, and paths under ramfs_lock,
 * taken in that order.
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/mm_user.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "internal.h"

static bool task_alive(int pid)
{
	struct task_struct *task;
	unsigned long flags;
	bool alive;

	spin_lock_irqsave(&tasklist_lock, flags);
	task = pid > 0 ? find_task_by_pid(pid) : NULL;
	alive = task && !(task->exit_state & EXIT_DEAD);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return alive;
}

/* The path of a file into buf, as Linux's d_path shows it: 0 or -errno. */
static int proc_file_path(struct ramfs_inode *inode, char *buf, size_t size)
{
	bool deleted, named;
	int len;

	spin_lock(&ramfs_lock);
	named = d_find_alias(inode);
	len = named ? ramfs_path(inode, buf, size) : 0;
	deleted = !inode->i_nlink;
	spin_unlock(&ramfs_lock);
	if (!named && S_ISFIFO(inode->mode))
		return snprintf(buf, size, "pipe:[%lu]", inode->ino) < (int)size ? 0 : -ENAMETOOLONG;
	if (!named)
		return snprintf(buf, size, "anon_inode:[%lu]", inode->ino) < (int)size ? 0 :
		       -ENAMETOOLONG;
	if (len < 0)
		return len;
	if (deleted)
		strlcpy(buf + len - 1, " (deleted)", size - len + 1);
	return 0;
}

static int proc_exe_link(struct task_struct *task, int fd, char *buf, size_t size)
{
	if (!task->mm || !task->mm->exe_file)
		return -ENOENT;
	return proc_file_path(task->mm->exe_file, buf, size);
}

static int proc_fd_link(struct task_struct *task, int fd, char *buf, size_t size)
{
	struct file *file;
	int err = -ENOENT;

	if (!task->files || fd < 0 || fd >= NR_OPEN_DEFAULT)
		return -ENOENT;
	spin_lock(&task->files->file_lock);
	file = task->files->fd[fd];
	if (file)
		err = proc_file_path(file->f_inode, buf, size);
	spin_unlock(&task->files->file_lock);
	return err;
}

static int proc_exe_get_link(struct task_struct *task, int fd, struct ramfs_inode **res)
{
	if (!task->mm || !task->mm->exe_file)
		return -ENOENT;
	*res = task->mm->exe_file;
	ihold(*res);
	return 0;
}

/* Opening /proc/PID/fd/N opens the file fd N has open, anew (its own flags and offset). */
static int proc_fd_get_link(struct task_struct *task, int fd, struct ramfs_inode **res)
{
	struct file *file;

	if (!task->files || fd < 0 || fd >= NR_OPEN_DEFAULT)
		return -ENOENT;
	spin_lock(&task->files->file_lock);
	file = task->files->fd[fd];
	if (file) {
		*res = file->f_inode;
		ihold(*res);
	}
	spin_unlock(&task->files->file_lock);
	return file ? 0 : -ENOENT;
}

static int proc_pid_cmdline(struct mm_struct *mm, char *buf, size_t size)
{
	unsigned long len;

	if (!mm || mm->arg_end <= mm->arg_start)
		return 0;		/* kernel threads: empty, as on Linux */
	len = min(mm->arg_end - mm->arg_start, (unsigned long)size);
	return access_remote_vm(mm, mm->arg_start, buf, len);
}

/* ---- /proc/PID/fd ------------------------------------------------------------- */

static const struct pid_entry fd_link_entry = {
	.name = "", .mode = S_IFLNK, .link = proc_fd_link, .get_link = proc_fd_get_link,
};

static int proc_fd_lookup(struct ramfs_inode *dir, const char *name, size_t len,
			  struct ramfs_inode **res)
{
	int fd = proc_parse_num(name, len), pid = PROC_I(dir)->pid, err;
	struct task_struct *task;
	unsigned long flags;
	umode_t mode = 0;

	if (fd < 0 || fd >= NR_OPEN_DEFAULT || !task_alive(pid))
		return -ENOENT;
	err = proc_make_link(dir, &fd_link_entry, pid, fd, proc_ino(pid, 0x100, fd), res);
	if (err)
		return err;
	/* Linux's: the owner may read, write as the file was opened. */
	spin_lock_irqsave(&tasklist_lock, flags);
	task = find_task_by_pid(pid);
	if (task && task->files) {
		spin_lock(&task->files->file_lock);
		if (task->files->fd[fd]) {
			fmode_t f_mode = task->files->fd[fd]->f_mode;

			mode = (f_mode & FMODE_READ ? 0500 : 0) | (f_mode & FMODE_WRITE ? 0300 : 0);
		}
		spin_unlock(&task->files->file_lock);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	(*res)->mode = S_IFLNK | mode;
	return 0;
}

static int proc_fd_readdir(struct file *file, struct dir_context *ctx)
{
	int pid = PROC_I(file->f_inode)->pid;

	if (!proc_emit_dots(file, ctx))
		return 0;
	for (int fd = ctx->pos - 2; fd < NR_OPEN_DEFAULT; fd++) {
		struct task_struct *task;
		unsigned long flags;
		bool open;
		char name[4];

		spin_lock_irqsave(&tasklist_lock, flags);
		task = find_task_by_pid(pid);
		open = false;
		if (task && task->files) {
			spin_lock(&task->files->file_lock);
			open = task->files->fd[fd];
			spin_unlock(&task->files->file_lock);
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!task)
			return -ENOENT;
		ctx->pos = fd + 2;
		if (open && !ctx->actor(ctx, name, snprintf(name, sizeof(name), "%d", fd),
					ctx->pos + 1, proc_ino(pid, 0x100, fd), DT_LNK))
			return 0;
	}
	ctx->pos = NR_OPEN_DEFAULT + 2;
	return 0;
}

/* ---- /proc/PID ------------------------------------------------------------------ */

static int proc_tgid_lookup(struct ramfs_inode *dir, const char *name, size_t len,
			    struct ramfs_inode **res);
static int proc_tgid_readdir(struct file *file, struct dir_context *ctx);

static const struct inode_operations proc_fd_dir_iops = {
	.lookup = proc_fd_lookup,
	.hold = proc_hold,
	.evict = proc_evict,
};

static const struct file_operations proc_fd_dir_fops = {
	.iterate = proc_fd_readdir,
	.llseek = generic_file_llseek,
};

static const struct inode_operations proc_tgid_iops = {
	.lookup = proc_tgid_lookup,
	.hold = proc_hold,
	.evict = proc_evict,
};

static const struct file_operations proc_tgid_fops = {
	.iterate = proc_tgid_readdir,
	.llseek = generic_file_llseek,
};

/* Sorted by name; each line one entry of /proc/PID. */
static const struct pid_entry tgid_base_stuff[] = {
	{ .name = "cmdline", .mode = S_IFREG | 0444, .show_mm = proc_pid_cmdline },
	{ .name = "exe",     .mode = S_IFLNK | 0777, .link = proc_exe_link,
			     .get_link = proc_exe_get_link },
	{ .name = "fd",      .mode = S_IFDIR | 0500, .iop = &proc_fd_dir_iops,
			     .fop = &proc_fd_dir_fops },
	{ .name = "maps",    .mode = S_IFREG | 0444, .show_mm = proc_pid_maps },
	{ .name = "stat",    .mode = S_IFREG | 0444, .show_task = proc_pid_stat },
	{ .name = "status",  .mode = S_IFREG | 0444, .show_task = proc_pid_status },
};

static const struct pid_entry tgid_dir_entry = {
	.name = "", .mode = S_IFDIR | 0555, .iop = &proc_tgid_iops, .fop = &proc_tgid_fops,
};

int proc_pid_lookup(struct ramfs_inode *dir, int pid, struct ramfs_inode **res)
{
	if (!task_alive(pid))
		return -ENOENT;
	*res = proc_make_inode(dir, &tgid_dir_entry, pid, -1, proc_ino(pid, 0x1ff, -1));
	return *res ? 0 : -ENOMEM;
}

static int proc_tgid_lookup(struct ramfs_inode *dir, const char *name, size_t len,
			    struct ramfs_inode **res)
{
	int pid = PROC_I(dir)->pid;

	if (!task_alive(pid))
		return -ENOENT;
	for (unsigned int i = 0; i < ARRAY_SIZE(tgid_base_stuff); i++) {
		const struct pid_entry *e = &tgid_base_stuff[i];

		if (!proc_name_is(name, len, e->name))
			continue;
		if (e->link)
			return proc_make_link(dir, e, pid, -1, proc_ino(pid, i, -1), res);
		*res = proc_make_inode(dir, e, pid, -1, proc_ino(pid, i, -1));
		return *res ? 0 : -ENOMEM;
	}
	return -ENOENT;
}

static int proc_tgid_readdir(struct file *file, struct dir_context *ctx)
{
	int pid = PROC_I(file->f_inode)->pid;

	if (!task_alive(pid))
		return -ENOENT;
	if (!proc_emit_dots(file, ctx))
		return 0;
	for (; ctx->pos < 2 + (loff_t)ARRAY_SIZE(tgid_base_stuff); ctx->pos++) {
		const struct pid_entry *e = &tgid_base_stuff[ctx->pos - 2];

		if (!ctx->actor(ctx, e->name, strlen(e->name), ctx->pos + 1,
				proc_ino(pid, ctx->pos - 2, -1), fs_umode_to_dtype(e->mode)))
			return 0;
	}
	return 0;
}

/* ---- the process list of /proc -------------------------------------------------- */

struct pid_list {
	int n;
	int pids[512];
};

static int collect_pid(struct task_struct *p, void *arg)
{
	struct pid_list *list = arg;

	if (p->pid > 0 && p->tgid == p->pid && list->n < (int)ARRAY_SIZE(list->pids))
		list->pids[list->n++] = p->pid;
	return 0;
}

int proc_pid_readdir(struct file *file, struct dir_context *ctx, loff_t first_pos)
{
	struct pid_list *list;

	if (ctx->pos < first_pos)
		ctx->pos = first_pos;
	list = kzalloc(sizeof(*list), GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	for_each_task(collect_pid, list);	/* under tasklist_lock */
	/* In pid order, resuming at the first pid not yet listed. */
	for (;;) {
		int next = -1;
		char name[12];

		for (int i = 0; i < list->n; i++)
			if (list->pids[i] >= ctx->pos - first_pos &&
			    (next < 0 || list->pids[i] < next))
				next = list->pids[i];
		if (next < 0)
			break;
		ctx->pos = first_pos + next;
		if (!ctx->actor(ctx, name, snprintf(name, sizeof(name), "%d", next),
				ctx->pos + 1, proc_ino(next, 0x1ff, -1), DT_DIR))
			break;
		ctx->pos++;
	}
	kfree(list);
	return 0;
}
