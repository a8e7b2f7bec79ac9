/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/hrtimer.h: one-shot events at a counter-exact time, run in
 * the timer interrupt (kernel/time/tick.c). A much smaller cousin of
 * Linux's hrtimers: a sorted list sharing the tick's clock event device.
 */
#ifndef __LINUX_HRTIMER_H
#define __LINUX_HRTIMER_H

#include <linux/types.h>

enum hrtimer_restart {
	HRTIMER_NORESTART,
	HRTIMER_RESTART,	/* run again: the callback moved ->expires on */
};

struct hrtimer {
	u64 expires;		/* counter value */
	enum hrtimer_restart (*function)(struct hrtimer *timer);
	struct hrtimer *next;
	bool queued;
};

static inline void hrtimer_init(struct hrtimer *timer,
				enum hrtimer_restart (*function)(struct hrtimer *))
{
	timer->function = function;
	timer->next = NULL;
	timer->queued = false;
}

/* Run timer->function once, ns nanoseconds from now (re-arms if queued). */
void hrtimer_start_ns(struct hrtimer *timer, u64 ns);
/* Take timer off the queue; true if it was queued. */
bool hrtimer_cancel(struct hrtimer *timer);

/* Nanoseconds <-> counter cycles at the tick device's frequency. */
u64 ns_to_cycles(u64 ns);

#endif
