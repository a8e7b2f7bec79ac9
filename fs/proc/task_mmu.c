// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/task_mmu.c: /proc/PID/maps, one line per VMA in Linux's format
 * (show_map_vma):
 *
 *   start-end perms offset major:minor inode   path
 *   00400000-0040b000 r-xp 00000000 00:01 1234          /bin/busybox
 *
 * perms are r, w, x and p (private) or s (shared); offset, device and
 * inode are the file's (00:01 is the ramfs, 00:03 /dev), 0 for anonymous memory. The
 * path column starts at column 74 as Linux pads it; anonymous areas are
 * named [heap] (brk), [stack] (the one exec made) or what their maker
 * called them ([vdso]); anonymous shared memory is "/dev/zero (deleted)"
 * with its shmem object's number, as Linux shows its shmem file; a private
 * mapping of /dev/zero, anonymous memory too, is named by the file it was
 * made through ("/dev/zero", its device, inode and offset), as Linux's
 * show_map_vma names the vm_file its mmap_zero leaves in place.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "internal.h"

#define MAPS_PAD 73	/* Linux's: 25 + 6 * sizeof(void *) - 1 */

static const char *anon_name(const struct mm_struct *mm, const struct vm_area_struct *vma)
{
	if (vma->vm_name[0] == '[')
		return vma->vm_name;
	/* Linux's test, but with a heap apart from .bss, which is not merged into it here */
	if (vma->vm_start <= mm->brk && vma->vm_end > mm->start_brk && mm->start_brk)
		return "[heap]";
	if (vma->vm_flags & VM_GROWSDOWN)
		return "[stack]";
	return NULL;
}

static int show_map_vma(const struct mm_struct *mm, const struct vm_area_struct *vma,
			char *buf, size_t size)
{
	struct ramfs_inode *file = vma->vm_file ? vma->vm_file : vma->vm_dev_file;
	const char *name = file ? NULL : anon_name(mm, vma);
	bool backed = file || vma->vm_shmem;
	u32 dev;
	int len;

	if (vma->vm_shmem)	/* Linux's name for its shmem file */
		name = "/dev/zero (deleted)";
	/* the file's filesystem (Linux's i_sb->s_dev); shmem's is 00:01 as on Linux */
	dev = file ? file->i_sdev : backed ? ROOTFS_DEV : 0;
	len = snprintf(buf, size, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ",
		       vma->vm_start, vma->vm_end, vma->vm_flags & VM_READ ? 'r' : '-',
		       vma->vm_flags & VM_WRITE ? 'w' : '-', vma->vm_flags & VM_EXEC ? 'x' : '-',
		       vma->vm_flags & VM_SHARED ? 's' : 'p',
		       backed ? vma->vm_pgoff << PAGE_SHIFT : 0, MAJOR(dev), MINOR(dev),
		       file ? file->ino : vma->vm_shmem ? vma->vm_shmem->ino : 0);
	if (!file && !name)
		goto newline;
	while (len < MAPS_PAD && len < (int)size - 1)
		buf[len++] = ' ';
	if (name) {
		len += snprintf(buf + len, size - len, "%s", name);
	} else if (len < (int)size) {
		int n;

		bool deleted;

		spin_lock(&ramfs_lock);
		n = ramfs_path(file, buf + len, size - len);
		deleted = !file->i_nlink;
		spin_unlock(&ramfs_lock);

		if (n > 0)
			len += n - 1;
		if (deleted)
			len += snprintf(buf + len, size - len, " (deleted)");
	}
newline:
	len += snprintf(buf + len, size - len, "\n");
	return min(len, (int)size);
}

/* mm's mmap_lock held for read (fs/proc/root.c): the VMAs stay as they are. */
int proc_pid_maps(struct mm_struct *mm, char *buf, size_t size)
{
	const struct vm_area_struct *vma;
	int len = 0;

	if (!mm)
		return 0;
	list_for_each_entry(vma, &mm->mmap, vm_list) {
		if (len >= (int)size - 1)
			break;
		len += show_map_vma(mm, vma, buf + len, size - len);
	}
	return min(len, (int)size - 1);
}
