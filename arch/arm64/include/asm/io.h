/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/io.h: device register access (readl/writel) and
 * ioremap(), which maps a device's physical registers, as the DTB's `reg`
 * gives them, with Device-nGnRE attributes (arch/arm64/mm/ioremap.c).
 */
#ifndef __ASM_IO_H
#define __ASM_IO_H

#include <linux/types.h>

#define __iomem

static inline u32 readl(const volatile void __iomem *addr)
{
	u32 v;

	__asm__ volatile("ldr %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void writel(u32 v, volatile void __iomem *addr)
{
	__asm__ volatile("str %w0, [%1]" : : "rZ"(v), "r"(addr) : "memory");
}

void __iomem *ioremap(phys_addr_t phys, size_t size);

/*
 * readl() of an address that may have nothing behind it: 0, or -EFAULT
 * (the fault was caught: arch/arm64/lib/nofault.c) and *val = 0.
 */
int readl_nofault(const void __iomem *addr, u32 *val);

#endif
