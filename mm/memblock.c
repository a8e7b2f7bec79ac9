// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memblock.c: the boot-time memory map: sorted arrays of physical
 * regions, `memory` (what RAM exists) and `reserved` (what is in use).
 *
 * Adding a range merges it with what is already there: overlaps are not
 * counted twice, and touching regions with the same flags become one.
 * Flagging part of a region (no-map) splits it first. Allocation takes the
 * highest (or lowest) fitting free range. Arch-independent and built for
 * host unit tests too (tools/testing/unit); it never touches the memory
 * it describes.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/printk.h>
#include <linux/string.h>

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

struct memblock memblock __ro_after_init = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = { 0, INIT_MEMBLOCK_REGIONS, memory_regions, "memory" },
	.reserved = { 0, INIT_MEMBLOCK_REGIONS, reserved_regions, "reserved" },
};

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

/* Open a hole at index i and fill it; -ENOSPC when the array is full. */
static int insert_region(struct memblock_type *type, unsigned long i,
			 phys_addr_t base, phys_addr_t size, unsigned int flags)
{
	if (type->cnt == type->max)
		return -ENOSPC;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i] = (struct memblock_region){ base, size, flags };
	type->cnt++;
	return 0;
}

static void remove_region(struct memblock_type *type, unsigned long i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/* Join neighbours that touch and have the same flags. */
static void merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = &type->regions[i + 1];

		if (region_end(this) == next->base && this->flags == next->flags) {
			this->size += next->size;
			remove_region(type, i + 1);
		} else {
			i++;
		}
	}
}

/* Clamp so that base + size does not wrap around the address space. */
static phys_addr_t cap_size(phys_addr_t base, phys_addr_t size)
{
	return size < (phys_addr_t)-1 - base ? size : (phys_addr_t)-1 - base;
}

/* How many new regions adding [base, end) inserts: the uncovered pieces. */
static unsigned long count_pieces(const struct memblock_type *type, phys_addr_t base,
				  phys_addr_t end)
{
	unsigned long pieces = 0;

	for (unsigned long i = 0; i < type->cnt && base < end; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (region_end(r) <= base)
			continue;
		if (r->base > base)
			pieces++;
		base = region_end(r) > base ? region_end(r) : base;
	}
	return pieces + (base < end);
}

static int add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
		     unsigned int flags)
{
	phys_addr_t end;
	unsigned long i;
	int err;

	size = cap_size(base, size);
	if (!size)
		return 0;
	end = base + size;
	/* All or nothing: fail before changing anything if it cannot fit. */
	if (type->cnt + count_pieces(type, base, end) > type->max)
		return -ENOSPC;

	/* Insert only the parts not already covered, in address order. */
	for (i = 0; i < type->cnt && base < end; i++) {
		struct memblock_region *r = &type->regions[i];

		if (region_end(r) <= base)
			continue;
		if (r->base > base) {
			phys_addr_t piece_end = end < r->base ? end : r->base;

			err = insert_region(type, i, base, piece_end - base, flags);
			if (err)
				return err;
			i++;	/* r moved up one */
			r = &type->regions[i];
		}
		if (region_end(r) > base)
			base = region_end(r);
	}
	if (base < end) {
		err = insert_region(type, type->cnt, base, end - base, flags);
		if (err)
			return err;
	}
	merge_regions(type);
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return add_range(&memblock.memory, base, size, MEMBLOCK_NONE);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return add_range(&memblock.reserved, base, size, MEMBLOCK_NONE);
}

/* Split regions so that base and end fall on region boundaries. */
static int isolate_range(struct memblock_type *type, phys_addr_t base, phys_addr_t end)
{
	unsigned long cuts = 0;

	/* All or nothing: count the splits first. */
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		cuts += r->base < base && base < region_end(r);
		cuts += r->base < end && end < region_end(r);
	}
	if (type->cnt + cuts > type->max)
		return -ENOSPC;
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t cut = 0;

		if (r->base < base && base < region_end(r))
			cut = base;
		else if (r->base < end && end < region_end(r))
			cut = end;
		if (cut) {
			int err = insert_region(type, i + 1, cut, region_end(r) - cut, r->flags);

			if (err)
				return err;
			type->regions[i].size = cut - type->regions[i].base;
		}
	}
	return 0;
}

int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	struct memblock_type *type = &memblock.memory;
	phys_addr_t end;
	int err;

	size = cap_size(base, size);
	end = base + size;
	err = isolate_range(type, base, end);
	if (err)
		return err;
	for (unsigned long i = 0; i < type->cnt; i++)
		if (type->regions[i].base >= base && region_end(&type->regions[i]) <= end)
			type->regions[i].flags |= MEMBLOCK_NOMAP;
	merge_regions(type);
	return 0;
}

/* Drop every region of type inside [base, base + size), splitting at the edges. */
static int remove_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end;
	int err;

	size = cap_size(base, size);
	if (!size)
		return 0;
	end = base + size;
	err = isolate_range(type, base, end);
	if (err)
		return err;
	for (unsigned long i = type->cnt; i-- > 0;)
		if (type->regions[i].base >= base && region_end(&type->regions[i]) <= end)
			remove_region(type, i);
	return 0;
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	return remove_range(&memblock.memory, base, size);
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return remove_range(&memblock.reserved, base, size);
}

/* The region of type containing addr, or -1. */
static long search_region(const struct memblock_type *type, phys_addr_t addr)
{
	for (unsigned long i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base && addr < region_end(&type->regions[i]))
			return i;
	return -1;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return search_region(&memblock.memory, addr) >= 0;
}

bool memblock_is_map_memory(phys_addr_t addr)
{
	long i = search_region(&memblock.memory, addr);

	return i >= 0 && !(memblock.memory.regions[i].flags & MEMBLOCK_NOMAP);
}

/*
 * *idx holds the memory region to look at (low 32 bits) and the gap between
 * reserved regions to try next in it (high 32 bits): gap g runs from the
 * end of reserved[g - 1] (or 0) to the start of reserved[g] (or the top).
 * Both arrays are sorted and free of overlaps, which makes this a merge.
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start, phys_addr_t *out_end)
{
	const struct memblock_type *mem = &memblock.memory, *rsv = &memblock.reserved;
	unsigned long m = *idx & 0xffffffff, g = *idx >> 32;

	for (; m < mem->cnt; m++, g = 0) {
		const struct memblock_region *r = &mem->regions[m];

		if (r->flags & MEMBLOCK_NOMAP)
			continue;
		for (; g <= rsv->cnt; g++) {
			phys_addr_t g_start = g ? region_end(&rsv->regions[g - 1]) : 0;
			phys_addr_t g_end = g < rsv->cnt ? rsv->regions[g].base : PHYS_ADDR_MAX;

			if (g_start >= region_end(r))
				break;		/* this gap and the later ones lie above r */
			if (g_end <= r->base)
				continue;	/* below r */
			*out_start = g_start > r->base ? g_start : r->base;
			*out_end = g_end < region_end(r) ? g_end : region_end(r);
			*idx = m | (u64)(g + 1) << 32;
			return true;
		}
	}
	*idx = ~(u64)0;
	return false;
}

void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	phys_addr_t best = 0, r_start, r_end;
	bool found = false;
	u64 i;

	if (!size || !align || (align & (align - 1)))
		return 0;
	if (end > memblock.current_limit)
		end = memblock.current_limit;
	for_each_free_mem_range(i, &r_start, &r_end) {
		phys_addr_t cand;

		if (r_start < start)
			r_start = start;
		if (r_end > end)
			r_end = end;
		if (r_start >= r_end || r_end - r_start < size)
			continue;
		if (memblock.bottom_up) {
			cand = ALIGN(r_start, align);
			if (cand < r_start || cand > r_end - size)
				continue;	/* aligning overflowed or left no room */
			best = cand;
			found = true;
			break;			/* ranges come in address order */
		}
		cand = ALIGN_DOWN(r_end - size, align);
		if (cand < r_start)
			continue;
		best = cand;			/* later ranges are higher */
		found = true;
	}
	if (!found || memblock_reserve(best, size))
		return 0;
	return best;
}

phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0, MEMBLOCK_ALLOC_ANYWHERE);
}

static phys_addr_t total_size(const struct memblock_type *type)
{
	phys_addr_t total = 0;

	for (unsigned long i = 0; i < type->cnt; i++)
		total += type->regions[i].size;
	return total;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return total_size(&memblock.memory);
}

phys_addr_t memblock_reserved_size(void)
{
	return total_size(&memblock.reserved);
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	unsigned long n = memblock.memory.cnt;

	return n ? region_end(&memblock.memory.regions[n - 1]) : 0;
}

static void memblock_dump(struct memblock_type *type)
{
	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (unsigned long i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[%#018llx-%#018llx], %#llx bytes flags: %#x\n",
			type->name, i, r->base, region_end(r) - 1, r->size, r->flags);
	}
}

void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = %#llx reserved size = %#llx\n",
		total_size(&memblock.memory), total_size(&memblock.reserved));
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}

bool memblock_debug __ro_after_init;

/* memblock=debug, as on Linux: dump the map once it is known. */
static int __init early_memblock(char *arg)
{
	if (arg && !strcmp(arg, "debug"))
		memblock_debug = true;
	return 0;
}
early_param("memblock", early_memblock);
