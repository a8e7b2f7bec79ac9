/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/mm_types.h: a user address space. struct mm_struct holds
 * the page tables TTBR0 points at while the process runs, with the ASID
 * that tags its TLB entries (arch/arm64/mm/context.c), and the list of
 * areas (VMAs) that may be mapped: ELF segments, the heap (brk), mmap()
 * regions and the stack. Pages are allocated when first touched
 * (mm/memory.c), except ELF segments, which exec fills at once. The
 * threads of a process share one, on any number of CPUs at once.
 */
#ifndef __LINUX_MM_TYPES_H
#define __LINUX_MM_TYPES_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/rwsem.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>
#include <asm/pgtable.h>

#define VM_READ		0x00000001
#define VM_WRITE	0x00000002
#define VM_EXEC		0x00000004
#define VM_SHARED	0x00000008	/* MAP_SHARED: the pages are the file's or vm_shmem's */
#define VM_MAYWRITE	0x00000020	/* mprotect may add VM_WRITE (shared: fd writable) */
#define VM_GROWSDOWN	0x00000100	/* the stack */
/*
 * The pages are the kernel's (the vDSO's code, the vvar page), mapped by
 * _install_special_mapping: never freed with the mapping, shared (not
 * copied) by fork, never made writable (mprotect: -EACCES).
 */
#define VM_PFNMAP	0x00000400

#define VMA_NAME_LEN 16

struct vm_area_struct {
	unsigned long vm_start, vm_end;	/* [start, end), page aligned */
	unsigned long vm_flags;		/* VM_* */
	char vm_name[VMA_NAME_LEN];	/* "[vdso]"..., or the file's name; "" if anonymous */
	struct ramfs_inode *vm_file;	/* the file mapped (held), NULL if anonymous */
	struct shmem_object *vm_shmem;	/* anonymous MAP_SHARED: its pages (held) */
	struct ramfs_inode *vm_dev_file; /* MAP_PRIVATE of /dev/zero: anonymous, but
					  * named by its file in maps (held) */
	unsigned long vm_pgoff;		/* vm_start's page in the file or vm_shmem */
	struct mm_struct *vm_mm;	/* the address space it is in */
	struct list_head vm_shared;	/* file VMAs: on file_vmas (mmap.c) */
	struct list_head vm_list;	/* in mm->mmap, by address */
};

/* Pages of the kernel's, mapped into processes (_install_special_mapping). */
struct vm_special_mapping {
	const char *name;		/* the VMA's name: "[vdso]", "[vvar]" */
	unsigned long pfn;		/* the first page frame; the others follow it */
};

struct ramfs_inode;
struct shmem_object;

/*
 * Locking (include/linux/mmap_lock.h): mmap_lock, read or write, for the
 * VMAs and the layout fields; page_table_lock, under mmap_lock held for
 * read, for the page-table entries and the counts concurrent page faults
 * change (a fault installs a table or a page only if the entry is still
 * empty). Tables are freed only with the mm, so a pointer to an entry
 * stays good while the mm lives.
 */
struct mm_struct {
	pgd_t *pgd;			/* top-level table (linear-map address) */
	u64 context_id;			/* ASID generation | ASID (context.c) */
	struct list_head mmap;		/* VMAs, sorted by address */
	struct rw_semaphore mmap_lock;	/* the VMAs: faults read, changes write */
	spinlock_t page_table_lock;	/* entries and rss/pgtables, among faults */
	atomic_t users;			/* tasks using it */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack, mmap_base;
	unsigned long arg_start, arg_end, env_start, env_end;
	/*
	 * Pages the VMAs span, in all and of each kind (vm_stat_account,
	 * mm/mmap.c), changed under mmap_lock held for write: /proc/PID/status
	 * reads them without the lock, as Linux does.
	 */
	unsigned long total_vm, data_vm, stack_vm;
	unsigned long rss;		/* user pages mapped */
	unsigned long pgtables;		/* table pages (pgd included) */
	struct ramfs_inode *exe_file;	/* the program exec loaded (held): /proc/PID/exe */
};

#endif
