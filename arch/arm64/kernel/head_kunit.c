// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/head_kunit.c: KUnit checks of the state head.S leaves
 * the CPU in when start_kernel runs (kunit.filter_glob=head).
 */
#include <linux/sched.h>
#include <kunit/test.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/sysreg.h>

extern char vectors[];

static void head_runs_at_el1_with_mmu_on(struct kunit *test)
{
	u64 sctlr = read_sysreg(sctlr_el1);

	KUNIT_EXPECT_EQ(test, read_sysreg(CurrentEL), CurrentEL_EL1);
	KUNIT_EXPECT_TRUE(test, sctlr & SCTLR_ELx_M);
	KUNIT_EXPECT_TRUE(test, sctlr & SCTLR_ELx_C);
	KUNIT_EXPECT_TRUE(test, sctlr & SCTLR_ELx_I);
	KUNIT_EXPECT_FALSE(test, sctlr & SCTLR_ELx_EE);
}

static void head_installed_tables_and_vectors(struct kunit *test)
{
	u64 ttbr1 = read_sysreg(ttbr1_el1) & PTE_ADDR_MASK;
	u64 tcr = read_sysreg(tcr_el1);

	/* paging_init (arch/arm64/mm/mmu.c) has replaced head.S's init_pg_dir. */
	KUNIT_EXPECT_EQ(test, ttbr1, __pa_symbol(swapper_pg_dir));
	KUNIT_EXPECT_EQ(test, read_sysreg(vbar_el1), (unsigned long)vectors);
	KUNIT_EXPECT_EQ(test, (tcr >> TCR_T1SZ_OFFSET) & 0x3f, 64 - VA_BITS);
	KUNIT_EXPECT_EQ(test, tcr & 0x3f, idmap_t0sz);
	KUNIT_EXPECT_TRUE(test, tcr & TCR_TBI0);	/* tagged user pointers */
	KUNIT_EXPECT_EQ(test, read_sysreg(sp_el0), (unsigned long)&init_task);
}

/*
 * The image is mapped at KIMAGE_VADDR + kaslr_offset() onto wherever it was
 * loaded: the virtual and physical addresses agree modulo 2 MiB, so 2 MiB
 * blocks map it. kimage_vaddr is an absolute address head.S relocated; _text
 * here comes PC-relatively (adrp): they must agree.
 */
static void head_maps_image_at_kimage_vaddr(struct kunit *test)
{
	unsigned long va;
	int level;

	KUNIT_EXPECT_EQ(test, (unsigned long)_text, KIMAGE_VADDR + kaslr_offset());
	KUNIT_EXPECT_EQ(test, kimage_voffset % SZ_2M, 0);
	if (!IS_ENABLED(CONFIG_RELOCATABLE))
		KUNIT_EXPECT_EQ(test, kaslr_offset(), 0);
	for (va = ALIGN_DOWN((unsigned long)_text, SZ_2M); va < (unsigned long)_end; va += SZ_2M) {
		u64 desc = lookup_mapping(init_pg_dir, va, &level);

		KUNIT_EXPECT_EQ(test, level, 2);	/* a 2 MiB block */
		KUNIT_EXPECT_EQ(test, desc & PTE_ADDR_MASK, __pa_symbol(va));
		KUNIT_EXPECT_TRUE(test, desc & PTE_AF);
	}
}

/*
 * An absolute address stored in data at link time (here a function
 * pointer, read from memory) holds where the function runs: __relocate_kernel
 * moved it. `here` is computed PC-relatively.
 */
static void head_vectors_catch_brk(struct kunit *test);
static void (*volatile relocated_fn)(struct kunit *) = head_vectors_catch_brk;

static void head_relocated_pointers(struct kunit *test)
{
	void (*volatile here)(struct kunit *) = head_vectors_catch_brk;

	KUNIT_EXPECT_EQ(test, (unsigned long)relocated_fn, (unsigned long)here);
	KUNIT_EXPECT_EQ(test, kimage_vaddr, (unsigned long)_text);
}

/* The vector table catches a synchronous exception (here a brk). */
static void head_vectors_catch_brk(struct kunit *test)
{
	kunit_expect_fault(test);
	__asm__ volatile("brk #0x100");
	KUNIT_EXPECT_TRUE(test, false);	/* not reached */
}

static struct kunit_case head_cases[] = {
	KUNIT_CASE(head_runs_at_el1_with_mmu_on),
	KUNIT_CASE(head_installed_tables_and_vectors),
	KUNIT_CASE(head_maps_image_at_kimage_vaddr),
	KUNIT_CASE(head_relocated_pointers),
	KUNIT_CASE(head_vectors_catch_brk),
	{}
};

static struct kunit_suite head_suite = {
	.name = "head",
	.test_cases = head_cases,
};
kunit_test_suite(head_suite);
