/* SPDX-License-Identifier: GPL-2.0 */
/* include/linux/errno.h: error numbers, Linux's values. */
#ifndef __LINUX_ERRNO_H
#define __LINUX_ERRNO_H

#include <uapi/asm-generic/errno-base.h>

/*
 * Never seen by user space: a sleeping system call was interrupted by a
 * signal, and arch/arm64/kernel/signal.c decides, as Linux does, whether
 * it is restarted (no handler ran, or SA_RESTART) or fails with -EINTR.
 */
#define ERESTARTSYS	512	/* restart unless a handler without SA_RESTART runs */
#define ERESTARTNOINTR	513	/* always restart */
#define ERESTARTNOHAND	514	/* restart unless a handler runs */
#define ENOIOCTLCMD	515	/* an ioctl layer does not know cmd: the next one tries */
/* restart through restart_syscall unless a handler runs (restart_block.h) */
#define ERESTART_RESTARTBLOCK 516

#endif
