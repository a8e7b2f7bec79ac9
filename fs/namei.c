// SPDX-License-Identifier: GPL-2.0
/*
 * fs/namei.c: from a path name to an inode, for open, stat and chdir.
 *
 * The walk starts at "/" for an absolute path, else at the directory the
 * caller gives (the working directory for AT_FDCWD). It goes through the
 * ramfs tree one component at a time; "." stays, ".." goes up ("/.." is
 * "/"). A directory whose inode has i_op->lookup belongs to another
 * filesystem (fs/proc on /proc), which makes its entries on demand: those
 * inodes are given back with iput(), which frees them. Symbolic links are
 * not followed (the ramfs does not follow them either).
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

void iput(struct ramfs_inode *inode)
{
	if (inode && inode->i_op && inode->i_op->evict)
		inode->i_op->evict(inode);
}

struct ramfs_inode *current_cwd(void)
{
	struct ramfs_inode *cwd = current->cwd;

	return cwd ? cwd : ramfs_root();
}

/*
 * One step from dir to its entry name[0..len): 0 and *next, or -errno.
 * *made says whether *next was made on demand (the walk then owns it).
 */
static int walk_component(struct ramfs_inode *dir, const char *name, size_t len,
			  struct ramfs_inode **next, bool *made)
{
	*made = false;
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (len > RAMFS_NAME_MAX)
		return -ENAMETOOLONG;
	if (len == 1 && name[0] == '.') {
		*next = dir;
		return 0;
	}
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*next = dir->parent;	/* fs/proc's inodes: parent is /proc itself */
		return 0;
	}
	if (dir->i_op && dir->i_op->lookup) {
		int err = dir->i_op->lookup(dir, name, len, next);

		*made = !err;
		return err;
	}
	*next = ramfs_lookup_child(dir, name, len);
	return *next ? 0 : -ENOENT;
}

static int path_walk(struct ramfs_inode *start, const char *path, struct ramfs_inode **res)
{
	struct ramfs_inode *cur = path[0] == '/' ? ramfs_root() : start;
	bool owned = false;	/* cur was made by this walk: iput it when leaving */
	const char *p = path;

	if (!*path)
		return -ENOENT;
	if (strnlen(path, RAMFS_PATH_MAX) == RAMFS_PATH_MAX)
		return -ENAMETOOLONG;
	for (;;) {
		struct ramfs_inode *next;
		const char *name;
		bool made;
		int err;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		name = p;
		while (*p && *p != '/')
			p++;
		err = walk_component(cur, name, p - name, &next, &made);
		if (err || next != cur) {
			if (owned)
				iput(cur);
			if (err)
				return err;
			owned = made;
		}
		cur = next;
	}
	if (!owned && cur->i_op && cur->i_op->hold)
		cur->i_op->hold(cur);	/* "." of a /proc directory fd */
	*res = cur;
	return 0;
}

int filename_lookup(int dfd, const char *path, struct ramfs_inode **res)
{
	struct ramfs_inode *start;
	struct file *dir = NULL;
	int err;

	if (path[0] == '/' || dfd == AT_FDCWD) {
		start = current_cwd();
	} else {
		dir = fget(dfd);
		if (!dir)
			return -EBADF;
		start = dir->f_inode;
		if (!S_ISDIR(start->mode)) {
			fput(dir);
			return -ENOTDIR;
		}
	}
	err = path_walk(start, path, res);
	if (dir)
		fput(dir);
	return err;
}

char *getname(const char __user *filename, int *err)
{
	char *name = kmalloc(RAMFS_PATH_MAX, GFP_KERNEL);
	long len;

	if (!name) {
		*err = -ENOMEM;
		return NULL;
	}
	len = strncpy_from_user(name, filename, RAMFS_PATH_MAX);
	if (len < 0 || len == RAMFS_PATH_MAX) {
		*err = len < 0 ? -EFAULT : -ENAMETOOLONG;
		kfree(name);
		return NULL;
	}
	return name;
}

void putname(char *name)
{
	kfree(name);
}
