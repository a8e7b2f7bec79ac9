// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/context_kunit.c: KUnit checks of the ASID allocator
 * (kunit.filter_glob=asid), on a 4-bit allocator of its own so that a
 * rollover takes 15 allocations, and of the live TCR_EL1 set-up.
 */
#include <linux/mm_types.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/sysreg.h>

#define SMALL_BITS 4
#define SMALL_NR (1 << SMALL_BITS)

static unsigned long small_map[1];
static struct asid_allocator small;

static void small_reset(void)
{
	small_map[0] = 1;		/* ASID 0 reserved, as asid_init does */
	small = (struct asid_allocator){ .bits = SMALL_BITS, .generation = 1, .map = small_map,
					 .next = 1 };
}

static void asid_unique_and_never_zero(struct kunit *test)
{
	u64 ids[SMALL_NR - 1] = { 0 };

	small_reset();
	for (int i = 0; i < SMALL_NR - 1; i++) {
		KUNIT_EXPECT_FALSE(test, asid_refresh(&small, &ids[i]));
		KUNIT_EXPECT_NE(test, ids[i] & (SMALL_NR - 1), 0);
		KUNIT_EXPECT_EQ(test, ids[i] >> SMALL_BITS, 1);
		for (int j = 0; j < i; j++)
			KUNIT_EXPECT_NE(test, ids[i], ids[j]);
	}
}

static void asid_kept_while_generation_current(struct kunit *test)
{
	u64 id = 0, again;

	small_reset();
	asid_refresh(&small, &id);
	again = id;
	KUNIT_EXPECT_FALSE(test, asid_refresh(&small, &again));
	KUNIT_EXPECT_EQ(test, again, id);
}

static void asid_rollover_when_exhausted(struct kunit *test)
{
	u64 ids[SMALL_NR - 1] = { 0 }, extra = 0, renewed;

	small_reset();
	for (int i = 0; i < SMALL_NR - 1; i++)
		asid_refresh(&small, &ids[i]);
	KUNIT_EXPECT_TRUE(test, asid_refresh(&small, &extra));	/* all taken: roll over */
	KUNIT_EXPECT_EQ(test, small.generation, 2);
	KUNIT_EXPECT_EQ(test, small.rollovers, 1);
	KUNIT_EXPECT_EQ(test, extra >> SMALL_BITS, 2);
	/* An old id is stale now: it gets an ASID of the new generation, not extra's. */
	renewed = ids[0];
	KUNIT_EXPECT_FALSE(test, asid_refresh(&small, &renewed));
	KUNIT_EXPECT_EQ(test, renewed >> SMALL_BITS, 2);
	KUNIT_EXPECT_NE(test, renewed, extra);
}

/* What asid_init told the MMU matches what the CPU has. */
static void asid_tcr_matches_cpu(struct kunit *test)
{
	u64 mmfr0 = read_sysreg(id_aa64mmfr0_el1), tcr = read_sysreg(tcr_el1);
	unsigned int bits = ((mmfr0 >> 4) & 0xf) == 2 ? 16 : 8;

	KUNIT_EXPECT_EQ(test, asid_bits, bits);
	KUNIT_EXPECT_EQ(test, !!(tcr & TCR_AS), bits == 16);
	KUNIT_EXPECT_EQ(test, tcr & 0x3f, 64 - VA_BITS);	/* T0SZ */
	KUNIT_EXPECT_EQ(test, tcr & BIT(22), 0);		/* A1: ASID from TTBR0 */
}

static struct kunit_case asid_cases[] = {
	KUNIT_CASE(asid_unique_and_never_zero),
	KUNIT_CASE(asid_kept_while_generation_current),
	KUNIT_CASE(asid_rollover_when_exhausted),
	KUNIT_CASE(asid_tcr_matches_cpu),
	{}
};

static struct kunit_suite asid_suite = {
	.name = "asid",
	.test_cases = asid_cases,
};
kunit_test_suite(asid_suite);
