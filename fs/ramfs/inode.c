// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ramfs/inode.c: the root filesystem, a tree of inodes in kernel memory
 * (include/linux/ramfs.h). init/initramfs.c fills it from the initramfs at
 * boot; the system calls then look paths up, list directories, and make,
 * grow, move and remove entries (fs/namei.c, fs/open.c say when they may).
 * Arch-independent, and unit-tested on the host.
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

static bool dot_or_dotdot(const char *name, size_t len)
{
	return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}

int ramfs_new_child(struct ramfs_inode *dir, const char *name, size_t len, umode_t mode,
		    u32 rdev, struct ramfs_inode **result)
{
	struct ramfs_inode *inode;

	if (!len || dot_or_dotdot(name, len))
		return len ? -EEXIST : -EINVAL;
	if (len > RAMFS_NAME_MAX)
		return -ENAMETOOLONG;
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (find_child(dir, name, len))
		return -EEXIST;
	inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return -ENOMEM;
	inode->name = kmalloc(len + 1, GFP_KERNEL);
	if (!inode->name) {
		kfree(inode);
		return -ENOMEM;
	}
	memcpy(inode->name, name, len);
	inode->name[len] = '\0';
	inode->ino = next_ino++;
	inode->mode = mode;
	inode->rdev = rdev;
	inode->parent = dir;
	INIT_LIST_HEAD(&inode->children);
	list_add_tail(&inode->sibling, &dir->children);
	*result = inode;
	return 0;
}

int ramfs_create(const char *path, umode_t mode, u32 rdev, u64 mtime, const void *data,
		 size_t size, struct ramfs_inode **result)
{
	const char *p, *end, *name, *last = NULL;
	struct ramfs_inode *dir, *inode;
	size_t n, last_len = 0;
	void *data_copy = NULL;
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
	if (dot_or_dotdot(last, last_len))
		return -EINVAL;
	err = lookup(path, last - path, &dir);
	if (err)
		return err;
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (find_child(dir, last, last_len))
		return -EEXIST;
	if (size && !(data_copy = kmalloc(size, GFP_KERNEL)))
		return -ENOMEM;
	err = ramfs_new_child(dir, last, last_len, mode, rdev, &inode);
	if (err) {
		kfree(data_copy);
		return err;
	}
	if (size)
		memcpy(data_copy, data, size);
	inode->data = data_copy;
	inode->size = inode->capacity = size;
	inode->mtime = inode->atime = inode->ctime = mtime;
	if (result)
		*result = inode;
	return 0;
}

static void free_inode(struct ramfs_inode *inode)
{
	kfree(inode->data);
	kfree(inode->name);
	kfree(inode);
}

void ramfs_get(struct ramfs_inode *inode)
{
	inode->i_count++;
}

void ramfs_put(struct ramfs_inode *inode)
{
	if (inode->i_count > 0)
		inode->i_count--;
	if (!inode->i_count && inode->unlinked)
		free_inode(inode);
}

void ramfs_unlink(struct ramfs_inode *inode)
{
	if (inode == &root_inode || inode->unlinked)
		return;
	list_del_init(&inode->sibling);
	inode->unlinked = true;
	if (!inode->i_count)
		free_inode(inode);
}

bool ramfs_dir_empty(struct ramfs_inode *dir)
{
	return list_empty(&dir->children);
}

int ramfs_rename(struct ramfs_inode *inode, struct ramfs_inode *dir, const char *name,
		 size_t len)
{
	struct ramfs_inode *old, *a;
	char *new_name;

	if (len > RAMFS_NAME_MAX)
		return -ENAMETOOLONG;
	if (!len || dot_or_dotdot(name, len) || inode == &root_inode)
		return -EINVAL;
	for (a = dir; ; a = a->parent) {	/* not into itself */
		if (a == inode)
			return -EINVAL;
		if (a == &root_inode)
			break;
	}
	old = find_child(dir, name, len);
	if (old == inode)
		return 0;
	new_name = kmalloc(len + 1, GFP_KERNEL);
	if (!new_name)
		return -ENOMEM;
	memcpy(new_name, name, len);
	new_name[len] = '\0';
	if (old)
		ramfs_unlink(old);
	kfree(inode->name);
	inode->name = new_name;
	list_del(&inode->sibling);
	inode->parent = dir;
	list_add_tail(&inode->sibling, &dir->children);
	return 0;
}

int ramfs_resize(struct ramfs_inode *inode, size_t size)
{
	if (size > RAMFS_FILE_MAX)
		return -EFBIG;
	if (size > inode->capacity) {
		size_t cap = inode->capacity < 64 ? 64 : inode->capacity;
		char *data;

		while (cap < size)
			cap *= 2;
		data = kzalloc(cap, GFP_KERNEL);	/* mmap may show the tail */
		if (!data)
			return -ENOMEM;
		if (inode->size)
			memcpy(data, inode->data, inode->size);
		kfree(inode->data);
		inode->data = data;
		inode->capacity = cap;
	}
	if (size > inode->size)
		memset((char *)inode->data + inode->size, 0, size - inode->size);
	inode->size = size;
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
