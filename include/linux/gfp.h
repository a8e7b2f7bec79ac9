/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/gfp.h: how callers ask the page allocator (mm/page_alloc.c)
 * for memory: the GFP flags and alloc_pages()/free_pages() and friends.
 * Only the flags this kernel acts on exist: which zone, and zeroing.
 */
#ifndef __LINUX_GFP_H
#define __LINUX_GFP_H

#include <linux/types.h>

typedef unsigned int gfp_t;

#define ___GFP_DMA 0x01u
#define ___GFP_DMA32 0x04u
#define ___GFP_ZERO 0x100u

#define __GFP_DMA ((gfp_t)___GFP_DMA)		/* only from ZONE_DMA */
#define __GFP_DMA32 ((gfp_t)___GFP_DMA32)	/* only below 4 GiB */
#define __GFP_ZERO ((gfp_t)___GFP_ZERO)		/* return zeroed memory */

/*
 * No sleeping, no reclaim, one CPU: every allocation is "atomic" and they
 * all mean the same for now.
 */
#define GFP_ATOMIC ((gfp_t)0)
#define GFP_KERNEL ((gfp_t)0)
#define GFP_DMA __GFP_DMA
#define GFP_DMA32 __GFP_DMA32

struct page;

/* 2^order contiguous, naturally aligned pages, or NULL. */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp) alloc_pages(gfp, 0)
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page) __free_pages(page, 0)

/* The same, by linear-map address; 0 when out of memory. */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
#define free_page(addr) free_pages(addr, 0)

#endif
