/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/pgtable.h: kernel page tables from C: the tables
 * head.S built, the protections used for new mappings, and
 * create_mapping() (arch/arm64/mm/mmu.c), which adds page mappings to them.
 */
#ifndef __ASM_PGTABLE_H
#define __ASM_PGTABLE_H

#include <asm/pgtable-hwdef.h>

#ifndef __ASSEMBLY__
#include <linux/types.h>

typedef u64 pgd_t;

/* Built by head.S; TTBR1 points at init_pg_dir until paging_init. */
extern pgd_t idmap_pg_dir[], init_pg_dir[], init_pg_end[];
extern u64 idmap_t0sz;

/* Page protections (lower/upper attributes of a level 3 descriptor). */
#define PROT_DEFAULT (PTE_TYPE_PAGE | PTE_AF | PTE_SHARED)
#define PAGE_KERNEL (PROT_DEFAULT | PTE_ATTRINDX(MT_NORMAL) | PTE_PXN | PTE_UXN)
#define PAGE_KERNEL_RO (PAGE_KERNEL | PTE_RDONLY)
#define PROT_DEVICE_nGnRE (PTE_TYPE_PAGE | PTE_AF | PTE_ATTRINDX(MT_DEVICE_nGnRE) | \
			   PTE_PXN | PTE_UXN)

/*
 * Map [virt, virt + size) to [phys, ...) with 4 KiB pages and protection
 * prot in the table tree at pgd (a TTBR1 tree), allocating intermediate
 * tables as needed. Mapping over a valid entry first breaks it (invalidate,
 * TLB flush) before making the new one, as the architecture requires.
 */
void create_mapping(pgd_t *pgd, unsigned long virt, phys_addr_t phys, size_t size, u64 prot);

/* Remove the 4 KiB mappings of [virt, virt + size) and flush the TLB. */
void clear_mapping(pgd_t *pgd, unsigned long virt, size_t size);

/* The descriptor that maps virt at the last level, or 0 (for tests, ptdump). */
u64 lookup_mapping(pgd_t *pgd, unsigned long virt, int *level);
#endif

#endif
