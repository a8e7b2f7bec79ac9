/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/ramfs.h: the root filesystem, a tree of inodes kept in
 * kernel memory (fs/ramfs/inode.c), filled once from the initramfs at boot
 * (init/initramfs.c), then changed by the system calls as Linux's rootfs is:
 * files created, written, truncated, renamed and unlinked, directories made
 * and removed, symbolic links. Directories, regular files, symbolic links
 * and character devices (/dev/console).
 *
 * An inode is also its one directory entry (name, parent): there are no
 * hard links. Unlinking takes the inode out of its directory; it is freed
 * when nothing holds it any more (i_count: open files, working directories,
 * path walks in progress; ramfs_get/ramfs_put).
 */
#ifndef __LINUX_RAMFS_H
#define __LINUX_RAMFS_H

#include <linux/list.h>
#include <linux/stat.h>
#include <linux/types.h>

#define RAMFS_NAME_MAX 255
#define RAMFS_PATH_MAX 4096
#define RAMFS_FILE_MAX (256UL << 20)	/* largest regular file: -EFBIG past it */

struct inode_operations;
struct file_operations;

struct ramfs_inode {
	unsigned long ino;
	umode_t mode;		/* S_IFDIR/S_IFREG/S_IFLNK/S_IFCHR | permissions */
	u32 rdev;		/* MKDEV(major, minor) of a device */
	u32 uid, gid;
	u64 mtime;		/* seconds, as the archive says */
	u64 atime, ctime;	/* seconds */
	u32 mtime_nsec, atime_nsec, ctime_nsec;
	size_t size;
	void *data;		/* file contents or link target (size bytes) */
	size_t capacity;	/* bytes allocated at data (>= size) */
	int i_count;		/* holders (see above); ramfs inodes only */
	bool unlinked;		/* out of its directory: freed at i_count 0 */
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

/*
 * Create the entry name[0..len) of directory dir, empty, with mode and
 * device number: 0 and *result, or -EEXIST, -ENOTDIR, -ENOMEM,
 * -ENAMETOOLONG, -EINVAL ("." or ".."). The new inode is not held.
 */
int ramfs_new_child(struct ramfs_inode *dir, const char *name, size_t len, umode_t mode,
		    u32 rdev, struct ramfs_inode **result);
/* Take inode out of its directory; freed now if nothing holds it. */
void ramfs_unlink(struct ramfs_inode *inode);
/*
 * Move inode to directory dir under name[0..len), replacing what is there
 * (the caller has checked it may). 0, or -ENOMEM, -ENAMETOOLONG, -EINVAL
 * (inode is dir or one of its ancestors).
 */
int ramfs_rename(struct ramfs_inode *inode, struct ramfs_inode *dir, const char *name,
		 size_t len);
/* Set a regular file's size: the new bytes read as zeros. 0 or -ENOMEM, -EFBIG. */
int ramfs_resize(struct ramfs_inode *inode, size_t size);
/* Directories have no entries but "." and ".."? */
bool ramfs_dir_empty(struct ramfs_inode *dir);
/* One more holder of a ramfs inode; ramfs_put drops it (and frees if unlinked). */
void ramfs_get(struct ramfs_inode *inode);
void ramfs_put(struct ramfs_inode *inode);

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
