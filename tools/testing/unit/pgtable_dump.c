// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/pgtable_dump.c: run the page-table model for one
 * kernel and load address, for test_pgtable_qemu.py.
 *
 *   pgtable_dump VA_BITS PHYS_TEXT END IDMAP_TEXT_START IDMAP_TEXT_END \
 *                IDMAP_PG_DIR INIT_PG_DIR INIT_PG_END OUT
 *
 * Every value but VA_BITS is a number (C syntax, 0x for hex); all but
 * PHYS_TEXT are offsets from _text, as System.map gives them. Writes the
 * bytes head.S would leave in [idmap_pg_dir, init_pg_end) to OUT and prints
 * one line of key=value facts: t0sz, idmap_pages, init_pages, extra_level,
 * out_of_bounds, early_pages = EARLY_PAGES(KIMAGE_VADDR, _end) of
 * asm/kernel-pgtable.h, and early_kaslr_pages, the part of it a relocatable
 * image only needs elsewhere than at its link address.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pgtable_model.h"

static uint64_t num(const char *s)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 0);

	if (!*s || *end) {
		fprintf(stderr, "pgtable_dump: not a number: %s\n", s);
		exit(2);
	}
	return v;
}

int main(int argc, char **argv)
{
	struct pt_params p = { 0 };
	const struct pgtable_consts *c;
	struct pt_result r;
	FILE *f;

	if (argc != 10) {
		fprintf(stderr, "usage: %s VA_BITS PHYS_TEXT END IDMAP_TEXT_START "
			"IDMAP_TEXT_END IDMAP_PG_DIR INIT_PG_DIR INIT_PG_END OUT\n", argv[0]);
		return 2;
	}
	p.va_bits = num(argv[1]);
	p.phys_text = num(argv[2]);
	p.image_size = num(argv[3]);
	p.idmap_text_start = num(argv[4]);
	p.idmap_text_end = num(argv[5]);
	p.idmap_pg_dir = num(argv[6]);
	p.init_pg_dir = num(argv[7]);
	p.init_pg_end = num(argv[8]);
	c = pgtable_consts(p.va_bits);
	if (!c || pt_build(&p, &r)) {
		fprintf(stderr, "pgtable_dump: unusable parameters\n");
		return 2;
	}
	f = fopen(argv[9], "wb");
	if (!f || fwrite(r.mem, 1, r.size, f) != r.size || fclose(f)) {
		perror(argv[9]);
		return 1;
	}
	printf("t0sz=%llu idmap_pages=%u init_pages=%u extra_level=%d out_of_bounds=%u "
	       "early_pages=%llu early_kaslr_pages=%llu\n", (unsigned long long)r.t0sz,
	       r.idmap_pages, r.init_pages, r.idmap_extra_level, r.out_of_bounds,
	       (unsigned long long)c->early_pages(c->kimage_vaddr, c->kimage_vaddr + p.image_size),
	       (unsigned long long)c->early_kaslr_pages);
	pt_free(&r);
	return 0;
}
