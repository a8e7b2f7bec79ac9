/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel/time/tick-sched.h: each CPU's tick state (tick-sched.c), as in
 * Linux: here only the tick's hrtimer.
 */
#ifndef _KERNEL_TIME_TICK_SCHED_H
#define _KERNEL_TIME_TICK_SCHED_H

#include <linux/hrtimer.h>

struct tick_sched {
	struct hrtimer sched_timer;	/* the CPU's periodic tick */
};

/* That CPU's. */
struct tick_sched *tick_get_tick_sched(int cpu);

#endif
