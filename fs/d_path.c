// SPDX-License-Identifier: GPL-2.0
/*
 * fs/d_path.c: the path of an inode, by walking up its dentry's parents
 * to the root (a file with several names: its first, d_find_alias):
 * getcwd(2), /proc/PID/fd and exe, and the kernel's own messages.
 * ramfs_path() wants ramfs_lock held (a rename on another CPU moves parents and names).
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
	struct dentry *dentry = d_find_alias(inode);
	size_t pos = size;

	if (!size)
		return -ERANGE;
	if (!dentry)
		return -ENOENT;		/* a pipe: no name */
	buf[--pos] = '\0';
	for (; dentry->d_inode != ramfs_root(); dentry = dentry->d_parent) {
		size_t len = strlen(dentry->d_name);

		if (pos < len + 1)
			return -ERANGE;
		pos -= len;
		memcpy(buf + pos, dentry->d_name, len);
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

const char *ramfs_name(struct ramfs_inode *inode, char *buf, size_t size)
{
	struct dentry *dentry;

	spin_lock(&ramfs_lock);
	dentry = d_find_alias(inode);
	strlcpy(buf, dentry ? dentry->d_name : "", size);
	spin_unlock(&ramfs_lock);
	return buf;
}

SYSCALL_DEFINE2(getcwd, char __user *, ubuf, unsigned long, size)
{
	char *buf = kmalloc(RAMFS_PATH_MAX, GFP_KERNEL);
	int len;

	if (!buf)
		return -ENOMEM;
	spin_lock(&ramfs_lock);
	/* a removed working directory has no path: -ENOENT, as Linux */
	len = current_cwd()->i_nlink ? ramfs_path(current_cwd(), buf, RAMFS_PATH_MAX) : -ENOENT;
	spin_unlock(&ramfs_lock);
	if (len > 0 && (unsigned long)len > size)
		len = -ERANGE;
	if (len > 0 && copy_to_user(ubuf, buf, len))
		len = -EFAULT;
	kfree(buf);
	return len;
}
