/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/timekeeping.h: wall time (CLOCK_REALTIME), kept as an
 * offset from the monotonic count (kernel/time/posix-timers.c).
 */
#ifndef __LINUX_TIMEKEEPING_H
#define __LINUX_TIMEKEEPING_H

#include <linux/types.h>

/* Nanoseconds since 1970-01-01 UTC. */
u64 ktime_get_real_ns(void);
/* Set the wall time (the RTC at boot, clock_settime, settimeofday). */
void do_settimeofday_ns(u64 ns);

#endif
