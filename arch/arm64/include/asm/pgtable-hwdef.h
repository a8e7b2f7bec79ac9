/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/pgtable-hwdef.h: the VMSAv8-64 translation table
 * format with the 4 KiB granule, as the hardware defines it: how many bits
 * of VA each level resolves, and the bits of a descriptor.
 *
 *   level  name  VA bits   maps (block)
 *     0    PGD   47:39     (512 GiB, table only)
 *     1    PUD   38:30     1 GiB
 *     2    PMD   29:21     2 MiB
 *     3    PTE   20:12     4 KiB page
 * With 48-bit VA the walk starts at level 0; with 39-bit at level 1 (the
 * PGD is then what the hardware calls the level 1 table).
 */
#ifndef __ASM_PGTABLE_HWDEF_H
#define __ASM_PGTABLE_HWDEF_H

#include <asm/memory.h>

/* Each table is one page of 8-byte descriptors: PAGE_SHIFT - 3 index bits. */
#define PTDESC_ORDER 3
#define PTRS_PER_TABLE_SHIFT (PAGE_SHIFT - PTDESC_ORDER)
#define PTRS_PER_PTE (1 << PTRS_PER_TABLE_SHIFT)
#define PTRS_PER_PMD PTRS_PER_PTE
#define PTRS_PER_PUD PTRS_PER_PTE

/* How many levels a walk of va_bits of VA needs. */
#define ARM64_HW_PGTABLE_LEVELS(va_bits) (((va_bits) - PTDESC_ORDER - 1) / PTRS_PER_TABLE_SHIFT)

/* VA shift resolved by level n (0..3). */
#define ARM64_HW_PGTABLE_LEVEL_SHIFT(n) (PTRS_PER_TABLE_SHIFT * (4 - (n)) + PTDESC_ORDER)

#define PMD_SHIFT ARM64_HW_PGTABLE_LEVEL_SHIFT(2)
#define PMD_SIZE (_AC(1, UL) << PMD_SHIFT)
#define PUD_SHIFT ARM64_HW_PGTABLE_LEVEL_SHIFT(1)
#define PUD_SIZE (_AC(1, UL) << PUD_SHIFT)
#define PGDIR_SHIFT ARM64_HW_PGTABLE_LEVEL_SHIFT(4 - CONFIG_PGTABLE_LEVELS)
#define PGDIR_SIZE (_AC(1, UL) << PGDIR_SHIFT)
#define PTRS_PER_PGD (1 << (VA_BITS - PGDIR_SHIFT))

/*
 * Physical addresses have at most 48 bits here (no 52-bit PAs): the
 * identity map may need that many bits of VA when RAM sits above
 * 2^VA_BITS (head.S then widens T0SZ and adds a level).
 */
#define PHYS_MASK_SHIFT 48

/* Descriptor types (bits 1:0). */
#define PMD_TYPE_TABLE (_AC(3, UL) << 0)
#define PMD_TYPE_SECT (_AC(1, UL) << 0)
#define PTE_TYPE_PAGE (_AC(3, UL) << 0)
#define PTE_VALID (_AC(1, UL) << 0)
#define PTE_TABLE_BIT (_AC(1, UL) << 1)

/* Lower attributes of block and page descriptors. */
#define PTE_ATTRINDX(t) ((t) << 2)
#define PTE_USER (_AC(1, UL) << 6)	/* AP[1]: EL0 may access */
#define PTE_RDONLY (_AC(1, UL) << 7)	/* AP[2]: read-only */
#define PTE_SHARED (_AC(3, UL) << 8)	/* SH[1:0]: inner shareable */
#define PTE_AF (_AC(1, UL) << 10)	/* access flag */
#define PTE_NG (_AC(1, UL) << 11)	/* not global: tagged with the ASID */
#define PTE_ATTRINDX_MASK (_AC(7, UL) << 2)
#define PTE_TYPE_MASK (_AC(3, UL) << 0)
#define PTE_GP (_AC(1, UL) << 50)	/* BTI guarded page */
#define PTE_CONT (_AC(1, UL) << 52)	/* one of 16 contiguous entries */
/* Upper attributes. */
#define PTE_PXN (_AC(1, UL) << 53)	/* no execution at EL1 */
#define PTE_UXN (_AC(1, UL) << 54)	/* no execution at EL0 */
/* Software bits (the MMU ignores 55..58). */
#define PTE_SPECIAL (_AC(1, UL) << 56)	/* the kernel's page in a user map: not ours to free */

/* Output address bits of a descriptor with 48-bit PAs. */
#define PTE_ADDR_MASK GENMASK(47, PAGE_SHIFT)

/* The same attributes under their block (section) names. */
#define PMD_SECT_AF PTE_AF
#define PMD_SECT_S PTE_SHARED
#define PMD_SECT_RDONLY PTE_RDONLY
#define PMD_SECT_PXN PTE_PXN
#define PMD_SECT_UXN PTE_UXN
#define PMD_ATTRINDX(t) PTE_ATTRINDX(t)

/* TCR_EL1 fields. */
#define TCR_T0SZ_OFFSET 0
#define TCR_T1SZ_OFFSET 16
#define TCR_T0SZ(x) ((_AC(64, UL) - (x)) << TCR_T0SZ_OFFSET)
#define TCR_T1SZ(x) ((_AC(64, UL) - (x)) << TCR_T1SZ_OFFSET)
#define TCR_TxSZ(x) (TCR_T0SZ(x) | TCR_T1SZ(x))
#define TCR_TxSZ_WIDTH 6
#define TCR_IRGN0_WBWA (_AC(1, UL) << 8)
#define TCR_ORGN0_WBWA (_AC(1, UL) << 10)
#define TCR_SH0_INNER (_AC(3, UL) << 12)
#define TCR_TG0_4K (_AC(0, UL) << 14)
#define TCR_IRGN1_WBWA (_AC(1, UL) << 24)
#define TCR_ORGN1_WBWA (_AC(1, UL) << 26)
#define TCR_SH1_INNER (_AC(3, UL) << 28)
#define TCR_TG1_4K (_AC(2, UL) << 30)
#define TCR_IPS_SHIFT 32
#define TCR_IPS_WIDTH 3
#define TCR_AS (_AC(1, UL) << 36)	/* 16-bit ASIDs */
#define TCR_TBI0 (_AC(1, UL) << 37)	/* TTBR0 addresses: the top byte is ignored */

#define TCR_CACHE_FLAGS (TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_IRGN1_WBWA | TCR_ORGN1_WBWA)
#define TCR_SMP_FLAGS (TCR_SH0_INNER | TCR_SH1_INNER)
#define TCR_TG_FLAGS (TCR_TG0_4K | TCR_TG1_4K)

#endif
