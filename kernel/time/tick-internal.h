/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel/time/tick-internal.h: what the tick's files share (clockevents.c,
 * tick-common.c, tick-sched.c), as in Linux.
 */
#ifndef _KERNEL_TIME_TICK_INTERNAL_H
#define _KERNEL_TIME_TICK_INTERNAL_H

#include <linux/clockchips.h>
#include <linux/types.h>

/* No CPU has taken the duty of advancing jiffies yet. */
#define TICK_DO_TIMER_BOOT	(-1)

/* The CPU that advances jiffies and the clocks (tick-common.c). */
extern int tick_do_timer_cpu;
/* A tick's length in counter cycles. */
extern u64 tick_period;

/* clockevents.c: a device registered on this CPU becomes its tick device. */
void tick_check_new_device(struct clock_event_device *dev);
/* tick-sched.c: this CPU's tick, an hrtimer on its queue. */
void tick_setup_sched_timer(void);
/* tick-sched.c: the first jiffy boundary, from the first CPU's device. */
void tick_init_jiffy_update(u64 now);

#endif
