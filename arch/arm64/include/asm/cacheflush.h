/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/cacheflush.h: data cache maintenance by virtual
 * address (arch/arm64/mm/cache.S), for memory that a CPU with its MMU and
 * caches off reads or wrote (a secondary CPU starting up).
 */
#ifndef __ASM_CACHEFLUSH_H
#define __ASM_CACHEFLUSH_H

/* Clean and invalidate [start, end) to the point of coherency. */
void dcache_clean_inval_poc(unsigned long start, unsigned long end);
/* Invalidate [start, end): what memory holds is what is read next. */
void dcache_inval_poc(unsigned long start, unsigned long end);

#endif
