// SPDX-License-Identifier: GPL-2.0
/*
 * fs/utimes.c: utimensat, setting a file's access and modification times
 * (touch, cp -p, tar). times NULL sets both to now; each of the two may
 * also be UTIME_NOW or UTIME_OMIT. A NULL path with a dfd works on that
 * open file (glibc's futimens). The change time becomes now, as on Linux.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)
#define NSEC_PER_SEC	1000000000L

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

static bool timespec_ok(const struct __kernel_timespec *ts)
{
	return ts->tv_nsec == UTIME_NOW || ts->tv_nsec == UTIME_OMIT ||
	       (ts->tv_nsec >= 0 && ts->tv_nsec < NSEC_PER_SEC);
}

static void set_time(struct ramfs_inode *inode, const struct __kernel_timespec *ts, bool atime)
{
	if (ts->tv_nsec == UTIME_OMIT)
		return;
	if (ts->tv_nsec == UTIME_NOW) {
		inode_touch(inode, atime ? INODE_ATIME : INODE_MTIME);
	} else if (atime) {
		inode->atime = ts->tv_sec;
		inode->atime_nsec = ts->tv_nsec;
	} else {
		inode->mtime = ts->tv_sec;
		inode->mtime_nsec = ts->tv_nsec;
	}
}

SYSCALL_DEFINE4(utimensat, int, dfd, const char __user *, filename,
		struct __kernel_timespec __user *, utimes, int, flags)
{
	struct __kernel_timespec t[2] = {
		{ .tv_nsec = UTIME_NOW }, { .tv_nsec = UTIME_NOW },
	};
	struct ramfs_inode *inode;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (utimes) {
		if (copy_from_user(t, utimes, sizeof(t)))
			return -EFAULT;
		if (!timespec_ok(&t[0]) || !timespec_ok(&t[1]))
			return -EINVAL;
	}
	if (filename) {
		err = user_path_at(dfd, filename, flags, &inode);
		if (err)
			return err;
	} else {
		struct file *file;

		if (dfd == AT_FDCWD || (flags & AT_SYMLINK_NOFOLLOW))
			return -EINVAL;
		file = fget(dfd);
		if (!file)
			return -EBADF;
		inode = file->f_inode;
		ihold(inode);
		fput(file);
	}
	if (inode->i_op) {
		err = -EPERM;		/* fs/proc, pipes: no times to set */
	} else {
		set_time(inode, &t[0], true);
		set_time(inode, &t[1], false);
		if (t[0].tv_nsec != UTIME_OMIT || t[1].tv_nsec != UTIME_OMIT)
			inode_touch(inode, INODE_CTIME);
		err = 0;
	}
	iput(inode);
	return err;
}
