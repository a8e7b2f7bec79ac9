// SPDX-License-Identifier: GPL-2.0
/*
 * mm/shmem.c: anonymous shared memory, what mmap(MAP_SHARED |
 * MAP_ANONYMOUS) maps (include/linux/shmem_fs.h). The pages belong to the
 * shmem_object, not to any address space: a process maps them with
 * PTE_SPECIAL descriptors, so munmap, MADV_DONTNEED and exit drop the
 * descriptors and leave the pages alone (the next touch maps the same page
 * again, with what was written there), and fork's copy of the tables maps
 * the same pages in the child. The object, and its pages, are freed when
 * the last VMA holding it goes.
 */
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

/* Inode numbers for /proc/PID/maps, apart from the ramfs's (from 1 up). */
static atomic_t shmem_ino;

int shmem_zero_setup(struct vm_area_struct *vma)
{
	unsigned long npages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	struct shmem_object *obj;

	obj = kzalloc(sizeof(*obj) + npages * sizeof(obj->pages[0]), GFP_KERNEL);
	if (!obj)
		return -ENOMEM;
	atomic_set(&obj->refcount, 1);
	obj->ino = 0x40000000UL + atomic_inc_return(&shmem_ino);
	obj->npages = npages;
	spin_lock_init(&obj->lock);
	vma->vm_shmem = obj;
	vma->vm_pgoff = 0;
	return 0;
}

struct shmem_object *shmem_get(struct shmem_object *obj)
{
	if (obj)
		atomic_inc(&obj->refcount);
	return obj;
}

void shmem_put(struct shmem_object *obj)
{
	if (!obj || !atomic_dec_and_test(&obj->refcount))
		return;
	for (unsigned long i = 0; i < obj->npages; i++)
		if (obj->pages[i])
			free_page((unsigned long)obj->pages[i]);
	kfree(obj);
}

void *shmem_get_page(struct shmem_object *obj, unsigned long index, int *err)
{
	void *page, *new;

	if (index >= obj->npages) {
		*err = -EIO;
		return NULL;
	}
	page = smp_load_acquire(&obj->pages[index]);	/* its zeroes too */
	if (page)
		return page;
	/* Allocated unlocked; whoever stores first wins, the other frees. */
	new = (void *)get_zeroed_page(GFP_KERNEL);
	if (!new) {
		*err = -ENOMEM;
		return NULL;
	}
	spin_lock(&obj->lock);
	page = obj->pages[index];
	if (!page) {
		smp_store_release(&obj->pages[index], new);	/* after its zeroes */
		page = new;
		new = NULL;
	}
	spin_unlock(&obj->lock);
	if (new)
		free_page((unsigned long)new);
	return page;
}
