/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/mm.h: the page allocator's view of RAM. Every page frame
 * of RAM has a struct page, in one array per bank of RAM (holes between
 * banks have none), grouped into zones by physical address. mm/mm_init.c builds them from memblock; mm/page_alloc.c is the
 * buddy allocator over them; mm/slab.c carves pages into kmalloc objects.
 */
#ifndef __LINUX_MM_H
#define __LINUX_MM_H

#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/types.h>
#include <asm/page.h>

/* struct page flags: what the page frame is doing now. */
#define PG_reserved	0x01UL	/* never handed to the allocator (kernel, DTB, no-map, hole) */
#define PG_buddy	0x02UL	/* first page of a free block, on a free list */
#define PG_head		0x04UL	/* first page of an allocated block */
#define PG_slab		0x08UL	/* part of a kmalloc slab (every page of it) */
#define PG_large_kmalloc 0x10UL	/* first page of a kmalloc() too big for a slab */

struct page {
	unsigned long flags;
	/*
	 * PG_buddy: the order of the free block; PG_head: of the allocation;
	 * PG_slab: of the slab this page belongs to.
	 */
	unsigned int order;
	unsigned int _unused;
	struct list_head lru;	/* a free list (PG_buddy), or a slab list (PG_slab) */
};

/* Orders 0 .. MAX_PAGE_ORDER: blocks of 4 KiB up to 4 MiB (Linux's default). */
#define MAX_PAGE_ORDER 10
#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)

/* Zones, by physical address, as Linux names them on arm64. */
enum zone_type {
	ZONE_DMA,	/* what 32-bit DMA reaches: up to 4 GiB */
	ZONE_DMA32,	/* empty, as on Linux when ZONE_DMA already ends at 4 GiB */
	ZONE_NORMAL,	/* the rest */
	MAX_NR_ZONES
};

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks of this order on the list */
};

struct zone {
	const char *name;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* [zone_start_pfn, + spanned_pages) */
	unsigned long present_pages;	/* of which memblock.memory covers */
	unsigned long managed_pages;	/* of which were given to the allocator */
	struct free_area free_area[NR_PAGE_ORDERS];
};

extern struct zone zones[MAX_NR_ZONES];

/*
 * mem_map, without holes: one array of struct page per bank of RAM, a run
 * of memblock.memory regions with no gap between them (no-map ones
 * included), as Linux's SPARSEMEM keeps one per present section. A hole
 * between banks costs no memory, and its frames are not pfn_valid().
 * min_low_pfn is RAM's first frame, max_pfn one past its last.
 */
#define MAX_MEM_BANKS 32	/* more: the last bank stretches over the holes */
struct mem_bank {
	unsigned long start_pfn, end_pfn;	/* [start_pfn, end_pfn) */
	struct page *map;			/* map[0] describes start_pfn */
};
extern struct mem_bank mem_banks[MAX_MEM_BANKS];
extern unsigned int nr_mem_banks;
extern unsigned long min_low_pfn, max_pfn;

#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x) ((unsigned long)((x) >> PAGE_SHIFT))

/* page_to_pfn() of a pointer into no bank: never pfn_valid(). */
#define INVALID_PFN (~0UL)

static inline const struct mem_bank *pfn_to_bank(unsigned long pfn)
{
	for (unsigned int i = 0; i < nr_mem_banks; i++)
		if (pfn >= mem_banks[i].start_pfn && pfn < mem_banks[i].end_pfn)
			return &mem_banks[i];
	return NULL;
}

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn_to_bank(pfn) != NULL;
}

/* NULL for a frame with no struct page (check pfn_valid() first). */
static inline struct page *pfn_to_page(unsigned long pfn)
{
	const struct mem_bank *bank = pfn_to_bank(pfn);

	return bank ? bank->map + (pfn - bank->start_pfn) : NULL;
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	for (unsigned int i = 0; i < nr_mem_banks; i++) {
		const struct mem_bank *bank = &mem_banks[i];

		if (page >= bank->map && page < bank->map + (bank->end_pfn - bank->start_pfn))
			return bank->start_pfn + (unsigned long)(page - bank->map);
	}
	return INVALID_PFN;
}
#define page_to_phys(page) PFN_PHYS(page_to_pfn(page))
#define page_address(page) __va(page_to_phys(page))
#define virt_to_pfn(kaddr) PHYS_PFN(__pa(kaddr))
#define virt_to_page(kaddr) pfn_to_page(virt_to_pfn(kaddr))
/* kaddr is a linear-map address of a page that has a struct page. */
#define virt_addr_valid(kaddr) \
	(__is_lm_address((unsigned long)(kaddr)) && pfn_valid(virt_to_pfn(kaddr)))

/* The smallest order whose block holds size bytes. */
static inline unsigned int get_order(unsigned long size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/*
 * mm/mm_init.c: free_area_init() sizes the zones (the arch gives each
 * zone's end pfn), prints "Zone ranges:" and "Early memory node ranges",
 * and allocates mem_map from memblock; memblock_free_all() then gives every
 * page memblock left free to the buddy allocator, after which memblock
 * must not be used to allocate. Returns the number of pages given.
 */
void free_area_init(const unsigned long *max_zone_pfn);
unsigned long memblock_free_all(void);
/* memblock_phys_alloc() zeroed, by linear-map address; NULL if none. */
void *memblock_alloc(phys_addr_t size, phys_addr_t align);

/* Set once memblock_free_all() has run: allocate with alloc_pages() now. */
extern bool page_alloc_ready;

/* Counts, in pages. */
unsigned long nr_free_pages(void);
unsigned long nr_free_blocks(unsigned int order);	/* all zones */
unsigned long totalram_pages(void);	/* given to the allocator */
unsigned long get_num_physpages(void);	/* in memblock.memory */

/* Frees the allocator refused (double free, not allocated, wrong order). */
extern unsigned long page_alloc_bad_frees;

/*
 * Used by mm_init.c: give the block at page (a free range whose struct
 * pages are all zero) to the allocator.
 */
void __free_pages_core(struct page *page, unsigned int order);

/* arch/arm64/mm/init.c: "Memory: ..." and kmalloc set up. */
void mm_init(void);

/*
 * Give boot-reserved pages [start, end) (linear-map addresses) to the
 * allocator, each filled with poison first (none if > 0xff); prints
 * "Freeing <s> memory: <n>K" (s NULL: nothing). Returns the page count.
 */
unsigned long free_reserved_area(void *start, void *end, int poison, const char *s);
#define POISON_FREE_INITMEM 0xcc	/* Linux's: an int3 on x86, a plain pattern here */

/* arch/arm64/mm/init.c: the init sections to the allocator, unmapped from the image. */
void free_initmem(void);

#endif
