/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/jiffies.h: jiffies, the count of timer ticks since the
 * tick started (kernel/time/tick-sched.c), HZ of them a second (CONFIG_HZ), and
 * comparisons that survive wrap-around, as in Linux.
 */
#ifndef __LINUX_JIFFIES_H
#define __LINUX_JIFFIES_H

#include <linux/compiler.h>
#include <linux/types.h>

#define HZ CONFIG_HZ

/* Advanced by the tick interrupt; read it with READ_ONCE or get_jiffies_64. */
extern volatile unsigned long jiffies;

static inline u64 get_jiffies_64(void)
{
	return jiffies;
}

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return ((unsigned long)m * HZ + 999) / 1000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * 1000 / HZ;
}

#endif
