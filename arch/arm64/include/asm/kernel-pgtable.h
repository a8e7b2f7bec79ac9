/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/kernel-pgtable.h: the shape of the page tables
 * head.S builds before the MMU is on: 2 MiB blocks at the PMD level, so one
 * level fewer than a full walk (SWAPPER_PGTABLE_LEVELS), and how many table
 * pages a virtual range needs (EARLY_PAGES), which vmlinux.lds.S reserves.
 */
#ifndef __ASM_KERNEL_PGTABLE_H
#define __ASM_KERNEL_PGTABLE_H

#include <asm/boot.h>		/* MIN_KIMG_ALIGN */
#include <asm/pgtable-hwdef.h>

#define SWAPPER_PGTABLE_LEVELS (CONFIG_PGTABLE_LEVELS - 1)
#define SWAPPER_BLOCK_SHIFT PMD_SHIFT
#define SWAPPER_BLOCK_SIZE (_AC(1, UL) << SWAPPER_BLOCK_SHIFT)
#define SWAPPER_TABLE_SHIFT PUD_SHIFT

/* Block descriptor flags of the early maps: normal memory, RWX at EL1. */
#define SWAPPER_PMD_FLAGS (PMD_TYPE_SECT | PMD_SECT_AF | PMD_SECT_S | PMD_SECT_UXN)
#define SWAPPER_MM_MMUFLAGS (PMD_ATTRINDX(MT_NORMAL) | SWAPPER_PMD_FLAGS)

/*
 * A relocatable image runs at KIMAGE_VADDR plus an offset (physical
 * misalignment, KASLR) known only at boot: there a range of the same size
 * may touch one more entry of each level than at its link-time address.
 */
#ifdef CONFIG_RELOCATABLE
#define EARLY_KASLR 1
#else
#define EARLY_KASLR 0
#endif

/* Entries at a level with the given shift that [vstart, vend) touches. */
#define EARLY_ENTRIES(vstart, vend, shift) \
	((((vend) - 1) >> (shift)) - ((vstart) >> (shift)) + 1 + EARLY_KASLR)

#define EARLY_PGDS(vstart, vend) EARLY_ENTRIES(vstart, vend, PGDIR_SHIFT)
#if SWAPPER_PGTABLE_LEVELS > 2
#define EARLY_PUDS(vstart, vend) EARLY_ENTRIES(vstart, vend, PUD_SHIFT)
#else
#define EARLY_PUDS(vstart, vend) 0
#endif

/*
 * One page for the PGD, one next-level table per PGD entry used, and with
 * four levels one PMD table per PUD entry used.
 */
#define EARLY_PAGES(vstart, vend) \
	(1 + EARLY_PGDS(vstart, vend) + EARLY_PUDS(vstart, vend))

#define INIT_DIR_SIZE(vstart, vend) (PAGE_SIZE * EARLY_PAGES(vstart, vend))

/*
 * The identity map covers .idmap.text, which the linker script keeps inside
 * one page and so inside one 2 MiB block: one table per level above the
 * block, for a walk of up to PHYS_MASK_SHIFT bits (PGD, PUD, PMD), as
 * v5.15's IDMAP_PGTABLE_LEVELS.
 */
#define IDMAP_PGTABLE_LEVELS (ARM64_HW_PGTABLE_LEVELS(PHYS_MASK_SHIFT) - 1)
#define IDMAP_DIR_SIZE (IDMAP_PGTABLE_LEVELS * PAGE_SIZE)

#endif
