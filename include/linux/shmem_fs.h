/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/shmem_fs.h: the memory behind an anonymous MAP_SHARED
 * mapping (mm/shmem.c). Linux backs one with a file of its own on the
 * internal shmem file system ("/dev/zero (deleted)" in /proc/PID/maps);
 * here it is a shmem_object: a reference-counted array of pages, one slot
 * per page of the mapping as mmap made it, each page allocated at the
 * first touch by any process. Every VMA that maps it (the first one, the
 * pieces munmap and mprotect split off, fork's copies, mremap's moves)
 * holds a reference; the pages go back to the allocator with the last.
 */
#ifndef __LINUX_SHMEM_FS_H
#define __LINUX_SHMEM_FS_H

#include <linux/atomic.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>

struct vm_area_struct;

struct shmem_object {
	atomic_t refcount;		/* VMAs holding it */
	unsigned long ino;		/* the inode number /proc/PID/maps shows */
	unsigned long npages;		/* the size: a page past it gives SIGBUS */
	spinlock_t lock;		/* guards pages[] */
	void *pages[];			/* linear-map addresses; NULL: not touched yet */
};

/* Give a new anonymous VM_SHARED vma (not yet linked) its object: 0 or -ENOMEM. */
int shmem_zero_setup(struct vm_area_struct *vma);
/* One more VMA holds obj (NULL: nothing). */
struct shmem_object *shmem_get(struct shmem_object *obj);
/* A VMA lets go of obj (NULL: nothing); the last frees it and its pages. */
void shmem_put(struct shmem_object *obj);
/*
 * The page at index of obj, allocated zeroed if nobody touched it yet:
 * its linear-map address, NULL past the end (-EIO in *err) or if memory
 * ran out (-ENOMEM).
 */
void *shmem_get_page(struct shmem_object *obj, unsigned long index, int *err);

#endif
