// SPDX-License-Identifier: GPL-2.0
/*
 * fs/stat.c: fstat, newfstatat and statx, filling struct stat as arm64
 * Linux lays it out (include/uapi/asm-generic/stat.h; arm64 uses the
 * generic one): 128 bytes, the offsets checked below; struct statx as
 * include/uapi/linux/stat.h has it (256 bytes). readlinkat too. Device numbers go out in Linux's
 * user encoding (new_encode_dev): minor bits 0-7 and 20-31, major 8-19.
 *
 * cp_new_stat() has no kernel dependencies and is unit-tested on the host
 * (tools/testing/unit/test_stat.c).
 */
#include <linux/compiler.h>
#include <linux/kernel.h>
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

/* Linux's new_encode_dev(): the dev_t user space sees. */
unsigned long new_encode_dev(u32 dev)
{
	unsigned long major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffUL) << 12);
}

void cp_new_stat(struct ramfs_inode *inode, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = new_encode_dev(inode->i_sdev);
	st->st_ino = inode->ino;
	st->st_mode = inode->mode;
	st->st_nlink = inode->i_nlink;
	st->st_uid = inode->uid;
	st->st_gid = inode->gid;
	st->st_rdev = S_ISCHR(inode->mode) ? new_encode_dev(inode->rdev) : 0;
	st->st_size = S_ISFIFO(inode->mode) ? 0 : inode->size;
	st->st_blksize = 4096;
	st->st_blocks = (st->st_size + 511) / 512;
	st->st_mtime = inode->mtime;
	st->st_mtime_nsec = inode->mtime_nsec;
	/* inodes made before times were kept (the initramfs's): all three are mtime */
	st->st_atime = inode->atime ? inode->atime : inode->mtime;
	st->st_atime_nsec = inode->atime ? inode->atime_nsec : inode->mtime_nsec;
	st->st_ctime = inode->ctime ? inode->ctime : inode->mtime;
	st->st_ctime_nsec = inode->ctime ? inode->ctime_nsec : inode->mtime_nsec;
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

/* AT_SYMLINK_NOFOLLOW: lstat, the link itself. */
SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	struct ramfs_inode *inode;
	long ret;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, flag, &inode);
	if (err)
		return err;
	ret = stat_to_user(inode, statbuf);
	iput(inode);
	return ret;
}

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask, stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink, stx_uid, stx_gid;
	u16 stx_mode, __spare0;
	u64 stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	u64 __spare2[14];
};
BUILD_BUG_ON(offsetof(struct statx, stx_ino) != 32);
BUILD_BUG_ON(offsetof(struct statx, stx_atime) != 64);
BUILD_BUG_ON(offsetof(struct statx, stx_rdev_major) != 128);
BUILD_BUG_ON(sizeof(struct statx) != 256);

#define STATX_BASIC_STATS	0x000007ffU	/* type .. blocks: what is filled */
#define AT_STATX_SYNC_TYPE	0x6000
#define STATX__RESERVED		0x80000000U

/* statx from the same facts as stat (no birth time: STATX_BTIME is not in the mask). */
void cp_statx(struct ramfs_inode *inode, struct statx *sx)
{
	struct stat st;

	cp_new_stat(inode, &st);
	memset(sx, 0, sizeof(*sx));
	sx->stx_mask = STATX_BASIC_STATS;
	sx->stx_blksize = st.st_blksize;
	sx->stx_nlink = st.st_nlink;
	sx->stx_uid = st.st_uid;
	sx->stx_gid = st.st_gid;
	sx->stx_mode = st.st_mode;
	sx->stx_ino = st.st_ino;
	sx->stx_size = st.st_size;
	sx->stx_blocks = st.st_blocks;
	sx->stx_atime.tv_sec = st.st_atime;
	sx->stx_atime.tv_nsec = st.st_atime_nsec;
	sx->stx_mtime.tv_sec = st.st_mtime;
	sx->stx_mtime.tv_nsec = st.st_mtime_nsec;
	sx->stx_ctime.tv_sec = st.st_ctime;
	sx->stx_ctime.tv_nsec = st.st_ctime_nsec;
	if (S_ISCHR(inode->mode)) {
		sx->stx_rdev_major = MAJOR(inode->rdev);
		sx->stx_rdev_minor = MINOR(inode->rdev);
	}
	sx->stx_dev_major = 0;
	sx->stx_dev_minor = st.st_dev;
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename, unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct ramfs_inode *inode;
	struct statx sx;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE | 0x800))
		return -EINVAL;		/* 0x800: AT_NO_AUTOMOUNT, meaningless here */
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE || (mask & STATX__RESERVED))
		return -EINVAL;
	err = user_path_at(dfd, filename, flags, &inode);
	if (err)
		return err;
	cp_statx(inode, &sx);
	iput(inode);
	return copy_to_user(buffer, &sx, sizeof(sx)) ? -EFAULT : 0;
}

/* The target of a symbolic link, not NUL-terminated; -EINVAL if not a link. */
SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf,
		int, bufsiz)
{
	struct ramfs_inode *inode;
	size_t n;
	int err;

	if (bufsiz <= 0)
		return -EINVAL;
	err = user_path_at(dfd, pathname, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &inode);
	if (err)
		return err;
	if (!S_ISLNK(inode->mode)) {
		iput(inode);
		return -EINVAL;
	}
	n = min((size_t)bufsiz, inode->size);
	err = copy_to_user(buf, inode->data, n) ? -EFAULT : (int)n;
	iput(inode);
	return err;
}
