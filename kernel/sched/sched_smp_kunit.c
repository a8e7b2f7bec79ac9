// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/sched_smp_kunit.c: KUnit checks of the scheduler across
 * CPUs (kunit.filter_glob=sched_smp; tools/testing/boot/test_smp_sched.py
 * runs them on 4 CPUs, with -icount and with multi-threaded TCG):
 *
 *   - a kernel thread pinned to CPU1, asleep, woken from CPU0: it runs on
 *     CPU1, and CPU1 got a reschedule IPI;
 *   - a running thread whose mask loses its CPU moves to the new one;
 *   - new threads go to idle CPUs, one each (fork placement);
 *   - two threads queued on one CPU while others idle: the periodic
 *     balance spreads them;
 *   - the same with the periodic balance off: they stay until a task
 *     ends on an idle CPU, whose schedule() then pulls one at once
 *     (newidle balance).
 *
 * The cases run in CPU0's idle task (the boot task); they need 3 CPUs and
 * are skipped with fewer.
 */
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/wait.h>
#include <kunit/smp.h>
#include <kunit/test.h>
#include <asm/smp.h>
#include "sched.h"

static struct cpumask one_cpu(unsigned int cpu)
{
	return (struct cpumask){ 1UL << cpu };
}

static DECLARE_WAIT_QUEUE_HEAD(remote_wq);
static volatile int remote_cond, remote_cpu_before, remote_cpu_after, remote_asleep;

static int remote_sleeper(void *arg)
{
	remote_cpu_before = smp_processor_id();
	remote_asleep = 1;
	wait_event(remote_wq, remote_cond);
	remote_cpu_after = smp_processor_id();
	return 0;
}

static void sched_smp_wakeup_on_other_cpu(struct kunit *test)
{
	struct cpumask cpu1 = one_cpu(1);
	struct task_struct *p;
	unsigned int ipis;

	if (!kunit_enough_cpus(test))
		return;
	remote_cond = remote_asleep = 0;
	remote_cpu_before = remote_cpu_after = -1;
	p = kthread_create(remote_sleeper, NULL, "kunit-remote");
	KUNIT_ASSERT_TRUE(test, p != NULL);
	p->cpus_mask = cpu1;		/* not running yet: nobody else looks */
	wake_up_process(p);
	KUNIT_ASSERT_TRUE(test, kunit_wait_until(remote_asleep && p->state == TASK_UNINTERRUPTIBLE &&
					   !p->on_rq));
	KUNIT_EXPECT_EQ(test, remote_cpu_before, 1);
	ipis = ipi_count(1, IPI_RESCHEDULE);
	remote_cond = 1;
	wake_up(&remote_wq);		/* from CPU0 to a task of CPU1 */
	KUNIT_EXPECT_TRUE(test, kunit_wait_until(remote_cpu_after >= 0));
	KUNIT_EXPECT_EQ(test, remote_cpu_after, 1);
	KUNIT_EXPECT_GT(test, ipi_count(1, IPI_RESCHEDULE), ipis);
	kunit_info(test, "woken from CPU%u, ran on CPU%d", smp_processor_id(), remote_cpu_after);
}

static volatile int mover_cpu, mover_stop, mover_done;

static int mover(void *arg)
{
	while (!mover_stop) {
		WRITE_ONCE(mover_cpu, smp_processor_id());
		cpu_relax();	/* a busy wait: see wait_until */
	}
	mover_done = 1;
	return 0;
}

static void sched_smp_running_task_migrates(struct kunit *test)
{
	struct cpumask cpu1 = one_cpu(1), cpu2 = one_cpu(2);
	struct task_struct *p;

	if (!kunit_enough_cpus(test))
		return;
	mover_cpu = -1;
	mover_stop = mover_done = 0;
	p = kthread_create(mover, NULL, "kunit-mover");
	KUNIT_ASSERT_TRUE(test, p != NULL);
	p->cpus_mask = cpu1;		/* not running yet: nobody else looks */
	wake_up_process(p);
	KUNIT_ASSERT_TRUE(test, kunit_wait_until(mover_cpu == 1));
	KUNIT_EXPECT_EQ(test, sched_setaffinity(p->pid, &cpu2), 0);
	KUNIT_EXPECT_TRUE(test, kunit_wait_until(mover_cpu == 2));
	KUNIT_EXPECT_EQ(test, task_cpu(p), 2);
	kunit_info(test, "moved from CPU1 to CPU%d while running", mover_cpu);
	mover_stop = 1;			/* it exits: p is freed */
	KUNIT_EXPECT_TRUE(test, kunit_wait_until(mover_done));
}

#define SPREAD 2
static volatile int spread_cpu[SPREAD], spread_stop, spread_done;
static struct task_struct *spread_task[SPREAD];

static int spinner(void *arg)
{
	long i = (long)arg;

	while (!spread_stop) {
		WRITE_ONCE(spread_cpu[i], smp_processor_id());
		cpu_relax();	/* a busy wait: see wait_until */
	}
	__atomic_fetch_add(&spread_done, 1, __ATOMIC_RELAXED);
	return 0;
}

/*
 * Start the spinners on the CPUs of mask. Never CPU0: it runs this test
 * in its idle task, which would not get the CPU back from a spinner.
 */
static bool start_spinners(const struct cpumask *mask)
{
	spread_stop = spread_done = 0;
	for (long i = 0; i < SPREAD; i++) {
		struct task_struct *p = kthread_create(spinner, (void *)i, "kunit-spin%ld", i);

		if (!p)
			return false;
		spread_cpu[i] = -1;
		p->cpus_mask = *mask;
		spread_task[i] = p;
	}
	for (int i = 0; i < SPREAD; i++)
		wake_up_process(spread_task[i]);
	return true;
}

static bool stop_spinners(void)
{
	spread_stop = 1;
	return kunit_wait_until(spread_done == SPREAD);
}

static struct cpumask all_but_cpu0(void)
{
	return (struct cpumask){ cpu_online_mask->bits & ~1UL };
}

/* Placement at the first wake-up: two new threads, two idle CPUs. */
static void sched_smp_new_tasks_go_to_idle_cpus(struct kunit *test)
{
	struct cpumask mask = all_but_cpu0();

	if (!kunit_enough_cpus(test))
		return;
	KUNIT_ASSERT_TRUE(test, start_spinners(&mask));
	KUNIT_EXPECT_TRUE(test, kunit_wait_until(spread_cpu[0] >= 0 && spread_cpu[1] >= 0));
	KUNIT_EXPECT_NE(test, spread_cpu[0], spread_cpu[1]);
	kunit_info(test, "on CPU%d and CPU%d", spread_cpu[0], spread_cpu[1]);
	KUNIT_EXPECT_TRUE(test, stop_spinners());
}

/*
 * Both on CPU1 (their mask), then free to leave it: widening a mask moves
 * nothing by itself (CPU1 is still allowed), but CPU1 has two tasks and
 * CPU2 none, so CPU2's periodic balance pulls one.
 */
static void sched_smp_balance_spreads_queued_tasks(struct kunit *test)
{
	struct cpumask cpu1 = one_cpu(1), wide = all_but_cpu0();
	bool spread;

	if (!kunit_enough_cpus(test))
		return;
	KUNIT_ASSERT_TRUE(test, start_spinners(&cpu1));
	KUNIT_ASSERT_TRUE(test, kunit_wait_until(spread_cpu[0] == 1 && spread_cpu[1] == 1));
	KUNIT_EXPECT_EQ(test, READ_ONCE(cpu_rq(1)->nr_running), 2);
	for (int i = 0; i < SPREAD; i++)
		KUNIT_EXPECT_EQ(test, sched_setaffinity(spread_task[i]->pid, &wide), 0);
	spread = kunit_wait_until(spread_cpu[0] != spread_cpu[1]);
	KUNIT_EXPECT_TRUE(test, spread);
	KUNIT_EXPECT_EQ(test, READ_ONCE(cpu_rq(1)->nr_running), 1);
	kunit_info(test, "spread to CPU%d and CPU%d", spread_cpu[0], spread_cpu[1]);
	KUNIT_EXPECT_TRUE(test, stop_spinners());
}

static volatile int poke_cpu;

static int poke(void *arg)
{
	poke_cpu = smp_processor_id();
	return 0;		/* exits: its CPU schedules with nothing queued */
}

/*
 * The periodic balance off (fair.c's test-only sched_test_no_periodic_balance):
 * one spinner running on CPU1, one waiting behind it, both allowed on CPU2
 * too. CPU2 idles in wfi and never looks at CPU1's queue by itself, so the
 * two stay on CPU1 for a fifth of a second, many periodic balances' worth.
 * Then a thread pinned to CPU2 runs there and exits: CPU2's schedule()
 * finds its own queue empty and its newidle balance pulls the waiting
 * spinner. Nothing else could have moved it: without newidle_balance()
 * the spinners stay on CPU1 and the case fails.
 */
static void newidle_pull(struct kunit *test)
{
	struct cpumask cpu1 = one_cpu(1), cpu2 = one_cpu(2), both = { 0x6 };
	unsigned long stay_until = jiffies + HZ / 5;
	struct task_struct *p;
	bool pulled;

	KUNIT_ASSERT_TRUE(test, start_spinners(&cpu1));
	KUNIT_ASSERT_TRUE(test, kunit_wait_until(spread_cpu[0] == 1 && spread_cpu[1] == 1));
	for (int i = 0; i < SPREAD; i++)
		KUNIT_EXPECT_EQ(test, sched_setaffinity(spread_task[i]->pid, &both), 0);
	(void)kunit_wait_until(time_after(jiffies, stay_until));
	KUNIT_ASSERT_EQ(test, READ_ONCE(cpu_rq(1)->nr_running), 2);
	KUNIT_ASSERT_TRUE(test, spread_cpu[0] == 1 && spread_cpu[1] == 1);
	KUNIT_ASSERT_EQ(test, READ_ONCE(cpu_rq(2)->nr_running), 0);

	poke_cpu = -1;
	p = kthread_create(poke, NULL, "kunit-poke");
	KUNIT_ASSERT_TRUE(test, p != NULL);
	p->cpus_mask = cpu2;		/* not running yet: nobody else looks */
	wake_up_process(p);
	pulled = kunit_wait_until(spread_cpu[0] != spread_cpu[1]);
	KUNIT_EXPECT_TRUE(test, pulled);
	KUNIT_EXPECT_EQ(test, poke_cpu, 2);
	KUNIT_EXPECT_EQ(test, READ_ONCE(cpu_rq(1)->nr_running), 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(cpu_rq(2)->nr_running), 1);
	if (pulled)
		kunit_info(test, "CPU%d pulled a spinner when its task exited, the periodic balance off",
			   poke_cpu);
}

static void sched_smp_idle_cpu_pulls_without_periodic_balance(struct kunit *test)
{
	if (!kunit_enough_cpus(test))
		return;
	WRITE_ONCE(sched_test_no_periodic_balance, true);
	newidle_pull(test);
	WRITE_ONCE(sched_test_no_periodic_balance, false);
	KUNIT_EXPECT_TRUE(test, stop_spinners());
}

static struct kunit_case sched_smp_cases[] = {
	KUNIT_CASE(sched_smp_wakeup_on_other_cpu),
	KUNIT_CASE(sched_smp_running_task_migrates),
	KUNIT_CASE(sched_smp_new_tasks_go_to_idle_cpus),
	KUNIT_CASE(sched_smp_balance_spreads_queued_tasks),
	KUNIT_CASE(sched_smp_idle_cpu_pulls_without_periodic_balance),
	{}
};

static struct kunit_suite sched_smp_suite = {
	.name = "sched_smp",
	.test_cases = sched_smp_cases,
};
kunit_test_suite(sched_smp_suite);
