/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/memory.h: the kernel's virtual memory map, drawn
 * once here. With the default 48-bit VA (CONFIG_ARM64_VA_BITS):
 *
 *   0x0000000000000000 .. 0x0000ffffffffffff  TTBR0: the identity map while
 *                                             the MMU is turned on (user later)
 *   0xffff000000000000  PAGE_OFFSET           linear map of all RAM (paging_init):
 *                                             PAGE_OFFSET + (pa - PHYS_OFFSET)
 *   0xffff800000000000  PAGE_END              end of the linear map
 *   0xffff800000000000  MODULES_VADDR         128 MiB, unused for now
 *   0xffff800008000000  KIMAGE_VADDR          the kernel image (vmlinux is
 *                                             linked here, wherever it is loaded)
 *   0xffffffffbd800000 .. IOREMAP_END         ioremap(): device registers
 *   0xfffffffffdddd000 .. FIXADDR_TOP         fixmap: FDT, early console, EFI tables
 *   0xfffffffffe000000  FIXADDR_TOP
 *
 * Physically the kernel sits wherever the loader put it (any 2 MiB-aligned
 * address, any 4 KiB-aligned one with CONFIG_RELOCATABLE); virtually at
 * KIMAGE_VADDR + kaslr_offset(): the physical offset modulo 2 MiB plus,
 * with CONFIG_RANDOMIZE_BASE, a random 2 MiB multiple (head.S's x23);
 * kimage_voffset = image virtual address - physical address.
 * PHYS_OFFSET (memstart_addr) is the start of RAM rounded down to 1 GiB, so
 * the linear map can use 1 GiB blocks. Documentation/arm64/memory.rst has
 * the whole picture.
 * QEMU virt's physical map: flash 0x0, GIC 0x08000000, PL011 0x09000000,
 * RAM from 0x40000000 (see Documentation/arm64/booting.rst).
 */
#ifndef __ASM_MEMORY_H
#define __ASM_MEMORY_H

#include <linux/const.h>
#include <linux/sizes.h>

#define VA_BITS CONFIG_ARM64_VA_BITS
#define VA_BITS_MIN VA_BITS	/* no 52-bit VA: VA_BITS is never reduced at boot */

#define PAGE_SHIFT CONFIG_ARM64_PAGE_SHIFT
#define PAGE_SIZE (_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

/* The address below which the top half of a va-bit address space starts. */
#define _PAGE_END(va) (-(_AC(1, UL) << ((va) - 1)))

#define PAGE_OFFSET (-(_AC(1, UL) << VA_BITS))
#define PAGE_END _PAGE_END(VA_BITS)	/* the linear map is the bottom half */
#define MODULES_VADDR _PAGE_END(VA_BITS)
#define MODULES_VSIZE SZ_128M
#define MODULES_END (MODULES_VADDR + MODULES_VSIZE)
#define KIMAGE_VADDR MODULES_END

#define FIXADDR_TOP (-_AC(SZ_32M, UL))

/* ioremap()'s window: 1 GiB, ending 8 MiB below the fixmap's top. */
#define IOREMAP_END (FIXADDR_TOP - SZ_8M)
#define IOREMAP_START (IOREMAP_END - SZ_1G)

/* The kernel's stack: 16 KiB, 16 KiB aligned, as on Linux without KASAN. */
/*
 * The kernel image's segments (text, rodata, init, data) start on 64 KiB
 * boundaries, for W^X mapping; this is also the PE/COFF SectionAlignment.
 */
#define SEGMENT_ALIGN SZ_64K

#define THREAD_SHIFT 14
#define THREAD_SIZE (_AC(1, UL) << THREAD_SHIFT)

/* Memory attribute indices into MAIR_EL1 (set in arch/arm64/mm/proc.S). */
#define MT_NORMAL 0
#define MT_NORMAL_TAGGED 1
#define MT_NORMAL_NC 2
#define MT_DEVICE_nGnRnE 3
#define MT_DEVICE_nGnRE 4

#ifndef __ASSEMBLY__
#include <linux/types.h>

/*
 * A user pointer without its tag: TCR_EL1.TBI0 makes the MMU ignore bits
 * 63:56 of a TTBR0 address, so user space may keep a tag there (Linux's
 * arm64 tagged-address ABI). Sign-extending from bit 55 clears the tag of
 * a user address and leaves a kernel address (bit 55 set) unchanged.
 */
#define untagged_addr(addr)						\
	((__typeof__(addr))(((s64)((u64)(addr) << 8)) >> 8))

/* Set by head.S (__primary_switched): image VA minus image PA. */
extern u64 kimage_voffset;

/* The virtual address of _text, relocated by head.S (__relocate_kernel). */
extern u64 kimage_vaddr;

/* How far the image runs from its link address, KIMAGE_VADDR. */
static inline unsigned long kaslr_offset(void)
{
	return kimage_vaddr - KIMAGE_VADDR;
}

/* Physical address of a kernel-image symbol, and back. */
#define __pa_symbol(x) ((phys_addr_t)(unsigned long)(x) - kimage_voffset)
/* The linear-map alias of a kernel image address. */
#define lm_alias(x) __va(__pa_symbol(x))
#define __phys_to_kimg(pa) ((unsigned long)(pa) + kimage_voffset)

/*
 * The physical address the linear map starts at (arm64_memblock_init sets
 * it: the start of RAM rounded down to ARM64_MEMSTART_ALIGN).
 */
extern s64 memstart_addr;
#define PHYS_OFFSET ((phys_addr_t)memstart_addr)
#define ARM64_MEMSTART_ALIGN SZ_1G	/* a level 1 block with 4 KiB pages */

/* The linear map, [PAGE_OFFSET, PAGE_END), holds addr? */
#define __is_lm_address(addr) (((u64)(addr) - PAGE_OFFSET) < (PAGE_END - PAGE_OFFSET))

#define __lm_to_phys(addr) ((phys_addr_t)((addr) - PAGE_OFFSET) + PHYS_OFFSET)
#define __kimg_to_phys(addr) ((phys_addr_t)(addr) - kimage_voffset)

/* Either kind of kernel address to physical: linear map or kernel image. */
#define __virt_to_phys(x) \
	(__is_lm_address(x) ? __lm_to_phys(x) : __kimg_to_phys(x))
#define __phys_to_virt(x) ((unsigned long)((x) - PHYS_OFFSET) | PAGE_OFFSET)

#define __pa(x) __virt_to_phys((unsigned long)(x))
#define __va(x) ((void *)__phys_to_virt((phys_addr_t)(x)))

static inline phys_addr_t virt_to_phys(const volatile void *x)
{
	return __virt_to_phys((unsigned long)x);
}

static inline void *phys_to_virt(phys_addr_t x)
{
	return __va(x);
}
#endif

#endif
