/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/restart_block.h: how to go on with a system call that a
 * signal interrupted when it cannot simply be made again with the same
 * arguments. nanosleep, stopped by SIGSTOP half-way, must sleep only what
 * is left when SIGCONT resumes it: it records the deadline here and
 * returns -ERESTART_RESTARTBLOCK; if no handler runs, do_signal sends the
 * task back to its svc with x8 = __NR_restart_syscall, and restart_syscall
 * (kernel/signal.c) calls fn. If a handler runs, the call fails with
 * -EINTR instead, and rt_sigreturn resets fn to do_no_restart_syscall.
 */
#ifndef __LINUX_RESTART_BLOCK_H
#define __LINUX_RESTART_BLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>

#ifndef __user
#define __user
#endif

struct __kernel_timespec;

struct restart_block {
	long (*fn)(struct restart_block *);
	union {
		struct {	/* nanosleep, clock_nanosleep (relative) */
			u64 expires;			/* CLOCK_MONOTONIC, ns */
			struct __kernel_timespec __user *rmtp;	/* the time left, or NULL */
		} nanosleep;
		struct {	/* futex_wait with a timeout (kernel/futex.c) */
			u32 __user *uaddr;
			u32 val, bitset;
			bool shared;			/* not FUTEX_PRIVATE_FLAG */
			u64 expires;			/* CLOCK_MONOTONIC, ns */
		} futex;
	};
};

/* What restart_syscall does with nothing recorded: -EINTR. */
long do_no_restart_syscall(struct restart_block *rb);

#endif
