// SPDX-License-Identifier: GPL-2.0
/*
 * fs/attr.c: an inode's attributes as the system calls change them: its
 * three times (contents changed: mtime and ctime; attributes changed:
 * ctime; read: atime is not kept up to date, as with Linux's noatime), its
 * size (vfs_truncate). The umask new files get is fs/fs_struct.c's.
 *
 * The times are wall-clock time as the kernel knows it,
 * ktime_get_real_ns(). Until the kernel reads a real-time clock that is the
 * time since boot counted from 1970 (kernel/time/posix-timers.c says so
 * for CLOCK_REALTIME); whoever brings the RTC provides the real one.
 */
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/ramfs.h>
#include <linux/spinlock.h>

#define NSEC_PER_SEC 1000000000ULL

u64 local_clock(void);		/* kernel/time/sched_clock.c */

/* CLOCK_REALTIME in nanoseconds; kernel/time provides it once it keeps wall time. */
__weak u64 ktime_get_real_ns(void)
{
	return local_clock();
}

void inode_touch(struct ramfs_inode *inode, unsigned int mask)
{
	u64 now = ktime_get_real_ns();
	u64 sec = now / NSEC_PER_SEC;
	u32 nsec = now % NSEC_PER_SEC;

	if (inode->i_op)
		return;			/* fs/proc's inodes keep no state */
	if (mask & INODE_ATIME) {
		inode->atime = sec;
		inode->atime_nsec = nsec;
	}
	if (mask & INODE_MTIME) {
		inode->mtime = sec;
		inode->mtime_nsec = nsec;
	}
	if (mask & (INODE_CTIME | INODE_MTIME)) {
		inode->ctime = sec;
		inode->ctime_nsec = nsec;
	}
}

void inode_init_times(struct ramfs_inode *inode)
{
	inode_touch(inode, INODE_ATIME | INODE_MTIME | INODE_CTIME);
}

int vfs_truncate(struct ramfs_inode *inode, loff_t length)
{
	int err;

	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!S_ISREG(inode->mode) || inode->i_op)
		return -EINVAL;
	if (length < 0)
		return -EINVAL;
	if ((u64)length > RAMFS_FILE_MAX)
		return -EFBIG;
	spin_lock(&ramfs_lock);
	err = ramfs_resize_mapped(inode, length);
	spin_unlock(&ramfs_lock);
	if (!err)
		inode_touch(inode, INODE_MTIME);
	return err;
}
