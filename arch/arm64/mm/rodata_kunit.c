// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/rodata_kunit.c: KUnit checks of what free_initmem() and
 * mark_rodata_ro() leave behind (kunit.filter_glob=rodata). A late suite:
 * it runs from mark_readonly() (init/main.c), after both, where Linux runs
 * its rodata_test().
 *   - __ro_after_init data and swapper_pg_dir take a permission fault when
 *     written, and keep their values;
 *   - set_swapper_pgd() still changes swapper_pg_dir, through the fixmap,
 *     and leaves no fixmap mapping behind;
 *   - the image's init sections are unmapped (reading or running them
 *     faults) and their pages went to the page allocator.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <kunit/test.h>
#include <asm/fixmap.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/sysreg.h>

#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_EC_IABT_CUR 0x21	/* instruction abort, same EL */
#define ESR_EC_DABT_CUR 0x25	/* data abort, same EL */
#define ESR_WNR (1UL << 6)	/* data abort: caused by a write */
/* Fault status 0b0011LL: permission fault; 0b0001LL: translation fault. */
#define ESR_IS_PERM_FAULT(esr) (((esr) & 0x3c) == 0x0c)
#define ESR_IS_TRANS_FAULT(esr) (((esr) & 0x3c) == 0x04)

static u64 rodata_kunit_after_init __ro_after_init = 0x5eed5eed;

/* An init function: gone, with the rest of .init.text, by the time this suite runs. */
static noinline int __init rodata_kunit_init_fn(void)
{
	return 1;
}

/* Run access(arg), expected to fault: true if it did, with its ESR and FAR. */
static bool faults(struct kunit *test, void (*access)(void *), void *arg, u64 *esr, u64 *far)
{
	struct jmp_buf saved = test->abort;
	bool faulted;

	kunit_expect_fault(test);
	if (!setjmp(&test->abort)) {
		access(arg);
		test->fault_expected = false;	/* it did not fault */
		faulted = false;
	} else {
		faulted = test->fault_seen;
	}
	test->abort = saved;
	*esr = test->fault_esr;
	*far = read_sysreg(far_el1);
	return faulted;
}

/* Writes back what is there: harmless if the write is (wrongly) allowed. */
static void write_same(void *p)
{
	WRITE_ONCE(*(u64 *)p, READ_ONCE(*(u64 *)p));
}

static void read_u64(void *p)
{
	(void)READ_ONCE(*(u64 *)p);
}

static void call(void *fn)
{
	((int (*)(void))fn)();
}

static void expect_write_perm_fault(struct kunit *test, void *target)
{
	u64 esr, far;

	KUNIT_ASSERT_TRUE(test, faults(test, write_same, target, &esr, &far));
	KUNIT_EXPECT_EQ(test, ESR_EC(esr), ESR_EC_DABT_CUR);
	KUNIT_EXPECT_TRUE(test, esr & ESR_WNR);
	KUNIT_EXPECT_TRUE(test, ESR_IS_PERM_FAULT(esr));
	KUNIT_EXPECT_EQ(test, far, (unsigned long)target);
}

static void rodata_ro_after_init_is_read_only(struct kunit *test)
{
	char *p = (char *)&rodata_kunit_after_init;

	KUNIT_ASSERT_TRUE(test, p >= __start_ro_after_init && p < __end_ro_after_init);
	expect_write_perm_fault(test, p);
	KUNIT_EXPECT_EQ(test, READ_ONCE(rodata_kunit_after_init), 0x5eed5eed);
}

static void rodata_swapper_pg_dir_is_read_only(struct kunit *test)
{
	expect_write_perm_fault(test, &swapper_pg_dir[PTRS_PER_PGD - 1]);
}

/* An entry of swapper_pg_dir no mapping uses, changed and put back. */
static void rodata_set_swapper_pgd_writes_through_the_fixmap(struct kunit *test)
{
	/* Invalid (bit 0 clear), so the table walker ignores it meanwhile. */
	const pgd_t marker = 0x5a5a000ULL;
	unsigned long slot = __fix_to_virt(FIX_PGD);
	int i, level;

	for (i = 0; i < PTRS_PER_PGD && READ_ONCE(swapper_pg_dir[i]); i++)
		;
	KUNIT_ASSERT_TRUE(test, i < PTRS_PER_PGD);
	set_swapper_pgd(&swapper_pg_dir[i], marker);
	KUNIT_EXPECT_EQ(test, READ_ONCE(swapper_pg_dir[i]), marker);
	set_swapper_pgd(&swapper_pg_dir[i], 0);
	KUNIT_EXPECT_EQ(test, READ_ONCE(swapper_pg_dir[i]), 0);
	KUNIT_EXPECT_FALSE(test, lookup_mapping(swapper_pg_dir, slot, &level) & PTE_VALID);
}

static void rodata_init_sections_are_unmapped(struct kunit *test)
{
	u64 esr, far;

	KUNIT_ASSERT_TRUE(test, faults(test, read_u64, __init_begin, &esr, &far));
	KUNIT_EXPECT_EQ(test, ESR_EC(esr), ESR_EC_DABT_CUR);
	KUNIT_EXPECT_TRUE(test, ESR_IS_TRANS_FAULT(esr));
	KUNIT_EXPECT_EQ(test, far, (unsigned long)__init_begin);

	KUNIT_ASSERT_TRUE(test, faults(test, read_u64, (void *)((unsigned long)__init_end - 8),
				       &esr, &far));
	KUNIT_EXPECT_TRUE(test, ESR_IS_TRANS_FAULT(esr));

	KUNIT_ASSERT_TRUE(test, faults(test, call, (void *)rodata_kunit_init_fn, &esr, &far));
	KUNIT_EXPECT_EQ(test, ESR_EC(esr), ESR_EC_IABT_CUR);
	KUNIT_EXPECT_TRUE(test, ESR_IS_TRANS_FAULT(esr));
	KUNIT_EXPECT_EQ(test, far, (unsigned long)rodata_kunit_init_fn);
}

static void rodata_init_pages_went_to_the_allocator(struct kunit *test)
{
	unsigned long start = PFN_DOWN(__pa_symbol(__init_begin));
	unsigned long end = PFN_DOWN(__pa_symbol(__init_end));

	KUNIT_ASSERT_TRUE(test, start < end);
	for (unsigned long pfn = start; pfn < end; pfn++)
		if (pfn_to_page(pfn)->flags & PG_reserved) {
			kunit_fail(test, __FILE__, __LINE__, "init page pfn %#lx still reserved", pfn);
			break;
		}
}

static struct kunit_case rodata_cases[] = {
	KUNIT_CASE(rodata_ro_after_init_is_read_only),
	KUNIT_CASE(rodata_swapper_pg_dir_is_read_only),
	KUNIT_CASE(rodata_set_swapper_pgd_writes_through_the_fixmap),
	KUNIT_CASE(rodata_init_sections_are_unmapped),
	KUNIT_CASE(rodata_init_pages_went_to_the_allocator),
	{}
};

static struct kunit_suite rodata_suite = {
	.name = "rodata",
	.test_cases = rodata_cases,
};
kunit_test_late_suite(rodata_suite);
