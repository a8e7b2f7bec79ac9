// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_page_alloc.c: host unit tests of memblock's
 * allocation side (mm/memblock.c), of the buddy allocator (mm/mm_init.c,
 * mm/page_alloc.c) and of kmalloc (mm/slab.c), built from the real sources
 * under ASan and UBSan.
 *
 * "Physical memory" is a buffer (stubs/include/asm/page.h): RAM_BASE.. in
 * physical addresses is host_ram[0..]. Each test describes RAM to
 * memblock, sets up zones and mem_map (which lives in that RAM, as in the
 * kernel), frees what memblock left to the buddy allocator, and checks:
 * allocation from the top and the bottom and at the limits, free ranges
 * around reservations, holes and no-map; every free block in one zone;
 * fragmentation down to single pages then coalescing back to exactly the
 * free lists of the start; zone fallback; and that bad frees (double,
 * never allocated, wrong order, inside an object) are refused and change
 * nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include "stubs/printk_capture.h"

#define RAM_BASE 0x40000000ULL
#define RAM_SIZE (64UL << 20)
#define MB (1ULL << 20)

unsigned char *host_ram;
phys_addr_t host_ram_base = RAM_BASE;
unsigned long host_ram_size = RAM_SIZE;

/* mm_init.c panics when mem_map does not fit: a failed test here. */
void panic(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fail_msg("panic: %s", msg);
	abort();
}

static int setup(void **state)
{
	if (!host_ram) {
		host_ram = aligned_alloc(1 << 22, RAM_SIZE);
		assert_non_null(host_ram);
	}
	memset(host_ram, 0x5a, RAM_SIZE);	/* RAM is not zero at boot */
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	memblock.bottom_up = false;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
	nr_mem_banks = 0;
	min_low_pfn = max_pfn = 0;
	page_alloc_ready = false;
	page_alloc_bad_frees = 0;
	kfree_bad_frees = 0;
	printk_capture_reset();
	return 0;
}

static int teardown_all(void **state)
{
	free(host_ram);
	return 0;
}

/* ---- memblock: allocation and free ranges ---------------------------------------- */

static void memblock_alloc_top_down_and_bottom_up(void **state)
{
	memblock_add(RAM_BASE, RAM_SIZE);
	memblock_reserve(RAM_BASE, MB);			/* "the kernel" */

	assert_int_equal(memblock_phys_alloc(4096, 4096), RAM_BASE + RAM_SIZE - 4096);
	assert_int_equal(memblock_phys_alloc(4096, 4096), RAM_BASE + RAM_SIZE - 8192);
	/* The highest MiB-aligned MiB below what is taken. */
	assert_int_equal(memblock_phys_alloc(MB, MB), RAM_BASE + RAM_SIZE - 2 * MB);
	memblock_set_bottom_up(true);
	assert_int_equal(memblock_phys_alloc(100, 8), RAM_BASE + MB);
	assert_int_equal(memblock_phys_alloc(4096, 4096), RAM_BASE + MB + 4096);
	/* The kernel and five allocations, 100 bytes being 100 bytes. */
	assert_int_equal(memblock_reserved_size(), MB + 2 * 4096 + MB + 100 + 4096);
}

static void memblock_alloc_skips_reserved_and_nomap(void **state)
{
	phys_addr_t start, end, a;
	u64 i;
	int n = 0;

	memblock_add(RAM_BASE, 16 * MB);
	memblock_add(RAM_BASE + 32 * MB, 16 * MB);		/* a hole of 16 MiB */
	memblock_mark_nomap(RAM_BASE + 44 * MB, 4 * MB);	/* the top is no-map */
	memblock_reserve(RAM_BASE + 40 * MB, 2 * MB);
	memblock_reserve(RAM_BASE, 4096);

	const phys_addr_t want[][2] = {
		{ RAM_BASE + 4096, RAM_BASE + 16 * MB },
		{ RAM_BASE + 32 * MB, RAM_BASE + 40 * MB },
		{ RAM_BASE + 42 * MB, RAM_BASE + 44 * MB },
	};
	for_each_free_mem_range(i, &start, &end) {
		assert_true(n < 3);
		assert_int_equal(start, want[n][0]);
		assert_int_equal(end, want[n][1]);
		n++;
	}
	assert_int_equal(n, 3);

	/* 4 MiB fits only in the middle range; 9 MiB only in the first. */
	a = memblock_phys_alloc(4 * MB, 4096);
	assert_int_equal(a, RAM_BASE + 36 * MB);
	a = memblock_phys_alloc(9 * MB, 4096);
	assert_int_equal(a, RAM_BASE + 7 * MB);
	assert_false(memblock_is_map_memory(RAM_BASE + 45 * MB));
	assert_true(memblock_is_memory(RAM_BASE + 45 * MB));
	assert_false(memblock_is_memory(RAM_BASE + 20 * MB));
}

static void memblock_alloc_at_limits(void **state)
{
	phys_addr_t reserved;

	memblock_add(RAM_BASE, 8 * MB);
	memblock_reserve(RAM_BASE + 4 * MB, 4096);
	reserved = memblock_reserved_size();

	/* Nothing: too big, zero, bad alignment, beyond the range given. */
	assert_int_equal(memblock_phys_alloc(4 * MB + 1, 1), 0);
	assert_int_equal(memblock_phys_alloc(0, 4096), 0);
	assert_int_equal(memblock_phys_alloc(4096, 3000), 0);
	assert_int_equal(memblock_phys_alloc_range(8192, 4096, RAM_BASE + 4 * MB,
						   RAM_BASE + 4 * MB + 8192), 0);
	assert_int_equal(memblock_reserved_size(), reserved);	/* untouched */

	/* Exactly the free range above the reservation, then below it. */
	assert_int_equal(memblock_phys_alloc(4 * MB - 4096, 4096), RAM_BASE + 4 * MB + 4096);
	assert_int_equal(memblock_phys_alloc(4 * MB, 4 * MB), RAM_BASE);
	assert_int_equal(memblock_phys_alloc(1, 1), 0);		/* all taken */

	/* The limit. */
	memblock_phys_free(RAM_BASE, 8 * MB);
	memblock_set_current_limit(RAM_BASE + 2 * MB);
	assert_int_equal(memblock_phys_alloc(4096, 4096), RAM_BASE + 2 * MB - 4096);
}

static void memblock_phys_free_and_remove_split(void **state)
{
	memblock_add(RAM_BASE, 8 * MB);
	memblock_reserve(RAM_BASE, 8 * MB);
	assert_int_equal(memblock_phys_free(RAM_BASE + MB, MB), 0);
	assert_int_equal(memblock.reserved.cnt, 2);
	assert_int_equal(memblock.reserved.regions[1].base, RAM_BASE + 2 * MB);
	assert_int_equal(memblock_reserved_size(), 7 * MB);
	assert_int_equal(memblock_remove(RAM_BASE + 4 * MB, MB), 0);
	assert_int_equal(memblock.memory.cnt, 2);
	assert_int_equal(memblock_phys_mem_size(), 7 * MB);
	assert_int_equal(memblock_remove(RAM_BASE, 64 * MB), 0);
	assert_int_equal(memblock.memory.cnt, 0);
}

/* ---- the buddy allocator ---------------------------------------------------------- */

struct counts {
	unsigned long free, blocks[NR_PAGE_ORDERS];
};

static struct counts counts(void)
{
	struct counts c = { .free = nr_free_pages() };

	for (int o = 0; o <= MAX_PAGE_ORDER; o++)
		c.blocks[o] = nr_free_blocks(o);
	return c;
}

static void assert_counts(struct counts a, struct counts b)
{
	assert_int_equal(a.free, b.free);
	for (int o = 0; o <= MAX_PAGE_ORDER; o++)
		if (a.blocks[o] != b.blocks[o])
			fail_msg("order %d: %lu free blocks, expected %lu", o, a.blocks[o],
				 b.blocks[o]);
}

/* DMA: the first 32 MiB of RAM; DMA32 empty; Normal the rest. */
static unsigned long init_allocator(void)
{
	unsigned long max_zone[MAX_NR_ZONES] = {
		PFN_DOWN(RAM_BASE + 32 * MB), PFN_DOWN(RAM_BASE + 32 * MB),
		PFN_DOWN(memblock_end_of_DRAM()),
	};

	free_area_init(max_zone);
	return memblock_free_all();
}

static unsigned long pfn_of(phys_addr_t pa)
{
	return PFN_DOWN(pa);
}

static void buddy_init_counts_and_log(void **state)
{
	unsigned long given, map_pages = PFN_UP(RAM_SIZE / PAGE_SIZE * sizeof(struct page));

	memblock_add(RAM_BASE, RAM_SIZE);
	memblock_reserve(RAM_BASE + 3 * 4096, 5 * 4096);	/* odd, unaligned pages */
	given = init_allocator();
	assert_int_equal(given, RAM_SIZE / PAGE_SIZE - 5 - map_pages);
	assert_int_equal(nr_free_pages(), given);
	assert_int_equal(totalram_pages(), given);
	assert_int_equal(get_num_physpages(), RAM_SIZE / PAGE_SIZE);
	assert_true(page_alloc_ready);
	/* The capture keeps each line's log level: <6> is KERN_INFO. */
	assert_non_null(strstr(printk_captured(),
		"<6>Zone ranges:\n"
		"<6>  DMA      [mem 0x0000000040000000-0x0000000041ffffff]\n"
		"<6>  DMA32    empty\n"
		"<6>  Normal   [mem 0x0000000042000000-0x0000000043ffffff]\n"
		"<6>Movable zone start for each node\n"
		"<6>Early memory node ranges\n"
		"<6>  node   0: [mem 0x0000000040000000-0x0000000043ffffff]\n"
		"<6>Initmem setup node 0 [mem 0x0000000040000000-0x0000000043ffffff]\n"));
	/* The reserved pages are marked, never free; the rest of mem_map sane. */
	for (unsigned long pfn = pfn_of(RAM_BASE + 3 * 4096); pfn < pfn_of(RAM_BASE + 8 * 4096); pfn++)
		assert_int_equal(pfn_to_page(pfn)->flags, PG_reserved);
	/* Every free block lies inside one zone and is aligned to its order. */
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];

		for (int o = 0; o <= MAX_PAGE_ORDER; o++) {
			struct page *p;
			unsigned long n = 0;

			list_for_each_entry(p, &zone->free_area[o].free_list, lru) {
				unsigned long pfn = page_to_pfn(p);

				assert_int_equal(pfn & ((1UL << o) - 1), 0);
				assert_true(pfn >= zone->zone_start_pfn);
				assert_true(pfn + (1UL << o) <= zone->zone_start_pfn + zone->spanned_pages);
				assert_int_equal(p->flags, PG_buddy);
				n++;
			}
			assert_int_equal(n, zone->free_area[o].nr_free);
		}
	}
	assert_int_equal(zones[ZONE_DMA32].spanned_pages, 0);
}

/* A small deterministic shuffle (xorshift), so failures reproduce. */
static void shuffle(unsigned long *a, unsigned long n)
{
	u64 x = 88172645463325252ULL;

	for (unsigned long i = n - 1; i > 0; i--) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		unsigned long j = x % (i + 1), t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
}

static void buddy_fragment_then_coalesce(void **state)
{
	struct counts start;
	unsigned long n = 0, *pages;

	memblock_add(RAM_BASE, RAM_SIZE);
	memblock_reserve(RAM_BASE, MB + 4096);
	init_allocator();
	start = counts();
	pages = calloc(start.free, sizeof(*pages));
	assert_non_null(pages);

	/* Every page, one at a time: all blocks split down to order 0. */
	for (unsigned long p; (p = __get_free_page(GFP_KERNEL));)
		pages[n++] = p;
	assert_int_equal(n, start.free);
	assert_int_equal(nr_free_pages(), 0);
	assert_null(alloc_page(GFP_KERNEL));

	/* Back in a scrambled order: the same free lists as at the start. */
	shuffle(pages, n);
	for (unsigned long i = 0; i < n; i++)
		free_page(pages[i]);
	assert_counts(counts(), start);
	assert_int_equal(page_alloc_bad_frees, 0);
	free(pages);
}

static void buddy_mixed_orders_then_coalesce(void **state)
{
	struct counts start;
	struct { unsigned long addr; unsigned int order; } got[4096];
	unsigned long n = 0, order_idx[4096];
	u64 x = 12345;

	memblock_add(RAM_BASE, RAM_SIZE);
	memblock_reserve(RAM_BASE + 5 * MB + 4096, 3 * 4096);
	init_allocator();
	start = counts();
	while (n < 4096) {
		unsigned int order;
		unsigned long a;

		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		order = (x >> 33) % 6;
		a = __get_free_pages(GFP_KERNEL, order);
		if (!a)
			break;
		assert_int_equal(virt_to_pfn(a) & ((1UL << order) - 1), 0);
		got[n].addr = a;
		got[n].order = order;
		order_idx[n] = n;
		n++;
	}
	assert_true(n > 100);
	shuffle(order_idx, n);
	for (unsigned long i = 0; i < n; i++)
		free_pages(got[order_idx[i]].addr, got[order_idx[i]].order);
	assert_counts(counts(), start);
}

static void buddy_orders_at_the_limits(void **state)
{
	unsigned long big[64], n = 0;

	memblock_add(RAM_BASE, RAM_SIZE);
	init_allocator();
	assert_null(alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1));
	/* 64 MiB minus mem_map: 15 blocks of 4 MiB, and not one more. */
	while ((big[n] = __get_free_pages(GFP_KERNEL, MAX_PAGE_ORDER)))
		n++;
	assert_int_equal(n, RAM_SIZE / (4 * MB) - 1);
	assert_int_equal(nr_free_blocks(MAX_PAGE_ORDER), 0);
	assert_true(nr_free_pages() > 0);
	assert_true(nr_free_pages() < 1024);
	while (n--)
		free_pages(big[n], MAX_PAGE_ORDER);
	assert_int_equal(nr_free_blocks(MAX_PAGE_ORDER), RAM_SIZE / (4 * MB) - 1);
}

static void buddy_zone_fallback(void **state)
{
	unsigned long dma_free, n = 0;
	struct page *p;

	memblock_add(RAM_BASE, RAM_SIZE);
	init_allocator();
	dma_free = zones[ZONE_DMA].managed_pages;
	/* GFP_DMA takes only from DMA, and then nothing is left for it. */
	while ((p = alloc_page(GFP_DMA))) {
		assert_true(page_to_pfn(p) < zones[ZONE_DMA].zone_start_pfn +
					     zones[ZONE_DMA].spanned_pages);
		n++;
	}
	assert_int_equal(n, dma_free);
	/* Normal memory is still there for GFP_KERNEL... */
	p = alloc_page(GFP_KERNEL);
	assert_non_null(p);
	assert_true(page_to_pfn(p) >= zones[ZONE_NORMAL].zone_start_pfn);
}

static void buddy_gfp_zero(void **state)
{
	unsigned char *p;

	memblock_add(RAM_BASE, RAM_SIZE);
	init_allocator();
	p = (unsigned char *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 3);
	assert_non_null(p);
	for (unsigned long i = 0; i < 8 * PAGE_SIZE; i++)
		assert_int_equal(p[i], 0);
}

static void buddy_bad_frees_change_nothing(void **state)
{
	struct counts before;
	struct page *block, *one;

	memblock_add(RAM_BASE, RAM_SIZE);
	memblock_reserve(RAM_BASE, MB);
	init_allocator();
	block = alloc_pages(GFP_KERNEL, 2);
	one = alloc_page(GFP_KERNEL);
	__free_page(one);
	before = counts();

	__free_page(one);			/* double free */
	__free_pages(block + 1, 0);		/* inside an allocation */
	__free_pages(block, 1);			/* the wrong order */
	__free_page(pfn_to_page(pfn_of(RAM_BASE)));	/* reserved */
	free_pages((unsigned long)page_address(block) + 16, 0);	/* unaligned */
	free_pages((unsigned long)&before, 0);	/* not "RAM" at all */
	assert_int_equal(page_alloc_bad_frees, 6);
	assert_counts(counts(), before);
	assert_non_null(strstr(printk_captured(), "double free"));

	__free_pages(block, 2);			/* the right one still works */
	assert_int_equal(page_alloc_bad_frees, 6);
	assert_int_equal(nr_free_pages(), before.free + 4);
}

static void buddy_holes_are_never_handed_out(void **state)
{
	unsigned long p, n = 0;

	memblock_add(RAM_BASE, 16 * MB);
	memblock_add(RAM_BASE + 48 * MB, 16 * MB);
	memblock_mark_nomap(RAM_BASE + 8 * MB, 2 * MB);
	init_allocator();
	while ((p = __get_free_page(GFP_KERNEL))) {
		phys_addr_t pa = __pa(p);

		assert_true(pa < RAM_BASE + 8 * MB ||
			    (pa >= RAM_BASE + 10 * MB && pa < RAM_BASE + 16 * MB) ||
			    pa >= RAM_BASE + 48 * MB);
		n++;
	}
	assert_int_equal(get_num_physpages(), 32 * MB / PAGE_SIZE);
	assert_int_equal(n, totalram_pages());
	assert_true(n < (32 - 2) * MB / PAGE_SIZE);
	/* Two banks (the no-map range is inside the first): no struct page for the hole. */
	assert_int_equal(nr_mem_banks, 2);
	assert_true(pfn_valid(pfn_of(RAM_BASE + 16 * MB) - 1));
	assert_false(pfn_valid(pfn_of(RAM_BASE + 16 * MB)));
	assert_false(pfn_valid(pfn_of(RAM_BASE + 48 * MB) - 1));
	assert_true(pfn_valid(pfn_of(RAM_BASE + 48 * MB)));
	assert_int_equal(page_to_pfn(pfn_to_page(pfn_of(RAM_BASE + 48 * MB))),
			 pfn_of(RAM_BASE + 48 * MB));
	assert_int_equal(page_to_pfn(pfn_to_page(pfn_of(RAM_BASE + 8 * MB))),
			 pfn_of(RAM_BASE + 8 * MB));
}

/* ---- kmalloc ------------------------------------------------------------------------ */

static void kmalloc_objects_and_back_to_pages(void **state)
{
	static void *p[3000];
	unsigned long free_pages_before, big = 0;

	memblock_add(RAM_BASE, RAM_SIZE);
	init_allocator();
	kmem_cache_init();
	free_pages_before = nr_free_pages();
	for (int i = 0; i < 3000; i++) {
		size_t size = 1 + (i * 37) % 5000;

		p[i] = kmalloc(size, GFP_KERNEL);
		assert_non_null(p[i]);
		memset(p[i], i & 0xff, size);
	}
	/* Sizes above KMALLOC_MAX_CACHE_SIZE are whole pages, not objects. */
	for (int i = 0; i < 3000; i++)
		big += 1 + (i * 37) % 5000 > KMALLOC_MAX_CACHE_SIZE;
	assert_int_equal(kmalloc_objects_in_use(), 3000 - big);
	for (int i = 0; i < 3000; i += 3)
		kfree(p[i]);
	for (int i = 1; i < 3000; i += 3)
		kfree(p[i]);
	for (int i = 2; i < 3000; i += 3)
		kfree(p[i]);
	assert_int_equal(kmalloc_objects_in_use(), 0);
	assert_int_equal(nr_free_pages(), free_pages_before);
	assert_int_equal(kfree_bad_frees, 0);
}

static void kmalloc_bad_frees_refused(void **state)
{
	char *a, *b, *c, *big;
	unsigned long in_use;

	memblock_add(RAM_BASE, RAM_SIZE);
	init_allocator();
	kmem_cache_init();
	a = kmalloc(100, GFP_KERNEL);
	b = kmalloc(100, GFP_KERNEL);
	big = kmalloc(10000, GFP_KERNEL);
	kfree(a);
	in_use = kmalloc_objects_in_use();

	kfree(a);				/* double free */
	kfree(b + 1);				/* inside an object */
	kfree(big + 4096);			/* inside a large one */
	kfree("not from the heap");
	kfree((void *)__get_free_page(GFP_KERNEL));	/* a bare page */
	assert_int_equal(kfree_bad_frees, 5);
	assert_int_equal(kmalloc_objects_in_use(), in_use);
	assert_non_null(strstr(printk_captured(), "BUG kmalloc-128"));
	assert_non_null(strstr(printk_captured(), "Object already free"));

	/* The free list is intact: a is handed out once, then a new one. */
	c = kmalloc(128, GFP_KERNEL);
	assert_ptr_equal(c, a);
	assert_ptr_not_equal(kmalloc(128, GFP_KERNEL), a);
	kfree(big);
	kfree(big);
	assert_int_equal(kfree_bad_frees, 6);
	assert_ptr_equal(kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	assert_int_equal(kfree_bad_frees, 6);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup(fn, setup)
	const struct CMUnitTest tests[] = {
		T(memblock_alloc_top_down_and_bottom_up),
		T(memblock_alloc_skips_reserved_and_nomap),
		T(memblock_alloc_at_limits),
		T(memblock_phys_free_and_remove_split),
		T(buddy_init_counts_and_log),
		T(buddy_fragment_then_coalesce),
		T(buddy_mixed_orders_then_coalesce),
		T(buddy_orders_at_the_limits),
		T(buddy_zone_fallback),
		T(buddy_gfp_zero),
		T(buddy_bad_frees_change_nothing),
		T(buddy_holes_are_never_handed_out),
		T(kmalloc_objects_and_back_to_pages),
		T(kmalloc_bad_frees_refused),
	};

	return cmocka_run_group_tests(tests, NULL, teardown_all);
}
