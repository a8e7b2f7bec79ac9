// SPDX-License-Identifier: GPL-2.0
/*
 * fs/readdir.c: getdents64, a directory's entries as struct linux_dirent64
 * records packed one after another:
 *
 *	offset 0  u64 d_ino
 *	       8  s64 d_off      where the next getdents64 would resume
 *	      16  u16 d_reclen   the record's size, a multiple of 8
 *	      18  u8  d_type     DT_DIR, DT_REG, ... (fs_umode_to_dtype)
 *	      19  char d_name[]  NUL-terminated, then padding
 *
 * The directory's iterate() hands each entry to filldir64(), which packs it
 * into a kernel page; the page is then copied out. dirent64_pack() has no
 * kernel dependencies and is unit-tested on the host (test_readdir.c).
 */
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/memory.h>
#include <asm/uaccess.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

BUILD_BUG_ON(offsetof(struct linux_dirent64, d_name) != 19);

size_t dirent64_pack(void *buf, size_t space, u64 ino, s64 off, unsigned int d_type,
		     const char *name, int namelen)
{
	size_t reclen = ALIGN(offsetof(struct linux_dirent64, d_name) + namelen + 1,
			      sizeof(u64));
	struct linux_dirent64 *d = buf;

	if (reclen > space)
		return 0;
	memset(d, 0, reclen);		/* the padding goes to user space too */
	d->d_ino = ino;
	d->d_off = off;
	d->d_reclen = reclen;
	d->d_type = d_type;
	memcpy(d->d_name, name, namelen);
	return reclen;
}

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	if (!S_ISDIR(file->f_inode->mode) || !file->f_op->iterate)
		return -ENOTDIR;
	return file->f_op->iterate(file, ctx);
}

struct getdents_callback64 {
	struct dir_context ctx;
	char *buf;
	size_t size, used;
	bool full;
};

static bool filldir64(struct dir_context *ctx, const char *name, int namelen,
		      loff_t next_pos, u64 ino, unsigned int d_type)
{
	struct getdents_callback64 *gd = container_of(ctx, struct getdents_callback64, ctx);
	size_t n = dirent64_pack(gd->buf + gd->used, gd->size - gd->used, ino, next_pos,
				 d_type, name, namelen);

	gd->used += n;
	gd->full = !n;
	return n;
}

SYSCALL_DEFINE3(getdents64, unsigned int, fd, void __user *, dirent, unsigned int, count)
{
	struct getdents_callback64 gd = { .ctx.actor = filldir64 };
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	gd.size = min((size_t)count, (size_t)PAGE_SIZE);
	gd.buf = kmalloc(gd.size ? gd.size : 1, GFP_KERNEL);
	if (!gd.buf) {
		fput(file);
		return -ENOMEM;
	}
	gd.ctx.pos = file->f_pos;
	err = iterate_dir(file, &gd.ctx);
	if (!err && gd.full && !gd.used)
		err = -EINVAL;		/* not even one entry fits: Linux's answer */
	if (!err && gd.used && copy_to_user(dirent, gd.buf, gd.used))
		err = -EFAULT;
	if (!err)
		file->f_pos = gd.ctx.pos;
	kfree(gd.buf);
	fput(file);
	return err ? err : (long)gd.used;
}
