// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/root.c: /proc. proc_root_init() makes the directory in the
 * root filesystem and hooks its lookup and listing here (i_op, i_fop):
 *
 *   /proc              ".", "..", meminfo, uptime, mounts, filesystems (the
 *                      last two from fs/namespace.c), then one directory per pid
 *   /proc/<pid>        ".", "..", stat
 *   /proc/<pid>/stat   fs/proc/array.c
 *
 * Inodes below /proc are made by each lookup and counted; iput frees them
 * (fs/namei.c). A file's text is made when it is opened and kept with the
 * open file, so a reader sees one consistent snapshot.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/smp.h>

enum proc_kind { PROC_PID_DIR, PROC_PID_STAT, PROC_UPTIME, PROC_MEMINFO, PROC_CPUINFO,
		 PROC_MOUNTS, PROC_FILESYSTEMS };

struct proc_inode {
	struct ramfs_inode vfs;
	int count;
	enum proc_kind kind;
	int pid;
};

/* The text an open file reads. */
struct proc_text {
	size_t len;
	char buf[];
};

#define PROC_TEXT_MAX 4096	/* /proc/cpuinfo of 16 CPUs fits */
#define POS_FIRST_PID 16	/* /proc listing: pos 2.. fixed names, then 16 + pid */

static struct ramfs_inode *proc_root;
static const struct inode_operations proc_pid_inode_operations;
static const struct inode_operations proc_file_inode_operations;
static const struct file_operations proc_pid_dir_operations;
static const struct file_operations proc_text_operations;

static struct proc_inode *PROC_I(struct ramfs_inode *inode)
{
	return container_of(inode, struct proc_inode, vfs);
}

/* Inode numbers: Linux's are arbitrary too; these just stay apart from the ramfs's. */
static unsigned long proc_ino(enum proc_kind kind, int pid)
{
	return 0x10000000UL + ((unsigned long)pid << 4) + kind;
}

static struct ramfs_inode *proc_new_inode(struct ramfs_inode *parent, const char *name,
					  enum proc_kind kind, int pid)
{
	struct proc_inode *pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	bool dir = kind == PROC_PID_DIR;

	if (!pi)
		return NULL;
	pi->count = 1;
	pi->kind = kind;
	pi->pid = pid;
	pi->vfs.ino = proc_ino(kind, pid);
	pi->vfs.mode = dir ? S_IFDIR | 0555 : S_IFREG | 0444;
	pi->vfs.name = (char *)name;	/* static strings; the pid directory's is "" */
	pi->vfs.parent = dir ? proc_root : parent;
	pi->vfs.mtime = get_jiffies_64() / HZ;
	INIT_LIST_HEAD(&pi->vfs.children);
	INIT_LIST_HEAD(&pi->vfs.sibling);
	pi->vfs.i_op = dir ? &proc_pid_inode_operations : &proc_file_inode_operations;
	pi->vfs.i_fop = dir ? &proc_pid_dir_operations : &proc_text_operations;
	return &pi->vfs;
}

static void proc_hold(struct ramfs_inode *inode)
{
	PROC_I(inode)->count++;
}

static void proc_evict(struct ramfs_inode *inode)
{
	if (!--PROC_I(inode)->count)
		kfree(PROC_I(inode));
}

static bool task_exists(int pid)
{
	unsigned long flags;
	bool found;

	spin_lock_irqsave(&tasklist_lock, flags);
	found = pid > 0 && find_task_by_pid(pid);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

static int name_is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && !strncmp(name, want, len);
}

/* A pid in decimal, or -1. */
static int parse_pid(const char *name, size_t len)
{
	int pid = 0;

	if (!len || len > 9)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		pid = pid * 10 + name[i] - '0';
	}
	return pid;
}

static int make(struct ramfs_inode *parent, const char *name, enum proc_kind kind, int pid,
		struct ramfs_inode **res)
{
	*res = proc_new_inode(parent, name, kind, pid);
	return *res ? 0 : -ENOMEM;
}

static int proc_root_lookup(struct ramfs_inode *dir, const char *name, size_t len,
			    struct ramfs_inode **res)
{
	int pid = parse_pid(name, len);

	if (name_is(name, len, "uptime"))
		return make(dir, "uptime", PROC_UPTIME, 0, res);
	if (name_is(name, len, "meminfo"))
		return make(dir, "meminfo", PROC_MEMINFO, 0, res);
	if (name_is(name, len, "cpuinfo"))
		return make(dir, "cpuinfo", PROC_CPUINFO, 0, res);
	if (name_is(name, len, "mounts"))
		return make(dir, "mounts", PROC_MOUNTS, 0, res);
	if (name_is(name, len, "filesystems"))
		return make(dir, "filesystems", PROC_FILESYSTEMS, 0, res);
	if (pid > 0 && task_exists(pid))
		return make(dir, "", PROC_PID_DIR, pid, res);
	return -ENOENT;
}

static int proc_pid_lookup(struct ramfs_inode *dir, const char *name, size_t len,
			   struct ramfs_inode **res)
{
	if (name_is(name, len, "stat"))
		return make(dir, "stat", PROC_PID_STAT, PROC_I(dir)->pid, res);
	return -ENOENT;
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
};

static const struct inode_operations proc_pid_inode_operations = {
	.lookup = proc_pid_lookup,
	.hold = proc_hold,
	.evict = proc_evict,
};

static const struct inode_operations proc_file_inode_operations = {
	.hold = proc_hold,
	.evict = proc_evict,
};

/* ---- listing ------------------------------------------------------------------ */

struct pid_list {
	int n;
	int pids[256];
};

static int collect_pid(struct task_struct *p, void *arg)
{
	struct pid_list *list = arg;

	if (p->pid > 0 && list->n < (int)ARRAY_SIZE(list->pids))
		list->pids[list->n++] = p->pid;
	return 0;
}

static bool emit_dots(struct file *file, struct dir_context *ctx)
{
	struct ramfs_inode *dir = file->f_inode;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->ino, DT_DIR))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, dir->parent->ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}

static const char *const root_files[] = { "cpuinfo", "meminfo", "uptime", "mounts",
					  "filesystems" };
static const enum proc_kind root_kinds[] = { PROC_CPUINFO, PROC_MEMINFO, PROC_UPTIME,
					     PROC_MOUNTS, PROC_FILESYSTEMS };

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	struct pid_list *list;

	if (!emit_dots(file, ctx))
		return 0;
	for (; ctx->pos < 2 + (loff_t)ARRAY_SIZE(root_files); ctx->pos++) {
		const char *name = root_files[ctx->pos - 2];
		enum proc_kind kind = root_kinds[ctx->pos - 2];

		if (!ctx->actor(ctx, name, strlen(name), ctx->pos + 1, proc_ino(kind, 0), DT_REG))
			return 0;
	}
	if (ctx->pos < POS_FIRST_PID)
		ctx->pos = POS_FIRST_PID;

	list = kzalloc(sizeof(*list), GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	for_each_task(collect_pid, list);	/* under tasklist_lock */
	/* In pid order, resuming at the first pid not yet listed. */
	for (;;) {
		int next = -1;
		char name[12];

		for (int i = 0; i < list->n; i++)
			if (list->pids[i] >= ctx->pos - POS_FIRST_PID &&
			    (next < 0 || list->pids[i] < next))
				next = list->pids[i];
		if (next < 0)
			break;
		ctx->pos = POS_FIRST_PID + next;
		if (!ctx->actor(ctx, name, snprintf(name, sizeof(name), "%d", next),
				ctx->pos + 1, proc_ino(PROC_PID_DIR, next), DT_DIR))
			break;
		ctx->pos++;
	}
	kfree(list);
	return 0;
}

static int proc_pid_readdir(struct file *file, struct dir_context *ctx)
{
	int pid = PROC_I(file->f_inode)->pid;

	if (!emit_dots(file, ctx))
		return 0;
	if (ctx->pos == 2 &&
	    ctx->actor(ctx, "stat", 4, 3, proc_ino(PROC_PID_STAT, pid), DT_REG))
		ctx->pos = 3;
	return 0;
}

static const struct file_operations proc_root_operations = {
	.iterate = proc_root_readdir,
	.llseek = generic_file_llseek,
};

static const struct file_operations proc_pid_dir_operations = {
	.iterate = proc_pid_readdir,
	.llseek = generic_file_llseek,
};

/* ---- text files ------------------------------------------------------------------ */

static int show_uptime(char *buf, size_t size)
{
	u64 up = get_jiffies_64();
	u64 idle = init_task.utime + init_task.stime;	/* the idle task's ticks */

	return snprintf(buf, size, "%llu.%02llu %llu.%02llu\n", up / HZ, up % HZ * 100 / HZ,
			idle / HZ, idle % HZ * 100 / HZ);
}

static int show_meminfo(char *buf, size_t size)
{
	unsigned long kb = PAGE_SIZE / 1024;

	return snprintf(buf, size, "MemTotal:       %8lu kB\nMemFree:        %8lu kB\n"
			"MemAvailable:   %8lu kB\n",
			totalram_pages() * kb, nr_free_pages() * kb, nr_free_pages() * kb);
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
	switch (pi->kind) {
	case PROC_PID_STAT:
		spin_lock_irqsave(&tasklist_lock, flags);
		task = find_task_by_pid(pi->pid);
		if (task)
			len = proc_pid_stat(task, text->buf, PROC_TEXT_MAX);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		break;
	case PROC_UPTIME:
		len = show_uptime(text->buf, PROC_TEXT_MAX);
		break;
	case PROC_MEMINFO:
		len = show_meminfo(text->buf, PROC_TEXT_MAX);
		break;
	case PROC_CPUINFO:
		len = show_cpuinfo(text->buf, PROC_TEXT_MAX);
		break;
	case PROC_MOUNTS:
		len = proc_show_mounts(text->buf, PROC_TEXT_MAX);
		break;
	case PROC_FILESYSTEMS:
		len = proc_show_filesystems(text->buf, PROC_TEXT_MAX);
		break;
	default:
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
}
