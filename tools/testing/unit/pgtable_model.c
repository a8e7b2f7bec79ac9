// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/pgtable_model.c: head.S's early page tables, in C.
 *
 * A line-by-line transcription of __create_page_tables and its macros in
 * arch/arm64/kernel/head.S; the comments name the instructions each step
 * stands for. It is deliberately not "improved": it must produce the same
 * bytes as the assembly, mistakes included, so that test_pgtable_qemu.py
 * can compare it with the real tables and test_pgtable.c can judge the
 * result by walking it like the MMU would.
 *
 * Memory is modelled as the table area [idmap_pg_dir, init_pg_end) only.
 * A descriptor write outside the area the current map owns is counted in
 * out_of_bounds (head.S would overwrite whatever is there); one inside the
 * whole area is still performed, as the CPU would.
 */
#include <stdlib.h>
#include <string.h>

#include "pgtable_model.h"

const struct pgtable_consts *pgtable_consts(unsigned int va_bits)
{
	if (va_bits == 48)
		return &pgtable_consts_va48;
	if (va_bits == 39)
		return &pgtable_consts_va39;
	return NULL;
}

struct cpu {
	const struct pgtable_consts *c;
	struct pt_result *r;
	uint64_t area;			/* physical address of r->mem[0] */
	uint64_t lo, hi;		/* what the current map owns */
};

/* ubfx dst, src, #lsb, #width */
static uint64_t ubfx(uint64_t src, unsigned int lsb, unsigned int width)
{
	return (src >> lsb) & ((1ULL << width) - 1);
}

/* str val, [addr]: little-endian 64-bit store */
static void str(struct cpu *cpu, uint64_t addr, uint64_t val)
{
	if (addr < cpu->lo || addr + 8 > cpu->hi) {
		if (!cpu->r->out_of_bounds++)
			cpu->r->first_bad_write = addr;
	}
	if (addr < cpu->area || addr + 8 > cpu->area + cpu->r->size)
		return;		/* outside the model's memory */
	for (int i = 0; i < 8; i++)
		cpu->r->mem[addr - cpu->area + i] = (uint8_t)(val >> (8 * i));
}

/* phys_to_pte: the identity with 48-bit PAs and 4K pages (assembler.h) */
static uint64_t phys_to_pte(uint64_t phys)
{
	return phys;
}

/*
 *	ubfx	istart, vstart, shift, order
 *	ubfx	iend, vend, shift, order
 *	add	iend, iend, count, lsl order
 *	sub	count, iend, istart
 */
static void compute_indices(uint64_t vstart, uint64_t vend, unsigned int shift,
			    unsigned int order, uint64_t *istart, uint64_t *iend,
			    uint64_t *count)
{
	*istart = ubfx(vstart, shift, order);
	*iend = ubfx(vend, shift, order);
	*iend = *iend + (*count << order);
	*count = *iend - *istart;
}

/*
 * .Lpe:	phys_to_pte tmp1, rtbl
 *		orr	tmp1, tmp1, flags
 *		str	tmp1, [tbl, index, lsl #3]
 *		add	rtbl, rtbl, inc
 *		add	index, index, #1
 *		cmp	index, eindex
 *		b.ls	.Lpe
 */
static void populate_entries(struct cpu *cpu, uint64_t tbl, uint64_t *rtbl, uint64_t index,
			     uint64_t eindex, uint64_t flags, uint64_t inc)
{
	uint64_t tmp1;

	do {
		tmp1 = phys_to_pte(*rtbl);
		tmp1 |= flags;
		str(cpu, tbl + (index << 3), tmp1);
		*rtbl += inc;
		index += 1;
	} while (index <= eindex);
}

/*
 * map_memory tbl, rtbl, vstart, vend, flags, phys, order, ..., extra_shift
 * (extra_shift 0 = not given). Returns the table pages it took from tbl
 * on (the pgd and every next-level table), and sets *extra if it put a
 * level on top.
 */
static unsigned int map_memory(struct cpu *cpu, uint64_t tbl, uint64_t vstart, uint64_t vend,
			       uint64_t flags, uint64_t phys, unsigned int order,
			       unsigned int extra_shift, bool *extra)
{
	const struct pgtable_consts *c = cpu->c;
	uint64_t tbl0 = tbl, rtbl, istart, iend, count, sv;
	unsigned int pages;

	vend = vend - 1;			/* sub vend, vend, #1 */
	rtbl = tbl + c->page_size;		/* add rtbl, tbl, #PAGE_SIZE */
	count = 0;				/* mov count, #0 */

	if (extra_shift) {			/* .ifnb extra_shift */
		/* tst vend, #~((1 << extra_shift) - 1); b.eq .Lno_extra */
		if (vend & ~((1ULL << extra_shift) - 1)) {
			compute_indices(vstart, vend, extra_shift,
					c->idmap_va_bits_max - extra_shift,
					&istart, &iend, &count);
			sv = rtbl;
			populate_entries(cpu, tbl, &rtbl, istart, iend, c->pmd_type_table,
					 c->page_size);
			tbl = sv;
			*extra = true;
		}
	}

	compute_indices(vstart, vend, c->pgdir_shift, order, &istart, &iend, &count);
	sv = rtbl;
	populate_entries(cpu, tbl, &rtbl, istart, iend, c->pmd_type_table, c->page_size);
	tbl = sv;

	if (c->swapper_pgtable_levels > 2) {	/* #if SWAPPER_PGTABLE_LEVELS > 2 */
		compute_indices(vstart, vend, c->swapper_table_shift, c->ptrs_per_table_shift,
				&istart, &iend, &count);
		sv = rtbl;
		populate_entries(cpu, tbl, &rtbl, istart, iend, c->pmd_type_table,
				 c->page_size);
		tbl = sv;
	}
	pages = (rtbl - tbl0) / c->page_size;	/* not in head.S: bookkeeping */

	compute_indices(vstart, vend, c->swapper_block_shift, c->ptrs_per_table_shift,
			&istart, &iend, &count);
	rtbl = phys & ~(c->swapper_block_size - 1);	/* bic rtbl, phys, #(SWAPPER_BLOCK_SIZE - 1) */
	populate_entries(cpu, tbl, &rtbl, istart, iend, flags, c->swapper_block_size);
	return pages;
}

int pt_build(const struct pt_params *p, struct pt_result *r)
{
	const struct pgtable_consts *c = pgtable_consts(p->va_bits);
	uint64_t page_mask, kimage, x0, x3, x5, x6, x7;
	struct cpu cpu;

	memset(r, 0, sizeof(*r));
	if (!c || p->idmap_pg_dir > p->init_pg_dir || p->init_pg_dir > p->init_pg_end ||
	    p->init_pg_end > p->image_size)
		return -1;
	page_mask = ~(c->page_size - 1);
	kimage = p->kimage_vaddr ? p->kimage_vaddr : c->kimage_vaddr;

	/* adrp x0, idmap_pg_dir; adrp x1, init_pg_end; clear them */
	cpu.c = c;
	cpu.r = r;
	cpu.area = (p->phys_text + p->idmap_pg_dir) & page_mask;
	r->size = ((p->phys_text + p->init_pg_end) & page_mask) - cpu.area;
	r->mem = calloc(1, r->size ? r->size : 1);
	if (!r->mem)
		return -1;

	x7 = c->swapper_mm_mmuflags;		/* mov_q x7, SWAPPER_MM_MMUFLAGS */

	/* The identity map. */
	x0 = (p->phys_text + p->idmap_pg_dir) & page_mask;	/* adrp x0, idmap_pg_dir */
	x3 = (p->phys_text + p->idmap_text_start) & page_mask;	/* adrp x3, __idmap_text_start */
	x6 = p->phys_text + p->idmap_text_end;			/* adr_l x6, __idmap_text_end */
	x5 = 64 - c->va_bits;					/* mov x5, #(64 - VA_BITS) */
	if (c->va_bits < c->idmap_va_bits_max) {		/* #if VA_BITS < IDMAP_VA_BITS_MAX */
		if (x6 >> c->va_bits)				/* lsr x4, x6, #VA_BITS; cbz */
			x5 = 64 - c->idmap_va_bits_max;
	}
	r->t0sz = x5;						/* str x5, [idmap_t0sz] */

	cpu.lo = x0;
	cpu.hi = (p->phys_text + p->init_pg_dir) & page_mask;
	r->idmap_pages = map_memory(&cpu, x0, x3, x6, x7, x3, c->va_bits - c->pgdir_shift,
				    c->va_bits < c->idmap_va_bits_max ?
				    c->pgdir_shift + c->ptrs_per_table_shift : 0,
				    &r->idmap_extra_level);

	/* The kernel image at KIMAGE_VADDR. */
	x0 = (p->phys_text + p->init_pg_dir) & page_mask;	/* adrp x0, init_pg_dir */
	x5 = kimage;						/* mov_q x5, KIMAGE_VADDR */
	x3 = p->phys_text & page_mask;				/* adrp x3, _text */
	x6 = (p->phys_text + p->image_size) & page_mask;	/* adrp x6, _end */
	x6 = x6 - x3;						/* sub x6, x6, x3 */
	x6 = x6 + x5;						/* add x6, x6, x5 */
	cpu.lo = x0;
	cpu.hi = (p->phys_text + p->init_pg_end) & page_mask;
	r->init_pages = map_memory(&cpu, x0, x5, x6, x7, x3, c->va_bits - c->pgdir_shift, 0,
				   &(bool){ false });
	return 0;
}

void pt_free(struct pt_result *r)
{
	free(r->mem);
	r->mem = NULL;
}

static uint64_t align_up(uint64_t x, uint64_t a)
{
	return (x + a - 1) & ~(a - 1);
}

void pt_layout(struct pt_params *p, uint64_t content)
{
	const struct pgtable_consts *c = pgtable_consts(p->va_bits);
	uint64_t kimage = p->kimage_vaddr ? p->kimage_vaddr : c->kimage_vaddr;
	uint64_t end, prev = 0;

	/* .pgdir : ALIGN(PAGE_SIZE) { idmap_pg_dir; IDMAP_DIR_SIZE; init_pg_dir;
	 * INIT_DIR_SIZE(KIMAGE_VADDR, _end) } _end = ALIGN(64K): _end depends
	 * on itself, so iterate to the fixed point as the linker does. */
	p->idmap_pg_dir = align_up(content, c->page_size);
	p->init_pg_dir = p->idmap_pg_dir + c->idmap_dir_size;
	end = align_up(p->init_pg_dir + c->page_size, 0x10000);
	while (end != prev) {
		prev = end;
		p->init_pg_end = p->init_pg_dir +
				 c->page_size * c->early_pages(kimage, kimage + prev);
		end = align_up(p->init_pg_end, 0x10000);
	}
	p->image_size = end;
}
