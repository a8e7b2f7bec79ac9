/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/mmap_lock.h: the lock of a user address space, with
 * Linux's names. mm->mmap_lock (a read-write semaphore, linux/rwsem.h)
 * guards the mm's VMAs and what they say: the list, each VMA's bounds,
 * flags and file, brk and the other layout fields a system call changes.
 *
 *   read   the page-fault handler (arch/arm64/mm/fault.c), which looks a
 *          VMA up and maps a page; /proc/PID/maps; msync; anything that
 *          only looks. Threads fault at once on several CPUs: they may
 *          map pages and tables concurrently, so those page-table updates
 *          are made under mm->page_table_lock as well (mm/memory.c).
 *   write  whatever changes the VMAs or takes pages and page-table
 *          entries away: mmap, munmap, mprotect, mremap, brk, madvise,
 *          and fork's copy of the parent (dup_mm), which must not see the
 *          parent's threads change it half way.
 *
 * It sleeps: never take it under a spinlock or with interrupts masked
 * (mmap_read_trylock may be tried there), and never fault on user memory
 * while holding it for write (the fault would wait for it). Documentation/
 * mm/mmap_lock.rst says more.
 */
#ifndef __LINUX_MMAP_LOCK_H
#define __LINUX_MMAP_LOCK_H

#include <linux/bug.h>
#include <linux/mm_types.h>
#include <linux/rwsem.h>

static inline void mmap_init_lock(struct mm_struct *mm)
{
	init_rwsem(&mm->mmap_lock);
}

static inline void mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

static inline bool mmap_write_trylock(struct mm_struct *mm)
{
	return down_write_trylock(&mm->mmap_lock);
}

static inline void mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

static inline void mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline bool mmap_read_trylock(struct mm_struct *mm)
{
	return down_read_trylock(&mm->mmap_lock);
}

static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

static inline void mmap_assert_locked(struct mm_struct *mm)
{
	WARN_ON_ONCE(!rwsem_is_locked(&mm->mmap_lock));
}

static inline void mmap_assert_write_locked(struct mm_struct *mm)
{
	WARN_ON_ONCE(mm->mmap_lock.count != -1);
}

#endif
