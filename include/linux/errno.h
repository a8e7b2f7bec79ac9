/* SPDX-License-Identifier: GPL-2.0 */
/* include/linux/errno.h: error numbers, Linux's values. */
#ifndef __LINUX_ERRNO_H
#define __LINUX_ERRNO_H

#define EPERM 1
#define ESRCH 3
#define EINTR 4
#define ENOENT 2
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EPIPE 32
#define ERANGE 34
#define ENAMETOOLONG 36
#define ENOSYS 38
#define EOPNOTSUPP 95

/* Kernel-internal: a sleep interrupted by a signal; user space sees EINTR. */
#ifndef ERESTARTSYS
#define ERESTARTSYS 512
#endif

#endif
