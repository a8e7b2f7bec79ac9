// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mremap.c: mremap(2), Linux's semantics. [addr, addr + old_len) must
 * lie in one VMA (else -EFAULT). Shrinking unmaps the tail; growing
 * extends the VMA in place when nothing follows it, else, with
 * MREMAP_MAYMOVE, moves it: a new VMA (same flags, same file at the same
 * offset or the same shmem object) and the present pages moved over,
 * descriptors and all, so the contents come along without a copy.
 * MREMAP_FIXED moves to new_addr, replacing what is there. MREMAP_DONTUNMAP is not supported (-EINVAL).
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

#define MREMAP_MAYMOVE	1
#define MREMAP_FIXED	2

/* A fresh VMA at new for len bytes, like vma from addr on. */
static int copy_vma_at(struct mm_struct *mm, const struct vm_area_struct *vma,
		       unsigned long addr, unsigned long new, unsigned long len)
{
	unsigned long pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	struct vm_area_struct *copy;
	int err;

	err = insert_vma_file(mm, new, new + len, vma->vm_flags, vma->vm_file,
			      vma->vm_file || vma->vm_shmem || vma->vm_dev_file ? pgoff : 0);
	if (err)
		return err;
	copy = find_vma(mm, new);
	memcpy(copy->vm_name, vma->vm_name, sizeof(copy->vm_name));
	copy->vm_shmem = shmem_get(vma->vm_shmem);	/* the same shared pages */
	copy->vm_dev_file = vma->vm_dev_file;		/* the same name in maps */
	if (copy->vm_dev_file)
		ihold(copy->vm_dev_file);
	return 0;
}

static long move_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		     unsigned long old_len, unsigned long new, unsigned long new_len)
{
	int err = copy_vma_at(mm, vma, addr, new, new_len);

	if (err)
		return err;
	err = move_page_tables(mm, addr, old_len, new);
	if (err) {
		do_munmap(mm, new, new_len);
		return err;
	}
	do_munmap(mm, addr, old_len);	/* its pages are gone: only the VMA goes */
	return new;
}

/* mmap_lock held for write. */
static long do_mremap(struct mm_struct *mm, unsigned long addr, unsigned long old_len,
		      unsigned long new_len, unsigned long flags, unsigned long new_addr)
{
	struct vm_area_struct *vma, *next;
	unsigned long end, new;
	long err;

	if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) || (addr & ~PAGE_MASK))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	old_len = PAGE_ALIGN(old_len);
	new_len = PAGE_ALIGN(new_len);
	if (!new_len || !old_len || addr + old_len < addr || addr + old_len > TASK_SIZE)
		return -EINVAL;		/* (old_len 0 duplicates shared memory on Linux) */
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start > addr || addr + old_len > vma->vm_end)
		return -EFAULT;

	if (flags & MREMAP_FIXED) {
		if ((new_addr & ~PAGE_MASK) || new_addr + new_len > TASK_SIZE ||
		    new_addr + new_len < new_addr)
			return -EINVAL;
		if (new_addr < addr + old_len && addr < new_addr + new_len)
			return -EINVAL;		/* the two ranges overlap */
		err = do_munmap(mm, new_addr, new_len);
		if (err)
			return err;
		if (old_len > new_len) {
			err = do_munmap(mm, addr + new_len, old_len - new_len);
			if (err)
				return err;
			old_len = new_len;
		}
		vma = find_vma(mm, addr);
		return move_vma(mm, vma, addr, old_len, new_addr, new_len);
	}
	if (new_len <= old_len) {
		if (new_len < old_len) {
			err = do_munmap(mm, addr + new_len, old_len - new_len);
			if (err)
				return err;
		}
		return addr;
	}
	if (vma->vm_flags & VM_PFNMAP)
		return -EFAULT;		/* the kernel's pages cannot grow (Linux: the same) */
	/* Grow in place: the range ends its VMA and nothing follows up to the new end. */
	end = addr + new_len;
	next = find_vma(mm, addr + old_len);
	if (addr + old_len == vma->vm_end && end <= TASK_SIZE && end > addr &&
	    (!next || next->vm_start >= end) && end <= STACK_TOP - STACK_RLIMIT - PAGE_SIZE) {
		vm_stat_account(mm, vma->vm_flags, (end - vma->vm_end) >> PAGE_SHIFT);
		vma->vm_end = end;
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	new = get_unmapped_area(mm, new_len);
	if (!new)
		return -ENOMEM;
	return move_vma(mm, vma, addr, old_len, new, new_len);
}

SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
		unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	long ret;

	if (!mm)
		return -EINVAL;
	mmap_write_lock(mm);
	ret = do_mremap(mm, addr, old_len, new_len, flags, new_addr);
	mmap_write_unlock(mm);
	return ret;
}
