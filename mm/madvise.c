// SPDX-License-Identifier: GPL-2.0
/*
 * mm/madvise.c: madvise(2). MADV_DONTNEED drops the range's pages, as
 * Linux does: anonymous private memory reads as zeros afterwards, a
 * private file mapping as the file's bytes again, a shared one as the
 * file (whose bytes stay), anonymous shared memory as before (its pages
 * are its shmem object's, mm/shmem.c). Every other advice Linux v5.15
 * defines is a hint with nothing to act on here (no swap, no huge pages,
 * no page cache), accepted and ignored, except MADV_REMOVE, which needs a
 * file system that can punch holes (-EOPNOTSUPP, as Linux on ramfs). The
 * range must be mapped: -ENOMEM otherwise, as Linux.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

#define MADV_NORMAL	0
#define MADV_DONTNEED	4
#define MADV_FREE	8
#define MADV_REMOVE	9
#define MADV_PAGEOUT	21	/* the highest in v5.15 */
#define MADV_HWPOISON	100
#define MADV_SOFT_OFFLINE 101

static bool madvise_behavior_valid(int behavior)
{
	return behavior >= MADV_NORMAL && behavior <= MADV_PAGEOUT &&
	       (behavior < 5 || behavior > 7);	/* 5-7: never defined */
}

SYSCALL_DEFINE3(madvise, unsigned long, start, unsigned long, len_in, int, behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = PAGE_ALIGN(len_in), end = start + len;
	int err = 0;

	if (!mm || (start & ~PAGE_MASK) || !madvise_behavior_valid(behavior))
		return -EINVAL;
	if (len_in && !len)
		return -EINVAL;		/* rounding wrapped */
	if (end < start || end > TASK_SIZE)
		return -EINVAL;
	if (start == end)
		return 0;
	/*
	 * For write, where Linux takes it for read and zaps under the page-table
	 * lock: MADV_DONTNEED frees pages, and here only writers do that.
	 */
	mmap_write_lock(mm);
	if (!range_mapped(mm, start, end))
		err = -ENOMEM;
	else if (behavior == MADV_DONTNEED && range_has_pfnmap(mm, start, end))
		err = -EINVAL;		/* the kernel's pages ([vdso], [vvar]): as Linux */
	else if (behavior == MADV_DONTNEED)
		unmap_pages(mm, start, end);
	else if (behavior == MADV_REMOVE)
		err = -EOPNOTSUPP;
	mmap_write_unlock(mm);
	return err;
}
