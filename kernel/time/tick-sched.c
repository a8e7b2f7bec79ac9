// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/tick-sched.c: the periodic tick, an hrtimer on every CPU's
 * own queue (struct tick_sched's sched_timer), as Linux's in high
 * resolution mode. Each CPU's tick charges the tick to the task it
 * interrupted and counts down its time slice (scheduler_tick); on
 * tick_do_timer_cpu it first advances jiffies and the clocks
 * (tick_do_update_jiffies64).
 *
 * Jiffy i is due at last_jiffies_update's start + i * tick_period, so
 * jiffies follows the counter exactly even if an interrupt comes late:
 * every tick that fell due is counted. Each CPU's tick falls due a fixed
 * offset after those counter values (skew_tick, below); a late one is
 * charged once for each period it missed.
 */
#include <linux/clockchips.h>
#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <asm/irq.h>
#include <asm/ptrace.h>
#include "tick-internal.h"
#include "tick-sched.h"

static DEFINE_PER_CPU(struct tick_sched, tick_cpu_sched);

struct tick_sched *tick_get_tick_sched(int cpu)
{
	return per_cpu_ptr(&tick_cpu_sched, cpu);
}

/* The counter value at which jiffies last advanced. */
static u64 last_jiffies_update;
static DEFINE_RAW_SPINLOCK(jiffies_lock);

void tick_init_jiffy_update(u64 now)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&jiffies_lock, flags);
	last_jiffies_update = now;
	raw_spin_unlock_irqrestore(&jiffies_lock, flags);
}

/* tick_do_timer_cpu, interrupts masked: count the jiffies that fell due. */
static void tick_do_update_jiffies64(u64 now)
{
	unsigned long ticks;

	do_raw_spin_lock(&jiffies_lock);
	if (now < last_jiffies_update + tick_period) {
		do_raw_spin_unlock(&jiffies_lock);
		return;
	}
	ticks = (now - last_jiffies_update) / tick_period;
	last_jiffies_update += ticks * tick_period;
	do_raw_spin_unlock(&jiffies_lock);
	update_wall_time();	/* the clocks' base moves up (timekeeping.c) */
	do_timer(ticks);	/* jiffies, the load average */
}

static enum hrtimer_restart tick_sched_timer(struct hrtimer *timer)
{
	struct pt_regs *regs = get_irq_regs();
	u64 now = tick_get_device()->read_counter();
	bool user = regs && user_mode(regs);
	u64 ticks;

	if (READ_ONCE(tick_do_timer_cpu) == (int)smp_processor_id())
		tick_do_update_jiffies64(now);
	/* Charge the tick, count down the time slice (kernel/sched/core.c). */
	for (ticks = hrtimer_forward(timer, now, tick_period); ticks; ticks--)
		scheduler_tick(user);
	return HRTIMER_RESTART;
}

/*
 * skew_tick=, Linux's option: offset each CPU's tick from the others'.
 * On by default here, where Linux has it off: under QEMU 7.2's -icount
 * the CPUs take turns on one host thread, each given the instructions up
 * to the next timer deadline; with every CPU's tick due at the same
 * counter value, a CPU that spins uses the turn up to that deadline and
 * the next CPU in QEMU's list gets none, deadline after deadline
 * (Documentation/arm64/smp.rst, "Busy waits under -icount"). A spinner
 * starved that way runs past its time and is charged ticks meanwhile:
 * bench --smp's 4 spinners came to 4.44 CPUs' worth instead of 4.00.
 * skew_tick=0 puts all ticks on the jiffy boundaries, as Linux does.
 */
static int sched_skew_tick = 1;

static int __init skew_tick(char *str)
{
	char *end;
	unsigned long long on;

	if (!str)
		return -EINVAL;
	on = simple_strtoull(str, &end, 0);
	if (*end || end == str)
		return -EINVAL;		/* "Malformed early option": the default stays */
	sched_skew_tick = on != 0;
	return 0;
}
early_param("skew_tick", skew_tick);

/*
 * This CPU's tick, interrupts masked: first due at the next jiffy
 * boundary after now (plus its skew), on this CPU's queue.
 */
void tick_setup_sched_timer(void)
{
	struct tick_sched *ts = this_cpu_ptr(&tick_cpu_sched);
	struct clock_event_device *dev = tick_get_device();
	struct hrtimer *timer = &ts->sched_timer;
	u64 now = dev->read_counter(), next;

	do_raw_spin_lock(&jiffies_lock);
	next = last_jiffies_update;
	do_raw_spin_unlock(&jiffies_lock);
	if (now > next)
		next += (now - next) / tick_period * tick_period;
	hrtimer_init(timer, tick_sched_timer);
	timer->expires = next + tick_period;
	if (sched_skew_tick)	/* CPU n's tick n/(2 * CPUs) of a tick after the boundary */
		timer->expires += tick_period / 2 / num_possible_cpus() * smp_processor_id();
	hrtimer_start_expires(timer);
}
