// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/fixmap.c: fixed mappings (asm/fixmap.h) in the kernel's
 * page tables: device registers for the early console, and the device tree
 * blob, which setup_arch() maps before it knows anything about memory,
 * and firmware tables (early_memremap_ro()).
 */
#include <linux/kernel.h>
#include <asm/fixmap.h>
#include <asm/pgtable.h>

void *set_fixmap_io(enum fixed_addresses idx, phys_addr_t phys)
{
	unsigned long va = __fix_to_virt(idx);

	create_mapping(init_mm_pgd, va, phys, PAGE_SIZE, PROT_DEVICE_nGnRE);
	return (void *)(va + (phys & ~PAGE_MASK));
}

/* The header's magic and totalsize, read big-endian. */
static u32 be32_at(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

#define FDT_MAGIC_VALUE 0xd00dfeed

void *fixmap_remap_fdt(phys_addr_t phys, u32 *size, u64 prot)
{
	unsigned long base = __fix_to_virt(FIX_FDT);
	unsigned long offset = phys & ~PAGE_MASK;
	u8 *fdt = (u8 *)(base + offset);

	/* First the header (it may straddle two pages)... */
	create_mapping(init_mm_pgd, base, phys, offset + 40, prot);
	*size = 0;
	if (be32_at(fdt) != FDT_MAGIC_VALUE)
		return fdt;

	/* ...then the whole blob, if it is not absurdly large. */
	*size = be32_at(fdt + 4);
	if (*size > MAX_FDT_SIZE || *size < 40)
		return fdt;
	create_mapping(init_mm_pgd, base, phys, offset + *size, prot);
	return fdt;
}

static unsigned int btmap_used;	/* pages of the FIX_BTMAP window taken */

void *early_memremap_ro(phys_addr_t phys, size_t size)
{
	unsigned long offset = phys & ~PAGE_MASK;
	unsigned long pages = (offset + size + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long va;

	if (!size || pages > NR_FIX_BTMAPS - btmap_used)
		return NULL;
	/* slots count down in address: the window starts at FIX_BTMAP_BEGIN */
	va = __fix_to_virt(FIX_BTMAP_BEGIN) + ((unsigned long)btmap_used << PAGE_SHIFT);
	btmap_used += pages;
	create_mapping(init_mm_pgd, va, phys & PAGE_MASK, pages << PAGE_SHIFT, PAGE_KERNEL_RO);
	return (void *)(va + offset);
}
