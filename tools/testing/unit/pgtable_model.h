/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/pgtable_model.h: a C model of the page tables that
 * arch/arm64/kernel/head.S (__create_page_tables) builds with the MMU off.
 *
 * pgtable_model.c follows head.S's map_memory / compute_indices /
 * populate_entries / create_table_entry macros step by step, register by register, for the
 * identity map (idmap_pg_dir) and the kernel map (init_pg_dir), and
 * returns the bytes it would leave in [idmap_pg_dir, init_pg_end) plus the
 * idmap_t0sz it would store. test_pgtable.c checks the model on its own
 * (by walking the tables it builds); test_pgtable_qemu.py checks it against
 * what the real head.S builds under QEMU, byte for byte.
 *
 * The kernel's constants (shifts, KIMAGE_VADDR, descriptor flags,
 * EARLY_PAGES) come from the kernel's own headers, compiled once per VA
 * size in pgtable_consts.c.
 */
#ifndef UNIT_PGTABLE_MODEL_H
#define UNIT_PGTABLE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What asm/kernel-pgtable.h and friends say, for one configuration. */
struct pgtable_consts {
	unsigned int va_bits;
	unsigned int pgtable_levels;
	unsigned int page_shift;
	unsigned int pgdir_shift;
	unsigned int swapper_pgtable_levels;
	unsigned int swapper_table_shift;
	unsigned int swapper_block_shift;
	unsigned int ptrs_per_table_shift;
	unsigned int pud_shift;
	unsigned int phys_mask_shift;
	uint64_t ptrs_per_pgd, ptrs_per_pud, ptrs_per_pmd, ptrs_per_pte;
	uint64_t page_size;
	uint64_t swapper_block_size;
	uint64_t kimage_vaddr;
	uint64_t swapper_mm_mmuflags;
	uint64_t pmd_type_table;
	uint64_t idmap_dir_size;
	uint64_t (*early_pages)(uint64_t vstart, uint64_t vend);
	/* Pages EARLY_PAGES adds for a relocatable image's other placements
	 * (EARLY_KASLR, one per level above the blocks); these stay unused
	 * at the link-time placement. */
	uint64_t early_kaslr_pages;
};

extern const struct pgtable_consts pgtable_consts_va48, pgtable_consts_va39;
/* The constants for 48 or 39 VA bits; NULL for anything else. */
const struct pgtable_consts *pgtable_consts(unsigned int va_bits);

/* The inputs of __create_page_tables: where the image is, how it is laid out. */
struct pt_params {
	unsigned int va_bits;		/* CONFIG_ARM64_VA_BITS: 48 or 39 */
	uint64_t phys_text;		/* physical address of _text (the load address) */
	/* offsets from _text, as in System.map: */
	uint64_t image_size;		/* _end */
	uint64_t idmap_text_start;	/* __idmap_text_start */
	uint64_t idmap_text_end;	/* __idmap_text_end */
	uint64_t idmap_pg_dir;
	uint64_t init_pg_dir;
	uint64_t init_pg_end;
	/* 0: the kernel's KIMAGE_VADDR; else where _text is linked instead
	 * (unit tests that put the image next to a VA boundary) */
	uint64_t kimage_vaddr;
};

struct pt_result {
	uint8_t *mem;			/* [idmap_pg_dir, init_pg_end) after head.S */
	size_t size;
	uint64_t t0sz;			/* what head.S stores in idmap_t0sz */
	unsigned int idmap_pages;	/* table pages map_memory took, idmap */
	unsigned int init_pages;	/* and init_pg_dir */
	bool idmap_extra_level;		/* create_table_entry put a level on top */
	unsigned int out_of_bounds;	/* descriptor writes outside each map's area */
	uint64_t first_bad_write;	/* the physical address of the first */
};

/*
 * Run the model. Returns 0, or -1 if the parameters are unusable (unknown
 * va_bits, areas in the wrong order). Free the result with pt_free().
 */
int pt_build(const struct pt_params *p, struct pt_result *r);
void pt_free(struct pt_result *r);

/*
 * Lay out the table areas after `content` bytes of image (text to bss) the
 * way vmlinux.lds.S does: page-aligned idmap_pg_dir of IDMAP_DIR_SIZE,
 * init_pg_dir of INIT_DIR_SIZE(KIMAGE_VADDR, _end), _end aligned to 64K.
 * Fills image_size, idmap_pg_dir, init_pg_dir, init_pg_end.
 */
void pt_layout(struct pt_params *p, uint64_t content);

#endif
