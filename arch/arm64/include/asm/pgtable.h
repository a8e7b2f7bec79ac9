/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/pgtable.h: kernel page tables from C: the tables
 * head.S built, swapper_pg_dir that paging_init() builds to replace them,
 * the protections used for mappings, and create_mapping()
 * (arch/arm64/mm/mmu.c), which adds page mappings to the live tables.
 */
#ifndef __ASM_PGTABLE_H
#define __ASM_PGTABLE_H

#include <asm/pgtable-hwdef.h>

#ifndef __ASSEMBLY__
#include <linux/types.h>

typedef u64 pgd_t;

/* Built by head.S; TTBR1 points at init_pg_dir until paging_init. */
extern pgd_t idmap_pg_dir[], init_pg_dir[], init_pg_end[];
extern u64 idmap_t0sz, idmap_ptrs_per_pgd;
/*
 * Reserved by vmlinux.lds.S after init_pg_dir. swapper_pg_dir: the kernel's
 * tables from paging_init() on (TTBR1). reserved_pg_dir: all invalid; in
 * TTBR0 once the identity map is retired, and in TTBR1 while it changes.
 */
extern pgd_t swapper_pg_dir[], reserved_pg_dir[];
/* The tables TTBR1 holds now: init_pg_dir, then swapper_pg_dir. */
extern pgd_t *init_mm_pgd;

/* Page protections (lower/upper attributes of a level 3 descriptor). */
#define PROT_DEFAULT (PTE_TYPE_PAGE | PTE_AF | PTE_SHARED)
#define PAGE_KERNEL (PROT_DEFAULT | PTE_ATTRINDX(MT_NORMAL) | PTE_PXN | PTE_UXN)
#define PAGE_KERNEL_RO (PAGE_KERNEL | PTE_RDONLY)
/* Kernel text: read-only, executable at EL1 only. */
#define PAGE_KERNEL_ROX ((PAGE_KERNEL | PTE_RDONLY) & ~PTE_PXN)
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

/*
 * The descriptor that maps virt: a page, a block, or the invalid entry
 * where the walk stopped; *level says which level it is at.
 */
u64 lookup_mapping(pgd_t *pgd, unsigned long virt, int *level);

/* Write one entry of swapper_pg_dir (read-only after boot) through the fixmap. */
void set_swapper_pgd(pgd_t *pgdp, pgd_t pgd);

/*
 * The end of boot: make __ro_after_init data and swapper_pg_dir read-only,
 * print "Write protecting the kernel read-only data: ...", check W^X.
 */
void mark_rodata_ro(void);

/* A table's physical address to a pointer (in the image or the linear map). */
u64 *pgtable_va(phys_addr_t pa);

/*
 * Build swapper_pg_dir (linear map, kernel image by section, fixmap and
 * ioremap carried over) and switch TTBR1 to it; TTBR0 then holds
 * reserved_pg_dir. Called by setup_arch() once memblock knows RAM.
 */
void paging_init(void);

/* The level the walk starts at: 0 with four levels, 1 with three. */
#define PGTABLE_START_LEVEL (4 - CONFIG_PGTABLE_LEVELS)

/* ptdump.c: the W^X check, and the `ptdump` bootarg's dump of the tables. */
void debug_checkwx(void);
/* W+X pages in the tables at pgd (ptdump.c), for the check and tests. */
unsigned long ptdump_count_wx(pgd_t *pgd);
#endif

#endif
