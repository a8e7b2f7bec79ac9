// SPDX-License-Identifier: GPL-2.0
/*
 * mm/msync.c: msync(2). A shared mapping of a ramfs file maps the file's
 * own bytes, so there is nothing to write back: as on Linux for ramfs,
 * msync only checks its arguments (flags, alignment, MS_ASYNC with
 * MS_SYNC) and that the range is mapped (-ENOMEM otherwise).
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/processor.h>

#define MS_ASYNC	1
#define MS_INVALIDATE	2
#define MS_SYNC		4

SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	bool mapped;

	if (!mm || (start & ~PAGE_MASK) || (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = PAGE_ALIGN(len);
	end = start + len;
	if (end < start || end > TASK_SIZE)
		return -ENOMEM;
	if (start == end)
		return 0;
	mmap_read_lock(mm);
	mapped = range_mapped(mm, start, end);
	mmap_read_unlock(mm);
	return mapped ? 0 : -ENOMEM;
}
