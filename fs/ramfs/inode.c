// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ramfs/inode.c: the root filesystem, a tree of inodes in kernel memory
 * (include/linux/ramfs.h). init/initramfs.c fills it from the initramfs at
 * boot; afterwards it is only read: path lookup and directory listing for
 * the system calls. Arch-independent, and unit-tested on the host.
 */
#include <linux/errno.h>
#include <linux/ramfs.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct ramfs_inode root_inode = {
	.ino = 1,
	.mode = S_IFDIR | 0755,
	.name = "",
	.parent = &root_inode,	/* "/.." is "/" */
	.children = LIST_HEAD_INIT(root_inode.children),
};
static unsigned long next_ino = 2;

struct ramfs_inode *ramfs_root(void)
{
	return &root_inode;
}

static struct ramfs_inode *find_child(struct ramfs_inode *dir, const char *name, size_t len)
{
	struct ramfs_inode *child;

	list_for_each_entry(child, &dir->children, sibling)
		if (!strncmp(child->name, name, len) && !child->name[len])
			return child;
	return NULL;
}

/* The next component of the path at *p (skipping slashes): its length, 0 at the end. */
static size_t next_component(const char **p, const char *end, const char **name)
{
	while (*p < end && **p == '/')
		(*p)++;
	*name = *p;
	while (*p < end && **p != '/')
		(*p)++;
	return *p - *name;
}

/* Look up path[0..len). */
static int lookup(const char *path, size_t len, struct ramfs_inode **result)
{
	struct ramfs_inode *cur = &root_inode;
	const char *p = path, *end = path + len, *name;
	size_t n;

	while ((n = next_component(&p, end, &name))) {
		if (n > RAMFS_NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(cur->mode))
			return -ENOTDIR;
		if (n == 1 && name[0] == '.')
			continue;
		if (n == 2 && name[0] == '.' && name[1] == '.') {
			cur = cur->parent;
			continue;
		}
		cur = find_child(cur, name, n);
		if (!cur)
			return -ENOENT;
	}
	*result = cur;
	return 0;
}

static int check_path(const char *path)
{
	if (!path || path[0] != '/')
		return -EINVAL;
	if (strnlen(path, RAMFS_PATH_MAX) == RAMFS_PATH_MAX)
		return -ENAMETOOLONG;
	return 0;
}

int ramfs_lookup(const char *path, struct ramfs_inode **result)
{
	int err = check_path(path);

	return err ? err : lookup(path, strlen(path), result);
}

int ramfs_create(const char *path, umode_t mode, u32 rdev, u64 mtime, const void *data,
		 size_t size, struct ramfs_inode **result)
{
	const char *p, *end, *name, *last = NULL;
	struct ramfs_inode *dir, *inode;
	size_t n, last_len = 0;
	int err = check_path(path);

	if (err)
		return err;
	p = path;
	end = path + strlen(path);
	while ((n = next_component(&p, end, &name))) {	/* find the last one */
		last = name;
		last_len = n;
	}
	if (!last)			/* "/" exists already */
		return -EEXIST;
	if (last_len > RAMFS_NAME_MAX)
		return -ENAMETOOLONG;
	if ((last_len == 1 && last[0] == '.') || (last_len == 2 && !strncmp(last, "..", 2)))
		return -EINVAL;
	err = lookup(path, last - path, &dir);
	if (err)
		return err;
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (find_child(dir, last, last_len))
		return -EEXIST;

	inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return -ENOMEM;
	inode->name = kmalloc(last_len + 1, GFP_KERNEL);
	if (size)
		inode->data = kmalloc(size, GFP_KERNEL);
	if (!inode->name || (size && !inode->data)) {
		kfree(inode->name);
		kfree(inode->data);
		kfree(inode);
		return -ENOMEM;
	}
	memcpy(inode->name, last, last_len);
	inode->name[last_len] = '\0';
	if (size)
		memcpy(inode->data, data, size);
	inode->size = size;
	inode->ino = next_ino++;
	inode->mode = mode;
	inode->rdev = rdev;
	inode->mtime = mtime;
	inode->parent = dir;
	INIT_LIST_HEAD(&inode->children);
	list_add_tail(&inode->sibling, &dir->children);
	if (result)
		*result = inode;
	return 0;
}

struct ramfs_inode *ramfs_lookup_child(struct ramfs_inode *dir, const char *name, size_t len)
{
	return S_ISDIR(dir->mode) ? find_child(dir, name, len) : NULL;
}

struct ramfs_inode *ramfs_dir_entry(struct ramfs_inode *dir, unsigned long index)
{
	struct ramfs_inode *child;

	list_for_each_entry(child, &dir->children, sibling)
		if (!index--)
			return child;
	return NULL;
}
