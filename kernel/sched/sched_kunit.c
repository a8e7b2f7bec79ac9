// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/sched_kunit.c: KUnit checks of the scheduler
 * (kunit.filter_glob=sched). The cases run in the boot task, which is the
 * idle task: it only gets the CPU back when no kernel thread is runnable,
 * so "schedule() until done" waits for the threads a case started.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <kunit/test.h>
#include <clocksource/arm_arch_timer.h>
#include <asm/arch_timer.h>

/* Run others until *done reaches want, or a second passes. */
static void wait_for(volatile int *done, int want)
{
	unsigned long deadline = jiffies + HZ;

	while (*done < want && time_before(jiffies, deadline))
		schedule();
}

static volatile int flag;

static int set_flag(void *arg)
{
	flag = (long)arg;
	return 0;
}

static void sched_kthread_runs_and_is_freed(struct kunit *test)
{
	int before = nr_threads;

	flag = 0;
	KUNIT_ASSERT_TRUE(test, kthread_run(set_flag, (void *)7L, "kunit-flag") != NULL);
	KUNIT_EXPECT_EQ(test, nr_threads, before + 1);
	wait_for(&flag, 1);
	KUNIT_EXPECT_EQ(test, flag, 7);
	schedule();
	KUNIT_EXPECT_EQ(test, nr_threads, before);
}

/* Two threads that never yield: only the tick can take turns between them. */
static volatile unsigned long burn_count[2], burn_seen_other[2];
static volatile u64 burn_ticks[2];
static volatile int burners_done;
static unsigned long burn_until;

static int burner(void *arg)
{
	long me = (long)arg, other = !me;
	unsigned long last_other = burn_count[other];

	while (time_before(jiffies, burn_until)) {
		burn_count[me]++;
		if (burn_count[other] != last_other) {	/* it ran since we looked */
			burn_seen_other[me]++;
			last_other = burn_count[other];
		}
	}
	burn_ticks[me] = current->stime + current->utime;
	burners_done++;
	return 0;
}

static void sched_tick_preempts_round_robin(struct kunit *test)
{
	unsigned long span = 8 * sched_rr_timeslice;

	burners_done = 0;
	for (int i = 0; i < 2; i++)
		burn_count[i] = burn_seen_other[i] = burn_ticks[i] = 0;
	burn_until = jiffies + span;
	/*
	 * Start both before either runs: waking a new thread may switch away
	 * from the boot task (the idle task) at once, and a lone burner would
	 * then keep the CPU until burn_until without its rival ever created.
	 */
	preempt_disable();
	kthread_run(burner, (void *)0L, "kunit-burn0");
	kthread_run(burner, (void *)1L, "kunit-burn1");
	preempt_enable();
	wait_for(&burners_done, 2);
	KUNIT_ASSERT_EQ(test, burners_done, 2);
	/* Each was interrupted and resumed several times, and saw the other run. */
	KUNIT_EXPECT_GE(test, burn_seen_other[0], 2);
	KUNIT_EXPECT_GE(test, burn_seen_other[1], 2);
	/* Each got about half of the span in ticks, within a time slice. */
	KUNIT_EXPECT_GE(test, burn_ticks[0], span / 2 - sched_rr_timeslice);
	KUNIT_EXPECT_LE(test, burn_ticks[0], span / 2 + sched_rr_timeslice + 1);
	KUNIT_EXPECT_GE(test, burn_ticks[1], span / 2 - sched_rr_timeslice);
	KUNIT_EXPECT_LE(test, burn_ticks[1], span / 2 + sched_rr_timeslice + 1);
}

#define YIELD_ROUNDS 50
static char yield_log[2 * YIELD_ROUNDS];
static volatile int yield_len, yielders_done;

static int yielder(void *arg)
{
	for (int i = 0; i < YIELD_ROUNDS; i++) {
		yield_log[yield_len++] = 'A' + (long)arg;
		do_sched_yield();
	}
	yielders_done++;
	return 0;
}

static void sched_yield_alternates(struct kunit *test)
{
	int alternating = 1;

	yield_len = yielders_done = 0;
	kthread_run(yielder, (void *)0L, "kunit-yieldA");
	kthread_run(yielder, (void *)1L, "kunit-yieldB");
	wait_for(&yielders_done, 2);
	KUNIT_ASSERT_EQ(test, yield_len, 2 * YIELD_ROUNDS);
	for (int i = 0; i < 2 * YIELD_ROUNDS; i++)
		alternating &= yield_log[i] == "AB"[i % 2];
	KUNIT_EXPECT_TRUE(test, alternating);
}

static volatile u64 slept_cycles;
static volatile int sleeper_done;

static int sleeper(void *arg)
{
	u64 t0 = arch_timer_read_counter();

	msleep(20);
	slept_cycles = arch_timer_read_counter() - t0;
	sleeper_done = 1;
	return 0;
}

static void sched_msleep_sleeps_and_lets_others_run(struct kunit *test)
{
	u64 ms = arch_timer_get_rate() / 1000;
	unsigned long idle_rounds = 0;

	sleeper_done = 0;
	kthread_run(sleeper, NULL, "kunit-sleep");
	schedule();			/* it runs until it sleeps */
	while (!sleeper_done && idle_rounds < 100000000UL) {
		idle_rounds++;		/* we run while it sleeps: no busy wait */
		schedule();
	}
	KUNIT_ASSERT_EQ(test, sleeper_done, 1);
	KUNIT_EXPECT_GT(test, idle_rounds, 0);
	KUNIT_EXPECT_GE(test, slept_cycles, 20 * ms);
	KUNIT_EXPECT_LT(test, slept_cycles, 40 * ms);
}

static DECLARE_WAIT_QUEUE_HEAD(kunit_wq);
static volatile int wq_cond, waiter_ret = -1, waiter_done;

static int waiter(void *arg)
{
	waiter_ret = wait_event_interruptible(kunit_wq, wq_cond);
	waiter_done = 1;
	return 0;
}

static void sched_wait_queue_sleeps_until_woken(struct kunit *test)
{
	struct task_struct *p;

	wq_cond = waiter_done = 0;
	waiter_ret = -1;
	p = kthread_run(waiter, NULL, "kunit-wait");
	KUNIT_ASSERT_TRUE(test, p != NULL);
	for (int i = 0; i < 10; i++)
		schedule();
	KUNIT_EXPECT_EQ(test, waiter_done, 0);
	KUNIT_EXPECT_EQ(test, p->state, TASK_INTERRUPTIBLE);	/* still alive: it waits */
	wake_up(&kunit_wq);		/* a wake-up without the condition: back to sleep */
	for (int i = 0; i < 10; i++)
		schedule();
	KUNIT_EXPECT_EQ(test, waiter_done, 0);
	wq_cond = 1;
	wake_up(&kunit_wq);
	wait_for(&waiter_done, 1);
	KUNIT_EXPECT_EQ(test, waiter_done, 1);
	KUNIT_EXPECT_EQ(test, waiter_ret, 0);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(sched_kthread_runs_and_is_freed),
	KUNIT_CASE(sched_tick_preempts_round_robin),
	KUNIT_CASE(sched_yield_alternates),
	KUNIT_CASE(sched_msleep_sleeps_and_lets_others_run),
	KUNIT_CASE(sched_wait_queue_sleeps_until_woken),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
