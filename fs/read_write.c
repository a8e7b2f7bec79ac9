// SPDX-License-Identifier: GPL-2.0
/*
 * fs/read_write.c: read, write and lseek; pread64/pwrite64 (at a given
 * position, the file's own unchanged) and readv/writev (one call per
 * buffer, stopping at the first short one, as Linux's loop does).
 *
 * File operations work on kernel buffers (include/linux/fs.h), so the
 * system calls move the bytes through a bounce buffer: a small one on the
 * stack for the common short read or write (the shell reads its input a
 * byte at a time), else a kmalloc'd page. Regular files are read in as many
 * page-sized pieces as asked for; devices get one call, so a tty read
 * returns what one line gives instead of blocking for the next.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <asm/memory.h>
#include <asm/uaccess.h>

#define STACK_BOUNCE 256

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = file->f_inode->size;
		break;
	default:
		return -EINVAL;
	}
	if (offset < -base)
		return -EINVAL;		/* before the start */
	file->f_pos = base + offset;
	return file->f_pos;
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file->f_inode->mode))
		return -EISDIR;
	if (!file->f_op->read)
		return -EINVAL;
	return file->f_op->read(file, buf, count, pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write)
		return -EINVAL;
	return file->f_op->write(file, buf, count, pos);
}

/* A bounce buffer for count bytes: the stack one, or a page (NULL: -ENOMEM). */
static char *bounce(char *stack_buf, size_t count, size_t *size)
{
	if (count <= STACK_BOUNCE) {
		*size = STACK_BOUNCE;
		return stack_buf;
	}
	*size = PAGE_SIZE;
	return kmalloc(PAGE_SIZE, GFP_KERNEL);
}

static ssize_t do_read(struct file *file, char __user *ubuf, size_t count, loff_t *pos)
{
	char stack_buf[STACK_BOUNCE], *buf;
	bool whole = S_ISREG(file->f_inode->mode);
	size_t size, done = 0;
	ssize_t ret = 0;

	if (!count)
		return kernel_read(file, stack_buf, 0, pos);
	buf = bounce(stack_buf, count, &size);
	if (!buf)
		return -ENOMEM;
	while (done < count) {
		size_t want = min(count - done, size);

		ret = kernel_read(file, buf, want, pos);
		if (ret <= 0)
			break;
		if (copy_to_user(ubuf + done, buf, ret)) {
			ret = -EFAULT;
			break;
		}
		done += ret;
		if (!whole || (size_t)ret < want)
			break;
	}
	if (buf != stack_buf)
		kfree(buf);
	return done ? (ssize_t)done : ret;
}

static ssize_t do_write(struct file *file, const char __user *ubuf, size_t count, loff_t *pos)
{
	char stack_buf[STACK_BOUNCE], *buf;
	size_t size, done = 0;
	ssize_t ret = 0;

	if (!count)
		return kernel_write(file, "", 0, pos);
	buf = bounce(stack_buf, count, &size);
	if (!buf)
		return -ENOMEM;
	while (done < count) {
		size_t want = min(count - done, size);

		if (copy_from_user(buf, ubuf + done, want)) {
			ret = -EFAULT;
			break;
		}
		ret = kernel_write(file, buf, want, pos);
		if (ret <= 0)
			break;
		done += ret;
		if ((size_t)ret < want)
			break;
	}
	if (buf != stack_buf)
		kfree(buf);
	return done ? (ssize_t)done : ret;
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = do_read(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = do_write(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

SYSCALL_DEFINE3(lseek, unsigned int, fd, loff_t, offset, unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	ret = whence > SEEK_END ? -EINVAL : vfs_llseek(file, offset, whence);
	fput(file);
	return ret;
}

/* pread64/pwrite64: only on files that can seek (-ESPIPE: pipes, ttys). */
static ssize_t positioned(unsigned int fd, char __user *buf, size_t count, loff_t pos,
			  bool write)
{
	struct file *file;
	ssize_t ret;

	if (pos < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!file->f_op->llseek || file->f_op->llseek == noop_llseek)
		ret = -ESPIPE;
	else if (write)
		ret = do_write(file, buf, count, &pos);
	else
		ret = do_read(file, buf, count, &pos);
	fput(file);
	return ret;
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	return positioned(fd, buf, count, pos, false);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count,
		loff_t, pos)
{
	return positioned(fd, (char __user *)buf, count, pos, true);
}

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

#define UIO_MAXIOV 1024

static ssize_t do_iter(unsigned int fd, const struct iovec __user *uvec, unsigned long vlen,
		       bool write)
{
	struct file *file;
	ssize_t total = 0, ret = 0;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (!(file->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		ret = -EBADF;
	for (unsigned long i = 0; !ret && i < vlen; i++) {
		struct iovec iov;

		if (copy_from_user(&iov, uvec + i, sizeof(iov))) {
			ret = -EFAULT;
			break;
		}
		if ((ssize_t)iov.iov_len < 0) {
			ret = -EINVAL;
			break;
		}
		if (!iov.iov_len)
			continue;
		ret = write ? do_write(file, iov.iov_base, iov.iov_len, &file->f_pos) :
			      do_read(file, iov.iov_base, iov.iov_len, &file->f_pos);
		if (ret < 0)
			break;
		total += ret;
		if ((size_t)ret < iov.iov_len) {
			ret = 0;
			break;
		}
		ret = 0;
	}
	fput(file);
	return total ? total : ret;
}

SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_iter(fd, vec, vlen, false);
}

SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	return do_iter(fd, vec, vlen, true);
}
