// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mmap.c: the areas of a user address space (VMAs) and the system calls
 * that change them: brk, mmap, munmap, mprotect (mremap, madvise and msync
 * are in mm/mremap.c, madvise.c, msync.c, as on Linux). A
 * VMA only says what may be mapped; pages arrive on first touch
 * (mm/memory.c).
 *
 * mmap maps anonymous memory or a ramfs regular file (mm/memory.c says
 * which pages are shared and when a page is copied). MAP_SHARED of a file
 * maps the file's own bytes: writes through it are what read() sees, and
 * what every other mapper sees; the file's buffer is made page aligned
 * for it here. MAP_PRIVATE of a file maps the same bytes read-only until
 * the first write to a page, which gives that page a private copy (so
 * until then the mapping shows writes to the file, as on Linux). A page
 * wholly past the end of the file gives SIGBUS. MAP_SHARED |
 * MAP_ANONYMOUS gets a shmem_object (mm/shmem.c) whose pages fork shares
 * with the child. A device with an mmap operation (/dev/zero) makes the
 * mapping what it maps; other files (pipes, /proc, other devices) give
 * -ENODEV.
 *
 * Differences from Linux, on purpose:
 *   - PROT_WRITE | PROT_EXEC together are refused with -EACCES: no user page
 *     is ever writable and executable (W^X).
 *   - The kernel's pages mapped into a process (VM_PFNMAP: [vdso], [vvar],
 *     _install_special_mapping) are never made writable: mprotect with
 *     PROT_WRITE gives -EACCES (Linux gives a debugger a private copy).
 *
 * Each system call here holds the mm's mmap_lock for write while it looks
 * at and changes the VMAs (include/linux/mmap_lock.h): the other threads
 * of the process may be faulting, or in these calls, on other CPUs.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
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

/*
 * Count npages (negative: take away) of a VMA with these flags in mm's
 * totals (Linux's vm_stat_account): every VMA that joins or leaves mm's
 * list, grows, or changes VM_WRITE passes here. A stack is VM_GROWSDOWN;
 * data is private and writable (Linux's is_data_mapping).
 */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	WRITE_ONCE(mm->total_vm, mm->total_vm + npages);
	if (flags & VM_GROWSDOWN)
		WRITE_ONCE(mm->stack_vm, mm->stack_vm + npages);
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		WRITE_ONCE(mm->data_vm, mm->data_vm + npages);
}

static long vma_pages(const struct vm_area_struct *vma)
{
	return (long)((vma->vm_end - vma->vm_start) >> PAGE_SHIFT);
}

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
	INIT_LIST_HEAD(&vma->vm_shared);
	if (name)
		strlcpy(vma->vm_name, name, sizeof(vma->vm_name));
	return vma;
}

/*
 * Every mapping of a file, shared or private, of every mm, under
 * ramfs_lock: where unmap_mapping_range (mm/memory.c) finds the
 * descriptors of the file's pages to take down when the file's buffer
 * moves (Linux keeps them per file, in i_mmap).
 */
LIST_HEAD(file_vmas);

/* vma, just made in mm, holds its file and is listed on file_vmas. */
static void vma_link_file(struct vm_area_struct *vma, struct mm_struct *mm,
			  struct ramfs_inode *file, unsigned long pgoff)
{
	vma->vm_mm = mm;
	vma->vm_file = file;
	vma->vm_pgoff = pgoff;
	if (!file)
		return;
	ihold(file);
	spin_lock(&ramfs_lock);
	list_add(&vma->vm_shared, &file_vmas);
	spin_unlock(&ramfs_lock);
}

/*
 * A copy of vma covering [start, end) of it, in mm: same file or shmem
 * object (held again), flags, name.
 */
static struct vm_area_struct *vma_copy(const struct vm_area_struct *vma, struct mm_struct *mm,
				       unsigned long start, unsigned long end)
{
	struct vm_area_struct *copy = vma_alloc(start, end, vma->vm_flags, vma->vm_name);

	if (!copy)
		return NULL;
	vma_link_file(copy, mm, vma->vm_file,
		      vma->vm_pgoff + ((start - vma->vm_start) >> PAGE_SHIFT));
	copy->vm_shmem = shmem_get(vma->vm_shmem);
	copy->vm_dev_file = vma->vm_dev_file;
	if (copy->vm_dev_file)
		ihold(copy->vm_dev_file);
	return copy;
}

static void vma_free(struct vm_area_struct *vma)
{
	if (vma->vm_mm)
		vm_stat_account(vma->vm_mm, vma->vm_flags, -vma_pages(vma));
	list_del(&vma->vm_list);
	if (!list_empty(&vma->vm_shared)) {
		spin_lock(&ramfs_lock);
		list_del(&vma->vm_shared);
		spin_unlock(&ramfs_lock);
	}
	if (vma->vm_file)
		iput(vma->vm_file);
	if (vma->vm_dev_file)
		iput(vma->vm_dev_file);
	shmem_put(vma->vm_shmem);	/* its pages are no longer mapped here */
	kfree(vma);
}

int insert_vma_file(struct mm_struct *mm, unsigned long start, unsigned long end,
		    unsigned long vm_flags, struct ramfs_inode *file, unsigned long pgoff)
{
	struct vm_area_struct *next = find_vma(mm, start), *vma;
	char name[VMA_NAME_LEN];

	if (start >= end || end > TASK_SIZE)
		return -EINVAL;
	if (next && next->vm_start < end)
		return -EEXIST;
	vma = vma_alloc(start, end, vm_flags, file ? ramfs_name(file, name, sizeof(name)) : NULL);
	if (!vma)
		return -ENOMEM;
	vma_link_file(vma, mm, file, pgoff);
	/* Before next, or at the end: the list stays sorted. */
	list_add_tail(&vma->vm_list, next ? &next->vm_list : &mm->mmap);
	vm_stat_account(mm, vm_flags, vma_pages(vma));
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
		copy = vma_copy(vma, dst, vma->vm_start, vma->vm_end);
		if (!copy)
			return -ENOMEM;
		list_add_tail(&copy->vm_list, &dst->mmap);
		vm_stat_account(dst, copy->vm_flags, vma_pages(copy));
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
	tail = vma_copy(vma, mm, addr, vma->vm_end);
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
	/* The descriptors first: a shmem object's pages may go with its VMA. */
	unmap_pages(mm, start, end);
	while ((vma = find_vma(mm, start)) && vma->vm_start < end)
		vma_free(vma);
	return 0;
}

unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len)
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

/*
 * A ramfs regular file, or a device with its own mmap, that a mapping of
 * file may use, checked as Linux's do_mmap checks the file's mode: 0 or
 * -ENODEV, -EACCES.
 */
static int mmap_file_ok(struct file *file, unsigned long prot, unsigned long flags)
{
	struct ramfs_inode *inode = file->f_inode;

	if (!file->f_op->mmap &&
	    (!S_ISREG(inode->mode) || inode->i_op || file->f_op != &ramfs_file_operations))
		return -ENODEV;
	if (!(file->f_mode & FMODE_READ))
		return -EACCES;
	/* (O_APPEND does not matter: Linux refuses only append-only inodes) */
	if ((flags & MAP_TYPE) == MAP_SHARED && (prot & PROT_WRITE) && !(file->f_mode & FMODE_WRITE))
		return -EACCES;
	return 0;
}

/* mmap_lock held for write. */
static long do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len,
		    unsigned long prot, unsigned long flags, unsigned long fd, unsigned long off)
{
	struct file *file = NULL;
	unsigned long vm_flags;
	int err;

	if (!len || PAGE_ALIGN(len) < len || (off & ~PAGE_MASK))
		return -EINVAL;
	if ((flags & MAP_TYPE) != MAP_PRIVATE && (flags & MAP_TYPE) != MAP_SHARED)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if ((prot & PROT_WRITE) && (prot & PROT_EXEC))
		return -EACCES;
	len = PAGE_ALIGN(len);
	if (off + len < off)
		return -EOVERFLOW;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
		err = mmap_file_ok(file, prot, flags);
		if (err)
			goto out;
	}
	vm_flags = prot_to_vm(prot);
	if ((flags & MAP_TYPE) == MAP_SHARED)
		vm_flags |= VM_SHARED | (!file || (file->f_mode & FMODE_WRITE) ? VM_MAYWRITE : 0);
	if (file && !file->f_op->mmap) {	/* both kinds map the file's pages */
		err = ramfs_make_mappable(file->f_inode);
		/* (private: without, each page is copied at its first touch) */
		if (err && (vm_flags & VM_SHARED))
			goto out;
		err = 0;
	}
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		err = -EINVAL;
		if ((addr & ~PAGE_MASK) || addr + len > TASK_SIZE || addr + len < addr)
			goto out;
		if (flags & MAP_FIXED_NOREPLACE) {
			struct vm_area_struct *vma = find_vma(mm, addr);

			err = -EEXIST;
			if (vma && vma->vm_start < addr + len)
				goto out;
		} else {
			err = do_munmap(mm, addr, len);
			if (err)
				goto out;
		}
	} else {
		addr = get_unmapped_area(mm, len);
		err = -ENOMEM;
		if (!addr)
			goto out;
	}
	if (file && file->f_op->mmap) {
		/* The device's: anonymous to start with, as Linux's vma_set_anonymous */
		err = insert_vma_file(mm, addr, addr + len, vm_flags, NULL, off >> PAGE_SHIFT);
		if (!err) {
			err = file->f_op->mmap(file, find_vma(mm, addr));
			if (err)
				do_munmap(mm, addr, len);
		}
		goto out;
	}
	err = insert_vma_file(mm, addr, addr + len, vm_flags, file ? file->f_inode : NULL,
			      off >> PAGE_SHIFT);
	if (!err && !file && (vm_flags & VM_SHARED)) {
		err = shmem_zero_setup(find_vma(mm, addr));
		if (err)
			do_munmap(mm, addr, len);
	}
out:
	if (file)
		fput(file);
	return err ? err : (long)addr;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, unsigned long, fd, unsigned long, off)
{
	struct mm_struct *mm = current->mm;
	long ret;

	if (!mm)
		return -EINVAL;
	mmap_write_lock(mm);
	ret = do_mmap(mm, addr, len, prot, flags, fd, off);
	mmap_write_unlock(mm);
	return ret;
}

bool range_mapped(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	for (unsigned long a = start; a < end; a = vma->vm_end) {
		vma = find_vma(mm, a);
		if (!vma || vma->vm_start > a)
			return false;
	}
	return true;
}

bool range_has_pfnmap(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_end > start && vma->vm_start < end && (vma->vm_flags & VM_PFNMAP))
			return true;
	return false;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, unsigned long, len)
{
	struct mm_struct *mm = current->mm;
	int ret;

	if (!mm)
		return -EINVAL;
	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return ret;
}

/* mmap_lock held for write. */
static int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		       unsigned long prot)
{
	unsigned long end = start + PAGE_ALIGN(len), a;
	struct vm_area_struct *vma;

	if ((start & ~PAGE_MASK) || end < start || end > TASK_SIZE)
		return -EINVAL;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if ((prot & PROT_WRITE) && (prot & PROT_EXEC))
		return -EACCES;
	if (start == end)
		return 0;
	/* All of the range must be mapped (Linux: -ENOMEM otherwise). */
	if (!range_mapped(mm, start, end))
		return -ENOMEM;
	/* A shared mapping of a file opened read-only never becomes writable. */
	for (a = start; (prot & PROT_WRITE) && a < end; a = vma->vm_end) {
		vma = find_vma(mm, a);
		/* The kernel's pages (vDSO, vvar) are shared: never writable; nor a
		 * shared mapping of a file opened read-only. */
		if ((vma->vm_flags & VM_PFNMAP) ||
		    ((vma->vm_flags & VM_SHARED) && !(vma->vm_flags & VM_MAYWRITE)))
			return -EACCES;
	}
	if (split_at(mm, start) || split_at(mm, end))
		return -ENOMEM;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (vma->vm_end <= start)
			continue;
		if (vma->vm_start >= end)
			break;
		vm_stat_account(mm, vma->vm_flags, -vma_pages(vma));
		vma->vm_flags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) |
				prot_to_vm(prot);
		vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	}
	change_protection(mm, start, end);
	return 0;
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, unsigned long, len, unsigned long, prot)
{
	struct mm_struct *mm = current->mm;
	int ret;

	if (!mm)
		return -EINVAL;
	mmap_write_lock(mm);
	ret = do_mprotect(mm, start, len, prot);
	mmap_write_unlock(mm);
	return ret;
}

/*
 * brk: the heap is one VMA [start_brk, brk rounded up). Returns the new
 * break, or the old one if the request cannot be met (as Linux does).
 */
static unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long old_end, new_end;
	struct vm_area_struct *vma;

	if (brk < mm->start_brk || brk > TASK_SIZE)
		return mm->brk;
	old_end = PAGE_ALIGN(mm->brk);
	new_end = PAGE_ALIGN(brk);
	if (new_end > old_end) {
		vma = find_vma(mm, old_end);
		if (vma && vma->vm_start < new_end)
			return mm->brk;		/* would run into another area */
		vma = old_end > mm->start_brk ? find_vma(mm, old_end - 1) : NULL;
		if (vma && vma->vm_end == old_end && vma->vm_start >= mm->start_brk) {
			vma->vm_end = new_end;
			vm_stat_account(mm, vma->vm_flags, (new_end - old_end) >> PAGE_SHIFT);
		}
		else if (insert_vma(mm, old_end, new_end, VM_READ | VM_WRITE, NULL))
			return mm->brk;
	} else if (new_end < old_end) {
		do_munmap(mm, new_end, old_end - new_end);
	}
	mm->brk = brk;
	return brk;
}

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long ret;

	if (!mm)
		return -EINVAL;
	mmap_write_lock(mm);
	ret = do_brk(mm, brk);
	mmap_write_unlock(mm);
	return ret;
}
