// SPDX-License-Identifier: GPL-2.0
/*
 * fs/file.c: file descriptor tables (include/linux/fdtable.h) and the
 * reference counts of open files. A table belongs to one process; fork
 * copies it (dup_files), so both processes then share each struct file and
 * its position, as on Linux. close, dup and dup3 are here too.
 *
 * Locking (tasks run on every CPU):
 *   - a struct file's f_count is an atomic_t: any process holding the file
 *     may dup, close or exit at the same time as another;
 *   - files_struct.file_lock guards the slots and the two bitmaps: the
 *     tasks of a CLONE_FILES clone share one table. Taken with
 *     spin_lock() (no interrupt handler opens files); fput(), which may
 *     call a driver's release, always runs after it is dropped;
 *   - files_struct.count (tasks sharing the table) is an atomic_t.
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>

struct files_struct *alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (files) {
		atomic_set(&files->count, 1);
		spin_lock_init(&files->file_lock);
	}
	return files;
}

void fput(struct file *file)
{
	if (!atomic_dec_and_test(&file->f_count))
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	if ((file->f_mode & FMODE_WRITE) && S_ISREG(file->f_inode->mode))
		put_write_access(file->f_inode);	/* fs/open.c took it */
	iput(file->f_inode);
	kfree(file);
}

struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *files = alloc_files();

	if (!files || !old)
		return files;
	spin_lock(&old->file_lock);
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *file = old->fd[fd];

		if (!file)
			continue;	/* free, or reserved by an open in progress */
		get_file(file);
		files->fd[fd] = file;
		files->open_fds |= 1UL << fd;
	}
	files->close_on_exec = old->close_on_exec & files->open_fds;
	spin_unlock(&old->file_lock);
	return files;
}

static struct file *pick_file(struct files_struct *files, unsigned int fd)
{
	struct file *file;

	if (fd >= NR_OPEN_DEFAULT)
		return NULL;
	spin_lock(&files->file_lock);
	file = files->fd[fd];
	if (file) {
		files->fd[fd] = NULL;
		files->open_fds &= ~(1UL << fd);
		files->close_on_exec &= ~(1UL << fd);
	}
	spin_unlock(&files->file_lock);
	return file;
}

static void put_files(struct files_struct *files)
{
	if (!atomic_dec_and_test(&files->count))
		return;
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		struct file *file = pick_file(files, fd);

		if (file)
			fput(file);
	}
	kfree(files);
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (!files)
		return;
	tsk->files = NULL;
	put_files(files);
}

void do_close_on_exec(struct files_struct *files)
{
	for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++) {
		if (files->close_on_exec & (1UL << fd)) {
			struct file *file = pick_file(files, fd);

			if (file)
				fput(file);
		}
	}
}

/* The lowest fd of files at or above start that is free: taken now, or -EMFILE. */
static int alloc_fd(struct files_struct *files, unsigned int start, unsigned int flags)
{
	int fd = -EMFILE;

	if (!files)
		return -EMFILE;
	spin_lock(&files->file_lock);
	for (unsigned int i = start; i < NR_OPEN_DEFAULT; i++) {
		if (!(files->open_fds & (1UL << i))) {
			files->open_fds |= 1UL << i;
			if (flags & O_CLOEXEC)
				files->close_on_exec |= 1UL << i;
			else
				files->close_on_exec &= ~(1UL << i);
			fd = i;
			break;
		}
	}
	spin_unlock(&files->file_lock);
	return fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(current->files, 0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	files->open_fds &= ~(1UL << fd);
	spin_unlock(&files->file_lock);
}

static void install(struct files_struct *files, unsigned int fd, struct file *file)
{
	spin_lock(&files->file_lock);
	files->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	install(current->files, fd, file);
}

struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *file = NULL;

	if (!files || fd >= NR_OPEN_DEFAULT)
		return NULL;
	spin_lock(&files->file_lock);
	file = files->fd[fd];
	if (file)
		get_file(file);
	spin_unlock(&files->file_lock);
	return file;
}

int close_fd(unsigned int fd)
{
	struct file *file = current->files ? pick_file(current->files, fd) : NULL;

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}

int console_open_stdio(struct task_struct *tsk)
{
	struct file *file;
	int err;

	if (!tsk->files && !(tsk->files = alloc_files()))
		return -ENOMEM;
	file = filp_open("/dev/console", O_RDWR, &err);
	if (!file)
		return err;
	for (int i = 0; i < 3; i++) {
		int fd = alloc_fd(tsk->files, 0, 0);

		if (fd < 0) {
			fput(file);
			return fd;
		}
		if (i)
			get_file(file);
		install(tsk->files, fd, file);
	}
	return 0;
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

int dup_fd_from(struct file *file, unsigned int start, unsigned int flags)
{
	int fd = alloc_fd(current->files, start, flags);

	if (fd >= 0)
		fd_install(fd, file);
	return fd;
}

SYSCALL_DEFINE1(dup, unsigned int, oldfd)
{
	struct file *file = fget(oldfd);
	int fd;

	if (!file)
		return -EBADF;
	fd = dup_fd_from(file, 0, 0);
	if (fd < 0)
		fput(file);
	return fd;		/* the slot keeps fget's reference */
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	struct files_struct *files = current->files;
	struct file *file, *old;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;		/* dup3's rule; dup2 (libc) checks itself */
	if (newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	file = fget(oldfd);
	if (!file)
		return -EBADF;
	spin_lock(&files->file_lock);
	if ((files->open_fds & (1UL << newfd)) && !files->fd[newfd]) {
		spin_unlock(&files->file_lock);
		fput(file);
		return -EBUSY;		/* an open() is filling that slot, as Linux says */
	}
	old = files->fd[newfd];
	files->fd[newfd] = file;
	files->open_fds |= 1UL << newfd;
	if (flags & O_CLOEXEC)
		files->close_on_exec |= 1UL << newfd;
	else
		files->close_on_exec &= ~(1UL << newfd);
	spin_unlock(&files->file_lock);
	if (old)
		fput(old);
	return newfd;
}
