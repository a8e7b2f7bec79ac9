// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_alloc_kunit.c: KUnit checks of the buddy allocator on the
 * running kernel's real memory (kunit.filter_glob=page_alloc).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <asm/memory.h>
#include <asm/sections.h>

struct free_counts {
	unsigned long pages;
	unsigned long blocks[NR_PAGE_ORDERS];
};

static void get_counts(struct free_counts *c)
{
	c->pages = nr_free_pages();
	for (int o = 0; o <= MAX_PAGE_ORDER; o++)
		c->blocks[o] = nr_free_blocks(o);
}

static void expect_same_counts(struct kunit *test, const struct free_counts *before)
{
	struct free_counts now;

	get_counts(&now);
	KUNIT_EXPECT_EQ(test, now.pages, before->pages);
	for (int o = 0; o <= MAX_PAGE_ORDER; o++)
		KUNIT_EXPECT_EQ(test, now.blocks[o], before->blocks[o]);
}

/*
 * Take every free page one at a time (fragmenting every block down to
 * single pages), then give them all back: the blocks must merge back to
 * exactly the free lists we started with.
 */
static void page_alloc_all_pages_and_back(struct kunit *test)
{
	struct free_counts before;
	unsigned long *list = NULL, got = 0;
	unsigned long page;

	get_counts(&before);
	while ((page = __get_free_page(GFP_KERNEL))) {
		*(unsigned long **)page = list;	/* chain them through themselves */
		list = (unsigned long *)page;
		got++;
	}
	KUNIT_EXPECT_EQ(test, got, before.pages);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), 0);
	while (list) {
		unsigned long *next = *(unsigned long **)list;

		free_page((unsigned long)list);
		list = next;
	}
	expect_same_counts(test, &before);
	kunit_info(test, "%lu pages allocated and freed", got);
}

static void page_alloc_blocks_are_aligned(struct kunit *test)
{
	struct free_counts before;
	struct page *pages[NR_PAGE_ORDERS];

	get_counts(&before);
	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++) {
		pages[o] = alloc_pages(GFP_KERNEL, o);
		KUNIT_ASSERT_TRUE(test, pages[o] != NULL);
		KUNIT_EXPECT_EQ(test, page_to_pfn(pages[o]) & ((1UL << o) - 1), 0);
		KUNIT_EXPECT_EQ(test, pages[o]->order, o);
	}
	KUNIT_EXPECT_EQ(test, nr_free_pages(), before.pages - ((1UL << NR_PAGE_ORDERS) - 1));
	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++)
		__free_pages(pages[o], o);
	expect_same_counts(test, &before);
	KUNIT_EXPECT_TRUE(test, alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1) == NULL);
}

static void page_alloc_gfp_zero_zeroes(struct kunit *test)
{
	unsigned char *p = (unsigned char *)__get_free_pages(GFP_KERNEL, 2);
	bool zero = true;

	KUNIT_ASSERT_TRUE(test, p != NULL);
	memset(p, 0xa5, 4 * PAGE_SIZE);
	free_pages((unsigned long)p, 2);
	p = (unsigned char *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, 2);
	KUNIT_ASSERT_TRUE(test, p != NULL);
	for (unsigned long i = 0; i < 4 * PAGE_SIZE; i++)
		zero &= !p[i];
	KUNIT_EXPECT_TRUE(test, zero);
	free_pages((unsigned long)p, 2);
}

static void page_alloc_gfp_dma_stays_in_zone_dma(struct kunit *test)
{
	struct zone *dma = &zones[ZONE_DMA];
	struct page *page = alloc_pages(GFP_DMA, 3);

	KUNIT_ASSERT_TRUE(test, page != NULL);
	KUNIT_EXPECT_GE(test, page_to_pfn(page), dma->zone_start_pfn);
	KUNIT_EXPECT_LT(test, page_to_pfn(page), dma->zone_start_pfn + dma->spanned_pages);
	__free_pages(page, 3);
}

/* Bad frees are refused, counted, and change nothing. */
static void page_alloc_double_free_refused(struct kunit *test)
{
	unsigned long bad = page_alloc_bad_frees;
	struct free_counts before, after_first;
	unsigned long p;

	get_counts(&before);
	p = __get_free_page(GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, p != 0);
	free_page(p);
	get_counts(&after_first);
	free_page(p);
	KUNIT_EXPECT_EQ(test, page_alloc_bad_frees, bad + 1);
	expect_same_counts(test, &after_first);
	expect_same_counts(test, &before);
}

static void page_alloc_bad_frees_refused(struct kunit *test)
{
	unsigned long bad = page_alloc_bad_frees;
	struct free_counts before;
	struct page *block;

	block = alloc_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_TRUE(test, block != NULL);
	get_counts(&before);
	__free_pages(block + 1, 0);		/* second page of an allocation */
	__free_pages(block, 0);			/* the wrong order */
	free_page((unsigned long)__va(__pa_symbol(_stext)));	/* the kernel: reserved */
	free_page((unsigned long)_stext);	/* not a linear-map address */
	free_page((unsigned long)page_address(block) + 8);	/* not page aligned */
	KUNIT_EXPECT_EQ(test, page_alloc_bad_frees, bad + 5);
	expect_same_counts(test, &before);
	__free_pages(block, 1);
	KUNIT_EXPECT_EQ(test, page_alloc_bad_frees, bad + 5);
}

static struct kunit_case page_alloc_cases[] = {
	KUNIT_CASE(page_alloc_blocks_are_aligned),
	KUNIT_CASE(page_alloc_gfp_zero_zeroes),
	KUNIT_CASE(page_alloc_gfp_dma_stays_in_zone_dma),
	KUNIT_CASE(page_alloc_double_free_refused),
	KUNIT_CASE(page_alloc_bad_frees_refused),
	KUNIT_CASE(page_alloc_all_pages_and_back),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.test_cases = page_alloc_cases,
};
kunit_test_suite(page_alloc_suite);
