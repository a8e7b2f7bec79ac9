// SPDX-License-Identifier: GPL-2.0
/*
 * fs/ioctl.c: ioctl, passed to the file's driver (the tty's TCGETS,
 * TIOCGWINSZ, TIOCSPGRP: drivers/tty/tty_io.c). Files without an ioctl
 * answer -ENOTTY, which is how isatty() tells a terminal from a file.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = file->f_op->ioctl ? file->f_op->ioctl(file, cmd, arg) : -ENOTTY;
	fput(file);
	return ret;
}
