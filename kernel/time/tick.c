// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/tick.c: the periodic tick and one-shot events, both on the
 * one clock event device a driver registers (the arch timer).
 *
 * The device is programmed for an absolute counter value: the earlier of
 * the next tick and the first queued hrtimer. Tick i is due at
 * start + i * cycles_per_tick, so jiffies follows the counter exactly even
 * if an interrupt comes late: every tick that fell due is counted.
 */
#include <linux/clockchips.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <asm/irq.h>
#include <asm/ptrace.h>

volatile unsigned long jiffies;

static struct clock_event_device *tick_dev;
static u64 cycles_per_tick;
static u64 next_tick;			/* counter value of the next tick */
static struct hrtimer *hrtimer_queue;	/* sorted by expiry */
/*
 * The queue, next_tick and the device: the device is the boot CPU's timer
 * (each CPU has its own CNTV registers), so only the boot CPU programs it.
 */
static DEFINE_RAW_SPINLOCK(hrtimer_lock);
/*
 * The timer whose function runs now (on the boot CPU, without the lock),
 * so that hrtimer_cancel() on another CPU can wait for it to finish, as
 * Linux's does: the timer is often on the canceller's stack.
 */
static struct hrtimer *hrtimer_running;
static unsigned int hrtimer_running_cpu;

struct clock_event_device *tick_get_device(void)
{
	return tick_dev;
}

u64 ns_to_cycles(u64 ns)
{
	u64 freq = tick_dev ? tick_dev->freq : 0;

	/* Split so that ns * freq cannot overflow for any practical delay. */
	return ns / 1000000000ULL * freq + (ns % 1000000000ULL) * freq / 1000000000ULL;
}

/*
 * Interrupts off: program the device for whatever is due first. Only the
 * boot CPU: another CPU starting an hrtimer leaves it queued, and the boot
 * CPU's next tick (at most a tick later) runs it.
 */
static void tick_program_next(void)
{
	u64 next = next_tick;

	if (raw_smp_processor_id())
		return;
	if (hrtimer_queue && hrtimer_queue->expires < next)
		next = hrtimer_queue->expires;
	tick_dev->set_next_cycle(next, tick_dev);
}

static void hrtimer_enqueue(struct hrtimer *timer)
{
	struct hrtimer **p = &hrtimer_queue;

	while (*p && (*p)->expires <= timer->expires)
		p = &(*p)->next;
	timer->next = *p;
	*p = timer;
	timer->queued = true;
}

static bool hrtimer_dequeue(struct hrtimer *timer)
{
	for (struct hrtimer **p = &hrtimer_queue; *p; p = &(*p)->next) {
		if (*p == timer) {
			*p = timer->next;
			timer->queued = false;
			return true;
		}
	}
	return false;
}

void hrtimer_start_ns(struct hrtimer *timer, u64 ns)
{
	unsigned long flags;

	if (!tick_dev)
		return;
	raw_spin_lock_irqsave(&hrtimer_lock, flags);
	hrtimer_dequeue(timer);
	timer->expires = tick_dev->read_counter() + ns_to_cycles(ns);
	hrtimer_enqueue(timer);
	tick_program_next();
	raw_spin_unlock_irqrestore(&hrtimer_lock, flags);
}

bool hrtimer_cancel(struct hrtimer *timer)
{
	unsigned long flags;
	bool was_queued;

	raw_spin_lock_irqsave(&hrtimer_lock, flags);
	/* Its function running on another CPU: wait (on this one: we are it). */
	while (READ_ONCE(hrtimer_running) == timer &&
	       hrtimer_running_cpu != raw_smp_processor_id()) {
		raw_spin_unlock_irqrestore(&hrtimer_lock, flags);
		cpu_relax();
		raw_spin_lock_irqsave(&hrtimer_lock, flags);
	}
	was_queued = hrtimer_dequeue(timer);
	if (tick_dev)
		tick_program_next();
	raw_spin_unlock_irqrestore(&hrtimer_lock, flags);
	return was_queued;
}

/* A secondary CPU's tick: when its next one is due. */
static DEFINE_PER_CPU(u64, cpu_next_tick);

static void tick_handle_secondary(struct clock_event_device *dev, u64 now)
{
	struct pt_regs *regs = get_irq_regs();
	u64 next = __this_cpu_read(cpu_next_tick);

	while (next <= now) {
		next += cycles_per_tick;
		scheduler_tick(regs && user_mode(regs));
	}
	__this_cpu_write(cpu_next_tick, next);
	dev->set_next_cycle(next, dev);
}

void tick_starting_cpu(struct clock_event_device *dev)
{
	u64 next = dev->read_counter() + cycles_per_tick;

	__this_cpu_write(cpu_next_tick, next);
	dev->set_next_cycle(next, dev);
}

/* The device's interrupt: count due ticks, run due events, re-arm. */
static void tick_handle_event(struct clock_event_device *dev)
{
	u64 now = dev->read_counter();

	struct pt_regs *regs = get_irq_regs();

	if (raw_smp_processor_id()) {
		tick_handle_secondary(dev, now);
		return;
	}
	if (READ_ONCE(next_tick) <= now)
		update_wall_time();	/* a tick: the clocks' base moves up (timekeeping.c) */
	do_raw_spin_lock(&hrtimer_lock);
	while (next_tick <= now) {
		jiffies++;
		next_tick += cycles_per_tick;
		/* Charge the tick, count down the time slice (kernel/sched/core.c). */
		do_raw_spin_unlock(&hrtimer_lock);
		scheduler_tick(regs && user_mode(regs));
		calc_global_load();	/* kernel/sched/loadavg.c */
		do_raw_spin_lock(&hrtimer_lock);
	}
	while (hrtimer_queue && hrtimer_queue->expires <= now) {
		struct hrtimer *timer = hrtimer_queue;
		enum hrtimer_restart restart;

		hrtimer_dequeue(timer);
		/* The function may wake a task: not under our lock. */
		WRITE_ONCE(hrtimer_running, timer);
		hrtimer_running_cpu = raw_smp_processor_id();
		do_raw_spin_unlock(&hrtimer_lock);
		restart = timer->function(timer);
		do_raw_spin_lock(&hrtimer_lock);
		WRITE_ONCE(hrtimer_running, NULL);
		if (restart == HRTIMER_RESTART)
			hrtimer_enqueue(timer);
	}
	tick_program_next();
	do_raw_spin_unlock(&hrtimer_lock);
}

void clockevents_register_device(struct clock_event_device *dev)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&hrtimer_lock, flags);
	tick_dev = dev;
	cycles_per_tick = DIV_ROUND_UP(dev->freq, HZ);
	next_tick = dev->read_counter() + cycles_per_tick;
	dev->event_handler = tick_handle_event;
	tick_program_next();
	raw_spin_unlock_irqrestore(&hrtimer_lock, flags);
}
