// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/hrtimer.c: high-resolution timers, one queue per CPU, as
 * Linux's (hrtimer_bases). A timer is queued on the CPU that starts it,
 * and each CPU's own arch timer is programmed for the first timer of its
 * queue; hrtimer_interrupt(), the clock event device's handler on every
 * CPU, runs that CPU's due timers and programs the next. The periodic
 * tick is one of them on every CPU (tick-sched.c).
 *
 * The rules, Linux's:
 *   - a timer's base, expires and state change under its base's lock;
 *     lock_hrtimer_base() finds and locks it, retrying while the timer
 *     moves (timer->base == &migration_base);
 *   - starting a timer queued on another CPU moves it to this one
 *     (switch_hrtimer_base), unless its function is running there now:
 *     then it stays, and that CPU's hrtimer_interrupt programs its timer
 *     for it when the function returns;
 *   - a function runs with interrupts masked and without the lock, the
 *     timer off the queue and base->running pointing at it;
 *     hrtimer_cancel() waits until it has returned
 *     (hrtimer_cancel_wait_running): the timer is often on the stack of
 *     the canceller, which may run on another CPU;
 *   - a CPU only programs its own timer. A timer moved here from another
 *     CPU's queue leaves that CPU programmed for it: it takes one
 *     interrupt with nothing due, as in Linux.
 */
#include <linux/clockchips.h>
#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/processor.h>

static DEFINE_PER_CPU(struct hrtimer_cpu_base, hrtimer_bases);

/* Where a timer is while it moves between two CPUs' queues: never locked. */
static struct hrtimer_cpu_base migration_base;

/* No timer queued: the CPU's timer is left as it is. */
#define KTIME_MAX	(~0ULL)

struct hrtimer_cpu_base *hrtimer_base_of_cpu(unsigned int cpu)
{
	return per_cpu_ptr(&hrtimer_bases, cpu);
}

void __init hrtimers_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct hrtimer_cpu_base *cpu_base = hrtimer_base_of_cpu(cpu);

		raw_spin_lock_init(&cpu_base->lock);
		cpu_base->cpu = cpu;
		cpu_base->expires_next = KTIME_MAX;
	}
}

void hrtimer_init(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *))
{
	timer->function = function;
	timer->next = NULL;
	timer->state = HRTIMER_STATE_INACTIVE;
	timer->base = raw_cpu_ptr(&hrtimer_bases);
}

/* Interrupts masked on return (*flags has what they were). */
static struct hrtimer_cpu_base *lock_hrtimer_base(struct hrtimer *timer, unsigned long *flags)
{
	for (;;) {
		struct hrtimer_cpu_base *base = READ_ONCE(timer->base);

		if (base != &migration_base) {
			raw_spin_lock_irqsave(&base->lock, *flags);
			if (base == timer->base)
				return base;
			raw_spin_unlock_irqrestore(&base->lock, *flags);	/* it moved meanwhile */
		}
		cpu_relax();
	}
}

static bool hrtimer_callback_running(struct hrtimer *timer)
{
	return timer->base->running == timer;
}

/* Under base->lock: sorted in, after those due at the same time. First? */
static bool enqueue_hrtimer(struct hrtimer *timer, struct hrtimer_cpu_base *base)
{
	struct hrtimer **p = &base->active;

	while (*p && (*p)->expires <= timer->expires)
		p = &(*p)->next;
	timer->next = *p;
	*p = timer;
	WRITE_ONCE(timer->state, HRTIMER_STATE_ENQUEUED);
	return p == &base->active;
}

/* Under base->lock. */
static bool remove_hrtimer(struct hrtimer *timer, struct hrtimer_cpu_base *base)
{
	if (!(timer->state & HRTIMER_STATE_ENQUEUED))
		return false;
	for (struct hrtimer **p = &base->active; *p; p = &(*p)->next) {
		if (*p == timer) {
			*p = timer->next;
			break;
		}
	}
	timer->next = NULL;
	WRITE_ONCE(timer->state, HRTIMER_STATE_INACTIVE);
	return true;
}

/* This CPU's timer for cpu_base's first timer; cpu_base->lock held. */
static void hrtimer_reprogram(struct hrtimer_cpu_base *cpu_base)
{
	struct clock_event_device *dev = tick_get_device();
	u64 next = cpu_base->active ? cpu_base->active->expires : KTIME_MAX;

	cpu_base->expires_next = next;
	if (dev && next != KTIME_MAX)
		dev->set_next_cycle(next, dev);
}

/*
 * base locked, the timer off its queue. The queue the timer goes on,
 * locked: this CPU's, or base if the timer's function is running there
 * (moving it would let it run twice at once on two CPUs).
 */
static struct hrtimer_cpu_base *switch_hrtimer_base(struct hrtimer *timer,
						    struct hrtimer_cpu_base *base)
{
	struct hrtimer_cpu_base *new_base = this_cpu_ptr(&hrtimer_bases);

	if (base == new_base || hrtimer_callback_running(timer))
		return base;
	/* Never two bases' locks at once: the timer is in transit in between. */
	WRITE_ONCE(timer->base, &migration_base);
	do_raw_spin_unlock(&base->lock);
	do_raw_spin_lock(&new_base->lock);
	WRITE_ONCE(timer->base, new_base);
	return new_base;
}

/* Queue timer for the counter value expires, on this CPU if it may move. */
static void __hrtimer_start(struct hrtimer *timer, u64 expires)
{
	struct hrtimer_cpu_base *base;
	unsigned long flags;

	base = lock_hrtimer_base(timer, &flags);
	remove_hrtimer(timer, base);
	timer->expires = expires;
	base = switch_hrtimer_base(timer, base);
	/*
	 * First on this CPU's queue: program this CPU's timer, unless we are
	 * in its hrtimer_interrupt, which does that when it is done. On
	 * another CPU's queue (its function runs there), that CPU does it.
	 */
	if (enqueue_hrtimer(timer, base) && base == this_cpu_ptr(&hrtimer_bases) &&
	    !base->in_hrtirq && expires < base->expires_next)
		hrtimer_reprogram(base);
	raw_spin_unlock_irqrestore(&base->lock, flags);
}

void hrtimer_start_ns(struct hrtimer *timer, u64 ns)
{
	struct clock_event_device *dev = tick_get_device();

	if (dev)
		__hrtimer_start(timer, dev->read_counter() + ns_to_cycles(ns));
}

void hrtimer_start_expires(struct hrtimer *timer)
{
	__hrtimer_start(timer, timer->expires);
}

int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	struct hrtimer_cpu_base *base;
	unsigned long flags;
	int ret = -1;

	base = lock_hrtimer_base(timer, &flags);
	/* Its function running on this CPU: we are it (or interrupted it). */
	if (!hrtimer_callback_running(timer) || base == this_cpu_ptr(&hrtimer_bases))
		ret = remove_hrtimer(timer, base);
	raw_spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/*
 * Linux's, without PREEMPT_RT: the function runs with interrupts masked
 * on its CPU and never sleeps, so spin (cpu_relax: yield, which under
 * -icount hands the turn to the other CPUs) until it has returned.
 */
static void hrtimer_cancel_wait_running(struct hrtimer *timer)
{
	cpu_relax();
}

bool hrtimer_cancel(struct hrtimer *timer)
{
	for (;;) {
		int ret = hrtimer_try_to_cancel(timer);

		if (ret >= 0)
			return ret;
		hrtimer_cancel_wait_running(timer);
	}
}

u64 hrtimer_forward(struct hrtimer *timer, u64 now, u64 interval)
{
	u64 overruns;

	if (now < timer->expires || !interval)
		return 0;
	overruns = (now - timer->expires) / interval + 1;
	timer->expires += overruns * interval;
	return overruns;
}

/*
 * cpu_base->lock held, interrupts masked: run one due timer, off the
 * queue and without the lock (its function may wake tasks, start or
 * cancel timers). Back on the queue if it asked to be.
 */
static void __run_hrtimer(struct hrtimer_cpu_base *cpu_base, struct hrtimer *timer)
{
	enum hrtimer_restart restart;

	remove_hrtimer(timer, cpu_base);
	cpu_base->running = timer;
	do_raw_spin_unlock(&cpu_base->lock);
	restart = timer->function(timer);
	do_raw_spin_lock(&cpu_base->lock);
	/* Started again by its function (still on this CPU's queue): leave it. */
	if (restart == HRTIMER_RESTART && !(timer->state & HRTIMER_STATE_ENQUEUED))
		enqueue_hrtimer(timer, cpu_base);
	cpu_base->running = NULL;
}

void hrtimer_interrupt(struct clock_event_device *dev)
{
	struct hrtimer_cpu_base *cpu_base = this_cpu_ptr(&hrtimer_bases);
	u64 now;

	do_raw_spin_lock(&cpu_base->lock);
	cpu_base->nr_events++;
	cpu_base->in_hrtirq = true;
	now = dev->read_counter();
	while (cpu_base->active && cpu_base->active->expires <= now)
		__run_hrtimer(cpu_base, cpu_base->active);
	cpu_base->in_hrtirq = false;
	/*
	 * An absolute compare value already passed interrupts at once, so no
	 * retry loop as in Linux: a timer due meanwhile runs on the next one.
	 */
	hrtimer_reprogram(cpu_base);
	do_raw_spin_unlock(&cpu_base->lock);
}
