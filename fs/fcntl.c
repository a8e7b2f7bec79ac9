// SPDX-License-Identifier: GPL-2.0
/*
 * fs/fcntl.c: fcntl(2) on a file descriptor, the commands a C library and
 * a shell use:
 *
 *   F_DUPFD, F_DUPFD_CLOEXEC  a copy at the lowest free fd >= arg
 *   F_GETFD, F_SETFD          the descriptor's FD_CLOEXEC
 *   F_GETFL, F_SETFL          the open file's O_* flags; only O_APPEND and
 *                             O_NONBLOCK can change, as on Linux
 *   F_GETLK, F_SETLK(W)       record locks: one process at a time holds
 *                             them here, so F_GETLK answers "unlocked"
 *                             and F_SETLK(W) succeeds, as with no other locker
 *
 * Anything else is -EINVAL, Linux's answer to an unknown command.
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1
#define F_UNLCK		2

#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

/* struct flock as arm64 lays it out (the generic one, 64-bit off_t). */
struct flock {
	short l_type, l_whence;
	long long l_start, l_len;
	int l_pid;
};

static long f_getlk(struct flock __user *ul)
{
	struct flock fl;

	if (copy_from_user(&fl, ul, sizeof(fl)))
		return -EFAULT;
	if (fl.l_type < 0 || fl.l_type > F_UNLCK)
		return -EINVAL;
	fl.l_type = F_UNLCK;
	return copy_to_user(ul, &fl, sizeof(fl)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct files_struct *files = current->files;
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		ret = arg >= NR_OPEN_DEFAULT ? -EINVAL :
		      dup_fd_from(file, arg, cmd == F_DUPFD_CLOEXEC ? O_CLOEXEC : 0);
		if (ret >= 0)
			return ret;	/* the new slot keeps fget's reference */
		break;
	case F_GETFD:
		ret = files->close_on_exec & (1UL << fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		spin_lock(&files->file_lock);
		if (arg & FD_CLOEXEC)
			files->close_on_exec |= 1UL << fd;
		else
			files->close_on_exec &= ~(1UL << fd);
		spin_unlock(&files->file_lock);
		ret = 0;
		break;
	case F_GETFL:
		/* 64-bit Linux opens everything O_LARGEFILE (force_o_largefile) */
		ret = file->f_flags | O_LARGEFILE;
		break;
	case F_SETFL:
		file->f_flags = (file->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		ret = 0;
		break;
	case F_GETLK:
		ret = f_getlk((struct flock __user *)arg);
		break;
	case F_SETLK:
	case F_SETLKW:
		ret = 0;
		break;
	default:
		ret = -EINVAL;
	}
	fput(file);
	return ret;
}
