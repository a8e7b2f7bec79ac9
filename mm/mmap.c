// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmap.c: the areas of a user address space (VMAs) and the system calls
 * that change them: brk, mmap (anonymous), munmap, mprotect. A VMA only
 * says what may be mapped; pages arrive on first touch (mm/memory.c).
 *
 * Differences from Linux, on purpose:
 *   - mmap maps anonymous memory only (MAP_ANONYMOUS); a file gives -ENODEV.
 *     MAP_SHARED is accepted but, with no sharing across fork, behaves as
 *     MAP_PRIVATE.
 *   - PROT_WRITE | PROT_EXEC together are refused with -EACCES: no user page
 *     is ever writable and executable (W^X).
 *   - The kernel's pages mapped into a process (VM_PFNMAP: [vdso], [vvar],
 *     _install_special_mapping) are never made writable: mprotect with
 *     PROT_WRITE gives -EACCES (Linux gives a debugger a private copy).
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_user.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_TYPE	0x0f
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_FIXED_NOREPLACE 0x100000

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

static struct vm_area_struct *vma_alloc(unsigned long start, unsigned long end,
					unsigned long flags, const char *name)
{
	struct vm_area_struct *vma = kzalloc(sizeof(*vma), GFP_KERNEL);

	if (!vma)
		return NULL;
	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	if (name)
		strlcpy(vma->vm_name, name, sizeof(vma->vm_name));
	return vma;
}

/* A copy of vma covering [start, end) of it: same file (held again), flags, name. */
static struct vm_area_struct *vma_copy(const struct vm_area_struct *vma, unsigned long start,
				       unsigned long end)
{
	struct vm_area_struct *copy = vma_alloc(start, end, vma->vm_flags, vma->vm_name);

	if (!copy)
		return NULL;
	copy->vm_file = vma->vm_file;
	copy->vm_pgoff = vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT);
	if (copy->vm_file)
		ihold(copy->vm_file);
	return copy;
}

static void vma_free(struct vm_area_struct *vma)
{
	list_del(&vma->vm_list);
	if (vma->vm_file)
		iput(vma->vm_file);
	kfree(vma);
}

int insert_vma_file(struct mm_struct *mm, unsigned long start, unsigned long end,
		    unsigned long vm_flags, struct ramfs_inode *file, unsigned long pgoff)
{
	struct vm_area_struct *next = find_vma(mm, start), *vma;

	if (start >= end || end > TASK_SIZE)
		return -EINVAL;
	if (next && next->vm_start < end)
		return -EEXIST;
	vma = vma_alloc(start, end, vm_flags, file ? file->name : NULL);
	if (!vma)
		return -ENOMEM;
	vma->vm_file = file;
	vma->vm_pgoff = pgoff;
	if (file)
		ihold(file);
	/* Before next, or at the end: the list stays sorted. */
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	return 0;
}

int insert_vma(struct mm_struct *mm, unsigned long start, unsigned long end,
	       unsigned long vm_flags, const char *name)
{
	struct vm_area_struct *vma;
	int err = insert_vma_file(mm, start, end, vm_flags, NULL, 0);

	if (!err && name) {
		vma = find_vma(mm, start);
		strlcpy(vma->vm_name, name, sizeof(vma->vm_name));
	}
	return err;
}

void free_vmas(struct mm_struct *mm)
{
	while (!list_empty(&mm->mmap)) {
		vma_free(list_first_entry(&mm->mmap, struct vm_area_struct, vm_list));
	}
}

int dup_vmas(struct mm_struct *dst, struct mm_struct *src)
{
	struct vm_area_struct *vma, *copy;

	list_for_each_entry(vma, &src->mmap, vm_list) {
		copy = vma_copy(vma, vma->vm_start, vma->vm_end);
		if (!copy)
			return -ENOMEM;
		list_add_tail(&copy->vm_list, &dst->mmap);
	}
	return 0;
}

int _install_special_mapping(struct mm_struct *mm, unsigned long addr, unsigned long len,
			     unsigned long vm_flags, const struct vm_special_mapping *spec)
{
	int err;

	len = PAGE_ALIGN(len);
	err = insert_vma(mm, addr, addr + len, vm_flags | VM_PFNMAP, spec->name);
	if (err)
		return err;
	err = remap_pfn_range(mm, addr, spec->pfn, len, vm_flags);
	if (err)
		do_munmap(mm, addr, len);
	return err;
}

/* Make addr a VMA boundary, splitting the VMA that straddles it. */
static int split_at(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr), *tail;

	if (!vma || vma->vm_start >= addr)
		return 0;
	tail = vma_copy(vma, addr, vma->vm_end);
	if (!tail)
		return -ENOMEM;
	vma->vm_end = addr;
	list_add(&tail->vm_list, &vma->vm_list);
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + PAGE_ALIGN(len);
	struct vm_area_struct *vma;

	if ((start & ~PAGE_MASK) || !len || end > TASK_SIZE || end <= start)
		return -EINVAL;
	if (split_at(mm, start) || split_at(mm, end))
		return -ENOMEM;
	while ((vma = find_vma(mm, start)) && vma->vm_start < end)
		vma_free(vma);
	unmap_pages(mm, start, end);
	return 0;
}

/* The lowest free range of len bytes at or above mm->mmap_base; 0 if none. */
static unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
{
	unsigned long addr = mm->mmap_base;
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_end <= addr)
			continue;
		if (vma->vm_start >= addr + len)
			break;
		addr = vma->vm_end;
	}
	if (addr + len > STACK_TOP - STACK_RLIMIT - PAGE_SIZE || addr + len < addr)
		return 0;
	return addr;
}

static unsigned long prot_to_vm(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	int err;

	if (!mm)
		return -EINVAL;
	if (!len || PAGE_ALIGN(len) < len || (off & ~PAGE_MASK))
		return -EINVAL;
	if ((flags & MAP_TYPE) != MAP_PRIVATE && (flags & MAP_TYPE) != MAP_SHARED)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if ((prot & PROT_WRITE) && (prot & PROT_EXEC))
		return -EACCES;
	len = PAGE_ALIGN(len);
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if ((addr & ~PAGE_MASK) || addr + len > TASK_SIZE || addr + len < addr)
			return -EINVAL;
		if (flags & MAP_FIXED_NOREPLACE) {
			struct vm_area_struct *vma = find_vma(mm, addr);

			if (vma && vma->vm_start < addr + len)
				return -EEXIST;
		} else {
			err = do_munmap(mm, addr, len);
			if (err)
				return err;
		}
	} else {
		addr = get_unmapped_area(mm, len);
		if (!addr)
			return -ENOMEM;
	}
	err = insert_vma(mm, addr, addr + len, prot_to_vm(prot), NULL);
	return err ? err : (long)addr;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, unsigned long, len)
{
	if (!current->mm)
		return -EINVAL;
	return do_munmap(current->mm, addr, len);
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, unsigned long, len, unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	unsigned long end = start + PAGE_ALIGN(len), a;
	struct vm_area_struct *vma;

	if (!mm || (start & ~PAGE_MASK) || end < start || end > TASK_SIZE)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if ((prot & PROT_WRITE) && (prot & PROT_EXEC))
		return -EACCES;
	if (start == end)
		return 0;
	/* All of the range must be mapped (Linux: -ENOMEM otherwise). */
	for (a = start; a < end; a = vma->vm_end) {
		vma = find_vma(mm, a);
		if (!vma || vma->vm_start > a)
			return -ENOMEM;
		/* The kernel's pages (vDSO, vvar) are shared: never writable. */
		if ((vma->vm_flags & VM_PFNMAP) && (prot & PROT_WRITE))
			return -EACCES;
	}
	if (split_at(mm, start) || split_at(mm, end))
		return -ENOMEM;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_end <= start)
			continue;
		if (vma->vm_start >= end)
			break;
		vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) |
				prot_to_vm(prot);
	}
	change_protection(mm, start, end, prot_to_vm(prot));
	return 0;
}

/*
 * brk: the heap is one VMA [start_brk, brk rounded up). Returns the new
 * break, or the old one if the request cannot be met (as Linux does).
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long old_end, new_end;
	struct vm_area_struct *vma;

	if (!mm)
		return -EINVAL;
	if (brk < mm->start_brk || brk > TASK_SIZE)
		return mm->brk;
	old_end = PAGE_ALIGN(mm->brk);
	new_end = PAGE_ALIGN(brk);
	if (new_end > old_end) {
		vma = find_vma(mm, old_end);
		if (vma && vma->vm_start < new_end)
			return mm->brk;		/* would run into another area */
		vma = old_end > mm->start_brk ? find_vma(mm, old_end - 1) : NULL;
		if (vma && vma->vm_end == old_end && vma->vm_start >= mm->start_brk)
			vma->vm_end = new_end;
		else if (insert_vma(mm, old_end, new_end, VM_READ | VM_WRITE, NULL))
			return mm->brk;
	} else if (new_end < old_end) {
		do_munmap(mm, new_end, old_end - new_end);
	}
	mm->brk = brk;
	return brk;
}
