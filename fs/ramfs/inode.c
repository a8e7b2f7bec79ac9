// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ramfs/inode.c: the root filesystem, a tree of names (struct dentry,
 * include/linux/dcache.h) naming inodes (include/linux/ramfs.h) in kernel
 * memory. init/initramfs.c fills it from the initramfs at boot; the
 * system calls then look paths up, list directories, and make, link,
 * move and remove entries (fs/namei.c, fs/open.c say when they may).
 *
 * Link counts as Linux keeps them: a file's i_nlink is its number of
 * names; a directory's is 2 (its name and its ".") plus one per
 * subdirectory (their ".."), so mkdir, rmdir and a rename of a directory
 * to another parent change the parent's count.
 *
 * Arch-independent, and unit-tested on the host.
 */
#include <linux/errno.h>
#include <linux/ramfs.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct ramfs_inode root_inode;
static struct dentry root_dentry = {
	.d_name = "",
	.d_parent = &root_dentry,	/* "/.." is "/" */
	.d_inode = &root_inode,
	.d_child = LIST_HEAD_INIT(root_dentry.d_child),
	.d_subdirs = LIST_HEAD_INIT(root_dentry.d_subdirs),
	.d_alias = { &root_inode.i_dentry, &root_inode.i_dentry },
};
static struct ramfs_inode root_inode = {
	.ino = 1,
	.mode = S_IFDIR | 0755,
	.i_sdev = ROOTFS_DEV,
	.i_nlink = 2,
	.i_dentry = { &root_dentry.d_alias, &root_dentry.d_alias },
};
static unsigned long next_ino = 2;

struct ramfs_inode *ramfs_root(void)
{
	return &root_inode;
}

static struct dentry *find_child(struct ramfs_inode *dir, const char *name, size_t len)
{
	struct dentry *parent = d_find_alias(dir), *child;

	if (!parent)
		return NULL;
	list_for_each_entry(child, &parent->d_subdirs, d_child)
		if (!strncmp(child->d_name, name, len) && !child->d_name[len])
			return child;
	return NULL;
}

/* The directory holding dir ("/" for "/"). */
static struct ramfs_inode *parent_dir(struct ramfs_inode *dir)
{
	struct dentry *dentry = d_find_alias(dir);

	return dentry ? dentry->d_parent->d_inode : dir;
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
	struct dentry *child;
	size_t n;

	while ((n = next_component(&p, end, &name))) {
		if (n > RAMFS_NAME_MAX)
			return -ENAMETOOLONG;
		if (!S_ISDIR(cur->mode))
			return -ENOTDIR;
		if (n == 1 && name[0] == '.')
			continue;
		if (n == 2 && name[0] == '.' && name[1] == '.') {
			cur = parent_dir(cur);
			continue;
		}
		child = find_child(cur, name, n);
		if (!child)
			return -ENOENT;
		cur = child->d_inode;
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

/* May name[0..len) be made in dir? 0 or -errno. */
static int may_create(struct ramfs_inode *dir, const char *name, size_t len)
{
	if (!len || dot_or_dotdot(name, len))
		return len ? -EEXIST : -EINVAL;
	if (len > RAMFS_NAME_MAX)
		return -ENAMETOOLONG;
	if (!S_ISDIR(dir->mode))
		return -ENOTDIR;
	if (!dir->i_nlink)
		return -ENOENT;		/* removed: Linux's IS_DEADDIR */
	if (find_child(dir, name, len))
		return -EEXIST;
	return 0;
}

int ramfs_new_child(struct ramfs_inode *dir, const char *name, size_t len, umode_t mode,
		    u32 rdev, struct ramfs_inode **result)
{
	struct ramfs_inode *inode;
	int err = may_create(dir, name, len);

	if (err)
		return err;
	inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return -ENOMEM;
	INIT_LIST_HEAD(&inode->i_dentry);
	if (!d_alloc_name(d_find_alias(dir), name, len, inode)) {
		kfree(inode);
		return -ENOMEM;
	}
	inode->ino = next_ino++;
	inode->mode = mode;
	inode->rdev = rdev;
	inode->i_sdev = dir->i_sdev;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	if (S_ISDIR(mode))
		dir->i_nlink++;		/* the new directory's ".." */
	*result = inode;
	return 0;
}

int ramfs_link(struct ramfs_inode *inode, struct ramfs_inode *dir, const char *name,
	       size_t len)
{
	int err = may_create(dir, name, len);

	if (err)
		return err;
	if (inode->i_sdev != dir->i_sdev)
		return -EXDEV;
	if (S_ISDIR(inode->mode))
		return -EPERM;
	if (!inode->i_nlink)
		return -ENOENT;
	if (!d_alloc_name(d_find_alias(dir), name, len, inode))
		return -ENOMEM;
	inode->i_nlink++;
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
	struct ramfs_inode *dir;
	struct dentry *dentry;

	while ((dentry = list_first_entry_or_null(&inode->i_dentry, struct dentry, d_alias))) {
		dir = dentry->d_parent->d_inode;	/* held by a kept dentry */
		d_free(dentry);
		ramfs_put(dir);
	}
	kfree(inode->data);
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
	if (!inode->i_count && !inode->i_nlink && inode != &root_inode)
		free_inode(inode);
}

struct dentry *ramfs_lookup_dentry(struct ramfs_inode *dir, const char *name, size_t len)
{
	return S_ISDIR(dir->mode) ? find_child(dir, name, len) : NULL;
}

void ramfs_unlink(struct dentry *dentry)
{
	struct ramfs_inode *inode = dentry->d_inode, *dir = dentry->d_parent->d_inode;

	if (dentry == &root_dentry || dentry->d_unhashed)
		return;
	list_del_init(&dentry->d_child);
	if (S_ISDIR(inode->mode)) {
		inode->i_nlink = 0;	/* its name and its "." */
		dir->i_nlink--;		/* its ".." */
	} else {
		inode->i_nlink--;
	}
	if (!inode->i_nlink && inode->i_count) {
		/* still open: keep the name for /proc/PID/fd, " (deleted)" */
		dentry->d_unhashed = true;
		ramfs_get(dir);
		return;
	}
	d_free(dentry);
	if (!inode->i_nlink)
		free_inode(inode);
}

bool ramfs_dir_empty(struct ramfs_inode *dir)
{
	struct dentry *dentry = d_find_alias(dir);

	return !dentry || list_empty(&dentry->d_subdirs);
}

int ramfs_rename(struct dentry *dentry, struct ramfs_inode *dir, const char *name,
		 size_t len)
{
	struct ramfs_inode *inode = dentry->d_inode, *a;
	struct dentry *old;
	char *new_name;

	if (len > RAMFS_NAME_MAX)
		return -ENAMETOOLONG;
	if (!len || dot_or_dotdot(name, len) || dentry == &root_dentry || dentry->d_unhashed)
		return -EINVAL;
	if (!dir->i_nlink)
		return -ENOENT;
	for (a = dir; ; a = parent_dir(a)) {	/* not into itself */
		if (a == inode)
			return -EINVAL;
		if (a == &root_inode)
			break;
	}
	old = find_child(dir, name, len);
	if (old == dentry || (old && old->d_inode == inode))
		return 0;		/* two names of one inode: nothing to do, as Linux */
	new_name = kmalloc(len + 1, GFP_KERNEL);
	if (!new_name)
		return -ENOMEM;
	memcpy(new_name, name, len);
	new_name[len] = '\0';
	if (old)
		ramfs_unlink(old);
	if (S_ISDIR(inode->mode)) {	/* its ".." moves */
		dentry->d_parent->d_inode->i_nlink--;
		dir->i_nlink++;
	}
	kfree(dentry->d_name);
	dentry->d_name = new_name;
	list_del(&dentry->d_child);
	dentry->d_parent = d_find_alias(dir);
	list_add_tail(&dentry->d_child, &dentry->d_parent->d_subdirs);
	return 0;
}

void ramfs_set_sdev(struct ramfs_inode *dir, u32 dev)
{
	struct dentry *dentry = d_find_alias(dir), *child;

	dir->i_sdev = dev;
	if (!S_ISDIR(dir->mode) || !dentry)
		return;
	list_for_each_entry(child, &dentry->d_subdirs, d_child)
		ramfs_set_sdev(child->d_inode, dev);
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
	struct dentry *dentry = ramfs_lookup_dentry(dir, name, len);

	return dentry ? dentry->d_inode : NULL;
}

struct dentry *ramfs_dir_entry(struct ramfs_inode *dir, unsigned long index)
{
	struct dentry *parent = d_find_alias(dir), *child;

	if (!parent)
		return NULL;
	list_for_each_entry(child, &parent->d_subdirs, d_child)
		if (!index--)
			return child;
	return NULL;
}
