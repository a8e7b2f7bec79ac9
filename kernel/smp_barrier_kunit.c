// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/smp_barrier_kunit.c: litmus tests of the barriers between CPUs
 * (asm/barrier.h), suite "smp_barrier" (kunit.filter_glob=smp_barrier).
 * CPU0 and CPU1 run the two sides of a classic pattern many times, in
 * lock step, and the outcome the barriers forbid must never be seen:
 *
 *   store buffering (SB)     CPU0: x = i; smp_mb(); r0 = y
 *                            CPU1: y = i; smp_mb(); r1 = x
 *                            forbidden: neither saw the other's store
 *   message passing (MP)     CPU1: data = i; smp_wmb(); flag = i
 *                            CPU0: f = flag; smp_rmb(); d = data
 *                            forbidden: f == i but d != i
 *                            (and the same with smp_store_release(flag)
 *                            and smp_load_acquire(flag))
 *
 * Round i stores i, so nothing is reset between rounds: the CPUs meet at
 * a rendezvous before each round, so within it a variable holds i - 1 or
 * i. The other CPUs (with more than two) return at once.
 *
 * What it can show depends on where it runs. Under QEMU's multi-threaded
 * TCG (tools/testing/boot/test_smp.py) each guest access is a host
 * access: an x86-64 host's store buffer can reorder a store with a later
 * load, so SB fails there without smp_mb(); but x86 keeps stores in order
 * and loads in order, so MP cannot fail on such a host, barriers or not
 * (it checks only that the compiler keeps the order). On arm64 hardware
 * both can. SB also counts the rounds in which both CPUs saw each other's
 * store: those overlapped in time; a run with none (under -icount the
 * CPUs take turns) tested nothing, and fails saying so.
 */
#include <linux/atomic.h>
#include <linux/smp.h>
#include <kunit/test.h>
#include <asm/barrier.h>
#include <asm/processor.h>

#define SB_ROUNDS 100000
#define MP_ROUNDS 50000

/* The variables the patterns race on, each in its own cache line. */
static struct {
	int x __aligned(64);
	int y __aligned(64);
	int data __aligned(64);
	int flag __aligned(64);
	atomic_t meet __aligned(64);	/* rendezvous: 2 per round */
	/* SB: what each CPU loaded in a round, [cpu][round & 1] */
	int seen[2][2];
} litmus;

struct litmus_run {
	void (*side)(unsigned int cpu, int i);	/* one CPU's part of round i */
	int rounds;
	unsigned long bad;		/* forbidden outcomes */
	unsigned long outcomes[4];	/* SB: [r0 saw | r1 saw << 1] */
};

/*
 * Both CPUs arrive before round i starts. atomic_inc_return is fully
 * ordered: what a CPU did in round i - 1 is visible to the other once
 * it is past here.
 */
static void rendezvous(int i)
{
	atomic_inc_return(&litmus.meet);
	while (atomic_read(&litmus.meet) < 2 * i)
		cpu_relax();
	smp_mb();
}

/*
 * A few loop turns, different each round and on each CPU, so that the
 * two sides start at varying distances and in some rounds overlap.
 */
static void skew(unsigned int cpu, int i)
{
	unsigned int n = ((unsigned int)i * (cpu ? 2654435761u : 40503u)) >> 28;

	while (n--)
		barrier();
}

static void sb_side(unsigned int cpu, int i)
{
	skew(cpu, i);
	if (cpu == 0) {
		WRITE_ONCE(litmus.x, i);
		smp_mb();
		litmus.seen[0][i & 1] = READ_ONCE(litmus.y) == i;
	} else {
		WRITE_ONCE(litmus.y, i);
		smp_mb();
		litmus.seen[1][i & 1] = READ_ONCE(litmus.x) == i;
	}
}

static void mp_wmb_side(unsigned int cpu, int i)
{
	skew(cpu, i);
	if (cpu == 1) {
		WRITE_ONCE(litmus.data, i);
		smp_wmb();
		WRITE_ONCE(litmus.flag, i);
		return;
	}
	for (;;) {			/* look until the flag is up */
		int f = READ_ONCE(litmus.flag), d;

		smp_rmb();
		d = READ_ONCE(litmus.data);
		if (f == i) {
			litmus.seen[0][i & 1] = d == i;
			return;
		}
	}
}

static void mp_release_side(unsigned int cpu, int i)
{
	skew(cpu, i);
	if (cpu == 1) {
		WRITE_ONCE(litmus.data, i);
		smp_store_release(&litmus.flag, i);
		return;
	}
	for (;;) {
		int f = smp_load_acquire(&litmus.flag), d = READ_ONCE(litmus.data);

		if (f == i) {
			litmus.seen[0][i & 1] = d == i;
			return;
		}
	}
}

/* CPU0 scores round i - 1 once both are past its end. */
static void score(struct litmus_run *run, int i)
{
	int r0 = litmus.seen[0][i & 1], r1 = litmus.seen[1][i & 1];

	if (run->side == sb_side) {
		run->outcomes[r0 | r1 << 1]++;
		if (!r0 && !r1)
			run->bad++;
	} else if (!r0) {
		run->bad++;
	}
}

static void litmus_cpu(void *info)
{
	struct litmus_run *run = info;
	unsigned int cpu = smp_processor_id();

	if (cpu > 1)
		return;
	for (int i = 1; i <= run->rounds + 1; i++) {
		rendezvous(i);
		if (cpu == 0 && i > 1)
			score(run, i - 1);
		if (i <= run->rounds)
			run->side(cpu, i);
	}
}

static void litmus_run(struct kunit *test, struct litmus_run *run)
{
	if (!cpu_online(0) || !cpu_online(1) || smp_processor_id() != 0)
		kunit_skip(test, "needs CPU0 and CPU1, run from CPU0");
	litmus.x = litmus.y = litmus.data = litmus.flag = 0;
	atomic_set(&litmus.meet, 0);
	on_each_cpu(litmus_cpu, run, 1);
}

static void smp_barrier_store_buffering(struct kunit *test)
{
	struct litmus_run run = { .side = sb_side, .rounds = SB_ROUNDS };

	litmus_run(test, &run);
	kunit_info(test, "%d rounds: CPU0 saw CPU1's store %lu, CPU1 saw CPU0's %lu, both %lu, neither %lu",
		   run.rounds, run.outcomes[1], run.outcomes[2], run.outcomes[3], run.outcomes[0]);
	KUNIT_EXPECT_EQ(test, run.bad, 0UL);
	KUNIT_EXPECT_TRUE_MSG(test, run.outcomes[3] > 0,
			      ": the CPUs never overlapped, this run tested nothing");
}

static void smp_barrier_message_passing_wmb(struct kunit *test)
{
	struct litmus_run run = { .side = mp_wmb_side, .rounds = MP_ROUNDS };

	litmus_run(test, &run);
	kunit_info(test, "%d rounds, flag without data %lu", run.rounds, run.bad);
	KUNIT_EXPECT_EQ(test, run.bad, 0UL);
}

static void smp_barrier_message_passing_release(struct kunit *test)
{
	struct litmus_run run = { .side = mp_release_side, .rounds = MP_ROUNDS };

	litmus_run(test, &run);
	kunit_info(test, "%d rounds, flag without data %lu", run.rounds, run.bad);
	KUNIT_EXPECT_EQ(test, run.bad, 0UL);
}

static struct kunit_case smp_barrier_cases[] = {
	KUNIT_CASE(smp_barrier_store_buffering),
	KUNIT_CASE(smp_barrier_message_passing_wmb),
	KUNIT_CASE(smp_barrier_message_passing_release),
	{}
};

static struct kunit_suite smp_barrier_suite = {
	.name = "smp_barrier",
	.test_cases = smp_barrier_cases,
};
kunit_test_suite(smp_barrier_suite);
