/* SPDX-License-Identifier: GPL-2.0 */
/* include/linux/errno.h: error numbers, Linux's values. */
#ifndef __LINUX_ERRNO_H
#define __LINUX_ERRNO_H

#define EPERM 1
#define ENOENT 2
#define EIO 5
#define E2BIG 7
#define ENOMEM 12
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENOSPC 28
#define ERANGE 34
#define ENAMETOOLONG 36
#define ENOSYS 38

#endif
