/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/fixmap.h: fixed virtual addresses, below
 * FIXADDR_TOP, for what must be reached before the kernel knows where RAM
 * is: the device tree blob and the early console's registers.
 * Slot n is the page at FIXADDR_TOP - (n + 1) * PAGE_SIZE... counted as
 * Linux does: __fix_to_virt(n) = FIXADDR_TOP - n * PAGE_SIZE.
 */
#ifndef __ASM_FIXMAP_H
#define __ASM_FIXMAP_H

#include <asm/memory.h>

/* The largest device tree the kernel accepts, as on Linux. */
#define MAX_FDT_SIZE SZ_2M
/* Pages for it: one more, as the blob need not start on a page. */
#define FIX_FDT_PAGES (MAX_FDT_SIZE / PAGE_SIZE + 1)

/* Pages of the early_memremap_ro() window: 128 KiB. */
#define NR_FIX_BTMAPS 32

#ifndef __ASSEMBLY__
#include <linux/types.h>

enum fixed_addresses {
	FIX_HOLE,			/* FIXADDR_TOP itself stays unmapped */
	FIX_EARLYCON_MEM_BASE,		/* earlycon / fallback UART registers */
	/*
	 * paging_init() writes the new tables through these, one slot per
	 * level, before the linear map exists (arch/arm64/mm/mmu.c).
	 */
	FIX_PTE,
	FIX_PMD,
	FIX_PUD,
	FIX_PGD,
	FIX_FDT_END,
	FIX_FDT = FIX_FDT_END + FIX_FDT_PAGES - 1,
	/*
	 * early_memremap_ro(): firmware tables read before the linear map
	 * (the UEFI memory map and system table, efi_init()).
	 */
	FIX_BTMAP_END,
	FIX_BTMAP_BEGIN = FIX_BTMAP_END + NR_FIX_BTMAPS - 1,
	__end_of_fixed_addresses
};

#define FIXADDR_SIZE ((unsigned long)__end_of_fixed_addresses << PAGE_SHIFT)
#define FIXADDR_START (FIXADDR_TOP - FIXADDR_SIZE)
#define __fix_to_virt(x) (FIXADDR_TOP - ((unsigned long)(x) << PAGE_SHIFT))

/* Map device registers at a slot; returns the virtual address of phys. */
void *set_fixmap_io(enum fixed_addresses idx, phys_addr_t phys);

/*
 * Map the device tree blob at phys read-only at FIX_FDT, up to MAX_FDT_SIZE.
 * Returns its virtual address; *size is its totalsize, or 0 when the
 * header is not one (the caller reports the error).
 */
void *fixmap_remap_fdt(phys_addr_t phys, u32 *size, u64 prot);

/*
 * Map [phys, phys + size) read-only in the FIX_BTMAP window, for boot-time
 * reads of firmware tables. Each call takes fresh pages of the window
 * (mappings are never reused, so no TLB maintenance is needed); NULL when
 * the window is used up. Only before paging_init().
 */
void *early_memremap_ro(phys_addr_t phys, size_t size);
#endif

#endif
