// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mm_init.c: from memblock to the page allocator. free_area_init()
 * lays out the zones and mem_map (one array per bank of RAM, none for the
 * holes) and prints them in Linux's words;
 * memblock_free_all() hands every page memblock left free to the buddy
 * allocator (mm/page_alloc.c) and marks the rest reserved. Called by arch/arm64/mm/init.c
 * (bootmem_init, then mem_init). Built for host tests too.
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>

void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa = memblock_phys_alloc(size, align);
	void *va;

	if (!pa)
		return NULL;
	va = __va(pa);
	memset(va, 0, size);
	return va;
}

/* Pages of RAM memblock describes (no-map ones included, as on Linux). */
unsigned long get_num_physpages(void)
{
	struct memblock_region *r;
	unsigned long pages = 0;

	for_each_mem_region(r)
		pages += PFN_DOWN(r->base + r->size) - PFN_UP(r->base);
	return pages;
}

/* Pages of memblock.memory inside [start_pfn, end_pfn). */
static unsigned long present_pages_in(unsigned long start_pfn, unsigned long end_pfn)
{
	struct memblock_region *r;
	unsigned long pages = 0;

	for_each_mem_region(r) {
		unsigned long s = max(PFN_UP(r->base), start_pfn);
		unsigned long e = min(PFN_DOWN(r->base + r->size), end_pfn);

		if (s < e)
			pages += e - s;
	}
	return pages;
}

void free_area_init(const unsigned long *max_zone_pfn)
{
	unsigned long start_pfn = PFN_UP(memblock_start_of_DRAM());
	unsigned long end_pfn = PFN_DOWN(memblock_end_of_DRAM());
	unsigned long zone_start = start_pfn;
	struct memblock_region *r;
	size_t map_size;

	/*
	 * Zone z runs from where zone z - 1 ended up to max_zone_pfn[z],
	 * clamped to RAM; one that gets nothing is "empty".
	 */
	pr_info("Zone ranges:\n");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];
		unsigned long zone_end = min(max(max_zone_pfn[z], zone_start), end_pfn);

		zone->zone_start_pfn = zone_start;
		zone->spanned_pages = zone_end - zone_start;
		zone->present_pages = present_pages_in(zone_start, zone_end);
		zone->managed_pages = 0;
		for (int o = 0; o <= MAX_PAGE_ORDER; o++) {
			INIT_LIST_HEAD(&zone->free_area[o].free_list);
			zone->free_area[o].nr_free = 0;
		}
		if (zone_end == zone_start)
			pr_info("  %-8s empty\n", zone->name);
		else
			pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone->name,
				PFN_PHYS(zone_start), PFN_PHYS(zone_end) - 1);
		zone_start = zone_end;
	}
	pr_info("Movable zone start for each node\n");
	pr_info("Early memory node ranges\n");
	for_each_mem_region(r)
		pr_info("  node   0: [mem %#018llx-%#018llx]\n", r->base, r->base + r->size - 1);
	pr_info("Initmem setup node 0 [mem %#018llx-%#018llx]\n", PFN_PHYS(start_pfn),
		PFN_PHYS(end_pfn) - 1);

	/*
	 * A struct page per frame of each bank, zeroed (memset's DC ZVA): an
	 * all-zero struct page is a page no one uses, on no list.
	 * memblock_free_all() marks what it does not free.
	 */
	nr_mem_banks = 0;
	for_each_mem_region(r) {
		unsigned long s = PFN_UP(r->base), e = PFN_DOWN(r->base + r->size);
		struct mem_bank *last = nr_mem_banks ? &mem_banks[nr_mem_banks - 1] : NULL;

		if (s >= e)
			continue;
		if (last && (s <= last->end_pfn || nr_mem_banks == MAX_MEM_BANKS))
			last->end_pfn = e;	/* touching (or no bank left): one bank */
		else
			mem_banks[nr_mem_banks++] = (struct mem_bank){ s, e, NULL };
	}
	for (unsigned int i = 0; i < nr_mem_banks; i++) {
		struct mem_bank *bank = &mem_banks[i];

		map_size = (bank->end_pfn - bank->start_pfn) * sizeof(struct page);
		bank->map = memblock_alloc(map_size, PAGE_SIZE);
		if (!bank->map)
			panic("Failed to allocate %lu bytes for mem_map", (unsigned long)map_size);
	}
	min_low_pfn = start_pfn;
	max_pfn = end_pfn;
}

/*
 * Pages the allocator never gets: reserved and no-map ones (Linux's
 * reserve_bootmem_region). Holes have no struct page to mark.
 */
static void reserve_pfn_range(unsigned long start_pfn, unsigned long end_pfn)
{
	for (unsigned int i = 0; i < nr_mem_banks; i++) {
		const struct mem_bank *bank = &mem_banks[i];
		unsigned long s = max(start_pfn, bank->start_pfn), e = min(end_pfn, bank->end_pfn);

		for (; s < e; s++)
			bank->map[s - bank->start_pfn].flags = PG_reserved;
	}
}

/*
 * Give [start_pfn, end_pfn) to the allocator in the largest naturally
 * aligned blocks that fit (the allocator merges across the pieces).
 */
static unsigned long free_pfn_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn = start_pfn;

	while (pfn < end_pfn) {
		unsigned int order = MAX_PAGE_ORDER;

		while (order && ((pfn & ((1UL << order) - 1)) || pfn + (1UL << order) > end_pfn))
			order--;
		__free_pages_core(pfn_to_page(pfn), order);
		pfn += 1UL << order;
	}
	return end_pfn - start_pfn;
}

/*
 * Every page of mem_map is either freed here, in the largest aligned
 * blocks, or marked PG_reserved: the work is per block for free memory and
 * per page only for what stays reserved (the kernel, mem_map, the initrd,
 * the DTB, no-map regions).
 */
unsigned long memblock_free_all(void)
{
	phys_addr_t start, end;
	unsigned long pages = 0, done_pfn = min_low_pfn;
	u64 i;

	for_each_free_mem_range(i, &start, &end) {
		unsigned long spfn = PFN_UP(start), epfn = PFN_DOWN(end);

		if (spfn >= epfn)
			continue;
		reserve_pfn_range(done_pfn, spfn);
		done_pfn = epfn;

		/* A block must not straddle two zones: cut at each boundary. */
		for (int z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &zones[z];
			unsigned long zs = max(spfn, zone->zone_start_pfn);
			unsigned long ze = min(epfn, zone->zone_start_pfn + zone->spanned_pages);

			if (zs < ze)
				pages += free_pfn_range(zs, ze);
		}
	}
	reserve_pfn_range(done_pfn, max_pfn);
	page_alloc_ready = true;
	return pages;
}
