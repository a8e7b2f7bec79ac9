// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/stubs/kmalloc.c: kmalloc()/kfree() on the host's
 * malloc, for kernel sources that only need memory (fs/ramfs,
 * init/initramfs), so ASan watches every object they allocate.
 * test_page_alloc links the kernel's real mm/slab.c instead.
 */
#include <stdlib.h>
#include <linux/slab.h>

void *kmalloc(size_t size, gfp_t flags)
{
	if (flags & __GFP_ZERO)
		return calloc(1, size ? size : 1);
	return malloc(size ? size : 1);
}

void kfree(const void *objp)
{
	free((void *)objp);
}
