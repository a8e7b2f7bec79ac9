// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/root.c: /proc. proc_root_init() makes the directory in the
 * root filesystem and hooks its lookup and listing here (i_op, i_fop).
 * /proc lists ".", "..", the entries of proc_root_entries below (text
 * files and the link "self"), then one directory per process
 * (fs/proc/base.c has what is inside).
 *
 * Inodes below /proc are made by each lookup and counted; iput frees them
 * (fs/namei.c). A file's text is made when it is opened and kept with the
 * open file, so a reader sees one consistent snapshot. A link's target is
 * made at lookup and kept in the inode's data, where the path walk and
 * readlink read every link's target.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <asm/smp.h>
#include "internal.h"

/* /proc listing: pos 2.. the entries, then POS_FIRST_PID + pid. */
#define POS_FIRST_PID 64

struct ramfs_inode *proc_root;
static const struct file_operations proc_text_operations;

static int proc_self_link(struct task_struct *task, int fd, char *buf, size_t size)
{
	return snprintf(buf, size, "%d", task->tgid) < (int)size ? 0 : -ENAMETOOLONG;
}

/* Sorted by name; each line one file. */
static const struct pid_entry proc_root_entries[] = {
	{ .name = "cmdline",	 .mode = S_IFREG | 0444, .show = proc_cmdline_show },
	{ .name = "cpuinfo",	 .mode = S_IFREG | 0444, .show = show_cpuinfo },
	{ .name = "filesystems", .mode = S_IFREG | 0444, .show = proc_show_filesystems },
	{ .name = "interrupts",	 .mode = S_IFREG | 0444, .show = proc_interrupts_show },
	{ .name = "loadavg",	 .mode = S_IFREG | 0444, .show = proc_loadavg_show },
	{ .name = "meminfo",	 .mode = S_IFREG | 0444, .show = proc_meminfo_show },
	{ .name = "mounts",	 .mode = S_IFREG | 0444, .show = proc_show_mounts },
	{ .name = "self",	 .mode = S_IFLNK | 0777, .link = proc_self_link },
	{ .name = "stat",	 .mode = S_IFREG | 0444, .show = proc_stat_show },
	{ .name = "uptime",	 .mode = S_IFREG | 0444, .show = proc_uptime_show },
	{ .name = "version",	 .mode = S_IFREG | 0444, .show = proc_version_show },
};

unsigned long proc_ino(int pid, unsigned int entry, int fd)
{
	/* Linux's are arbitrary too; these stay apart from the ramfs's and pipes'. */
	return 0x100000000UL + ((unsigned long)pid << 16) + (entry << 7) + (unsigned int)(fd + 1);
}

void proc_hold(struct ramfs_inode *inode)
{
	PROC_I(inode)->count++;
}

void proc_evict(struct ramfs_inode *inode)
{
	struct proc_inode *pi = PROC_I(inode);

	if (--pi->count)
		return;
	if (S_ISLNK(inode->mode))
		kfree(inode->data);
	if (pi->dentry.d_parent->d_inode != proc_root)
		iput(pi->dentry.d_parent->d_inode);
	kfree(pi);
}

const struct inode_operations proc_file_inode_operations = {
	.hold = proc_hold,
	.evict = proc_evict,
};

/* Following a magic link: the task's file now (it may have closed it: -ENOENT). */
static int proc_get_link(struct ramfs_inode *link, struct ramfs_inode **res)
{
	struct proc_inode *pi = PROC_I(link);
	struct task_struct *task;
	unsigned long flags;
	int err = -ENOENT;

	spin_lock_irqsave(&tasklist_lock, flags);
	task = pi->pid ? find_task_by_pid(pi->pid) : current;
	if (task && !task->exit_state)
		err = pi->entry->get_link(task, pi->fd, res);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

static const struct inode_operations proc_magic_link_inode_operations = {
	.hold = proc_hold,
	.evict = proc_evict,
	.get_link = proc_get_link,
};

struct ramfs_inode *proc_make_inode(struct ramfs_inode *parent, const struct pid_entry *entry,
				    int pid, int fd, unsigned long ino)
{
	struct proc_inode *pi = kzalloc(sizeof(*pi), GFP_KERNEL);

	if (!pi)
		return NULL;
	pi->count = 1;
	pi->entry = entry;
	pi->pid = pid;
	pi->fd = fd;
	pi->vfs.ino = ino;
	pi->vfs.mode = entry->mode;
	pi->vfs.i_sdev = PROC_DEV;
	pi->vfs.i_nlink = S_ISDIR(entry->mode) ? 2 : 1;
	pi->dentry.d_name = (char *)entry->name;	/* static, or the number of pid or fd */
	if (!entry->name[0]) {
		snprintf(pi->num, sizeof(pi->num), "%d", fd >= 0 ? fd : pid);
		pi->dentry.d_name = pi->num;
	}
	/* the parent held, so a path walk up stays valid; /proc's own stays anyway */
	pi->dentry.d_parent = d_find_alias(parent);
	if (parent != proc_root)
		ihold(parent);
	pi->dentry.d_inode = &pi->vfs;
	INIT_LIST_HEAD(&pi->dentry.d_child);
	INIT_LIST_HEAD(&pi->dentry.d_subdirs);
	INIT_LIST_HEAD(&pi->vfs.i_dentry);
	list_add(&pi->dentry.d_alias, &pi->vfs.i_dentry);
	pi->vfs.mtime = pi->vfs.atime = pi->vfs.ctime = ktime_get_real_ns() / 1000000000ULL;
	pi->vfs.i_op = entry->iop ? entry->iop : entry->get_link ?
		       &proc_magic_link_inode_operations : &proc_file_inode_operations;
	pi->vfs.i_fop = entry->fop ? entry->fop : &proc_text_operations;
	return &pi->vfs;
}

int proc_make_link(struct ramfs_inode *parent, const struct pid_entry *entry, int pid, int fd,
		   unsigned long ino, struct ramfs_inode **res)
{
	char *target = kmalloc(PROC_LINK_MAX, GFP_KERNEL);
	struct task_struct *task;
	unsigned long flags;
	int err = -ENOENT;

	if (!target)
		return -ENOMEM;
	spin_lock_irqsave(&tasklist_lock, flags);
	task = pid ? find_task_by_pid(pid) : current;
	if (task && !task->exit_state)
		err = entry->link(task, fd, target, PROC_LINK_MAX);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!err) {
		*res = proc_make_inode(parent, entry, pid, fd, ino);
		err = *res ? 0 : -ENOMEM;
	}
	if (err) {
		kfree(target);
		return err;
	}
	(*res)->data = target;
	(*res)->size = strlen(target);
	return 0;
}

bool proc_name_is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && !strncmp(name, want, len);
}

int proc_parse_num(const char *name, size_t len)
{
	int n = 0;

	if (!len || len > 9 || (len > 1 && name[0] == '0'))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		n = n * 10 + name[i] - '0';
	}
	return n;
}

bool proc_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct ramfs_inode *dir = file->f_inode;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		unsigned long parent_ino;

		spin_lock(&ramfs_lock);		/* /proc's own is in the ramfs */
		parent_ino = d_find_alias(dir)->d_parent->d_inode->ino;
		spin_unlock(&ramfs_lock);
		if (!ctx->actor(ctx, "..", 2, 2, parent_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

static int proc_root_lookup(struct ramfs_inode *dir, const char *name, size_t len,
			    struct ramfs_inode **res)
{
	int pid = proc_parse_num(name, len);

	for (unsigned int i = 0; i < ARRAY_SIZE(proc_root_entries); i++) {
		const struct pid_entry *e = &proc_root_entries[i];

		if (!proc_name_is(name, len, e->name))
			continue;
		if (e->link)
			return proc_make_link(dir, e, 0, -1, proc_ino(0, i, -1), res);
		*res = proc_make_inode(dir, e, 0, -1, proc_ino(0, i, -1));
		return *res ? 0 : -ENOMEM;
	}
	if (pid > 0)
		return proc_pid_lookup(dir, pid, res);
	return -ENOENT;
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (!proc_emit_dots(file, ctx))
		return 0;
	for (; ctx->pos < 2 + (loff_t)ARRAY_SIZE(proc_root_entries); ctx->pos++) {
		const struct pid_entry *e = &proc_root_entries[ctx->pos - 2];

		if (!ctx->actor(ctx, e->name, strlen(e->name), ctx->pos + 1,
				proc_ino(0, ctx->pos - 2, -1), fs_umode_to_dtype(e->mode)))
			return 0;
	}
	return proc_pid_readdir(file, ctx, POS_FIRST_PID);
}

static const struct file_operations proc_root_operations = {
	.iterate = proc_root_readdir,
	.llseek = generic_file_llseek,
};

/* ---- text files ------------------------------------------------------------------ */

/* The text an open file reads. */
struct proc_text {
	size_t len;
	char buf[];
};

/*
 * A show_mm file's text: the task's mm is held, and read with its
 * mmap_lock (which sleeps: not under tasklist_lock) held for read, so the
 * process's threads cannot change the VMAs meanwhile (Linux's m_start).
 */
static int proc_mm_show(struct proc_inode *pi, char *buf)
{
	struct task_struct *task;
	struct mm_struct *mm = NULL;
	unsigned long flags;
	int len;

	spin_lock_irqsave(&tasklist_lock, flags);
	task = find_task_by_pid(pi->pid);
	if (task)
		mm = get_task_mm(task);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!task)
		return -ESRCH;
	if (!mm)
		return pi->entry->show_mm(NULL, buf, PROC_TEXT_MAX);
	mmap_read_lock(mm);
	len = pi->entry->show_mm(mm, buf, PROC_TEXT_MAX);
	mmap_read_unlock(mm);
	mmput(mm);
	return len;
}

static int proc_text_open(struct ramfs_inode *inode, struct file *file)
{
	struct proc_inode *pi = PROC_I(inode);
	struct proc_text *text = kmalloc(sizeof(*text) + PROC_TEXT_MAX, GFP_KERNEL);
	struct task_struct *task;
	unsigned long flags;
	int len = -ESRCH;

	if (!text)
		return -ENOMEM;
	if (pi->entry->show_task) {
		spin_lock_irqsave(&tasklist_lock, flags);
		task = find_task_by_pid(pi->pid);
		if (task)
			len = pi->entry->show_task(task, text->buf, PROC_TEXT_MAX);
		spin_unlock_irqrestore(&tasklist_lock, flags);
	} else if (pi->entry->show_mm) {
		len = proc_mm_show(pi, text->buf);
	} else if (pi->entry->show) {
		len = pi->entry->show(text->buf, PROC_TEXT_MAX);
	} else {
		len = -EISDIR;
	}
	if (len < 0) {
		kfree(text);
		return len;	/* the process ended since the lookup */
	}
	text->len = min(len, PROC_TEXT_MAX - 1);
	file->private_data = text;
	return 0;
}

static ssize_t proc_text_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct proc_text *text = file->private_data;
	size_t n;

	if (*pos < 0 || (size_t)*pos >= text->len)
		return 0;
	n = min(count, text->len - (size_t)*pos);
	memcpy(buf, text->buf + *pos, n);
	*pos += n;
	return n;
}

static loff_t proc_text_llseek(struct file *file, loff_t offset, int whence)
{
	struct proc_text *text = file->private_data;
	loff_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? file->f_pos :
		      whence == SEEK_END ? (loff_t)text->len : -1;

	if (base < 0 || base + offset < 0)
		return -EINVAL;
	return file->f_pos = base + offset;
}

static int proc_text_release(struct ramfs_inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static const struct file_operations proc_text_operations = {
	.open = proc_text_open,
	.read = proc_text_read,
	.llseek = proc_text_llseek,
	.release = proc_text_release,
};

void __init proc_root_init(void)
{
	int err = ramfs_create("/proc", S_IFDIR | 0555, 0, 0, NULL, 0, NULL);

	if ((err && err != -EEXIST) || ramfs_lookup("/proc", &proc_root) ||
	    !S_ISDIR(proc_root->mode)) {
		pr_err("proc: cannot make /proc: %d\n", err);
		proc_root = NULL;
		return;
	}
	proc_root->i_op = &proc_root_inode_operations;
	proc_root->i_fop = &proc_root_operations;
	spin_lock(&ramfs_lock);
	ramfs_set_sdev(proc_root, PROC_DEV);	/* fs/proc's root from now on */
	spin_unlock(&ramfs_lock);
}
