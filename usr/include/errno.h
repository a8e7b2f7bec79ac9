/* SPDX-License-Identifier: GPL-2.0 */
/*
 * errno.h: error numbers, the kernel's own list (include/uapi/asm-generic/
 * errno-base.h), since system calls return them as -errno. lib/errno.c names
 * them.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <uapi/asm-generic/errno-base.h>

extern int errno;

#endif /* _ERRNO_H */
