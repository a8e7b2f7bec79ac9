// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/mmu_kunit.c: KUnit checks of the tables paging_init()
 * built (kunit.filter_glob=mmu): what TTBR0/TTBR1 hold, the linear map,
 * and W^X enforced by the MMU: writing text or rodata, and executing data
 * or the linear map, must each take a permission fault.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <kunit/test.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/sysreg.h>

extern char __initdata_begin[];

#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_EC_IABT_CUR 0x21	/* instruction abort, same EL */
#define ESR_EC_DABT_CUR 0x25	/* data abort, same EL */
#define ESR_WNR (1UL << 6)	/* data abort: caused by a write */
/* Fault status 0b0011LL: permission fault at level LL. */
#define ESR_IS_PERM_FAULT(esr) (((esr) & 0x3c) == 0x0c)

#define AARCH64_RET 0xd65f03c0	/* ret */

/* Something to execute, write and find in the sections. */
static noinline void mmu_kunit_text_target(void)
{
	barrier();
}

static const u32 mmu_kunit_rodata_target = 0x600dc0de;
static u32 mmu_kunit_data_insns[4] __aligned(16) = { AARCH64_RET, AARCH64_RET };

/*
 * Run access(arg), which is expected to fault: true if it did, with the
 * exception's ESR and FAR. The case goes on afterwards (the handler jumps
 * back here rather than to the end of the case).
 */
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

static void write_u32(void *p)
{
	WRITE_ONCE(*(u32 *)p, 0);
}

static void call(void *fn)
{
	((void (*)(void))fn)();
}

/* Clean D-cache and invalidate I-cache for code written as data at p. */
static void sync_icache(void *p)
{
	__asm__ volatile("dc cvau, %0\n\tdsb ish\n\tic ivau, %0\n\tdsb ish\n\tisb"
			 : : "r"(p) : "memory");
}

static void expect_write_perm_fault(struct kunit *test, void *target)
{
	u64 esr, far;

	KUNIT_ASSERT_TRUE(test, faults(test, write_u32, target, &esr, &far));
	KUNIT_EXPECT_EQ(test, ESR_EC(esr), ESR_EC_DABT_CUR);
	KUNIT_EXPECT_TRUE(test, esr & ESR_WNR);
	KUNIT_EXPECT_TRUE(test, ESR_IS_PERM_FAULT(esr));
	KUNIT_EXPECT_EQ(test, far, (unsigned long)target);
}

static void expect_exec_perm_fault(struct kunit *test, void *target)
{
	u64 esr, far;

	KUNIT_ASSERT_TRUE(test, faults(test, call, target, &esr, &far));
	KUNIT_EXPECT_EQ(test, ESR_EC(esr), ESR_EC_IABT_CUR);
	KUNIT_EXPECT_TRUE(test, ESR_IS_PERM_FAULT(esr));
	KUNIT_EXPECT_EQ(test, far, (unsigned long)target);
}

static void mmu_ttbr1_is_swapper_ttbr0_is_reserved(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, read_sysreg(ttbr1_el1) & PTE_ADDR_MASK, __pa_symbol(swapper_pg_dir));
	KUNIT_EXPECT_EQ(test, read_sysreg(ttbr0_el1) & PTE_ADDR_MASK, __pa_symbol(reserved_pg_dir));
	KUNIT_EXPECT_TRUE(test, init_mm_pgd == swapper_pg_dir);
	for (int i = 0; i < PTRS_PER_PTE; i++)
		KUNIT_EXPECT_EQ(test, reserved_pg_dir[i], 0);
}

/* The identity map is gone: the MMU cannot translate .idmap.text's PA. */
static void mmu_no_identity_map(struct kunit *test)
{
	u64 pa = __pa_symbol(__idmap_text_start), par;

	__asm__ volatile("at s1e1r, %0\n\tisb" : : "r"(pa) : "memory");
	par = read_sysreg(par_el1);
	KUNIT_EXPECT_TRUE(test, par & 1);	/* PAR_EL1.F: the walk failed */
}

/* Every page of RAM but no-map ranges is in the linear map, RW and NX. */
static void mmu_linear_map_covers_ram(struct kunit *test)
{
	phys_addr_t ks = __pa_symbol(_stext), ke = __pa_symbol(__init_begin);
	struct memblock_region *r;
	int level;

	for_each_mem_region(r) {
		phys_addr_t probes[] = { r->base, r->base + r->size / 2, r->base + r->size - PAGE_SIZE };

		for (size_t i = 0; i < ARRAY_SIZE(probes); i++) {
			phys_addr_t pa = ALIGN_DOWN(probes[i], PAGE_SIZE);
			u64 desc = lookup_mapping(swapper_pg_dir, (unsigned long)__va(pa), &level);
			u64 size = 1ULL << ARM64_HW_PGTABLE_LEVEL_SHIFT(level);

			if (r->flags & MEMBLOCK_NOMAP) {
				KUNIT_EXPECT_FALSE(test, desc & PTE_VALID);
				continue;
			}
			KUNIT_EXPECT_TRUE(test, desc & PTE_VALID);
			KUNIT_EXPECT_EQ(test, (desc & PTE_ADDR_MASK) + (pa & (size - 1)), pa);
			KUNIT_EXPECT_TRUE(test, desc & PTE_PXN);
			KUNIT_EXPECT_EQ(test, !!(desc & PTE_RDONLY), pa >= ks && pa < ke);
		}
	}
	/* The same bytes through the image and through the linear map. */
	KUNIT_EXPECT_EQ(test, *(u32 *)__va(__pa_symbol(&mmu_kunit_rodata_target)),
			mmu_kunit_rodata_target);
}

static void expect_prot(struct kunit *test, void *va, bool ro, bool x)
{
	int level;
	u64 desc = lookup_mapping(swapper_pg_dir, (unsigned long)va, &level);

	KUNIT_EXPECT_TRUE(test, desc & PTE_VALID);
	KUNIT_EXPECT_EQ(test, desc & PTE_ADDR_MASK, ALIGN_DOWN(__pa_symbol(va),
				  1UL << ARM64_HW_PGTABLE_LEVEL_SHIFT(level)));
	KUNIT_EXPECT_EQ(test, !!(desc & PTE_RDONLY), ro);
	KUNIT_EXPECT_EQ(test, !(desc & PTE_PXN), x);
	KUNIT_EXPECT_TRUE(test, desc & PTE_UXN);
}

static void mmu_image_sections_are_wx(struct kunit *test)
{
	expect_prot(test, _stext, true, true);
	expect_prot(test, (void *)((unsigned long)_etext - 1), true, true);
	expect_prot(test, __start_rodata, true, false);
	expect_prot(test, (void *)&mmu_kunit_rodata_target, true, false);
	expect_prot(test, __init_begin, true, true);
	expect_prot(test, __initdata_begin, false, false);
	expect_prot(test, _sdata, false, false);
	expect_prot(test, __bss_start, false, false);
	expect_prot(test, (void *)swapper_pg_dir, false, false);
}

static void mmu_no_wx_mappings(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ptdump_count_wx(swapper_pg_dir), 0);
}

static void mmu_write_to_text_faults(struct kunit *test)
{
	expect_write_perm_fault(test, (void *)mmu_kunit_text_target);
}

static void mmu_write_to_rodata_faults(struct kunit *test)
{
	KUNIT_ASSERT_TRUE(test, (char *)&mmu_kunit_rodata_target >= __start_rodata &&
				(char *)&mmu_kunit_rodata_target < __end_rodata);
	expect_write_perm_fault(test, (void *)&mmu_kunit_rodata_target);
	KUNIT_EXPECT_EQ(test, READ_ONCE(mmu_kunit_rodata_target), 0x600dc0de);
}

static void mmu_write_to_text_linear_alias_faults(struct kunit *test)
{
	expect_write_perm_fault(test, __va(__pa_symbol(mmu_kunit_text_target)));
}

static void mmu_exec_from_data_faults(struct kunit *test)
{
	/* A real `ret`, made fetchable: only the permissions can stop it. */
	sync_icache(mmu_kunit_data_insns);
	expect_exec_perm_fault(test, mmu_kunit_data_insns);
}

static void mmu_exec_from_linear_map_faults(struct kunit *test)
{
	/* The kernel's own code, through its linear alias. */
	expect_exec_perm_fault(test, __va(__pa_symbol(mmu_kunit_text_target)));
}

static void mmu_exec_from_allocated_page_faults(struct kunit *test)
{
	u32 *page = (u32 *)__get_free_page(GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, page != NULL);
	page[0] = AARCH64_RET;
	sync_icache(page);
	expect_exec_perm_fault(test, page);
	free_page((unsigned long)page);
}

/* The text itself runs, so the faults above are the permissions' doing. */
static void mmu_text_runs(struct kunit *test)
{
	mmu_kunit_text_target();
	KUNIT_EXPECT_TRUE(test, true);
}

static struct kunit_case mmu_cases[] = {
	KUNIT_CASE(mmu_ttbr1_is_swapper_ttbr0_is_reserved),
	KUNIT_CASE(mmu_no_identity_map),
	KUNIT_CASE(mmu_linear_map_covers_ram),
	KUNIT_CASE(mmu_image_sections_are_wx),
	KUNIT_CASE(mmu_no_wx_mappings),
	KUNIT_CASE(mmu_text_runs),
	KUNIT_CASE(mmu_write_to_text_faults),
	KUNIT_CASE(mmu_write_to_rodata_faults),
	KUNIT_CASE(mmu_write_to_text_linear_alias_faults),
	KUNIT_CASE(mmu_exec_from_data_faults),
	KUNIT_CASE(mmu_exec_from_linear_map_faults),
	KUNIT_CASE(mmu_exec_from_allocated_page_faults),
	{}
};

static struct kunit_suite mmu_suite = {
	.name = "mmu",
	.test_cases = mmu_cases,
};
kunit_test_suite(mmu_suite);
