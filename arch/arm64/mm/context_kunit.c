// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/context_kunit.c: KUnit checks of the ASID allocator
 * (kunit.filter_glob=asid), on a 4-bit allocator of its own serving four
 * pretend CPUs, so that a rollover takes 15 allocations and what each CPU
 * runs at a rollover can be set up at will; and of the live TCR_EL1.
 */
#include <linux/mm_types.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/sysreg.h>

#define SMALL_BITS 4
#define SMALL_NR (1 << SMALL_BITS)
#define SMALL_CPUS 4

static unsigned long small_map[1];
static atomic64_t small_active[SMALL_CPUS];
static u64 small_reserved[SMALL_CPUS];
static struct asid_allocator small;

static void small_reset(void)
{
	small_map[0] = 1;		/* ASID 0 reserved, as asid_init does */
	memset(small_active, 0, sizeof(small_active));
	memset(small_reserved, 0, sizeof(small_reserved));
	small = (struct asid_allocator){
		.bits = SMALL_BITS, .nr_cpus = SMALL_CPUS, .generation = 1, .map = small_map,
		.next = 1, .active_asids = small_active, .reserved_asids = small_reserved,
	};
	raw_spin_lock_init(&small.lock);
}

#define ASID_OF(id) ((id) & (SMALL_NR - 1))
#define GEN_OF(id) ((id) >> SMALL_BITS)

static void asid_unique_and_never_zero(struct kunit *test)
{
	u64 ids[SMALL_NR - 1] = { 0 };

	small_reset();
	for (int i = 0; i < SMALL_NR - 1; i++) {
		KUNIT_EXPECT_FALSE(test, asid_check_and_switch(&small, &ids[i], i % SMALL_CPUS));
		KUNIT_EXPECT_NE(test, ASID_OF(ids[i]), 0);
		KUNIT_EXPECT_EQ(test, GEN_OF(ids[i]), 1);
		for (int j = 0; j < i; j++)
			KUNIT_EXPECT_NE(test, ids[i], ids[j]);
	}
}

static void asid_kept_while_generation_current(struct kunit *test)
{
	u64 id = 0, again;

	small_reset();
	asid_check_and_switch(&small, &id, 0);
	again = id;
	KUNIT_EXPECT_FALSE(test, asid_check_and_switch(&small, &again, 1));	/* another CPU */
	KUNIT_EXPECT_EQ(test, again, id);
	KUNIT_EXPECT_EQ(test, (u64)atomic64_read(&small_active[1]), id);
}

/*
 * All 15 taken: the 16th mm starts generation 2; the CPU that rolled over
 * flushes, and every other CPU flushes once, at its next switch, whatever
 * it switches to.
 */
static void asid_rollover_flushes_every_cpu_once(struct kunit *test)
{
	u64 ids[SMALL_NR - 1] = { 0 }, extra = 0, renewed;

	small_reset();
	for (int i = 0; i < SMALL_NR - 1; i++)
		asid_check_and_switch(&small, &ids[i], 0);
	KUNIT_EXPECT_TRUE(test, asid_check_and_switch(&small, &extra, 0));
	KUNIT_EXPECT_EQ(test, small.generation, 2);
	KUNIT_EXPECT_EQ(test, small.rollovers, 1);
	KUNIT_EXPECT_EQ(test, GEN_OF(extra), 2);
	KUNIT_EXPECT_FALSE(test, asid_check_and_switch(&small, &extra, 0));	/* paid */
	for (int cpu = 1; cpu < SMALL_CPUS; cpu++) {
		renewed = ids[cpu];
		KUNIT_EXPECT_TRUE(test, asid_check_and_switch(&small, &renewed, cpu));
		KUNIT_EXPECT_EQ(test, GEN_OF(renewed), 2);
		KUNIT_EXPECT_NE(test, renewed, extra);
		KUNIT_EXPECT_FALSE(test, asid_check_and_switch(&small, &renewed, cpu));
	}
}

/*
 * What other CPUs run at a rollover is reserved: those mms keep their
 * numbers in the new generation, and no other mm is given them.
 */
static void asid_rollover_keeps_running_asids(struct kunit *test)
{
	u64 a = 0, b = 0, ids[SMALL_NR] = { 0 }, extra = 0;
	int n = 0;

	small_reset();
	asid_check_and_switch(&small, &a, 1);		/* CPU1 runs a */
	asid_check_and_switch(&small, &b, 2);		/* CPU2 runs b */
	while (!asid_check_and_switch(&small, &ids[n], 0))	/* CPU0 exhausts the rest */
		n++;
	KUNIT_EXPECT_EQ(test, n, SMALL_NR - 3);
	KUNIT_EXPECT_EQ(test, small.generation, 2);
	KUNIT_EXPECT_NE(test, ASID_OF(ids[n]), ASID_OF(a));
	KUNIT_EXPECT_NE(test, ASID_OF(ids[n]), ASID_OF(b));
	/* New mms never get a's or b's numbers in generation 2. */
	for (int i = 0; i < SMALL_NR - 5; i++) {	/* all that are left: 4..14 */
		extra = 0;
		asid_check_and_switch(&small, &extra, 0);
		KUNIT_EXPECT_EQ(test, GEN_OF(extra), 2);
		KUNIT_EXPECT_NE(test, ASID_OF(extra), ASID_OF(a));
		KUNIT_EXPECT_NE(test, ASID_OF(extra), ASID_OF(b));
	}
	/* a, back on CPU1 (which owes a flush) or moved to CPU3, keeps its number. */
	{
		u64 a2 = a, b2 = b;

		KUNIT_EXPECT_TRUE(test, asid_check_and_switch(&small, &a2, 1));
		KUNIT_EXPECT_EQ(test, a2, (2ULL << SMALL_BITS) | ASID_OF(a));
		KUNIT_EXPECT_TRUE(test, asid_check_and_switch(&small, &b2, 3));
		KUNIT_EXPECT_EQ(test, b2, (2ULL << SMALL_BITS) | ASID_OF(b));
	}
}

/* What asid_init told the MMU matches what the CPU has. */
static void asid_tcr_matches_cpu(struct kunit *test)
{
	u64 mmfr0 = read_sysreg(id_aa64mmfr0_el1), tcr = read_sysreg(tcr_el1);
	unsigned int bits = ((mmfr0 >> 4) & 0xf) == 2 ? 16 : 8;

	KUNIT_EXPECT_LE(test, asid_bits, bits);		/* test.asid_bits= may lower it */
	KUNIT_EXPECT_EQ(test, !!(tcr & TCR_AS), bits == 16);
	KUNIT_EXPECT_EQ(test, tcr & 0x3f, 64 - VA_BITS);	/* T0SZ */
	KUNIT_EXPECT_EQ(test, tcr & BIT(22), 0);		/* A1: ASID from TTBR0 */
}

static struct kunit_case asid_cases[] = {
	KUNIT_CASE(asid_unique_and_never_zero),
	KUNIT_CASE(asid_kept_while_generation_current),
	KUNIT_CASE(asid_rollover_flushes_every_cpu_once),
	KUNIT_CASE(asid_rollover_keeps_running_asids),
	KUNIT_CASE(asid_tcr_matches_cpu),
	{}
};

static struct kunit_suite asid_suite = {
	.name = "asid",
	.test_cases = asid_cases,
};
kunit_test_suite(asid_suite);
