// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/timekeeping.c: the time the clocks read, Linux's timekeeper
 * (include/linux/timekeeper_internal.h) reduced to one counter: the
 * generic timer's, converted by a multiply and a shift, with a base the
 * boot CPU's tick moves forward (update_wall_time) and clock_settime moves
 * (do_settimeofday_ns). Both hold timekeeper_lock and write inside tk_seq;
 * readers on every CPU read without a lock and retry if a write came in
 * between. Each write is copied to the vvar page (kernel/time/vsyscall.c)
 * inside the vvar page's own sequence count, so the vDSO computes, from
 * the same numbers with the same arithmetic, what the system calls give.
 *
 * CLOCK_MONOTONIC counts from start_kernel (sched_clock's origin, the
 * printk timestamps' zero). Before time_init there is no conversion
 * (mult 0): the clocks stand at their base.
 */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched/loadavg.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/timekeeper_internal.h>
#include <linux/timekeeping.h>
#include <asm/arch_timer.h>

#define NSEC_PER_SEC		1000000000ULL

static struct timekeeper tk_core;
static seqcount_t tk_seq;
static DEFINE_RAW_SPINLOCK(timekeeper_lock);

/*
 * The largest shift (most precision) whose mult fits 32 bits and whose
 * product with TK_MAX_DEFER_SEC seconds of ticks fits 63: at 62.5 MHz,
 * mult = 16 << 23 exactly.
 */
void tk_calc_mult_shift(u32 hz, u32 *mult, u32 *shift)
{
	for (u32 sft = 32; sft > 0; sft--) {
		u64 m = ((NSEC_PER_SEC << sft) + hz / 2) / hz;

		if (m > 0xffffffffULL || (u64)TK_MAX_DEFER_SEC * hz > (1ULL << 63) / m)
			continue;
		*mult = m;
		*shift = sft;
		return;
	}
	*mult = NSEC_PER_SEC / hz;	/* a counter faster than 1 GHz << 32 */
	*shift = 0;
}

void tk_clock_base(const struct timekeeper *tk, bool real, u64 *sec, u64 *nsec)
{
	*sec = tk->mono_sec;
	*nsec = tk->mono_nsec;
	if (!real)
		return;
	*sec += tk->offs_real_sec;
	*nsec += tk->offs_real_nsec << tk->shift;
	if (*nsec >= NSEC_PER_SEC << tk->shift) {
		*nsec -= NSEC_PER_SEC << tk->shift;
		(*sec)++;
	}
}

/* Ticks since cycle_last; 0 if the counter reads behind it (another CPU's update). */
static u64 tk_delta(const struct timekeeper *tk, u64 now)
{
	u64 delta = now - tk->cycle_last;

	return (s64)delta > 0 ? delta : 0;
}

/* Under the lock, inside tk_seq: move the base up to the counter value now. */
static void tk_accumulate(struct timekeeper *tk, u64 now)
{
	u64 delta = tk_delta(tk, now), unit = NSEC_PER_SEC << tk->shift;

	if (!tk->mult)
		return;
	while (delta) {
		u64 step = min(delta, tk->max_cycles);

		tk->mono_nsec += step * tk->mult;
		tk->mono_sec += tk->mono_nsec / unit;
		tk->mono_nsec %= unit;
		delta -= step;
	}
	tk->cycle_last = now;
}

void __init timekeeping_init(u32 counter_hz)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&timekeeper_lock, flags);
	write_seqcount_begin(&tk_seq);
	tk_calc_mult_shift(counter_hz, &tk_core.mult, &tk_core.shift);
	tk_core.max_cycles = (u64)TK_MAX_DEFER_SEC * counter_hz;
	/* CLOCK_MONOTONIC is 0 where local_clock() is: start_kernel. */
	tk_core.cycle_last = sched_clock_start_count();
	tk_core.mono_sec = tk_core.mono_nsec = 0;
	tk_accumulate(&tk_core, arch_timer_read_counter());
	update_vsyscall(&tk_core);
	write_seqcount_end(&tk_seq);
	raw_spin_unlock_irqrestore(&timekeeper_lock, flags);
}

/*
 * jiffies lives in Linux's kernel/time/timer.c (the timer wheel, which
 * this kernel does not have); tick-sched.c's tick_do_timer_cpu advances it.
 */
volatile unsigned long jiffies;

/* tick_do_timer_cpu's tick, interrupts masked: ticks jiffies fell due. */
void do_timer(unsigned long ticks)
{
	jiffies += ticks;
	calc_global_load();	/* kernel/sched/loadavg.c */
}

void update_wall_time(void)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&timekeeper_lock, flags);
	write_seqcount_begin(&tk_seq);
	tk_accumulate(&tk_core, arch_timer_read_counter());
	update_vsyscall(&tk_core);
	write_seqcount_end(&tk_seq);
	raw_spin_unlock_irqrestore(&timekeeper_lock, flags);
}

/* A clock in ns: its base, plus the counter's progress unless coarse. */
static u64 tk_get_ns(bool real, bool coarse)
{
	u64 sec, nsec;
	unsigned int seq;

	do {
		seq = read_seqcount_begin(&tk_seq);
		tk_clock_base(&tk_core, real, &sec, &nsec);
		if (!coarse)
			nsec += tk_delta(&tk_core, arch_timer_read_counter()) * tk_core.mult;
		nsec >>= tk_core.shift;
	} while (read_seqcount_retry(&tk_seq, seq));
	return sec * NSEC_PER_SEC + nsec;
}

u64 ktime_get_ns(void)
{
	return tk_get_ns(false, false);
}

u64 ktime_get_real_ns(void)
{
	return tk_get_ns(true, false);
}

u64 ktime_get_coarse_ns(void)
{
	return tk_get_ns(false, true);
}

u64 ktime_get_coarse_real_ns(void)
{
	return tk_get_ns(true, true);
}

void do_settimeofday_ns(u64 ns)
{
	unsigned long flags;
	u64 mono;
	s64 offs;

	raw_spin_lock_irqsave(&timekeeper_lock, flags);
	write_seqcount_begin(&tk_seq);
	tk_accumulate(&tk_core, arch_timer_read_counter());
	mono = tk_core.mono_sec * NSEC_PER_SEC + (tk_core.mono_nsec >> tk_core.shift);
	offs = (s64)(ns - mono);
	/* Seconds rounded down, so that the nanoseconds are never negative. */
	tk_core.offs_real_sec = offs / (s64)NSEC_PER_SEC;
	if (offs % (s64)NSEC_PER_SEC < 0)
		tk_core.offs_real_sec--;
	tk_core.offs_real_nsec = offs - tk_core.offs_real_sec * (s64)NSEC_PER_SEC;
	update_vsyscall(&tk_core);
	write_seqcount_end(&tk_seq);
	raw_spin_unlock_irqrestore(&timekeeper_lock, flags);
}
