// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/init.c: the architecture's part of memory set-up.
 *   bootmem_init         (setup_arch, after paging_init) zone limits
 *   mm_init              (start_kernel) free pages to the buddy allocator,
 *                        "Memory: ..." line, kmalloc
 *   free_initmem         (end of boot) .init.text/.init.data to the allocator
 */
#include <linux/bitops.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/memory.h>
#include <asm/sections.h>

/*
 * The end of the memory a device with `bits` of DMA addressing reaches,
 * clamped to RAM, as Linux decides ZONE_DMA's end on arm64: with RAM
 * starting above that reach, the zone covers the first 4 GiB of RAM, or
 * all of it when RAM starts above 4 GiB.
 */
static phys_addr_t __init max_zone_phys(unsigned int bits)
{
	phys_addr_t zone_mask = (1ULL << bits) - 1;
	phys_addr_t start = memblock_start_of_DRAM();

	if (start > 0xffffffffULL)
		zone_mask = PHYS_ADDR_MAX;
	else if (start > zone_mask)
		zone_mask = 0xffffffffULL;
	return min(zone_mask, memblock_end_of_DRAM() - 1) + 1;
}

/* How many address bits reach ZONE_DMA (Linux's zone_dma_bits). */
unsigned int zone_dma_bits __ro_after_init;

void __init bootmem_init(void)
{
	unsigned long max_zone_pfns[MAX_NR_ZONES];

	/*
	 * As Linux v5.15's zone_sizes_init: ZONE_DMA ends where the narrowest
	 * dma-ranges of the DT does, at most where 32-bit DMA does; ZONE_DMA32
	 * ends at 4 GiB, so it is empty unless dma-ranges are narrower than
	 * that; ZONE_NORMAL is what lies above.
	 */
	zone_dma_bits = min(32U, (unsigned int)fls64(of_dma_get_max_cpu_address(0)));
	max_zone_pfns[ZONE_DMA] = PFN_DOWN(max_zone_phys(zone_dma_bits));
	max_zone_pfns[ZONE_DMA32] = PFN_DOWN(max_zone_phys(32));
	max_zone_pfns[ZONE_NORMAL] = PFN_DOWN(memblock_end_of_DRAM());
	free_area_init(max_zone_pfns);
}

/*
 * "Memory: <avail>K/<total>K available (...)", Linux's line, where
 *   total    = pages of RAM memblock.memory lists (no-map ranges included);
 *   avail    = pages free in the buddy allocator now (right after
 *              memblock_free_all, so every page it was given);
 *   reserved = total - pages given to the buddy allocator: the image, the
 *              DTB, initrd, /memreserve/, /reserved-memory, mem_map, the
 *              page tables paging_init took from memblock;
 * so avail + reserved = total here. The sections are the image's, from the
 * linker script: code [_stext, _etext), rwdata [_sdata, _edata), rodata
 * [__start_rodata, __end_rodata), init [__init_begin, __init_end), bss
 * [__bss_start, __bss_stop); each rounded down to KiB, as Linux does.
 */
static void __init mem_init_print_info(void)
{
	unsigned long physpages = get_num_physpages();

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rwdata, %luK rodata, "
		"%luK init, %luK bss, %luK reserved)\n",
		nr_free_pages() << (PAGE_SHIFT - 10), physpages << (PAGE_SHIFT - 10),
		(unsigned long)(_etext - _stext) >> 10, (unsigned long)(_edata - _sdata) >> 10,
		(unsigned long)(__end_rodata - __start_rodata) >> 10,
		(unsigned long)(__init_end - __init_begin) >> 10,
		(unsigned long)(__bss_stop - __bss_start) >> 10,
		(physpages - totalram_pages()) << (PAGE_SHIFT - 10));
}

void __init mm_init(void)
{
	memblock_free_all();	/* from now on, memory comes from alloc_pages() */
	mem_init_print_info();
	kmem_cache_init();
}

/*
 * The end of boot, before mark_rodata_ro() (init/main.c): the image's init
 * sections are no longer needed. Their pages, poisoned through the linear
 * map, go to the page allocator ("Freeing unused kernel memory: <n>K"),
 * and the image's own mapping of them is removed, so a stray call or
 * pointer into them faults, as in Linux v5.15.
 */
void free_initmem(void)
{
	free_reserved_area(lm_alias(__init_begin), lm_alias(__init_end), POISON_FREE_INITMEM,
			   "unused kernel");
	clear_mapping(init_mm_pgd, (unsigned long)__init_begin, __init_end - __init_begin);
}
