// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/pgtable_consts.c: the page-table constants of the
 * kernel's headers, as data for the page-table model.
 *
 * Compiled twice by the Makefile, with CONFIG_ARM64_VA_BITS 48 / 39 (and
 * CONFIG_PGTABLE_LEVELS 4 / 3), into pgtable_consts_va48 and
 * pgtable_consts_va39. Nothing here is retyped: every value is the macro
 * of asm/kernel-pgtable.h, asm/pgtable-hwdef.h or asm/memory.h that head.S
 * and vmlinux.lds.S use.
 */
#include <generated/autoconf.h>	/* the stub's, with the -D values */
#include <asm/kernel-pgtable.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>

#include "pgtable_model.h"

#ifndef CONSTS_NAME
#error "build with -DCONSTS_NAME=pgtable_consts_vaNN"
#endif

static uint64_t early_pages(uint64_t vstart, uint64_t vend)
{
	return EARLY_PAGES(vstart, vend);
}

const struct pgtable_consts CONSTS_NAME = {
	.va_bits = VA_BITS,
	.pgtable_levels = CONFIG_PGTABLE_LEVELS,
	.page_shift = PAGE_SHIFT,
	.pgdir_shift = PGDIR_SHIFT,
	.swapper_pgtable_levels = SWAPPER_PGTABLE_LEVELS,
	.swapper_table_shift = SWAPPER_TABLE_SHIFT,
	.swapper_block_shift = SWAPPER_BLOCK_SHIFT,
	.ptrs_per_table_shift = PTRS_PER_TABLE_SHIFT,
	.pud_shift = PUD_SHIFT,
	.phys_mask_shift = PHYS_MASK_SHIFT,
	.ptrs_per_pgd = PTRS_PER_PGD,
	.ptrs_per_pud = PTRS_PER_PUD,
	.ptrs_per_pmd = PTRS_PER_PMD,
	.ptrs_per_pte = PTRS_PER_PTE,
	.page_size = PAGE_SIZE,
	.swapper_block_size = SWAPPER_BLOCK_SIZE,
	.kimage_vaddr = KIMAGE_VADDR,
	.swapper_mm_mmuflags = SWAPPER_MM_MMUFLAGS,
	.pmd_type_table = PMD_TYPE_TABLE,
	.idmap_dir_size = IDMAP_DIR_SIZE,
	.early_pages = early_pages,
	.early_kaslr_pages = EARLY_KASLR * (SWAPPER_PGTABLE_LEVELS - 1),
};
