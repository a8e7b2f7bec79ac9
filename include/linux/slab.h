/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/slab.h: kmalloc(), small allocations carved from pages
 * (mm/slab.c). Sizes up to KMALLOC_MAX_CACHE_SIZE come from a cache of
 * power-of-two objects ("kmalloc-64"...); larger ones straight from the
 * page allocator. kfree() refuses, with a report, pointers it never handed
 * out and objects already freed, and leaves its state untouched.
 */
#ifndef __LINUX_SLAB_H
#define __LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/types.h>

#define KMALLOC_MIN_SIZE 8
#define KMALLOC_SHIFT_HIGH 12
#define KMALLOC_MAX_CACHE_SIZE (1UL << KMALLOC_SHIFT_HIGH)

/* kmalloc(0) returns this: not NULL, and faults if used (as on Linux). */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/* Set up the kmalloc caches (mm_init()). */
void kmem_cache_init(void);

/* kfree() calls refused (double free, pointer not from kmalloc). */
extern unsigned long kfree_bad_frees;
/* Objects handed out and not yet freed, in all caches. */
unsigned long kmalloc_objects_in_use(void);

#endif
