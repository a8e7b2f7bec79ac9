// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/hrtimer_kunit.c: KUnit checks of the per-CPU hrtimer queues
 * (kunit.filter_glob=hrtimer_smp; tools/testing/boot/test_smp.py runs
 * them on 4 CPUs, with -icount and with multi-threaded TCG):
 *
 *   - a timer armed on each CPU (from a function call IPI, the CPU idle
 *     in wfi before and after) goes on that CPU's queue and its function
 *     runs there, from that CPU's hrtimer_interrupt;
 *   - hrtimer_cancel() of a timer whose function is running on another
 *     CPU returns only once the function has returned; starting it again
 *     meanwhile leaves it on that CPU, where it runs again;
 *   - a timer queued on CPU1 is cancelled from CPU0, and one started
 *     again from CPU2 moves to CPU2's queue and runs there, once;
 *   - a task asleep on CPU1 (its sleep timer on CPU1's queue) moved to
 *     CPU2 meanwhile: CPU1's timer wakes it, on CPU2, after the full time;
 *   - where each CPU's tick falls within the tick period, against CPU0's
 *     (skew_tick; reported, test_smp.py checks it).
 *
 * The cases run in CPU0's idle task (the boot task) and need 3 CPUs.
 */
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <kunit/smp.h>
#include <kunit/test.h>
#include <clocksource/arm_arch_timer.h>
#include <asm/arch_timer.h>
#include <asm/processor.h>
#include "tick-internal.h"
#include "tick-sched.h"

#define MS 1000000ULL		/* ns */

static struct probe {
	struct hrtimer timer;
	u64 ns;				/* hrtimer_start_ns's argument */
	volatile int fired;
	volatile int cpu;		/* where the function last ran */
	volatile bool from_interrupt;	/* run by that CPU's hrtimer_interrupt */
	/* The next run is slow: it waits for release, or 20 ms if not told to. */
	volatile int slow, wait_release, release;
	volatile int entered;		/* the slow run has begun ... */
	volatile bool done;		/* ... and is over */
} probe;

static enum hrtimer_restart probe_fn(struct hrtimer *timer)
{
	probe.cpu = smp_processor_id();
	probe.from_interrupt = hrtimer_base_of_cpu(probe.cpu)->running == timer;
	if (probe.slow) {
		u64 start = arch_timer_read_counter(), rate = arch_timer_get_rate();

		probe.slow = 0;
		probe.entered = 1;
		if (probe.wait_release) {	/* at most a second: never hang */
			while (!probe.release && arch_timer_read_counter() - start < rate)
				cpu_relax();
		} else {
			mdelay(20);
		}
		probe.done = true;
	}
	probe.fired++;
	return HRTIMER_NORESTART;
}

static void probe_reset(void)
{
	probe.fired = probe.entered = probe.slow = probe.wait_release = probe.release = 0;
	probe.cpu = -1;
	probe.from_interrupt = probe.done = false;
	hrtimer_init(&probe.timer, probe_fn);
}

/* Called on the CPU that is to arm it (function call IPI, interrupts masked). */
static void probe_start(void *unused)
{
	hrtimer_start_ns(&probe.timer, probe.ns);
}

static void start_on(unsigned int cpu, u64 ns)
{
	probe.ns = ns;
	smp_call_function_single(cpu, probe_start, NULL, 1);
}

static void hrtimer_smp_runs_on_the_cpu_that_armed_it(struct kunit *test)
{
	unsigned int cpu, n = 0;

	if (!kunit_enough_cpus(test))
		return;
	for_each_online_cpu(cpu) {
		probe_reset();
		start_on(cpu, 3 * MS);
		KUNIT_EXPECT_TRUE(test, probe.timer.base == hrtimer_base_of_cpu(cpu));
		KUNIT_EXPECT_TRUE(test, kunit_wait_until(probe.fired));
		KUNIT_EXPECT_EQ(test, probe.cpu, cpu);
		KUNIT_EXPECT_TRUE(test, probe.from_interrupt);
		KUNIT_EXPECT_EQ(test, probe.fired, 1);
		n += probe.cpu == (int)cpu && probe.from_interrupt;
	}
	kunit_info(test, "%u CPUs each ran the timer they armed", n);
}

static void hrtimer_smp_cancel_waits_for_running_function(struct kunit *test)
{
	bool queued, done_at_return;

	if (!kunit_enough_cpus(test))
		return;
	probe_reset();
	probe.slow = probe.wait_release = 1;
	start_on(1, 1 * MS);
	KUNIT_ASSERT_TRUE(test, kunit_wait_until(probe.entered));
	/* Started again while it runs on CPU1: it stays on CPU1's queue. */
	hrtimer_start_ns(&probe.timer, 2 * MS);
	KUNIT_EXPECT_TRUE(test, probe.timer.base == hrtimer_base_of_cpu(1));
	KUNIT_EXPECT_FALSE(test, probe.done);
	probe.release = 1;
	KUNIT_EXPECT_TRUE(test, kunit_wait_until(probe.fired == 2));
	KUNIT_EXPECT_EQ(test, probe.cpu, 1);

	/*
	 * Now cancel while it runs (20 ms): not back before it has returned.
	 * (If CPU0 came late, after the function, it would pass anyway.)
	 */
	probe_reset();
	probe.slow = 1;
	start_on(1, 1 * MS);
	KUNIT_ASSERT_TRUE(test, kunit_wait_until(probe.entered));
	queued = hrtimer_cancel(&probe.timer);
	done_at_return = probe.done;
	KUNIT_EXPECT_FALSE(test, queued);
	KUNIT_EXPECT_TRUE(test, done_at_return);
	KUNIT_EXPECT_EQ(test, probe.cpu, 1);
	if (done_at_return)
		kunit_info(test, "hrtimer_cancel on CPU%u waited for the function on CPU%d",
			   smp_processor_id(), probe.cpu);
}

static void hrtimer_smp_cancel_and_move_a_queued_timer(struct kunit *test)
{
	unsigned long until;

	if (!kunit_enough_cpus(test))
		return;
	probe_reset();
	start_on(1, 100 * MS);
	KUNIT_EXPECT_TRUE(test, hrtimer_is_queued(&probe.timer));
	KUNIT_EXPECT_TRUE(test, hrtimer_cancel(&probe.timer));		/* from CPU0 */
	KUNIT_EXPECT_FALSE(test, hrtimer_is_queued(&probe.timer));

	start_on(1, 100 * MS);
	start_on(2, 2 * MS);	/* off CPU1's queue, onto CPU2's */
	KUNIT_EXPECT_TRUE(test, probe.timer.base == hrtimer_base_of_cpu(2));
	KUNIT_EXPECT_TRUE(test, kunit_wait_until(probe.fired));
	KUNIT_EXPECT_EQ(test, probe.cpu, 2);
	/* Past the first expiry: CPU1 never ran it. */
	until = jiffies + msecs_to_jiffies(150);
	(void)kunit_wait_until(time_after(jiffies, until));
	KUNIT_EXPECT_EQ(test, probe.fired, 1);
	kunit_info(test, "started on CPU1, moved to CPU%d, ran %d time(s)", probe.cpu, probe.fired);
}

static volatile int sleeper_cpu_before, sleeper_cpu_after;
static volatile u64 sleeper_slept;

static int sleeper(void *arg)
{
	u64 start;

	sleeper_cpu_before = smp_processor_id();
	start = arch_timer_read_counter();
	msleep(40);
	sleeper_slept = arch_timer_read_counter() - start;
	sleeper_cpu_after = smp_processor_id();
	return 0;
}

static void hrtimer_smp_sleeper_moved_while_asleep(struct kunit *test)
{
	struct cpumask cpu1 = { 1UL << 1 }, cpu2 = { 1UL << 2 };
	struct task_struct *p;
	bool on_cpu1_queue;

	if (!kunit_enough_cpus(test))
		return;
	sleeper_cpu_before = sleeper_cpu_after = -1;
	p = kthread_create(sleeper, NULL, "kunit-sleeper");
	KUNIT_ASSERT_TRUE(test, p != NULL);
	p->cpus_mask = cpu1;		/* not running yet: nobody else looks */
	wake_up_process(p);
	KUNIT_ASSERT_TRUE(test, kunit_wait_until(sleeper_cpu_before == 1 &&
					   p->state == TASK_UNINTERRUPTIBLE && !p->on_rq));
	on_cpu1_queue = hrtimer_is_queued(&p->sleep_timer) &&
			p->sleep_timer.base == hrtimer_base_of_cpu(1);
	KUNIT_EXPECT_TRUE(test, on_cpu1_queue);
	KUNIT_EXPECT_EQ(test, sched_setaffinity(p->pid, &cpu2), 0);
	KUNIT_ASSERT_TRUE(test, kunit_wait_until(sleeper_cpu_after >= 0));	/* p may be gone now */
	KUNIT_EXPECT_EQ(test, sleeper_cpu_after, 2);
	KUNIT_EXPECT_GE(test, sleeper_slept, arch_timer_get_rate() * 40 / 1000);
	if (on_cpu1_queue)
		kunit_info(test, "asleep on CPU1, its timer on CPU1's queue, woke on CPU%d",
			   sleeper_cpu_after);
}

/*
 * How far each CPU's ticks fall after CPU0's (their tick_sched timers'
 * expiry, read as they move on: each is some tick of that CPU), modulo
 * the tick period: 0 on every CPU with skew_tick=0; with the skew, CPU n's
 * n * period / (2 * possible CPUs), CPU n's place in the period.
 */
static void hrtimer_smp_tick_offsets(struct kunit *test)
{
	u64 base = READ_ONCE(tick_get_tick_sched(0)->sched_timer.expires) % tick_period;
	u64 step = tick_period / 2 / num_possible_cpus();
	unsigned int cpu, aligned = 0, skewed = 0;
	char line[128];
	int len = 0;

	if (!kunit_enough_cpus(test))
		return;
	for_each_online_cpu(cpu) {
		u64 phase = READ_ONCE(tick_get_tick_sched(cpu)->sched_timer.expires) % tick_period;
		u64 off = (phase + tick_period - base) % tick_period;	/* may be ahead or behind */

		aligned += off == 0;
		skewed += off == cpu * step;
		len += snprintf(line + len, sizeof(line) - len, " %llu", (unsigned long long)off);
	}
	/* One way or the other on every CPU (CPU0 counts for both). */
	KUNIT_EXPECT_TRUE(test, aligned == num_online_cpus() || skewed == num_online_cpus());
	kunit_info(test, "tick period %llu cycles, each CPU's ticks after CPU0's:%s",
		   (unsigned long long)tick_period, line);
}

static struct kunit_case hrtimer_smp_cases[] = {
	KUNIT_CASE(hrtimer_smp_runs_on_the_cpu_that_armed_it),
	KUNIT_CASE(hrtimer_smp_cancel_waits_for_running_function),
	KUNIT_CASE(hrtimer_smp_cancel_and_move_a_queued_timer),
	KUNIT_CASE(hrtimer_smp_sleeper_moved_while_asleep),
	KUNIT_CASE(hrtimer_smp_tick_offsets),
	{}
};

static struct kunit_suite hrtimer_smp_suite = {
	.name = "hrtimer_smp",
	.test_cases = hrtimer_smp_cases,
};
kunit_test_suite(hrtimer_smp_suite);
