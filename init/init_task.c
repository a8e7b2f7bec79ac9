// SPDX-License-Identifier: GPL-2.0
/*
 * init/init_task.c: the boot task (pid 0, "swapper" as on Linux) and its
 * stack, which head.S (__primary_switched) installs before calling
 * start_kernel. Both live in .data, not .bss: head.S clears .bss while
 * already running on this stack.
 */
#include <linux/fs_struct.h>
#include <linux/init.h>
#include <linux/sched.h>

unsigned long init_stack[THREAD_SIZE / sizeof(unsigned long)]
	__section(".data..init_stack") __aligned(THREAD_SIZE);

/* Its signal state: all SIG_DFL, nothing pending (kernel threads copy it). */
static struct sighand_struct init_sighand __section(".data") = {
	.count = ATOMIC_INIT(1),
	.siglock = __SPIN_LOCK_INITIALIZER(init_sighand.siglock),
};
static struct signal_struct init_signals __section(".data") = {
	.count = ATOMIC_INIT(1),
	.live = 1,
	.flags = SIGNAL_UNKILLABLE,
	.shared_pending = { .list = LIST_HEAD_INIT(init_signals.shared_pending.list) },
	/* Linux's INIT_RLIMITS, but RLIMIT_NOFILE: this kernel's 64 fds. */
	.rlim = {
		[0 ... 15] = { RLIM_INFINITY, RLIM_INFINITY },
		[RLIMIT_STACK] = { 8 << 20, RLIM_INFINITY },
		[RLIMIT_CORE] = { 0, RLIM_INFINITY },
		[RLIMIT_NPROC] = { 0, 0 },
		[RLIMIT_NOFILE] = { 64, 64 },
		[RLIMIT_MEMLOCK] = { 64 << 10, 64 << 10 },
		[RLIMIT_SIGPENDING] = { 256, 256 },
		[RLIMIT_MSGQUEUE] = { 819200, 819200 },
		[RLIMIT_NICE] = { 0, 0 },
		[RLIMIT_RTPRIO] = { 0, 0 },
	},
};

struct task_struct init_task __section(".data") = {
	.stack = init_stack,
	.usage = ATOMIC_INIT(2),	/* never freed */
	.pid = 0,
	.comm = "swapper",
	.fs = &init_fs,
	.sighand = &init_sighand,
	.signal = &init_signals,
	.pending = { .list = LIST_HEAD_INIT(init_task.pending.list) },
	.group_leader = &init_task,
	.thread_group = LIST_HEAD_INIT(init_task.thread_group),
};
