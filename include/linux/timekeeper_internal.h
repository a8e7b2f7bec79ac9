/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/timekeeper_internal.h: the timekeeper, the state the
 * clocks are read from (kernel/time/timekeeping.c), for the code that
 * copies it to the vvar page (kernel/time/vsyscall.c).
 *
 * The counter (CNTVCT_EL0) becomes time by one multiply and shift:
 *
 *	CLOCK_MONOTONIC = mono_sec s + (mono_nsec + (counter - cycle_last) * mult) >> shift ns
 *
 * mono_nsec keeps `shift` bits below the nanosecond. CLOCK_REALTIME is
 * CLOCK_MONOTONIC plus offs_real; CLOCK_BOOTTIME and _RAW are
 * CLOCK_MONOTONIC (no suspend, no NTP). Each tick folds the counter's
 * progress into mono_sec/mono_nsec (cycle_last moves up to the counter).
 */
#ifndef __LINUX_TIMEKEEPER_INTERNAL_H
#define __LINUX_TIMEKEEPER_INTERNAL_H

#include <linux/types.h>

struct timekeeper {
	u64 cycle_last;		/* the counter at the last update */
	u32 mult, shift;	/* counter ticks to ns << shift; mult 0: no counter yet */
	u64 max_cycles;		/* the most ticks one multiply may take (no overflow) */
	u64 mono_sec;		/* CLOCK_MONOTONIC at cycle_last: seconds, */
	u64 mono_nsec;		/*   and nanoseconds << shift, below 1 s */
	s64 offs_real_sec;	/* CLOCK_REALTIME - CLOCK_MONOTONIC: seconds, */
	u64 offs_real_nsec;	/*   and nanoseconds, 0 <= . < 1 s */
};

/* The longest the counter may run between two updates (readers' multiply). */
#define TK_MAX_DEFER_SEC	600

/* The conversion of a counter at hz: mult fits 32 bits, TK_MAX_DEFER_SEC of ticks * mult 63. */
void tk_calc_mult_shift(u32 hz, u32 *mult, u32 *shift);

/* A clock's time at tk->cycle_last: seconds and ns << shift (real: CLOCK_REALTIME). */
void tk_clock_base(const struct timekeeper *tk, bool real, u64 *sec, u64 *nsec);

/* kernel/time/vsyscall.c: copy tk to the vvar page; the timezone too. */
void update_vsyscall(const struct timekeeper *tk);
void update_vsyscall_tz(int minuteswest, int dsttime);

#endif
