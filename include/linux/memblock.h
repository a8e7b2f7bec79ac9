/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/memblock.h: the boot-time memory map (mm/memblock.c).
 * `memory` lists the RAM the device tree describes; `reserved` lists what
 * inside it is taken (the kernel, the DTB, /memreserve/, /reserved-memory).
 * A no-map reservation is kept in `memory` as a region of its own, flagged
 * MEMBLOCK_NOMAP, so it is never mapped nor handed out.
 */
#ifndef __LINUX_MEMBLOCK_H
#define __LINUX_MEMBLOCK_H

#include <linux/types.h>

#define MEMBLOCK_NONE 0x0
#define MEMBLOCK_NOMAP 0x4	/* Linux's value */

#define INIT_MEMBLOCK_REGIONS 128

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	unsigned int flags;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	bool bottom_up;			/* allocate from the bottom (default: top) */
	phys_addr_t current_limit;	/* allocations end below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

/* No limit: memblock_phys_alloc() may use any free memory. */
#define MEMBLOCK_ALLOC_ANYWHERE (~(phys_addr_t)0)
#define PHYS_ADDR_MAX (~(phys_addr_t)0)

extern struct memblock memblock;
extern bool memblock_debug;	/* memblock=debug on the command line */

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
void memblock_dump_all(void);

/* Take [base, base + size) out of memory altogether (and so of reserved's use). */
int memblock_remove(phys_addr_t base, phys_addr_t size);
/* Give a reservation (or part of one) back. */
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
phys_addr_t memblock_reserved_size(void);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_map_memory(phys_addr_t addr);	/* memory and not no-map */

/*
 * Allocate: find size bytes, aligned to align (a power of two), that are
 * memory, not no-map and not reserved, inside [start, end) and below
 * current_limit; reserve them and return their address. The highest such
 * address, or the lowest with memblock_set_bottom_up(true). 0 if none.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
void memblock_set_bottom_up(bool enable);
void memblock_set_current_limit(phys_addr_t limit);

/*
 * The free ranges: memory without no-map, minus reserved, in address
 * order. Start with *idx = 0; false when there are no more.
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start, phys_addr_t *out_end);
#define for_each_free_mem_range(i, p_start, p_end) \
	for (i = 0; __next_free_mem_range(&i, p_start, p_end);)

#define for_each_mem_region(r) \
	for (r = memblock.memory.regions; r < memblock.memory.regions + memblock.memory.cnt; r++)
#define for_each_reserved_mem_region(r) \
	for (r = memblock.reserved.regions;					\
	     r < memblock.reserved.regions + memblock.reserved.cnt; r++)

#endif
