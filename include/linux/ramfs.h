/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/ramfs.h: the root filesystem, a tree of inodes kept in
 * kernel memory (fs/ramfs/inode.c), filled once from the initramfs at boot
 * (init/initramfs.c), then changed by the system calls as Linux's rootfs is:
 * files created, written, truncated, renamed and unlinked, directories made
 * and removed, symbolic links. Directories, regular files, symbolic links
 * and character devices (/dev/console).
 *
 * An inode is the file; its names are dentries (include/linux/dcache.h),
 * one per directory entry: hard links give an inode several, counted in
 * i_nlink (a directory's is 2 + its subdirectories, as Linux counts:
 * its name, its ".", each subdirectory's ".."). Unlinking takes a dentry
 * out of its directory; the inode is freed when it has no name left and
 * nothing holds it any more (i_count: open files, working directories,
 * mappings, path walks in progress; ramfs_get/ramfs_put).
 */
#ifndef __LINUX_RAMFS_H
#define __LINUX_RAMFS_H

#include <linux/atomic.h>
#include <linux/dcache.h>
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
	u32 i_sdev;		/* st_dev: the filesystem it is on (Linux's i_sb->s_dev) */
	u32 uid, gid;
	u64 mtime;		/* seconds, as the archive says */
	u64 atime, ctime;	/* seconds */
	u32 mtime_nsec, atime_nsec, ctime_nsec;
	size_t size;
	void *data;		/* file contents or link target (size bytes) */
	size_t capacity;	/* bytes allocated at data (>= size) */
	int i_count;		/* holders (see above); ramfs inodes only */
	atomic_t i_writecount;	/* > 0: open for writing; < 0: being run (linux/fs.h) */
	unsigned int i_nlink;	/* names (see above); 0: unlinked, freed at i_count 0 */
	struct list_head i_dentry;	/* its dentries (d_alias), oldest first */
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

/*
 * The filesystems' st_dev, anonymous device numbers as Linux gives them
 * (0:N). A new inode is on its directory's; link and rename do not cross
 * from one to another (-EXDEV).
 */
#define ROOTFS_DEV	MKDEV(0, 1)	/* the ramfs */
#define PROC_DEV	MKDEV(0, 2)	/* fs/proc, /proc and below */
#define DEVTMPFS_DEV	MKDEV(0, 3)	/* /dev and below (drivers/base/devtmpfs.c) */
#define PIPEFS_DEV	MKDEV(0, 4)	/* pipes (fs/pipe.c) */

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
 * -ENAMETOOLONG, -EINVAL ("." or ".."), -ENOENT (dir was removed). The
 * new inode is not held.
 */
int ramfs_new_child(struct ramfs_inode *dir, const char *name, size_t len, umode_t mode,
		    u32 rdev, struct ramfs_inode **result);
/*
 * link(2): the entry name[0..len) of dir, a new name of inode (not a
 * directory). 0, or the errors of ramfs_new_child, -ENOENT (inode has no
 * name left: Linux refuses to link an unlinked file).
 */
int ramfs_link(struct ramfs_inode *inode, struct ramfs_inode *dir, const char *name,
	       size_t len);
/* The dentry name[0..len) of directory dir, or NULL. */
struct dentry *ramfs_lookup_dentry(struct ramfs_inode *dir, const char *name, size_t len);
/* Take dentry out of its directory: one name fewer; freed if nothing else keeps it. */
void ramfs_unlink(struct dentry *dentry);
/*
 * Move dentry to directory dir under name[0..len), replacing what is there
 * (the caller has checked it may). 0, or -ENOMEM, -ENAMETOOLONG, -EINVAL
 * (dentry names dir or one of its ancestors).
 */
int ramfs_rename(struct dentry *dentry, struct ramfs_inode *dir, const char *name,
		 size_t len);
/* Put dir and everything below it on filesystem dev (devtmpfs_init: /dev). */
void ramfs_set_sdev(struct ramfs_inode *dir, u32 dev);
/* Set a regular file's size: the new bytes read as zeros. 0 or -ENOMEM, -EFBIG. */
int ramfs_resize(struct ramfs_inode *inode, size_t size);
/* Directories have no entries but "." and ".."? */
bool ramfs_dir_empty(struct ramfs_inode *dir);
/* One more holder of a ramfs inode; ramfs_put drops it (and frees it if it has no name). */
void ramfs_get(struct ramfs_inode *inode);
void ramfs_put(struct ramfs_inode *inode);

/* The entry name[0..len) of directory dir, or NULL (fs/namei.c walks with it). */
struct ramfs_inode *ramfs_lookup_child(struct ramfs_inode *dir, const char *name, size_t len);

/* The index-th entry of a directory (for getdents), or NULL past the end. */
struct dentry *ramfs_dir_entry(struct ramfs_inode *dir, unsigned long index);

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
