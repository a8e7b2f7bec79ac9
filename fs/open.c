// SPDX-License-Identifier: GPL-2.0
/*
 * fs/open.c: opening files (openat), and the working directory (chdir).
 *
 * The root filesystem is read-only once the initramfs is unpacked, so an
 * open for writing succeeds only on what can be written: character devices
 * (/dev/console). A regular file or directory opened for writing, O_TRUNC,
 * or O_CREAT of a name that does not exist all give -EROFS, as a read-only
 * mount does on Linux. O_CREAT of a name that exists opens it.
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>

/* The operations a file of this inode gets: its filesystem's, its driver's. */
static const struct file_operations *inode_fops(struct ramfs_inode *inode)
{
	if (inode->i_fop)
		return inode->i_fop;
	switch (inode->mode & S_IFMT) {
	case S_IFDIR:
		return &ramfs_dir_operations;
	case S_IFREG:
	case S_IFLNK:
		return &ramfs_file_operations;
	case S_IFCHR:
		return chrdev_fops(inode->rdev);
	}
	return NULL;
}

struct file *dentry_open(struct ramfs_inode *inode, unsigned int flags, int *err)
{
	unsigned int acc = flags & O_ACCMODE;
	struct file *file;

	*err = 0;
	if (acc == O_ACCMODE)
		*err = -EINVAL;
	else if ((flags & O_DIRECTORY) && !S_ISDIR(inode->mode))
		*err = -ENOTDIR;
	else if (S_ISDIR(inode->mode) && acc != O_RDONLY)
		*err = -EISDIR;
	else if (!S_ISCHR(inode->mode) && (acc != O_RDONLY || (flags & O_TRUNC)))
		*err = -EROFS;
	if (*err)
		return NULL;

	file = kzalloc(sizeof(*file), GFP_KERNEL);
	if (!file) {
		*err = -ENOMEM;
		return NULL;
	}
	file->f_op = inode_fops(inode);
	file->f_inode = inode;
	file->f_flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY);
	file->f_mode = (acc == O_RDONLY ? FMODE_READ : 0) |
		       (acc == O_WRONLY ? FMODE_WRITE : 0) |
		       (acc == O_RDWR ? FMODE_READ | FMODE_WRITE : 0);
	file->f_count = 1;
	if (!file->f_op)
		*err = -ENXIO;		/* a device with no driver */
	else if (file->f_op->open)
		*err = file->f_op->open(inode, file);
	if (*err) {
		kfree(file);
		return NULL;
	}
	return file;
}

/* Look up path from dfd and open it; the file keeps the lookup's reference. */
static struct file *do_filp_open(int dfd, const char *path, unsigned int flags, int *err)
{
	struct ramfs_inode *inode;
	struct file *file;

	*err = filename_lookup(dfd, path, &inode);
	if (*err == -ENOENT && (flags & O_CREAT))
		*err = -EROFS;
	if (*err)
		return NULL;
	if ((flags & O_CREAT) && (flags & O_EXCL)) {
		iput(inode);
		*err = -EEXIST;
		return NULL;
	}
	file = dentry_open(inode, flags, err);
	if (!file)
		iput(inode);
	return file;
}

struct file *filp_open(const char *path, unsigned int flags, int *err)
{
	return do_filp_open(AT_FDCWD, path, flags, err);
}

int filp_close(struct file *file)
{
	fput(file);
	return 0;
}

long do_sys_open(int dfd, const char *path, unsigned int flags)
{
	struct file *file;
	int fd = get_unused_fd_flags(flags), err;

	if (fd < 0)
		return fd;
	file = do_filp_open(dfd, path, flags, &err);
	if (!file) {
		put_unused_fd(fd);
		return err;
	}
	fd_install(fd, file);
	return fd;
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	char *path;
	long ret;
	int err;

	path = getname(filename, &err);
	if (!path)
		return err;
	ret = do_sys_open(dfd, path, flags);
	putname(path);
	return ret;
}

/*
 * The working directory must stay valid while a process sits in it: ramfs
 * directories live for ever, but the ones fs/proc makes on demand do not,
 * so chdir into those is refused (-EACCES).
 */
SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct ramfs_inode *inode;
	char *path;
	int err;

	path = getname(filename, &err);
	if (!path)
		return err;
	err = filename_lookup(AT_FDCWD, path, &inode);
	putname(path);
	if (err)
		return err;
	if (!S_ISDIR(inode->mode))
		err = -ENOTDIR;
	else if (inode->i_op && inode->i_op->evict)
		err = -EACCES;
	else
		current->cwd = inode;
	iput(inode);
	return err;
}
