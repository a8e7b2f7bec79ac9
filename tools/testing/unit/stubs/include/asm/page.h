/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/stubs/include/asm/page.h: the page size and the
 * linear map for host builds of mm/ (linux/mm.h includes this in place of
 * arch/arm64/include/asm/page.h).
 *
 * "Physical memory" is a buffer the test allocates: physical address
 * host_ram_base + n is host_ram[n], for n below host_ram_size. __va() and
 * __pa() translate between the two, as the kernel's linear map does.
 */
#ifndef __ASM_PAGE_H
#define __ASM_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

extern unsigned char *host_ram;
extern phys_addr_t host_ram_base;
extern unsigned long host_ram_size;

#define __va(pa) ((void *)(host_ram + ((phys_addr_t)(pa) - host_ram_base)))
#define __pa(va) ((phys_addr_t)((unsigned char *)(va) - host_ram) + host_ram_base)
#define __is_lm_address(a) \
	((uintptr_t)(a) - (uintptr_t)host_ram < host_ram_size)

#endif
