/* SPDX-License-Identifier: GPL-2.0 */
/* include/linux/errno.h: error numbers, Linux's values. */
#ifndef __LINUX_ERRNO_H
#define __LINUX_ERRNO_H

#include <uapi/asm-generic/errno-base.h>

/* Never seen by user space: a sleeping system call was interrupted. */
#define ERESTARTSYS 512

#endif
