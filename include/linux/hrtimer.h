/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/hrtimer.h: one-shot events at a counter-exact time, run in
 * the timer interrupt (kernel/time/hrtimer.c). Linux's hrtimers, smaller:
 * every CPU has its queue (struct hrtimer_cpu_base), a sorted list where
 * Linux has a red-black tree per clock; a timer goes on the queue of the
 * CPU that starts it, and that CPU's own timer (its CNTV registers) is
 * programmed for the first one. Times are counter values, not ktime_t.
 */
#ifndef __LINUX_HRTIMER_H
#define __LINUX_HRTIMER_H

#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>

enum hrtimer_restart {
	HRTIMER_NORESTART,
	HRTIMER_RESTART,	/* run again: the callback moved ->expires on */
};

/* timer->state: on a queue or not (Linux's other bits are not needed). */
#define HRTIMER_STATE_INACTIVE	0x00
#define HRTIMER_STATE_ENQUEUED	0x01

struct hrtimer_cpu_base;

struct hrtimer {
	u64 expires;		/* counter value */
	enum hrtimer_restart (*function)(struct hrtimer *timer);
	struct hrtimer *next;	/* on base's queue */
	/*
	 * The queue the timer is on, or was on last (its function may be
	 * running there). Changes only under that base's lock, and passes
	 * through migration_base while the timer moves between CPUs.
	 */
	struct hrtimer_cpu_base *base;
	u8 state;
};

/*
 * A CPU's hrtimers (Linux's struct hrtimer_cpu_base, one clock). lock
 * guards the queue, running and expires_next, and every queued timer's
 * expires, next and state. The CPU's tick is one of the timers
 * (kernel/time/tick-sched.c), so the queue is never empty once it runs.
 */
struct hrtimer_cpu_base {
	raw_spinlock_t lock;
	unsigned int cpu;
	struct hrtimer *active;		/* queued timers, earliest first */
	struct hrtimer *running;	/* whose function runs now, on this CPU */
	u64 expires_next;		/* what this CPU's timer is programmed for */
	bool in_hrtirq;			/* in hrtimer_interrupt: it programs at the end */
	unsigned long nr_events;	/* hrtimer_interrupt runs */
};

/* Before its first start; the timer belongs to this CPU's queue until started. */
void hrtimer_init(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *));
/*
 * Run timer->function once, ns nanoseconds from now, on this CPU (taken
 * off whatever queue it was on; left on its CPU if its function runs
 * there now, as Linux's switch_hrtimer_base).
 */
void hrtimer_start_ns(struct hrtimer *timer, u64 ns);
/* The same, at the counter value timer->expires. */
void hrtimer_start_expires(struct hrtimer *timer);
/* Off its queue: 1 if it was queued, 0 if not, -1 if its function runs now. */
int hrtimer_try_to_cancel(struct hrtimer *timer);
/*
 * Off its queue, and its function not running on another CPU when this
 * returns (it waits): the timer may then be freed. true if it was queued.
 */
bool hrtimer_cancel(struct hrtimer *timer);
/* Move expires past now in steps of interval cycles; the number of steps. */
u64 hrtimer_forward(struct hrtimer *timer, u64 now, u64 interval);

static inline bool hrtimer_is_queued(const struct hrtimer *timer)
{
	return READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED;
}

/* The clock event device's handler on every CPU: run what is due, reprogram. */
struct clock_event_device;
void hrtimer_interrupt(struct clock_event_device *dev);
/* start_kernel: every possible CPU's queue, empty. */
void hrtimers_init(void);
/* That CPU's queue (for tests). */
struct hrtimer_cpu_base *hrtimer_base_of_cpu(unsigned int cpu);

/* Nanoseconds -> counter cycles at the tick device's frequency. */
u64 ns_to_cycles(u64 ns);

#endif
