// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/char/mem.c: the memory devices of major 1, as Linux numbers them,
 * and their nodes in /dev (made by the kernel, as devtmpfs would):
 *
 *   /dev/null     1,3  reads end of file, writes vanish
 *   /dev/zero     1,5  reads zeros, writes vanish; mmap gives zeroed memory:
 *                      MAP_PRIVATE anonymous memory, MAP_SHARED a shmem
 *                      object of its own (shared across fork), as Linux's
 *   /dev/full     1,7  reads zeros, writes fail with -ENOSPC
 *   /dev/random   1,8  reads bytes from the random source below
 *   /dev/urandom  1,9  the same
 *
 * /dev/random and /dev/urandom read the kernel's one generator,
 * get_random_bytes() in drivers/char/random.c (what getrandom(2) returns):
 * see there for what its seed is worth.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/printk.h>
#include <linux/shmem_fs.h>
#include <linux/string.h>

#define MEM_MAJOR	1

void get_random_bytes(void *buf, size_t len);	/* drivers/char/random.c */

static ssize_t read_null(struct file *file, char *buf, size_t count, loff_t *pos)
{
	return 0;
}

static ssize_t write_null(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	return count;
}

static ssize_t read_zero(struct file *file, char *buf, size_t count, loff_t *pos)
{
	memset(buf, 0, count);
	return count;
}

/*
 * Linux's mmap_zero: a shared mapping gets a shmem object of its own
 * (maps: "/dev/zero (deleted)", shmem_zero_setup's file); a private one
 * stays the anonymous memory it was made as, but keeps the file it was
 * made through (Linux's vma_set_anonymous leaves vm_file), so maps names
 * it with the file's device, inode and the mmap offset: "/dev/zero".
 */
static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma->vm_dev_file = file->f_inode;
	ihold(vma->vm_dev_file);
	return 0;
}

static ssize_t write_full(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	return -ENOSPC;
}

static ssize_t read_random(struct file *file, char *buf, size_t count, loff_t *pos)
{
	get_random_bytes(buf, count);
	return count;
}

static const struct file_operations null_fops = {
	.read = read_null, .write = write_null, .llseek = noop_llseek,
};
static const struct file_operations zero_fops = {
	.read = read_zero, .write = write_null, .llseek = noop_llseek, .mmap = mmap_zero,
};
static const struct file_operations full_fops = {
	.read = read_zero, .write = write_full, .llseek = noop_llseek,
};
static const struct file_operations random_fops = {
	.read = read_random, .write = write_null, .llseek = noop_llseek,
};

static const struct memdev {
	const char *name;
	unsigned int minor;
	const struct file_operations *fops;
} devlist[] = {
	{ "null", 3, &null_fops },
	{ "zero", 5, &zero_fops },
	{ "full", 7, &full_fops },
	{ "random", 8, &random_fops },
	{ "urandom", 9, &random_fops },
};

/* Major 1: the minor picks the device's operations (Linux's memory_open). */
static int memory_open(struct ramfs_inode *inode, struct file *file)
{
	for (size_t i = 0; i < ARRAY_SIZE(devlist); i++) {
		if (MINOR(inode->rdev) == devlist[i].minor) {
			file->f_op = devlist[i].fops;
			return 0;
		}
	}
	return -ENXIO;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
	.llseek = noop_llseek,
};

void __init chr_dev_init(void)
{
	char path[32];

	if (register_chrdev(MEM_MAJOR, "mem", &memory_fops))
		pr_warn("mem: cannot register major %d\n", MEM_MAJOR);
	ramfs_create("/dev", S_IFDIR | 0755, 0, 0, NULL, 0, NULL);
	for (size_t i = 0; i < ARRAY_SIZE(devlist); i++) {
		int err;

		snprintf(path, sizeof(path), "/dev/%s", devlist[i].name);
		err = ramfs_create(path, S_IFCHR | 0666, MKDEV(MEM_MAJOR, devlist[i].minor), 0,
				   NULL, 0, NULL);
		if (err && err != -EEXIST)
			pr_warn("mem: cannot create %s: %d\n", path, err);
	}
}
