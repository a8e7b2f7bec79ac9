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
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;
extern bool memblock_debug;	/* memblock=debug on the command line */

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
void memblock_dump_all(void);

#define for_each_mem_region(r) \
	for (r = memblock.memory.regions; r < memblock.memory.regions + memblock.memory.cnt; r++)

#endif
