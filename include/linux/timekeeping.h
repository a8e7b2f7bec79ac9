/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/timekeeping.h: the clocks (kernel/time/timekeeping.c),
 * in nanoseconds. The same numbers user space reads through the vDSO
 * (the vvar page holds a copy of the timekeeper).
 */
#ifndef __LINUX_TIMEKEEPING_H
#define __LINUX_TIMEKEEPING_H

#include <linux/types.h>

/* CLOCK_MONOTONIC: since start_kernel began (local_clock's origin). */
u64 ktime_get_ns(void);
/* CLOCK_REALTIME: since 1970-01-01 UTC. */
u64 ktime_get_real_ns(void);
/* The coarse clocks: their time at the last tick. */
u64 ktime_get_coarse_ns(void);
u64 ktime_get_coarse_real_ns(void);
/* Set the wall time (the RTC at boot, clock_settime, settimeofday). */
void do_settimeofday_ns(u64 ns);

/* time_init: the counter runs at counter_hz; the clocks start reading it. */
void timekeeping_init(u32 counter_hz);
/* tick_do_timer_cpu's tick: fold the counter's progress into the clocks' base. */
void update_wall_time(void);
/* tick_do_timer_cpu's tick: ticks more jiffies (Linux's, in timekeeping.c too). */
void do_timer(unsigned long ticks);

#endif
