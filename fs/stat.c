// SPDX-License-Identifier: GPL-2.0
/*
 * fs/stat.c: fstat and newfstatat, filling struct stat as arm64 Linux lays
 * it out (include/uapi/asm-generic/stat.h; arm64 uses the generic one):
 * 128 bytes, the offsets checked below. Device numbers go out in Linux's
 * user encoding (new_encode_dev): minor bits 0-7 and 20-31, major 8-19.
 *
 * cp_new_stat() has no kernel dependencies and is unit-tested on the host
 * (tools/testing/unit/test_stat.c).
 */
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <uapi/asm-generic/stat.h>
#include <asm/uaccess.h>

BUILD_BUG_ON(offsetof(struct stat, st_mode) != 16);
BUILD_BUG_ON(offsetof(struct stat, st_rdev) != 32);
BUILD_BUG_ON(offsetof(struct stat, st_size) != 48);
BUILD_BUG_ON(offsetof(struct stat, st_blksize) != 56);
BUILD_BUG_ON(offsetof(struct stat, st_blocks) != 64);
BUILD_BUG_ON(offsetof(struct stat, st_atime) != 72);
BUILD_BUG_ON(offsetof(struct stat, st_mtime) != 88);
BUILD_BUG_ON(offsetof(struct stat, st_ctime) != 104);
BUILD_BUG_ON(sizeof(struct stat) != 128);

#define RAMFS_DEV 1	/* st_dev of the root filesystem: 0:1 */
#define PROC_DEV 2	/* of fs/proc's inodes: 0:2 */

/* Linux's new_encode_dev(): the dev_t user space sees. */
unsigned long new_encode_dev(u32 dev)
{
	unsigned long major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffUL) << 12);
}

/* Links to a directory: its own name, its ".", and each subdirectory's "..". */
static unsigned int nlink(struct ramfs_inode *inode)
{
	struct ramfs_inode *child;
	unsigned int n = 2;

	if (!S_ISDIR(inode->mode))
		return 1;
	list_for_each_entry(child, &inode->children, sibling)
		if (S_ISDIR(child->mode))
			n++;
	return n;
}

void cp_new_stat(struct ramfs_inode *inode, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = inode->i_op ? PROC_DEV : RAMFS_DEV;
	st->st_ino = inode->ino;
	st->st_mode = inode->mode;
	st->st_nlink = nlink(inode);
	st->st_rdev = S_ISCHR(inode->mode) ? new_encode_dev(inode->rdev) : 0;
	st->st_size = inode->size;
	st->st_blksize = 4096;
	st->st_blocks = (inode->size + 511) / 512;
	st->st_atime = st->st_mtime = st->st_ctime = inode->mtime;
}

static long stat_to_user(struct ramfs_inode *inode, struct stat __user *statbuf)
{
	struct stat st;

	cp_new_stat(inode, &st);
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = stat_to_user(file->f_inode, statbuf);
	fput(file);
	return ret;
}

/* Symbolic links are never followed, so AT_SYMLINK_NOFOLLOW changes nothing. */
SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct ramfs_inode *inode;
	char *path;
	long ret;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	path = getname(filename, &err);
	if (!path)
		return err;
	if (!path[0] && (flag & AT_EMPTY_PATH)) {
		putname(path);
		return __do_sys_fstat(dfd, statbuf);
	}
	err = filename_lookup(dfd, path, &inode);
	putname(path);
	if (err)
		return err;
	ret = stat_to_user(inode, statbuf);
	iput(inode);
	return ret;
}
