// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_memblock.c: host unit tests of mm/memblock.c.
 *
 * The real memblock, built for the host, driven through its API and
 * checked through its arrays (struct memblock is global, as in Linux):
 * overlapping and touching ranges merge, holes stay apart, reservations
 * are kept separately, memblock_mark_nomap() splits a region into three
 * with the right flags, a full array returns -ENOSPC and leaves the map as
 * it was, sizes are capped at the top of the address space, and the
 * start/end/size helpers and memblock_dump_all() report what is there.
 * Every test starts from an empty map (setup()).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <linux/errno.h>
#include <linux/memblock.h>
#include <linux/compiler.h>
#include "stubs/printk_capture.h"

#define MAX_REGIONS INIT_MEMBLOCK_REGIONS
#define NONE MEMBLOCK_NONE
#define NOMAP MEMBLOCK_NOMAP

static int setup(void **state)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	printk_capture_reset();
	return 0;
}

static void print_type(const struct memblock_type *type)
{
	for (unsigned long i = 0; i < type->cnt; i++) {
		if (i == 6 && type->cnt > 8) {	/* a full array: the start is enough */
			print_message("  ... %lu more\n", type->cnt - 6);
			break;
		}
		print_message("  %s[%lu] = [%#llx, %#llx) flags %#x\n", type->name, i,
			      type->regions[i].base,
			      type->regions[i].base + type->regions[i].size,
			      type->regions[i].flags);
	}
}

/* The regions of `type` are exactly `want`, in order. */
static void expect(const struct memblock_type *type, const struct memblock_region *want,
		   unsigned long n)
{
	int ok = type->cnt == n;

	for (unsigned long i = 0; ok && i < n; i++)
		ok = type->regions[i].base == want[i].base &&
		     type->regions[i].size == want[i].size &&
		     type->regions[i].flags == want[i].flags;
	if (!ok) {
		print_message("%s has %lu regions:\n", type->name, type->cnt);
		print_type(type);
		print_message("expected %lu:\n", n);
		for (unsigned long i = 0; i < n; i++)
			print_message("  [%#llx, %#llx) flags %#x\n", want[i].base,
				      want[i].base + want[i].size, want[i].flags);
		fail_msg("%s is not as expected", type->name);
	}
}

#define EXPECT(type, ...)							\
	do {									\
		const struct memblock_region want_[] = { __VA_ARGS__ };	\
		expect(&memblock.type, want_, ARRAY_SIZE(want_));		\
	} while (0)
#define EXPECT_EMPTY(type) expect(&memblock.type, NULL, 0)
#define R(base, size, flags) { (base), (size), (flags) }

/*
 * What the header comment of mm/memblock.c promises of the arrays at all
 * times: sorted, no overlaps, no empty regions, and no two touching
 * regions with the same flags (they would have been merged).
 */
static void check_invariants(const struct memblock_type *type)
{
	assert_true(type->cnt <= type->max);
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (!r->size)
			fail_msg("%s[%lu] is empty", type->name, i);
		if (i + 1 < type->cnt) {
			const struct memblock_region *n = &type->regions[i + 1];

			if (r->base + r->size > n->base) {
				print_type(type);
				fail_msg("%s[%lu] overlaps or is out of order", type->name, i);
			}
			if (r->base + r->size == n->base && r->flags == n->flags) {
				print_type(type);
				fail_msg("%s[%lu] and [%lu] touch with the same flags but were "
					 "not merged", type->name, i, i + 1);
			}
		}
	}
}

static void test_empty(void **state)
{
	assert_int_equal(memblock.memory.max, MAX_REGIONS);
	assert_int_equal(memblock.reserved.max, MAX_REGIONS);
	assert_string_equal(memblock.memory.name, "memory");
	assert_string_equal(memblock.reserved.name, "reserved");
	assert_int_equal(memblock_start_of_DRAM(), 0);
	assert_int_equal(memblock_end_of_DRAM(), 0);
	assert_int_equal(memblock_phys_mem_size(), 0);
}

static void test_add_one(void **state)
{
	assert_int_equal(memblock_add(0x40000000, 0x10000000), 0);
	EXPECT(memory, R(0x40000000, 0x10000000, NONE));
	EXPECT_EMPTY(reserved);
	assert_int_equal(memblock_start_of_DRAM(), 0x40000000);
	assert_int_equal(memblock_end_of_DRAM(), 0x50000000);
	assert_int_equal(memblock_phys_mem_size(), 0x10000000);
	/* size 0: nothing */
	assert_int_equal(memblock_add(0x80000000, 0), 0);
	EXPECT(memory, R(0x40000000, 0x10000000, NONE));
}

static void test_add_overlaps(void **state)
{
	/* partial overlap at the end: one region, the union */
	memblock_add(0x1000, 0x1000);
	memblock_add(0x1800, 0x1000);
	EXPECT(memory, R(0x1000, 0x1800, NONE));
	/* partial overlap at the start */
	memblock_add(0x800, 0x1000);
	EXPECT(memory, R(0x800, 0x2000, NONE));
	/* contained: no change, not counted twice */
	memblock_add(0x1000, 0x100);
	EXPECT(memory, R(0x800, 0x2000, NONE));
	assert_int_equal(memblock_phys_mem_size(), 0x2000);
	/* the same range again */
	memblock_add(0x800, 0x2000);
	EXPECT(memory, R(0x800, 0x2000, NONE));
	/* covering it */
	memblock_add(0x0, 0x4000);
	EXPECT(memory, R(0x0, 0x4000, NONE));
	assert_int_equal(memblock_phys_mem_size(), 0x4000);
	check_invariants(&memblock.memory);
}

static void test_add_bridges_regions(void **state)
{
	/* one range over two regions and the holes around them */
	memblock_add(0x10000, 0x1000);
	memblock_add(0x20000, 0x1000);
	memblock_add(0x30000, 0x1000);
	EXPECT(memory, R(0x10000, 0x1000, NONE), R(0x20000, 0x1000, NONE),
	       R(0x30000, 0x1000, NONE));
	memblock_add(0x8000, 0x20000);		/* 0x8000..0x28000 */
	EXPECT(memory, R(0x8000, 0x20000, NONE), R(0x30000, 0x1000, NONE));
	assert_int_equal(memblock_phys_mem_size(), 0x21000);
	check_invariants(&memblock.memory);
}

static void test_add_adjacent_merge(void **state)
{
	memblock_add(0x2000, 0x1000);
	memblock_add(0x3000, 0x1000);		/* touches the end */
	EXPECT(memory, R(0x2000, 0x2000, NONE));
	memblock_add(0x1000, 0x1000);		/* touches the start */
	EXPECT(memory, R(0x1000, 0x3000, NONE));
	/* filling the hole between two regions joins all three */
	memblock_add(0x6000, 0x1000);
	EXPECT(memory, R(0x1000, 0x3000, NONE), R(0x6000, 0x1000, NONE));
	memblock_add(0x4000, 0x2000);
	EXPECT(memory, R(0x1000, 0x6000, NONE));
	check_invariants(&memblock.memory);
}

static void test_holes_kept_apart(void **state)
{
	/* added out of order; kept sorted, holes stay holes */
	memblock_add(0x50000000, 0x10000000);
	memblock_add(0x10000000, 0x1000);
	memblock_add(0x30000000, 0x1000);
	EXPECT(memory, R(0x10000000, 0x1000, NONE), R(0x30000000, 0x1000, NONE),
	       R(0x50000000, 0x10000000, NONE));
	assert_int_equal(memblock_start_of_DRAM(), 0x10000000);
	assert_int_equal(memblock_end_of_DRAM(), 0x60000000);
	assert_int_equal(memblock_phys_mem_size(), 0x10002000);
	/* one byte apart is still apart */
	memblock_add(0x10001001, 0xfff);
	EXPECT(memory, R(0x10000000, 0x1000, NONE), R(0x10001001, 0xfff, NONE),
	       R(0x30000000, 0x1000, NONE), R(0x50000000, 0x10000000, NONE));
	check_invariants(&memblock.memory);
}

static void test_reserve(void **state)
{
	memblock_add(0x40000000, 0x10000000);
	assert_int_equal(memblock_reserve(0x40200000, 0x70000), 0);
	assert_int_equal(memblock_reserve(0x48000000, 0x100000), 0);
	assert_int_equal(memblock_reserve(0x48100000, 0x1000), 0);	/* touches: merged */
	assert_int_equal(memblock_reserve(0x40210000, 0x100), 0);	/* inside: nothing */
	EXPECT(reserved, R(0x40200000, 0x70000, NONE), R(0x48000000, 0x101000, NONE));
	/* reserving does not change memory */
	EXPECT(memory, R(0x40000000, 0x10000000, NONE));
	assert_int_equal(memblock_phys_mem_size(), 0x10000000);
	/* a reservation outside any memory is kept as it is */
	memblock_reserve(0x1000, 0x1000);
	EXPECT(reserved, R(0x1000, 0x1000, NONE), R(0x40200000, 0x70000, NONE),
	       R(0x48000000, 0x101000, NONE));
	check_invariants(&memblock.reserved);
}

static void test_nomap_splits_in_three(void **state)
{
	memblock_add(0x40000000, 0x10000000);
	assert_int_equal(memblock_mark_nomap(0x44000000, 0x1000000), 0);
	EXPECT(memory, R(0x40000000, 0x4000000, NONE), R(0x44000000, 0x1000000, NOMAP),
	       R(0x45000000, 0xb000000, NONE));
	/* still all memory, and not reserved */
	assert_int_equal(memblock_phys_mem_size(), 0x10000000);
	assert_int_equal(memblock_start_of_DRAM(), 0x40000000);
	assert_int_equal(memblock_end_of_DRAM(), 0x50000000);
	EXPECT_EMPTY(reserved);
	check_invariants(&memblock.memory);
}

static void test_nomap_edges_and_merging(void **state)
{
	memblock_add(0x40000000, 0x10000000);
	/* at the start: two regions */
	memblock_mark_nomap(0x40000000, 0x100000);
	EXPECT(memory, R(0x40000000, 0x100000, NOMAP), R(0x40100000, 0xff00000, NONE));
	/* touching the first no-map range: merged with it */
	memblock_mark_nomap(0x40100000, 0x100000);
	EXPECT(memory, R(0x40000000, 0x200000, NOMAP), R(0x40200000, 0xfe00000, NONE));
	/* at the end */
	memblock_mark_nomap(0x4ff00000, 0x100000);
	EXPECT(memory, R(0x40000000, 0x200000, NOMAP), R(0x40200000, 0xfd00000, NONE),
	       R(0x4ff00000, 0x100000, NOMAP));
	/* again over what is already no-map: nothing changes */
	memblock_mark_nomap(0x40000000, 0x200000);
	EXPECT(memory, R(0x40000000, 0x200000, NOMAP), R(0x40200000, 0xfd00000, NONE),
	       R(0x4ff00000, 0x100000, NOMAP));
	/* outside memory: nothing to flag */
	assert_int_equal(memblock_mark_nomap(0x80000000, 0x1000), 0);
	EXPECT(memory, R(0x40000000, 0x200000, NOMAP), R(0x40200000, 0xfd00000, NONE),
	       R(0x4ff00000, 0x100000, NOMAP));
	check_invariants(&memblock.memory);
}

static void test_nomap_across_a_hole(void **state)
{
	memblock_add(0x1000, 0x3000);		/* 0x1000..0x4000 */
	memblock_add(0x8000, 0x3000);		/* 0x8000..0xb000 */
	memblock_mark_nomap(0x3000, 0x6000);	/* 0x3000..0x9000 */
	EXPECT(memory, R(0x1000, 0x2000, NONE), R(0x3000, 0x1000, NOMAP),
	       R(0x8000, 0x1000, NOMAP), R(0x9000, 0x2000, NONE));
	assert_int_equal(memblock_phys_mem_size(), 0x6000);
	check_invariants(&memblock.memory);
}

static void test_add_over_nomap_keeps_it(void **state)
{
	memblock_add(0x40000000, 0x1000000);
	memblock_mark_nomap(0x40400000, 0x100000);
	/* adding RAM again over it (a second memory node, say) */
	memblock_add(0x3f000000, 0x3000000);
	EXPECT(memory, R(0x3f000000, 0x1400000, NONE), R(0x40400000, 0x100000, NOMAP),
	       R(0x40500000, 0x1b00000, NONE));
	check_invariants(&memblock.memory);
}

static void fill(unsigned long n)
{
	/* n disjoint regions, 0x1000 long, 0x1000 apart */
	for (unsigned long i = 0; i < n; i++)
		assert_int_equal(memblock_add(0x100000 + i * 0x2000, 0x1000), 0);
	assert_int_equal(memblock.memory.cnt, n);
}

static struct memblock_region saved[MAX_REGIONS];
static unsigned long saved_cnt;

static void snapshot(void)
{
	saved_cnt = memblock.memory.cnt;
	memcpy(saved, memblock.memory.regions, sizeof(saved));
}

static void expect_unchanged(void)
{
	expect(&memblock.memory, saved, saved_cnt);
}

static void test_full_add_enospc(void **state)
{
	fill(MAX_REGIONS);
	snapshot();
	/* a new disjoint region: no room */
	assert_int_equal(memblock_add(0x10000000, 0x1000), -ENOSPC);
	assert_int_equal(memblock_add(0x0, 0x1000), -ENOSPC);
	expect_unchanged();
	/* what needs no new region still works */
	assert_int_equal(memblock_add(0x100000, 0x1000), 0);		/* already there */
	expect_unchanged();
	check_invariants(&memblock.memory);
	/* reservations have their own array */
	assert_int_equal(memblock_reserve(0x10000000, 0x1000), 0);
}

static void test_full_reserve_enospc(void **state)
{
	for (unsigned long i = 0; i < MAX_REGIONS; i++)
		assert_int_equal(memblock_reserve(i * 0x2000, 0x1000), 0);
	assert_int_equal(memblock_reserve(0x10000000, 0x1000), -ENOSPC);
	assert_int_equal(memblock.reserved.cnt, MAX_REGIONS);
	assert_int_equal(memblock.reserved.regions[MAX_REGIONS - 1].base, (MAX_REGIONS - 1) * 0x2000);
	check_invariants(&memblock.reserved);
}

static void test_full_nomap_enospc(void **state)
{
	/* splitting a region needs room too */
	fill(MAX_REGIONS);
	snapshot();
	assert_int_equal(memblock_mark_nomap(0x100400, 0x100), -ENOSPC);
	expect_unchanged();
	/* flagging a whole region needs no split */
	assert_int_equal(memblock_mark_nomap(0x100000, 0x1000), 0);
	assert_int_equal(memblock.memory.regions[0].flags, NOMAP);
	assert_int_equal(memblock.memory.cnt, MAX_REGIONS);
}

/*
 * The same with room for one more region where the operation needs two:
 * the call fails, and must not leave a half-done change behind (Linux's
 * memblock counts what it needs before it touches the array).
 */
static void test_nearly_full_nomap_enospc(void **state)
{
	fill(MAX_REGIONS - 1);
	snapshot();
	/* in the middle of a region: two splits needed, one slot free */
	assert_int_equal(memblock_mark_nomap(0x100400, 0x100), -ENOSPC);
	check_invariants(&memblock.memory);
	expect_unchanged();
}

static void test_nearly_full_add_enospc(void **state)
{
	fill(MAX_REGIONS - 1);
	snapshot();
	/* over three holes: three new pieces needed, one slot free */
	assert_int_equal(memblock_add(0x100000, 0x7000), -ENOSPC);
	check_invariants(&memblock.memory);
	expect_unchanged();
}

static void test_cap_at_top(void **state)
{
	const phys_addr_t top = ~(phys_addr_t)0;

	/* would wrap: capped so that base + size is the last address */
	assert_int_equal(memblock_add(top - 0xfff, 0x2000), 0);
	EXPECT(memory, R(top - 0xfff, 0xfff, NONE));
	assert_true(memblock_end_of_DRAM() == top);
	assert_int_equal(memblock_phys_mem_size(), 0xfff);
	check_invariants(&memblock.memory);

	setup(NULL);
	/* all of it */
	assert_int_equal(memblock_add(0, top), 0);
	EXPECT(memory, R(0, top, NONE));
	assert_true(memblock_phys_mem_size() == top);
	assert_int_equal(memblock_start_of_DRAM(), 0);
	/* and more than all of it */
	assert_int_equal(memblock_add(0x1000, top), 0);
	EXPECT(memory, R(0, top, NONE));

	setup(NULL);
	memblock_reserve(top - 0xf, 0x100);
	EXPECT(reserved, R(top - 0xf, 0xf, NONE));

	setup(NULL);
	memblock_add(top - 0x1fff, 0x1fff);
	memblock_mark_nomap(top - 0xfff, 0x10000);	/* capped too */
	EXPECT(memory, R(top - 0x1fff, 0x1000, NONE), R(top - 0xfff, 0xfff, NOMAP));
}

static void test_dump(void **state)
{
	memblock_add(0x40000000, 0x10000000);
	memblock_mark_nomap(0x4c000000, 0x200000);
	memblock_reserve(0x40200000, 0x70000);
	printk_capture_reset();
	memblock_dump_all();
	assert_string_equal(printk_captured(),
		"<6>MEMBLOCK configuration:\n"
		"<6> memory size = 0x10000000 reserved size = 0x70000\n"
		"<6> memory.cnt  = 0x3\n"
		"<6> memory[0x0]\t[0x0000000040000000-0x000000004bffffff], 0xc000000 bytes flags: 0x0\n"
		"<6> memory[0x1]\t[0x000000004c000000-0x000000004c1fffff], 0x200000 bytes flags: 0x4\n"
		"<6> memory[0x2]\t[0x000000004c200000-0x000000004fffffff], 0x3e00000 bytes flags: 0x0\n"
		"<6> reserved.cnt  = 0x1\n"
		"<6> reserved[0x0]\t[0x0000000040200000-0x000000004026ffff], 0x70000 bytes flags: 0x0\n");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup(fn, setup)
	const struct CMUnitTest tests[] = {
		T(test_empty),
		T(test_add_one),
		T(test_add_overlaps),
		T(test_add_bridges_regions),
		T(test_add_adjacent_merge),
		T(test_holes_kept_apart),
		T(test_reserve),
		T(test_nomap_splits_in_three),
		T(test_nomap_edges_and_merging),
		T(test_nomap_across_a_hole),
		T(test_add_over_nomap_keeps_it),
		T(test_full_add_enospc),
		T(test_full_reserve_enospc),
		T(test_full_nomap_enospc),
		T(test_nearly_full_nomap_enospc),
		T(test_nearly_full_add_enospc),
		T(test_cap_at_top),
		T(test_dump),
	};

	return cmocka_run_group_tests_name("mm/memblock.c", tests, NULL, NULL);
}
