// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/mmu.c: building kernel page tables from C, after head.S has
 * turned the MMU on. For now every table lives inside the kernel image
 * (init_pg_dir from head.S, and a small pool in .bss for new ones), so a
 * table's physical address becomes a usable pointer through kimage_voffset.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/sysreg.h>

u64 kimage_voffset __ro_after_init;

/* Tables for fixmap and ioremap: a handful suffices (a few per region). */
#define EARLY_PGTABLE_PAGES 16
static u8 early_pgtables[EARLY_PGTABLE_PAGES][PAGE_SIZE] __aligned(PAGE_SIZE);
static int early_pgtables_used;

static phys_addr_t early_pgtable_alloc(void)
{
	if (early_pgtables_used == EARLY_PGTABLE_PAGES)
		panic("early page-table pool (%d pages) exhausted", EARLY_PGTABLE_PAGES);
	/* .bss is zeroed, so the table starts out all invalid. */
	return __pa_symbol(early_pgtables[early_pgtables_used++]);
}

static u64 *table_va(u64 desc)
{
	return (u64 *)__phys_to_kimg(desc & PTE_ADDR_MASK);
}

/* The level the walk starts at: 0 with four levels, 1 with three. */
#define START_LEVEL (4 - CONFIG_PGTABLE_LEVELS)

static unsigned int level_index(unsigned long va, int level)
{
	return (va >> ARM64_HW_PGTABLE_LEVEL_SHIFT(level)) & (PTRS_PER_PTE - 1);
}

/* The level 3 entry for va, allocating tables on the way if asked. */
static u64 *walk_to_pte(pgd_t *pgd, unsigned long va, bool alloc)
{
	u64 *table = pgd;

	for (int level = START_LEVEL; level < 3; level++) {
		u64 *entry = &table[level_index(va, level)];

		if (!(*entry & PTE_VALID)) {
			if (!alloc)
				return NULL;
			*entry = early_pgtable_alloc() | PMD_TYPE_TABLE;
		} else if (!(*entry & PTE_TABLE_BIT)) {
			panic("create_mapping: %lx is inside a block mapping", va);
		}
		table = table_va(*entry);
	}
	return &table[level_index(va, 3)];
}

static void flush_tlb_kernel_page(unsigned long va)
{
	dsb(ishst);
	__asm__ volatile("tlbi vaae1is, %0" : : "r"(va >> PAGE_SHIFT) : "memory");
	dsb(ish);
	isb();
}

void create_mapping(pgd_t *pgd, unsigned long virt, phys_addr_t phys, size_t size, u64 prot)
{
	unsigned long end = ALIGN(virt + size, PAGE_SIZE);

	virt = ALIGN_DOWN(virt, PAGE_SIZE);
	phys = ALIGN_DOWN(phys, PAGE_SIZE);
	for (; virt < end; virt += PAGE_SIZE, phys += PAGE_SIZE) {
		u64 *pte = walk_to_pte(pgd, virt, true);

		if (*pte & PTE_VALID) {	/* break before make */
			WRITE_ONCE(*pte, 0);
			flush_tlb_kernel_page(virt);
		}
		WRITE_ONCE(*pte, (phys & PTE_ADDR_MASK) | prot);
	}
	dsb(ishst);	/* visible to the table walker before use */
	isb();
}

void clear_mapping(pgd_t *pgd, unsigned long virt, size_t size)
{
	unsigned long end = ALIGN(virt + size, PAGE_SIZE);

	for (virt = ALIGN_DOWN(virt, PAGE_SIZE); virt < end; virt += PAGE_SIZE) {
		u64 *pte = walk_to_pte(pgd, virt, false);

		if (pte && (*pte & PTE_VALID)) {
			WRITE_ONCE(*pte, 0);
			flush_tlb_kernel_page(virt);
		}
	}
}

u64 lookup_mapping(pgd_t *pgd, unsigned long va, int *level)
{
	u64 *table = pgd;

	for (int l = START_LEVEL; l <= 3; l++) {
		u64 entry = table[level_index(va, l)];

		if (!(entry & PTE_VALID) || l == 3 || !(entry & PTE_TABLE_BIT)) {
			*level = l;
			return entry;
		}
		table = table_va(entry);
	}
	return 0;
}
