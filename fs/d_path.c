// SPDX-License-Identifier: GPL-2.0
/*
 * fs/d_path.c: the path of a directory, by walking up its parents to the
 * root: getcwd(2), and for the kernel's own messages. ramfs_path() wants
 * ramfs_lock held (a rename on another CPU moves parents and names).
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/slab.h>
#include <asm/uaccess.h>

int ramfs_path(struct ramfs_inode *inode, char *buf, size_t size)
{
	size_t pos = size;

	if (!size)
		return -ERANGE;
	buf[--pos] = '\0';
	for (; inode != ramfs_root(); inode = inode->parent) {
		size_t len = strlen(inode->name);

		if (pos < len + 1)
			return -ERANGE;
		pos -= len;
		memcpy(buf + pos, inode->name, len);
		buf[--pos] = '/';
	}
	if (pos == size - 1) {		/* the root itself */
		if (!pos)
			return -ERANGE;
		buf[--pos] = '/';
	}
	memmove(buf, buf + pos, size - pos);
	return size - pos;		/* bytes, with the NUL */
}

SYSCALL_DEFINE2(getcwd, char __user *, ubuf, unsigned long, size)
{
	char *buf = kmalloc(RAMFS_PATH_MAX, GFP_KERNEL);
	int len;

	if (!buf)
		return -ENOMEM;
	spin_lock(&ramfs_lock);
	len = ramfs_path(current_cwd(), buf, RAMFS_PATH_MAX);
	spin_unlock(&ramfs_lock);
	if (len > 0 && (unsigned long)len > size)
		len = -ERANGE;
	if (len > 0 && copy_to_user(ubuf, buf, len))
		len = -EFAULT;
	kfree(buf);
	return len;
}
