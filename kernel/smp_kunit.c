// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/smp_kunit.c: KUnit checks across CPUs (kunit.filter_glob=smp):
 * IPI round trips to each CPU, calls that do not wait, a spinlock and an
 * atomic hammered by every CPU at once, how fairly the spinlock serves
 * them, per-CPU data as each CPU sees it, and a task on the boot
 * CPU woken from another CPU's interrupt handler. Each case says how many
 * CPUs it ran on (tools/testing/boot/test_smp.py runs the suite on 4,
 * also with QEMU's multi-threaded TCG, where the CPUs really run at once).
 */
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <kunit/test.h>
#include <asm/smp.h>
#include <asm/sysreg.h>

struct where {
	int cpu;
	bool in_irq_off;
};

static void record_cpu(void *info)
{
	struct where *w = info;

	w->cpu = smp_processor_id();
	w->in_irq_off = irqs_disabled();
}

static void smp_ipi_round_trip(struct kunit *test)
{
	unsigned int cpu, me = smp_processor_id(), others = 0;

	for_each_online_cpu(cpu) {
		struct where w = { .cpu = -1 };
		unsigned int before = ipi_count(cpu, IPI_CALL_FUNC);

		KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, record_cpu, &w, 1), 0);
		KUNIT_EXPECT_EQ(test, w.cpu, cpu);		/* ran there */
		KUNIT_EXPECT_TRUE(test, w.in_irq_off);
		if (cpu != me) {
			KUNIT_EXPECT_GT(test, ipi_count(cpu, IPI_CALL_FUNC), before);
			others++;
		}
	}
	KUNIT_EXPECT_EQ(test, others + 1, num_online_cpus());
	kunit_info(test, "%u CPUs answered", others + 1);
	/* Refused, not hung: an offline or impossible CPU. */
	KUNIT_EXPECT_EQ(test, smp_call_function_single(NR_CPUS, record_cpu, NULL, 1), -ENXIO);
}

/*
 * Per CPU. Modest: under QEMU's multi-threaded TCG on a busy 2-core host,
 * the vCPU holding the lock may be descheduled by the host, and every CPU
 * waits for it (a fair lock would also wait for the next in line:
 * asm/spinlock.h).
 */
#define HAMMER_ROUNDS 2000
static DEFINE_SPINLOCK(hammer_lock);
static unsigned long hammer_count;	/* only under hammer_lock */
static atomic_t hammer_atomic;
static atomic_t hammer_arrived;

/* Every CPU at once: wait until all are here, then take turns on the lock. */
static void hammer(void *info)
{
	unsigned int n = *(unsigned int *)info;

	atomic_inc(&hammer_arrived);
	while ((unsigned int)atomic_read(&hammer_arrived) < n)
		cpu_relax();
	for (int i = 0; i < HAMMER_ROUNDS; i++) {
		unsigned long v;

		spin_lock(&hammer_lock);
		v = READ_ONCE(hammer_count);	/* a read-modify-write another */
		cpu_relax();			/* CPU would spoil without the lock */
		WRITE_ONCE(hammer_count, v + 1);
		spin_unlock(&hammer_lock);
		atomic_inc(&hammer_atomic);
	}
}

static void smp_spinlock_hammer(struct kunit *test)
{
	unsigned int n = num_online_cpus();

	hammer_count = 0;
	atomic_set(&hammer_atomic, 0);
	atomic_set(&hammer_arrived, 0);
	on_each_cpu(hammer, &n, 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&hammer_arrived), n);
	KUNIT_EXPECT_EQ(test, hammer_count, (unsigned long)n * HAMMER_ROUNDS);
	KUNIT_EXPECT_EQ(test, atomic_read(&hammer_atomic), n * HAMMER_ROUNDS);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&hammer_lock));
	kunit_info(test, "%u CPUs, %lu increments", n, hammer_count);
}

/*
 * Fairness: every CPU takes fair_lock FAIR_ROUNDS times, again at once
 * after each release. A CPU notes how many acquisitions the others made
 * while it waited (fair_total read just before it asks for the lock, and
 * again once it holds it): with a first-come-first-served lock at most
 * N - 1, the holder and the N - 2 other waiters that can be ahead of it.
 * More than that is "late": overtaken. The case prints the most a wait
 * was overtaken, per CPU, and how many waits were late, and names the
 * lock (asm/spinlock.h: test-and-set, or ticket with
 * CONFIG_TICKET_SPINLOCKS).
 *
 * It calls arch_spin_lock itself (fairness is the arch lock's affair;
 * spin_lock only adds the preemption count and the debug checks around
 * it), so that only a few instructions separate reading fair_total from
 * taking a ticket. A CPU that loses its turn in between takes its ticket
 * after the others went on, and that wait can be late with a ticket lock
 * too. Under -icount that is at most one more round of the others (a
 * time slice ends there; each other CPU takes the lock once, then waits
 * in wfe, which hands the turn on): never more than 2 (N - 1). Under
 * multi-threaded TCG there is no bound: the vCPU's host thread can be
 * descheduled there while the others go on. So the case asserts no bound
 * itself: test_smp.py reads the figures and holds the ticket lock to
 * 2 (N - 1) under -icount.
 */
#define FAIR_ROUNDS 1000
#define FAIR_CAP 10		/* x n x FAIR_ROUNDS in all: a starved CPU ends */
static arch_spinlock_t fair_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static unsigned int fair_total;		/* acquisitions so far; under fair_lock */
static atomic_t fair_arrived, fair_done;
static struct fair_figures {
	unsigned int taken, most_overtaken, late;
} fair_cpu[NR_CPUS];

/*
 * Each CPU goes on after its FAIR_ROUNDS until every CPU has made its
 * own, so that a CPU that starts late (under multi-threaded TCG its host
 * thread may not run yet) still has the others to wait for.
 */
static void take_turns(void *info)
{
	unsigned int n = *(unsigned int *)info;
	struct fair_figures f = { 0 };
	bool stop = false;

	atomic_inc(&fair_arrived);
	while ((unsigned int)atomic_read(&fair_arrived) < n)
		cpu_relax();
	while (!stop) {
		unsigned int before = READ_ONCE(fair_total), overtaken;

		arch_spin_lock(&fair_lock);
		overtaken = fair_total - before;
		WRITE_ONCE(fair_total, fair_total + 1);
		cpu_relax();		/* a critical section of some length */
		stop = fair_total >= FAIR_CAP * n * FAIR_ROUNDS;
		arch_spin_unlock(&fair_lock);
		f.most_overtaken = max(f.most_overtaken, overtaken);
		if (overtaken > n - 1)
			f.late++;
		if (++f.taken == FAIR_ROUNDS)
			atomic_inc(&fair_done);
		if ((unsigned int)atomic_read(&fair_done) == n)
			stop = true;
	}
	fair_cpu[smp_processor_id()] = f;
}

static void smp_spinlock_fairness(struct kunit *test)
{
	unsigned int n = num_online_cpus(), cpu, most = 0, late = 0, taken = 0;
	char each[24 * NR_CPUS] = "", *p = each;

	if (n < 2) {
		kunit_skip(test, "one CPU");
		return;
	}
	fair_total = 0;
	atomic_set(&fair_arrived, 0);
	atomic_set(&fair_done, 0);
	memset(fair_cpu, 0, sizeof(fair_cpu));
	on_each_cpu(take_turns, &n, 1);
	KUNIT_EXPECT_FALSE(test, arch_spin_is_locked(&fair_lock));
	for_each_online_cpu(cpu) {
		struct fair_figures *f = &fair_cpu[cpu];

		p += snprintf(p, each + sizeof(each) - p, " %u/%u", f->most_overtaken, f->taken);
		most = max(most, f->most_overtaken);
		late += f->late;
		taken += f->taken;
	}
	KUNIT_EXPECT_EQ(test, taken, fair_total);
	kunit_info(test, "%u CPUs, %u acquisitions: a wait overtaken at most %u times (per CPU, most/acquisitions:%s), more than %u times in %u waits (%s lock)",
		   n, fair_total, most, each, n - 1, late,
		   IS_ENABLED(CONFIG_TICKET_SPINLOCKS) ? "ticket" : "test-and-set");
}

static DEFINE_PER_CPU(unsigned long, percpu_seen);

static void mark_percpu(void *info)
{
	this_cpu_write(percpu_seen, 1000 + smp_processor_id());
}

static void smp_percpu_each_cpu(struct kunit *test)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(percpu_seen, cpu) = 0;
	on_each_cpu(mark_percpu, NULL, 1);
	for_each_possible_cpu(cpu)
		KUNIT_EXPECT_EQ(test, per_cpu(percpu_seen, cpu), cpu_online(cpu) ? 1000 + cpu : 0);
}

static DECLARE_WAIT_QUEUE_HEAD(wake_wq);
static volatile int wake_cond, wake_done, wake_sleeping;

static int sleeper(void *arg)
{
	wake_sleeping = 1;
	wait_event(wake_wq, wake_cond);
	wake_done = 1;
	return 0;
}

static void remote_waker(void *info)
{
	wake_cond = 1;
	wake_up(&wake_wq);		/* from this CPU's IPI handler */
}

/* A task on the boot CPU, asleep on a wait queue, woken from another CPU. */
static void smp_cross_cpu_wakeup(struct kunit *test)
{
	unsigned long deadline = jiffies + HZ;
	int other = cpumask_next(0, cpu_online_mask);

	wake_cond = wake_done = wake_sleeping = 0;
	KUNIT_ASSERT_TRUE(test, kthread_run(sleeper, NULL, "kunit-sleeper") != NULL);
	while (!wake_sleeping && time_before(jiffies, deadline))
		schedule();
	KUNIT_ASSERT_TRUE(test, wake_sleeping);
	schedule();			/* it runs on to wait_event's sleep */
	KUNIT_EXPECT_EQ(test, wake_done, 0);
	if ((unsigned int)other >= nr_cpu_ids)
		other = 0;		/* alone: the waker runs here */
	KUNIT_ASSERT_EQ(test, smp_call_function_single(other, remote_waker, NULL, 1), 0);
	while (!wake_done && time_before(jiffies, deadline))
		schedule();
	KUNIT_EXPECT_EQ(test, wake_done, 1);
	kunit_info(test, "woken from CPU%d", other);
}

/*
 * Every CPU printks at once: each line must come out whole (the boot test
 * reads them back: test_smp.py). Lines long enough that the UART takes a
 * while over each.
 */
#define PRINTK_LINES 10
static atomic_t printk_arrived;

static void printk_lines(void *info)
{
	unsigned int n = *(unsigned int *)info, cpu = smp_processor_id();

	atomic_inc(&printk_arrived);
	while ((unsigned int)atomic_read(&printk_arrived) < n)
		cpu_relax();
	for (int i = 0; i < PRINTK_LINES; i++)
		pr_info("smp-printk: CPU%u line %d: the quick brown fox jumps over the lazy dog\n",
			cpu, i);
}

static void smp_printk_lines_whole(struct kunit *test)
{
	unsigned int n = num_online_cpus();

	atomic_set(&printk_arrived, 0);
	on_each_cpu(printk_lines, &n, 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&printk_arrived), n);
}

/*
 * Calls that do not wait: ASYNC_CALLS in a row to each other CPU, through
 * the caller's one csd_data (each call waits for the one before to have
 * run). Every call must run once, on its target, with interrupts masked.
 */
#define ASYNC_CALLS 50
static atomic_t async_ran[NR_CPUS], async_wrong_cpu;

static void count_call(void *info)
{
	unsigned long cpu = (unsigned long)info;

	if (cpu != smp_processor_id() || !irqs_disabled())
		atomic_inc(&async_wrong_cpu);
	atomic_inc(&async_ran[cpu]);
}

static void smp_call_without_wait(struct kunit *test)
{
	unsigned int cpu, me = smp_processor_id();
	unsigned long deadline = jiffies + 5 * HZ;
	bool all;

	atomic_set(&async_wrong_cpu, 0);
	for_each_online_cpu(cpu) {
		atomic_set(&async_ran[cpu], 0);
		if (cpu == me)
			continue;
		for (int i = 0; i < ASYNC_CALLS; i++)
			KUNIT_ASSERT_EQ(test, smp_call_function_single(cpu, count_call,
								       (void *)(unsigned long)cpu, 0), 0);
	}
	do {
		all = true;
		for_each_online_cpu(cpu)
			if (cpu != me && atomic_read(&async_ran[cpu]) < ASYNC_CALLS)
				all = false;
	} while (!all && time_before(jiffies, deadline));
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, atomic_read(&async_ran[cpu]), cpu == me ? 0 : ASYNC_CALLS);
	KUNIT_EXPECT_EQ(test, atomic_read(&async_wrong_cpu), 0);
	kunit_info(test, "%u calls to each of %u CPUs", ASYNC_CALLS, num_online_cpus() - 1);
}

static struct kunit_case smp_cases[] = {
	KUNIT_CASE(smp_ipi_round_trip),
	KUNIT_CASE(smp_call_without_wait),
	KUNIT_CASE(smp_spinlock_hammer),
	KUNIT_CASE(smp_spinlock_fairness),
	KUNIT_CASE(smp_percpu_each_cpu),
	KUNIT_CASE(smp_cross_cpu_wakeup),
	KUNIT_CASE(smp_printk_lines_whole),
	{}
};

static struct kunit_suite smp_suite = {
	.name = "smp",
	.test_cases = smp_cases,
};
kunit_test_suite(smp_suite);

/*
 * smp_bench (kunit.filter_glob=smp_bench, `make bench`): what an IPI
 * round trip costs, smp_call_function_single(cpu, f, NULL, 1) to CPU1 and
 * back, in instructions. Run it under -icount shift=0, where the virtual
 * counter advances one nanosecond per instruction executed by whichever
 * CPU runs (QEMU runs the CPUs one at a time then, and the caller's
 * cpu_relax() - yield - hands over to the next one), so the counter's
 * advance over BENCH_CALLS round trips, in nanoseconds, is the
 * instructions both CPUs executed: the caller's queueing, the SGI, the
 * target's exception entry, handler and return, and the caller's waiting.
 * Without -icount the figure is in nanoseconds of host time and says so.
 */
#define BENCH_CALLS 200

static void nop_call(void *info)
{
}

static void smp_bench_ipi_round_trip(struct kunit *test)
{
	unsigned int target = 1;
	u64 freq = read_sysreg(cntfrq_el0), t0, t1, ns;

	if (num_online_cpus() < 2 || !cpu_online(target)) {
		kunit_skip(test, "one CPU");
		return;
	}
	for (int i = 0; i < 10; i++)		/* warm: caches, the target's path */
		KUNIT_ASSERT_EQ(test, smp_call_function_single(target, nop_call, NULL, 1), 0);
	t0 = read_sysreg(cntvct_el0);
	for (int i = 0; i < BENCH_CALLS; i++)
		smp_call_function_single(target, nop_call, NULL, 1);
	t1 = read_sysreg(cntvct_el0);
	ns = (t1 - t0) * 1000000000ULL / freq;
	KUNIT_EXPECT_GT(test, t1, t0);
	kunit_info(test, "IPI round trip to CPU%u: %llu instructions (%u calls, -icount shift=0)",
		   target, ns / BENCH_CALLS, BENCH_CALLS);
}

/*
 * What a spinlock costs when no other CPU wants it: spin_lock() and
 * spin_unlock() on a lock of our own, BENCH_LOCKS times, interrupts
 * masked so that no tick of ours lands in the window. That is the
 * preemption count, the lock's ldaxr/stxr and stlrh (asm/spinlock.h: 7
 * and 3 instructions, for either kind of lock, which the line names) and,
 * with CONFIG_DEBUG_SPINLOCK, the owner checks.
 * The other CPU idles in wfi; its tick, if one falls in the window, adds
 * its few hundred instructions to the whole, not to each pair.
 */
#define BENCH_LOCKS 10000

static void smp_bench_spinlock_uncontended(struct kunit *test)
{
	u64 freq = read_sysreg(cntfrq_el0), t0, t1, ns;
	unsigned long flags;
	spinlock_t lock;

	spin_lock_init(&lock);
	local_irq_save(flags);
	for (int i = 0; i < 100; i++) {		/* warm */
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	t0 = read_sysreg(cntvct_el0);
	for (int i = 0; i < BENCH_LOCKS; i++) {
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	t1 = read_sysreg(cntvct_el0);
	local_irq_restore(flags);
	ns = (t1 - t0) * 1000000000ULL / freq;
	KUNIT_EXPECT_GT(test, t1, t0);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
	kunit_info(test, "spin_lock + spin_unlock, uncontended: %llu instructions (%s lock, %u pairs, -icount shift=0)",
		   ns / BENCH_LOCKS,
		   IS_ENABLED(CONFIG_TICKET_SPINLOCKS) ? "ticket" : "test-and-set", BENCH_LOCKS);
}

static struct kunit_case smp_bench_cases[] = {
	KUNIT_CASE(smp_bench_ipi_round_trip),
	KUNIT_CASE(smp_bench_spinlock_uncontended),
	{}
};

static struct kunit_suite smp_bench_suite = {
	.name = "smp_bench",
	.test_cases = smp_bench_cases,
};
kunit_test_suite(smp_bench_suite);
