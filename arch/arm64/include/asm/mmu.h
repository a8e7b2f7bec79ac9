/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/mmu.h: the memory set-up steps setup_arch() and
 * start_kernel() take, in order: arm64_memblock_init (setup.c),
 * paging_init (asm/pgtable.h, mm/mmu.c), bootmem_init (mm/init.c), and
 * later mm_init (linux/mm.h, mm/init.c).
 */
#ifndef __ASM_MMU_H
#define __ASM_MMU_H

/* Zones and mem_map: "Zone ranges:", "Early memory node ranges". */
void bootmem_init(void);

#endif
