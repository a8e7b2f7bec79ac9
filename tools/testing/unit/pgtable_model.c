// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/pgtable_model.c: head.S's early page tables, in C.
 *
 * A line-by-line transcription of __create_page_tables and its macros in
 * arch/arm64/kernel/head.S (v5.15's shape: create_table_entry for the
 * extended identity map, compute_indices with ptrs); the comments name the
 * instructions each step
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
 * create_table_entry tbl, virt, shift, ptrs, tmp1, tmp2:
 *	add	tmp1, tbl, #PAGE_SIZE
 *	phys_to_pte tmp2, tmp1
 *	orr	tmp2, tmp2, #PMD_TYPE_TABLE
 *	lsr	tmp1, virt, #shift
 *	sub	ptrs, ptrs, #1
 *	and	tmp1, tmp1, ptrs
 *	str	tmp2, [tbl, tmp1, lsl #3]
 *	add	tbl, tbl, #PAGE_SIZE
 */
static void create_table_entry(struct cpu *cpu, uint64_t *tbl, uint64_t virt,
			       unsigned int shift, uint64_t ptrs)
{
	const struct pgtable_consts *c = cpu->c;
	uint64_t tmp1, tmp2;

	tmp1 = *tbl + c->page_size;
	tmp2 = phys_to_pte(tmp1);
	tmp2 |= c->pmd_type_table;
	tmp1 = virt >> shift;
	ptrs = ptrs - 1;
	tmp1 &= ptrs;
	str(cpu, *tbl + (tmp1 << 3), tmp2);
	*tbl += c->page_size;
}

/*
 * compute_indices vstart, vend, shift, ptrs, istart, iend, count:
 *	lsr	iend, vend, shift
 *	mov	istart, ptrs
 *	sub	istart, istart, #1
 *	and	iend, iend, istart
 *	mov	istart, ptrs
 *	mul	istart, istart, count
 *	add	iend, iend, istart
 *	lsr	istart, vstart, shift
 *	mov	count, ptrs
 *	sub	count, count, #1
 *	and	istart, istart, count
 *	sub	count, iend, istart
 */
static void compute_indices(uint64_t vstart, uint64_t vend, unsigned int shift,
			    uint64_t ptrs, uint64_t *istart, uint64_t *iend,
			    uint64_t *count)
{
	*iend = vend >> shift;
	*istart = ptrs - 1;
	*iend &= *istart;
	*istart = ptrs * *count;
	*iend += *istart;
	*istart = vstart >> shift;
	*count = ptrs - 1;
	*istart &= *count;
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
 * map_memory tbl, rtbl, vstart, vend, flags, phys, pgds, ... Returns the
 * address of the next free table page after the ones it took (rtbl after
 * the last table level: bookkeeping, not a register head.S keeps).
 */
static uint64_t map_memory(struct cpu *cpu, uint64_t tbl, uint64_t vstart, uint64_t vend,
			   uint64_t flags, uint64_t phys, uint64_t pgds)
{
	const struct pgtable_consts *c = cpu->c;
	uint64_t rtbl, istart, iend, count, sv, next_free;

	vend = vend - 1;			/* sub vend, vend, #1 */
	rtbl = tbl + c->page_size;		/* add rtbl, tbl, #PAGE_SIZE */
	sv = rtbl;				/* mov sv, rtbl */
	count = 0;				/* mov count, #0 */
	compute_indices(vstart, vend, c->pgdir_shift, pgds, &istart, &iend, &count);
	populate_entries(cpu, tbl, &rtbl, istart, iend, c->pmd_type_table, c->page_size);
	tbl = sv;				/* mov tbl, sv */
	sv = rtbl;				/* mov sv, rtbl */

	if (c->swapper_pgtable_levels > 3) {	/* #if SWAPPER_PGTABLE_LEVELS > 3 */
		compute_indices(vstart, vend, c->pud_shift, c->ptrs_per_pud,
				&istart, &iend, &count);
		populate_entries(cpu, tbl, &rtbl, istart, iend, c->pmd_type_table,
				 c->page_size);
		tbl = sv;
		sv = rtbl;
	}

	if (c->swapper_pgtable_levels > 2) {	/* #if SWAPPER_PGTABLE_LEVELS > 2 */
		compute_indices(vstart, vend, c->swapper_table_shift, c->ptrs_per_pmd,
				&istart, &iend, &count);
		populate_entries(cpu, tbl, &rtbl, istart, iend, c->pmd_type_table,
				 c->page_size);
		tbl = sv;
	}
	next_free = rtbl;

	compute_indices(vstart, vend, c->swapper_block_shift, c->ptrs_per_pte,
			&istart, &iend, &count);
	count = phys & ~(c->swapper_block_size - 1);	/* bic count, phys, #(SWAPPER_BLOCK_SIZE - 1) */
	populate_entries(cpu, tbl, &count, istart, iend, flags, c->swapper_block_size);
	return next_free;
}

static unsigned int clz64(uint64_t x)
{
	return x ? (unsigned int)__builtin_clzll(x) : 64;
}

int pt_build(const struct pt_params *p, struct pt_result *r)
{
	const struct pgtable_consts *c = pgtable_consts(p->va_bits);
	uint64_t page_mask, kimage, x0, x3, x4, x5, x6, x7, idmap_ptrs_per_pgd;
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
	idmap_ptrs_per_pgd = c->ptrs_per_pgd;			/* mm/mmu.c's initial values */
	r->t0sz = 64 - c->va_bits;
	cpu.lo = x0;
	cpu.hi = (p->phys_text + p->init_pg_dir) & page_mask;

	x5 = (p->phys_text + p->idmap_text_end) & page_mask;	/* adrp x5, __idmap_text_end */
	x5 = clz64(x5);						/* clz x5, x5 */
	if (x5 < 64 - c->va_bits) {		/* cmp x5, TCR_T0SZ(VA_BITS_MIN); b.ge 1f */
		r->t0sz = x5;					/* str x5, [idmap_t0sz] */
		if (c->va_bits < 48) {				/* #if (VA_BITS < 48) */
			/* mov x4, EXTRA_PTRS; create_table_entry x0, x3, EXTRA_SHIFT, x4, x5, x6 */
			create_table_entry(&cpu, &x0, x3,
					   c->pgdir_shift + c->page_shift - 3,
					   1ULL << (c->phys_mask_shift -
						    (c->pgdir_shift + c->page_shift - 3)));
			r->idmap_extra_level = true;
		} else {
			/* mov x4, #1 << (PHYS_MASK_SHIFT - PGDIR_SHIFT); str_l x4, idmap_ptrs_per_pgd */
			idmap_ptrs_per_pgd = 1ULL << (c->phys_mask_shift - c->pgdir_shift);
		}
	}
	x4 = idmap_ptrs_per_pgd;				/* ldr_l x4, idmap_ptrs_per_pgd */
	x6 = p->phys_text + p->idmap_text_end;			/* adr_l x6, __idmap_text_end */
	r->idmap_pages = (map_memory(&cpu, x0, x3, x6, x7, x3, x4) - cpu.lo) / c->page_size;

	/* The kernel image at KIMAGE_VADDR + x23 (no KASLR: the misalignment). */
	x0 = (p->phys_text + p->init_pg_dir) & page_mask;	/* adrp x0, init_pg_dir */
	x5 = kimage;						/* mov_q x5, KIMAGE_VADDR */
	x5 += p->phys_text & (c->swapper_block_size - 1);	/* add x5, x5, x23 */
	x4 = c->ptrs_per_pgd;					/* mov x4, PTRS_PER_PGD */
	x6 = (p->phys_text + p->image_size) & page_mask;	/* adrp x6, _end */
	x3 = p->phys_text & page_mask;				/* adrp x3, _text */
	x6 = x6 - x3;						/* sub x6, x6, x3 */
	x6 = x6 + x5;						/* add x6, x6, x5 */
	cpu.lo = x0;
	cpu.hi = (p->phys_text + p->init_pg_end) & page_mask;
	r->init_pages = (map_memory(&cpu, x0, x5, x6, x7, x3, x4) - x0) / c->page_size;
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
