// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/ioremap.c: ioremap(), mapping device registers from the
 * addresses the device tree gives into a window of kernel virtual space
 * (IOREMAP_START..IOREMAP_END, asm/memory.h) as Device-nGnRE memory.
 * Mappings are never taken down: drivers keep their registers for good.
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/pgtable.h>

static unsigned long ioremap_next = IOREMAP_START;

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = ALIGN_DOWN(phys, PAGE_SIZE);
	size_t len = ALIGN(phys + size, PAGE_SIZE) - base;
	unsigned long va = ioremap_next;

	if (!size || va + len > IOREMAP_END || va + len < va)
		return NULL;
	ioremap_next += len + PAGE_SIZE;	/* a guard page between mappings */
	create_mapping(init_mm_pgd, va, base, len, PROT_DEVICE_nGnRE);
	return (void __iomem *)(va + (phys - base));
}
