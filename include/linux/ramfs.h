/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/ramfs.h: the root filesystem, a tree of inodes kept in
 * kernel memory (fs/ramfs/inode.c), filled once from the initramfs at boot
 * (init/initramfs.c) and read-only afterwards. Directories, regular files,
 * symbolic links and character devices (/dev/console).
 */
#ifndef __LINUX_RAMFS_H
#define __LINUX_RAMFS_H

#include <linux/list.h>
#include <linux/stat.h>
#include <linux/types.h>

#define RAMFS_NAME_MAX 255
#define RAMFS_PATH_MAX 4096

struct inode_operations;
struct file_operations;

struct ramfs_inode {
	unsigned long ino;
	umode_t mode;		/* S_IFDIR/S_IFREG/S_IFLNK/S_IFCHR | permissions */
	u32 rdev;		/* MKDEV(major, minor) of a device */
	u64 mtime;		/* seconds, as the archive says */
	size_t size;
	void *data;		/* file contents or link target (size bytes) */
	char *name;		/* "" for the root */
	struct ramfs_inode *parent;
	struct list_head children;	/* of a directory, in creation order */
	struct list_head sibling;	/* in the parent's children */
	/*
	 * NULL for the ramfs's own inodes. Set where another filesystem takes
	 * over a directory (fs/proc on /proc) and on the inodes it makes.
	 */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	void *i_private;
};

#define MKDEV(ma, mi) (((u32)(ma) << 20) | (mi))
#define MAJOR(dev) ((dev) >> 20)
#define MINOR(dev) ((dev) & 0xfffff)

struct ramfs_inode *ramfs_root(void);

/*
 * Find the inode of an absolute path ("/bin/sh"; "." and ".." and repeated
 * slashes allowed; symbolic links are not followed). 0, or -ENOENT,
 * -ENOTDIR (a component is not a directory), -ENAMETOOLONG, -EINVAL (not
 * absolute).
 */
int ramfs_lookup(const char *path, struct ramfs_inode **result);

/*
 * Create path (its parent must exist) with mode, device number and a copy
 * of data[0..size). 0, or -EEXIST, -ENOENT, -ENOTDIR, -ENOMEM,
 * -ENAMETOOLONG, -EINVAL.
 */
int ramfs_create(const char *path, umode_t mode, u32 rdev, u64 mtime, const void *data,
		 size_t size, struct ramfs_inode **result);

/* The entry name[0..len) of directory dir, or NULL (fs/namei.c walks with it). */
struct ramfs_inode *ramfs_lookup_child(struct ramfs_inode *dir, const char *name, size_t len);

/* The index-th entry of a directory (for getdents), or NULL past the end. */
struct ramfs_inode *ramfs_dir_entry(struct ramfs_inode *dir, unsigned long index);

/*
 * Unpack a newc cpio archive into the tree (init/initramfs.c): 0, or a
 * negative errno with *error saying what is wrong with the archive.
 */
int unpack_to_rootfs(const char *buf, size_t len, const char **error);
/* Unpack the boot loader's initrd, if there is one (start_kernel). */
void populate_rootfs(void);
/* The boot loader gave an initramfs and it unpacked without error. */
extern bool initramfs_unpacked;

#endif
