/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/mm_user.h: user address spaces, for fork, exec, exit and
 * the memory system calls. mm/memory.c owns the page tables and pages,
 * mm/mmap.c the VMAs, brk and mmap.
 */
#ifndef __LINUX_MM_USER_H
#define __LINUX_MM_USER_H

#include <linux/mm_types.h>
#include <linux/types.h>

struct ramfs_inode;
struct task_struct;

/* ---- mm/memory.c ------------------------------------------------------- */
struct mm_struct *mm_alloc(void);		/* empty, users = 1; NULL: no memory */
void mmput(struct mm_struct *mm);		/* drop a user; the last frees it all */
/* kernel/fork.c: task's mm with a reference (tasklist_lock held), or NULL. */
struct mm_struct *get_task_mm(struct task_struct *task);
/*
 * fork: a copy of old. Pages a process owns (anonymous memory, private
 * copies of file pages) are copied now; file pages and shmem pages are
 * shared, a private mapping's still read-only (copied at the first write).
 */
struct mm_struct *dup_mm(struct mm_struct *old);
/*
 * A page fault at addr in mm: map a zeroed page (or the file's or shmem
 * object's page), or copy a private mapping's file page at its first
 * write, if a VMA allows the access. 0, -EFAULT (no VMA: SEGV_MAPERR),
 * -EACCES (VMA forbids it: SEGV_ACCERR) or -EIO (a file mapping's page
 * past the end of the file: SIGBUS, BUS_ADRERR).
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr, bool write, bool exec);
/*
 * The kernel (linear-map) address of the byte at user address addr of
 * mm, to write there: the page is faulted in as for a write, whatever
 * the VMA's protections (a private mapping's file page is copied first):
 * how exec writes into an address space that is not live. NULL if
 * no VMA covers addr, it is the kernel's (VM_PFNMAP), or memory ran out.
 */
void *mm_user_kaddr(struct mm_struct *mm, unsigned long addr);
/* Unmap and free the pages of [start, end); flush their TLB entries. */
void unmap_pages(struct mm_struct *mm, unsigned long start, unsigned long end);
/*
 * Take inode's own pages out of every mapping of it, shared or private, in
 * every address space (the next touch maps them again; private copies
 * stay): before the file's buffer moves or shrinks (fs/ramfs/file.c).
 * ramfs_lock held.
 */
void unmap_mapping_range(struct ramfs_inode *inode);
/* Every file VMA of every mm, by vm_shared; ramfs_lock guards it (mm/mmap.c). */
extern struct list_head file_vmas;
/* mremap: move the pages of [old, old + len) to new (tables made first): 0 or -ENOMEM. */
int move_page_tables(struct mm_struct *mm, unsigned long old, unsigned long len,
		     unsigned long new);
/*
 * Re-protect the present pages of [start, end) as their VMAs' flags now
 * say (a private mapping's file pages stay read-only).
 */
void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end);
/* The descriptor bits of a user page with these VM_* flags (PXN always; W^X). */
u64 vm_page_prot(unsigned long vm_flags);
/*
 * Copy up to len bytes at user address addr of mm (any process's) into
 * buf, stopping at the first page not present: the bytes copied. No
 * faults are taken: for /proc/PID/cmdline, whose pages exec wrote.
 */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len);
/* The descriptor mapping addr in mm, or 0. */
u64 user_pte(struct mm_struct *mm, unsigned long addr);
/*
 * Map the physical pages from pfn on at [addr, addr + size) with vm_flags,
 * marked PTE_SPECIAL: they stay the kernel's (see VM_PFNMAP). 0 or -ENOMEM.
 */
int remap_pfn_range(struct mm_struct *mm, unsigned long addr, unsigned long pfn,
		    unsigned long size, unsigned long vm_flags);
/* Make code written through the linear map at kaddr visible to instruction fetch. */
void sync_icache_page(void *kaddr);

/* ---- mm/mmap.c --------------------------------------------------------- */
/* npages (< 0: fewer) of a VMA with flags joined mm: total_vm, data_vm, stack_vm. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);
/* The first VMA ending above addr (it may start above addr too), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* Add [start, end) with vm_flags; -EEXIST if it overlaps, -ENOMEM. */
int insert_vma(struct mm_struct *mm, unsigned long start, unsigned long end,
	       unsigned long vm_flags, const char *name);
/* Remove [start, end) from the VMAs (splitting them) and free its pages. */
/* The same for a mapping of file (held by the VMA) from page pgoff on; NULL: anonymous. */
int insert_vma_file(struct mm_struct *mm, unsigned long start, unsigned long end,
		    unsigned long vm_flags, struct ramfs_inode *file, unsigned long pgoff);
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
void free_vmas(struct mm_struct *mm);
/*
 * A VMA named spec->name over [addr, addr + len) mapping spec's pages
 * (VM_PFNMAP added to vm_flags): the vDSO and vvar pages exec maps.
 */
int _install_special_mapping(struct mm_struct *mm, unsigned long addr, unsigned long len,
			     unsigned long vm_flags, const struct vm_special_mapping *spec);
/* The lowest free range of len bytes at or above mm->mmap_base; 0 if none. */
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len);
/* Is every page of [start, end) in some VMA? */
bool range_mapped(struct mm_struct *mm, unsigned long start, unsigned long end);
/* Does a VM_PFNMAP VMA (the kernel's pages) meet [start, end)? */
bool range_has_pfnmap(struct mm_struct *mm, unsigned long start, unsigned long end);
int dup_vmas(struct mm_struct *dst, struct mm_struct *src);

#endif
