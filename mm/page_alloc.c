// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_alloc.c: the buddy allocator. Free memory is kept as blocks of
 * 2^order pages (order 0..MAX_PAGE_ORDER), each naturally aligned in page
 * frame numbers, on one free list per order and zone. Allocating splits a
 * larger block in halves until one of the wanted order is left; freeing
 * merges a block with its "buddy" (the other half of the block of the
 * next order, at pfn ^ 2^order) for as long as that buddy is free whole.
 * So the free blocks for a given set of free pages are always the same
 * ones, however they were freed.
 *
 * Bookkeeping is in struct page (include/linux/mm.h), never in the free
 * memory itself, so a stray write to freed memory cannot corrupt it. Frees
 * the allocator can tell are wrong (already free, not the first page of an
 * allocation, wrong order) are reported and ignored.
 *
 * Fed by mm/mm_init.c (memblock_free_all). alloc_pages() and
 * __free_pages() hold zone_lock with interrupts masked while they work, so
 * neither another CPU nor a task preempted by the tick can see the lists
 * half changed. Built for host tests too
 * (tools/testing/unit/test_page_alloc.c).
 */
#include <linux/spinlock.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>

struct zone zones[MAX_NR_ZONES] = {
	[ZONE_DMA] = { .name = "DMA" },
	[ZONE_DMA32] = { .name = "DMA32" },
	[ZONE_NORMAL] = { .name = "Normal" },
};

struct mem_bank mem_banks[MAX_MEM_BANKS];
unsigned int nr_mem_banks;
unsigned long min_low_pfn, max_pfn;
bool page_alloc_ready;
unsigned long page_alloc_bad_frees;

static bool zone_has_pfn(const struct zone *zone, unsigned long pfn)
{
	return pfn >= zone->zone_start_pfn && pfn - zone->zone_start_pfn < zone->spanned_pages;
}

static struct zone *pfn_zone(unsigned long pfn)
{
	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (zone_has_pfn(&zones[z], pfn))
			return &zones[z];
	return NULL;
}

static void add_to_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	page->flags = PG_buddy;
	page->order = order;
	list_add(&page->lru, &zone->free_area[order].free_list);
	zone->free_area[order].nr_free++;
}

static void del_from_free_list(struct page *page, struct zone *zone, unsigned int order)
{
	list_del(&page->lru);
	page->flags = 0;
	page->order = 0;
	zone->free_area[order].nr_free--;
}

/* Is the block at pfn, of this order, free as a whole and in this zone? */
static bool is_free_buddy(struct zone *zone, unsigned long pfn, unsigned int order)
{
	struct page *page;

	if (!zone_has_pfn(zone, pfn) || !pfn_valid(pfn))
		return false;
	page = pfn_to_page(pfn);
	return (page->flags & PG_buddy) && page->order == order;
}

/* Put a block back, merging it with its buddy as far as possible. */
static void free_one_block(struct zone *zone, unsigned long pfn, unsigned int order)
{
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);

		if (!is_free_buddy(zone, buddy_pfn, order))
			break;
		del_from_free_list(pfn_to_page(buddy_pfn), zone, order);
		pfn &= buddy_pfn;	/* the merged block starts at the lower half */
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), zone, order);
}

/*
 * A block no one has used yet, to the allocator for good: its struct pages
 * must be clear (all zero, as free_area_init leaves them; a caller giving
 * back reserved pages clears PG_reserved first), so only the head is touched.
 */
void __free_pages_core(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	struct zone *zone = pfn_zone(pfn);

	zone->managed_pages += 1UL << order;
	free_one_block(zone, pfn, order);
}

/* Take a block of at least this order off zone's lists and split it down. */
static struct page *take_block(struct zone *zone, unsigned int order)
{
	for (unsigned int o = order; o <= MAX_PAGE_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_list(page, zone, o);
		/* Keep the lower half, give the upper halves back. */
		while (o > order) {
			o--;
			add_to_free_list(page + (1UL << o), zone, o);
		}
		return page;
	}
	return NULL;
}

/* The highest zone gfp allows; lower zones are the fallbacks. */
static int gfp_highest_zone(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return ZONE_DMA;
	if (gfp & __GFP_DMA32)
		return ZONE_DMA32;
	return ZONE_NORMAL;
}

static struct page *__alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = NULL;

	if (order > MAX_PAGE_ORDER)
		return NULL;
	for (int z = gfp_highest_zone(gfp); z >= 0 && !page; z--)
		page = take_block(&zones[z], order);
	if (!page)
		return NULL;
	page->flags = PG_head;
	page->order = order;
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

static void bad_free(struct page *page, unsigned int order, const char *why)
{
	page_alloc_bad_frees++;
	pr_err("BUG: Bad page state: pfn:%05lx order:%u flags:%#lx: %s; not freed\n",
	       page_to_pfn(page), order, page->flags, why);
}

static void __free_pages_locked(struct page *page, unsigned int order)
{
	const char *why = NULL;
	unsigned long pfn;
	struct zone *zone;

	if (!page)
		return;
	pfn = page_to_pfn(page);
	if (!pfn_valid(pfn) || !(zone = pfn_zone(pfn))) {
		page_alloc_bad_frees++;
		pr_err("BUG: Bad page: freeing pfn %#lx, which has no struct page\n", pfn);
		return;
	}
	if (page->flags & PG_buddy)
		why = "double free: the page is already free";
	else if (page->flags & PG_reserved)
		why = "the page is reserved, never allocated";
	else if (!(page->flags & PG_head))
		why = "not the first page of an allocation";
	else if (page->order != order)
		why = "freed with another order than allocated";
	if (why) {
		bad_free(page, order, why);
		return;
	}
	page->flags = 0;
	page->order = 0;
	free_one_block(zone, pfn, order);
}

/*
 * The free lists are shared by every CPU and by interrupt handlers: one
 * lock, taken with interrupts masked (Linux has one per zone).
 */
static DEFINE_SPINLOCK(zone_lock);

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	struct page *page;

	spin_lock_irqsave(&zone_lock, flags);
	page = __alloc_pages(gfp, order);
	spin_unlock_irqrestore(&zone_lock, flags);
	return page;
}

void __free_pages(struct page *page, unsigned int order)
{
	unsigned long flags;

	spin_lock_irqsave(&zone_lock, flags);
	__free_pages_locked(page, order);
	spin_unlock_irqrestore(&zone_lock, flags);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (!virt_addr_valid(addr)) {
		page_alloc_bad_frees++;
		pr_err("BUG: Bad page: free_pages(%#lx): not a linear-map address of RAM\n", addr);
		return;
	}
	if (addr & (PAGE_SIZE - 1)) {
		page_alloc_bad_frees++;
		pr_err("BUG: Bad page: free_pages(%#lx): not page aligned\n", addr);
		return;
	}
	__free_pages(virt_to_page(addr), order);
}

unsigned long nr_free_blocks(unsigned int order)
{
	unsigned long n = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		n += zones[z].free_area[order].nr_free;
	return n;
}

unsigned long nr_free_pages(void)
{
	unsigned long n = 0;

	for (unsigned int o = 0; o <= MAX_PAGE_ORDER; o++)
		n += nr_free_blocks(o) << o;
	return n;
}

unsigned long totalram_pages(void)
{
	unsigned long n = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++)
		n += zones[z].managed_pages;
	return n;
}

/*
 * Pages marked PG_reserved at boot, given to the allocator for good (the
 * kernel's init sections): each is filled with `poison` (if <= 0xff)
 * through its linear-map address, unreserved and freed, and a line
 * "Freeing <s> memory: <n>K" is printed. Returns the number of pages.
 */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s)
{
	unsigned long pages = 0, flags;

	start = (void *)ALIGN((unsigned long)start, PAGE_SIZE);
	end = (void *)ALIGN_DOWN((unsigned long)end, PAGE_SIZE);
	for (char *pos = start; pos < (char *)end; pos += PAGE_SIZE) {
		struct page *page = virt_to_page(pos);

		if (!(page->flags & PG_reserved)) {
			bad_free(page, 0, "free_reserved_area: the page is not reserved");
			continue;
		}
		if ((unsigned int)poison <= 0xff)
			memset(pos, poison, PAGE_SIZE);
		spin_lock_irqsave(&zone_lock, flags);
		page->flags = 0;
		__free_pages_core(page, 0);
		spin_unlock_irqrestore(&zone_lock, flags);
		pages++;
	}
	if (pages && s)
		pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}
