// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_pgtable.c: unit tests of the page-table model
 * (pgtable_model.c, head.S's __create_page_tables in C).
 *
 * The model transcribes head.S; these tests judge what it builds the way
 * the MMU would, with a table walker written from the architecture (4 KiB
 * granule, VMSAv8-64), not from head.S:
 *   - every 2 MiB block of the image, at KIMAGE_VADDR through init_pg_dir
 *     (TTBR1), translates to the right physical address, with the block
 *     attributes SWAPPER_MM_MMUFLAGS, and the blocks just outside fault;
 *   - the page of .idmap.text translates to itself through idmap_pg_dir
 *     (TTBR0) with the T0SZ head.S chose;
 *   - every descriptor written was reached by those walks (nothing stray),
 *     and no write left the area vmlinux.lds.S reserves;
 *   - the table pages used equal EARLY_PAGES() of asm/kernel-pgtable.h.
 * for images crossing 2 MiB, 1 GiB and 512 GiB virtual boundaries, 48 and
 * 39 VA bits, and RAM above 2^39 with 39 bits (the extended identity map).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pgtable_model.h"

#define SZ_4K 0x1000ULL
#define SZ_64K 0x10000ULL
#define SZ_2M 0x200000ULL
#define SZ_1G 0x40000000ULL
#define SZ_512G 0x8000000000ULL
/* bits 47:12 of a descriptor: the output address */
#define ADDR_MASK 0x0000fffffffff000ULL

/* The area being checked, and which of its descriptors a walk reached. */
struct area {
	const struct pt_result *r;
	uint64_t pa;			/* physical address of r->mem[0] */
	uint8_t *seen;			/* one flag per descriptor */
};

static uint64_t desc_at(struct area *a, uint64_t pa, int *ok)
{
	uint64_t v = 0;

	if (pa < a->pa || pa + 8 > a->pa + a->r->size || (pa & 7)) {
		*ok = 0;
		return 0;
	}
	for (int i = 7; i >= 0; i--)
		v = (v << 8) | a->r->mem[pa - a->pa + i];
	a->seen[(pa - a->pa) / 8] = 1;
	*ok = 1;
	return v;
}

enum { WALK_OK, WALK_FAULT, WALK_OUTSIDE, WALK_BAD };

/*
 * Translate va through the table at table_pa for an input address size of
 * ia_bits (64 - TxSZ); upper says TTBR1 (the top bits must be ones) or
 * TTBR0 (zeroes). Returns WALK_OK with *pa and *attrs (the block's
 * descriptor bits outside the address), or why not.
 */
static int walk(struct area *a, uint64_t table_pa, unsigned int ia_bits, int upper,
		uint64_t va, uint64_t *pa, uint64_t *attrs)
{
	unsigned int levels = (ia_bits - 12 + 8) / 9;	/* table levels needed */
	int level = 4 - levels;
	uint64_t top = ia_bits == 64 ? 0 : va >> ia_bits;

	if (top != (upper ? (~0ULL >> ia_bits) : 0))
		return WALK_FAULT;		/* outside this TTBR's range */
	for (;; level++) {
		unsigned int shift = 12 + 9 * (3 - level);
		unsigned int bits = level == 4 - (int)levels ? ia_bits - shift : 9;
		uint64_t index = (va >> shift) & ((1ULL << bits) - 1);
		int ok;
		uint64_t d = desc_at(a, table_pa + index * 8, &ok);

		if (!ok)
			return WALK_OUTSIDE;
		if (!(d & 1))
			return WALK_FAULT;
		if (level == 3 || (d & 3) == 1) {	/* page, or block */
			uint64_t mask = (1ULL << shift) - 1;

			if (level == 0 || (level == 3 && (d & 3) != 3))
				return WALK_BAD;	/* not valid with 4K pages */
			*pa = (d & ADDR_MASK & ~mask) | (va & mask);
			*attrs = d & ~ADDR_MASK;
			return WALK_OK;
		}
		if (d & ~ADDR_MASK & ~3ULL)
			return WALK_BAD;		/* table descriptors: no attributes */
		table_pa = d & ADDR_MASK;
	}
}

struct scenario {
	const char *name;
	unsigned int va_bits;
	uint64_t phys;			/* load address */
	uint64_t content;		/* image bytes before the tables */
	uint64_t kimage;		/* 0: KIMAGE_VADDR */
	unsigned int want_init_pages;	/* what the tables must take */
	unsigned int want_idmap_pages;
	uint64_t want_t0sz;
};

#define IDMAP_OFFSET 0x10000ULL		/* where vmlinux.lds.S puts .idmap.text */
#define IDMAP_SIZE 0xd4ULL

static void check_scenario(const struct scenario *s)
{
	const struct pgtable_consts *c = pgtable_consts(s->va_bits);
	struct pt_params p = {
		.va_bits = s->va_bits, .phys_text = s->phys, .kimage_vaddr = s->kimage,
		.idmap_text_start = IDMAP_OFFSET, .idmap_text_end = IDMAP_OFFSET + IDMAP_SIZE,
	};
	uint64_t kimage = s->kimage ? s->kimage : c->kimage_vaddr;
	uint64_t pa, attrs, idmap_pa, init_pa;
	struct pt_result r;
	struct area a;
	unsigned int ia;

	print_message("  %s\n", s->name);
	pt_layout(&p, s->content);
	assert_int_equal(pt_build(&p, &r), 0);
	a.r = &r;
	a.pa = s->phys + p.idmap_pg_dir;
	a.seen = calloc(r.size / 8 + 1, 1);
	assert_non_null(a.seen);
	idmap_pa = s->phys + p.idmap_pg_dir;
	init_pa = s->phys + p.init_pg_dir;

	/* the space reserved was enough, and exactly what was used */
	if (r.out_of_bounds)
		fail_msg("%s: %u descriptor writes outside their area, first at %#llx", s->name,
			 r.out_of_bounds, (unsigned long long)r.first_bad_write);
	assert_int_equal(r.init_pages + c->early_kaslr_pages,
			 c->early_pages(kimage, kimage + p.image_size));
	assert_int_equal(r.init_pages, s->want_init_pages);
	assert_int_equal(r.idmap_pages, s->want_idmap_pages);
	assert_true(r.idmap_pages * c->page_size <= c->idmap_dir_size);
	assert_int_equal(r.t0sz, s->want_t0sz);

	/* the kernel map: each block, and nothing around it */
	for (uint64_t off = 0; off < p.image_size; off += SZ_2M) {
		int ret = walk(&a, init_pa, c->va_bits, 1, kimage + off + 0x123, &pa, &attrs);

		if (ret != WALK_OK)
			fail_msg("%s: VA %#llx: walk result %d", s->name,
				 (unsigned long long)(kimage + off), ret);
		if (pa != s->phys + off + 0x123)
			fail_msg("%s: VA %#llx -> PA %#llx, expected %#llx", s->name,
				 (unsigned long long)(kimage + off), (unsigned long long)pa,
				 (unsigned long long)(s->phys + off + 0x123));
		assert_int_equal(attrs, c->swapper_mm_mmuflags);
	}
	assert_int_equal(walk(&a, init_pa, c->va_bits, 1, kimage - 1, &pa, &attrs), WALK_FAULT);
	assert_int_equal(walk(&a, init_pa, c->va_bits, 1,
			      kimage + ((p.image_size + SZ_2M - 1) & ~(SZ_2M - 1)), &pa, &attrs),
			 WALK_FAULT);

	/* the identity map of .idmap.text, with head.S's T0SZ */
	ia = 64 - r.t0sz;
	for (uint64_t off = IDMAP_OFFSET; off < IDMAP_OFFSET + IDMAP_SIZE; off += 4) {
		uint64_t va = s->phys + off;
		int ret = walk(&a, idmap_pa, ia, 0, va, &pa, &attrs);

		if (ret != WALK_OK || pa != va)
			fail_msg("%s: idmap of %#llx: walk result %d, PA %#llx", s->name,
				 (unsigned long long)va, ret, (unsigned long long)pa);
		assert_int_equal(attrs, c->swapper_mm_mmuflags);
	}
	/* only the 2 MiB block holding it */
	uint64_t block = (s->phys + IDMAP_OFFSET) & ~(SZ_2M - 1);

	if (block)
		assert_int_equal(walk(&a, idmap_pa, ia, 0, block - 1, &pa, &attrs), WALK_FAULT);
	if (block + SZ_2M < (1ULL << ia))
		assert_int_equal(walk(&a, idmap_pa, ia, 0, block + SZ_2M, &pa, &attrs),
				 WALK_FAULT);

	/* every descriptor head.S wrote was needed by some walk above */
	for (uint64_t i = 0; i < r.size / 8; i++) {
		uint64_t d;

		memcpy(&d, r.mem + 8 * i, 8);
		if (d && !a.seen[i])
			fail_msg("%s: stray descriptor %#llx at PA %#llx", s->name,
				 (unsigned long long)d, (unsigned long long)(a.pa + 8 * i));
	}
	free(a.seen);
	pt_free(&r);
}

static void test_consts(void **state)
{
	/* architectural relations the model relies on, per configuration */
	for (unsigned int va = 39; va <= 48; va += 9) {
		const struct pgtable_consts *c = pgtable_consts(va);

		assert_non_null(c);
		assert_int_equal(c->va_bits, va);
		assert_int_equal(c->page_shift, 12);
		assert_int_equal(c->page_size, SZ_4K);
		assert_int_equal(c->ptrs_per_table_shift, 9);
		assert_int_equal(c->pgdir_shift, 12 + 9 * (c->pgtable_levels - 1));
		assert_true(va - c->pgdir_shift <= 9 && va > c->pgdir_shift);
		assert_int_equal(c->swapper_pgtable_levels, c->pgtable_levels - 1);
		assert_int_equal(c->swapper_block_shift, 21);
		assert_int_equal(c->swapper_block_size, SZ_2M);
		assert_int_equal(c->swapper_table_shift, 30);
		assert_int_equal(c->phys_mask_shift, 48);
		assert_int_equal(c->pud_shift, 30);
		assert_int_equal(c->ptrs_per_pgd, 1ULL << (va - c->pgdir_shift));
		assert_int_equal(c->ptrs_per_pud, 512);
		assert_int_equal(c->ptrs_per_pmd, 512);
		assert_int_equal(c->ptrs_per_pte, 512);
		assert_int_equal(c->idmap_dir_size, 3 * SZ_4K);
		assert_int_equal(c->pmd_type_table, 3);
		/* KIMAGE_VADDR: 2 MiB aligned, in the TTBR1 half of va bits */
		assert_int_equal(c->kimage_vaddr & (SZ_2M - 1), 0);
		assert_int_equal(c->kimage_vaddr >> va, ~0ULL >> va);
		/* block descriptor, access flag, normal memory (index 0) */
		assert_int_equal(c->swapper_mm_mmuflags & 3, 1);
		assert_true(c->swapper_mm_mmuflags & (1 << 10));
		assert_int_equal((c->swapper_mm_mmuflags >> 2) & 7, 0);
		assert_int_equal(c->swapper_mm_mmuflags & ADDR_MASK, 0);
	}
	assert_null(pgtable_consts(42));
}

static void test_qemu_default(void **state)
{
	/* -kernel on QEMU virt: 0x40200000; a small image in one block */
	static const struct scenario s[] = {
		{ "48-bit, 0x40200000", 48, 0x40200000, 0x69000, 0, 3, 3, 16 },
		{ "39-bit, 0x40200000", 39, 0x40200000, 0x69000, 0, 2, 2, 25 },
		{ "48-bit, RAM base 0x40000000", 48, 0x40000000, 0x69000, 0, 3, 3, 16 },
		{ "48-bit, 0x13fe00000 (8G)", 48, 0x13fe00000, 0x69000, 0, 3, 3, 16 },
	};

	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		check_scenario(&s[i]);
}

static void test_cross_2m(void **state)
{
	/* bigger than a block: two or three PMD entries, still one table */
	static const struct scenario s[] = {
		{ "48-bit, 3 MiB", 48, 0x40200000, 3 << 20, 0, 3, 3, 16 },
		{ "48-bit, 2 MiB + 64K, at 0x7fe00000 (crosses 2 GiB physically)", 48,
		  0x7fe00000, (2 << 20) + SZ_64K, 0, 3, 3, 16 },
		{ "39-bit, 5 MiB", 39, 0x40200000, 5 << 20, 0, 2, 2, 25 },
	};

	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		check_scenario(&s[i]);
}

static void test_cross_1g(void **state)
{
	/*
	 * Across a 1 GiB boundary of VA: two PUD entries, two PMD tables
	 * (48-bit); with 39 bits the PGD resolves 1 GiB: two PGD entries.
	 * Either at KIMAGE_VADDR (which is 128 MiB into its 1 GiB: the image
	 * must exceed 896 MiB) or linked 2 MiB below a boundary.
	 */
	static const struct scenario s[] = {
		{ "48-bit, 1 GiB image at KIMAGE_VADDR", 48, 0x40000000, SZ_1G, 0, 4, 3, 16 },
		{ "48-bit, 3 MiB image 2 MiB below 1 GiB", 48, 0x40200000, 3 << 20,
		  0xffff80003fe00000ULL, 4, 3, 16 },
		{ "39-bit, 1 GiB image at KIMAGE_VADDR", 39, 0x40000000, SZ_1G, 0, 3, 2, 25 },
		{ "39-bit, 3 MiB image 2 MiB below 1 GiB", 39, 0x40200000, 3 << 20,
		  0xffffffc03fe00000ULL, 3, 2, 25 },
		{ "48-bit, 3 GiB image: four PMD tables", 48, 0x40000000, 3 * SZ_1G, 0, 6, 3, 16 },
	};

	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		check_scenario(&s[i]);
}

static void test_cross_512g(void **state)
{
	/*
	 * Across a 512 GiB boundary (48-bit: two PGD entries, two PUD
	 * tables): linked 2 MiB below one, and a 512 GiB image at
	 * KIMAGE_VADDR, whose tables take 1 + 2 + 513 pages.
	 */
	static const struct scenario s[] = {
		{ "48-bit, 3 MiB image 2 MiB below 512 GiB", 48, 0x40200000, 3 << 20,
		  0xffff807fffe00000ULL, 5, 3, 16 },
		{ "48-bit, 512 GiB image at KIMAGE_VADDR", 48, 0x40000000, SZ_512G, 0,
		  1 + 2 + 513, 3, 16 },
	};

	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		check_scenario(&s[i]);
}

static void test_idmap_high_ram(void **state)
{
	/*
	 * 39 bits of VA cannot reach RAM at or above 512 GiB: head.S widens
	 * T0SZ to the bits __idmap_text_end needs (64 - its leading zeroes:
	 * 24 for 40 bits, 23 for 41, 16 for 48) and puts a level on top of
	 * the identity map. 48 bits reach it without help.
	 */
	static const struct scenario s[] = {
		{ "39-bit, RAM at 512 GiB", 39, SZ_512G, 0x69000, 0, 2, 3, 24 },
		{ "39-bit, RAM at 1 TiB + 2 MiB", 39, 2 * SZ_512G + SZ_2M, 0x69000, 0, 2, 3, 23 },
		{ "39-bit, RAM at 255 TiB", 39, 0xff0000000000ULL, 0x69000, 0, 2, 3, 16 },
		{ "39-bit, last block below 512 GiB", 39, SZ_512G - SZ_2M, 0x69000, 0, 2, 2, 25 },
		{ "48-bit, RAM at 512 GiB", 48, SZ_512G, 0x69000, 0, 3, 3, 16 },
		{ "48-bit, RAM at 255 TiB", 48, 0xff0000000000ULL, 0x69000, 0, 3, 3, 16 },
	};

	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		check_scenario(&s[i]);
}

static void test_idmap_extension_consistent(void **state)
{
	/*
	 * head.S widens T0SZ and adds the extra level together, from the
	 * page of __idmap_text_end, and map_memory maps up to
	 * __idmap_text_end - 1: for every placement the linker script allows
	 * (.idmap.text at _stext, up to a page long), on both sides of 2^39,
	 * the level is there exactly when T0SZ is not the default, and the
	 * TTBR0 space (64 - T0SZ bits) reaches the whole of .idmap.text.
	 */
	for (uint64_t phys = SZ_512G - 4 * SZ_2M; phys <= SZ_512G + 2 * SZ_2M; phys += SZ_2M) {
		for (uint64_t size = 0; size <= SZ_4K; size += 0x200) {
			struct pt_params p = {
				.va_bits = 39, .phys_text = phys,
				.idmap_text_start = IDMAP_OFFSET,
				.idmap_text_end = IDMAP_OFFSET + size,
			};
			struct pt_result r;

			pt_layout(&p, 0x69000);
			assert_int_equal(pt_build(&p, &r), 0);
			if ((r.t0sz != 64 - 39) != r.idmap_extra_level ||
			    (size && (phys + IDMAP_OFFSET + size - 1) >> (64 - r.t0sz)))
				fail_msg("phys %#llx, idmap size %#llx: T0SZ %llu but extra level %d",
					 (unsigned long long)phys, (unsigned long long)size,
					 (unsigned long long)r.t0sz, r.idmap_extra_level);
			pt_free(&r);
		}
	}
}

static void test_early_pages_sweep(void **state)
{
	/* the model takes exactly EARLY_PAGES() for any size and placement */
	static const uint64_t links[] = {
		0, 0xffff80003fe00000ULL, 0xffff807fffe00000ULL, 0xffff800000000000ULL,
	};

	for (size_t l = 0; l < sizeof(links) / sizeof(links[0]); l++) {
		for (uint64_t content = SZ_64K; content < 8 * SZ_1G; content = content * 3 + SZ_4K) {
			struct pt_params p = { .va_bits = 48, .phys_text = 0x40000000,
					       .kimage_vaddr = links[l],
					       .idmap_text_start = IDMAP_OFFSET,
					       .idmap_text_end = IDMAP_OFFSET + IDMAP_SIZE };
			const struct pgtable_consts *c = pgtable_consts(48);
			uint64_t k = links[l] ? links[l] : c->kimage_vaddr;
			struct pt_result r;

			pt_layout(&p, content);
			assert_int_equal(pt_build(&p, &r), 0);
			assert_int_equal(r.out_of_bounds, 0);
			assert_int_equal(r.init_pages + c->early_kaslr_pages,
					 c->early_pages(k, k + p.image_size));
			assert_int_equal(p.init_pg_end - p.init_pg_dir,
					 (r.init_pages + c->early_kaslr_pages) * c->page_size);
			pt_free(&r);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_consts),
		cmocka_unit_test(test_qemu_default),
		cmocka_unit_test(test_cross_2m),
		cmocka_unit_test(test_cross_1g),
		cmocka_unit_test(test_cross_512g),
		cmocka_unit_test(test_idmap_high_ram),
		cmocka_unit_test(test_idmap_extension_consistent),
		cmocka_unit_test(test_early_pages_sweep),
	};

	return cmocka_run_group_tests_name("page-table model (head.S)", tests, NULL, NULL);
}
