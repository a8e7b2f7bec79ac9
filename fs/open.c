// SPDX-License-Identifier: GPL-2.0
/*
 * fs/open.c: opening files (openat, with O_CREAT, O_EXCL, O_TRUNC,
 * O_NOFOLLOW, O_DIRECTORY), and the calls about a file's attributes that
 * Linux keeps here too: truncate/ftruncate, faccessat, fchmod(at),
 * fchown(at), chdir/fchdir; and vhangup.
 *
 * Opening a file asks for the permission its access mode needs, as
 * Linux's may_open: reading, writing or both, and writing too for O_TRUNC
 * whatever the access mode (build_open_flags); a file the open itself
 * created is not checked. inode_permission (fs/namei.c) checks the mode
 * bits against the caller's fsuid, fsgid and groups; root passes, as with
 * Linux's CAP_DAC_OVERRIDE. truncate(2) asks for writing, faccessat
 * checks with the real ids, chdir for x (the directories of a path and
 * those whose names change: fs/namei.c). Not checked: fs/proc's files,
 * whose own rule is read-only (-EACCES for writing or O_TRUNC).
 * O_TRUNC empties a regular file opened with any access mode, O_RDONLY
 * too, as Linux's handle_truncate. A regular file a process is running
 * from does not open for writing, nor truncate (-ETXTBSY,
 * include/linux/fs.h).
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/tty.h>

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

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

/*
 * Linux's handle_truncate: O_TRUNC empties a regular file, also one
 * opened O_RDONLY (a writer already holds write access; this one takes it
 * for the truncation: -ETXTBSY while the file is being run).
 */
static int handle_truncate(struct ramfs_inode *inode, unsigned int acc)
{
	int err = acc == O_RDONLY ? get_write_access(inode) : 0;

	if (err)
		return err;
	err = vfs_truncate(inode, 0);
	if (acc == O_RDONLY)
		put_write_access(inode);
	return err;
}

/*
 * Linux's may_open: what the open asks of inode (build_open_flags's
 * acc_mode: the access mode's MAY_READ and MAY_WRITE, and MAY_WRITE for
 * O_TRUNC). fs/proc keeps its own rule (dentry_open).
 */
static int may_open(struct ramfs_inode *inode, unsigned int flags)
{
	unsigned int acc = flags & O_ACCMODE;
	int mask = (acc == O_RDONLY || acc == O_RDWR ? MAY_READ : 0) |
		   (acc == O_WRONLY || acc == O_RDWR ? MAY_WRITE : 0) |
		   (flags & O_TRUNC ? MAY_WRITE : 0);

	if (inode->i_sdev == PROC_DEV || acc == O_ACCMODE || S_ISLNK(inode->mode))
		return 0;	/* left to dentry_open: -EACCES, -EINVAL, -ELOOP */
	if (S_ISDIR(inode->mode) && (mask & MAY_WRITE))
		return 0;	/* dentry_open's -EISDIR comes first, as Linux's */
	return inode_permission(inode, mask);
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
	else if (S_ISDIR(inode->mode) && (acc != O_RDONLY || (flags & O_TRUNC)))
		*err = -EISDIR;
	else if (inode->i_sdev == PROC_DEV && !S_ISDIR(inode->mode) &&
		 (acc != O_RDONLY || (flags & O_TRUNC)))
		*err = -EACCES;		/* fs/proc: read-only files */
	else if (S_ISLNK(inode->mode))
		*err = -ELOOP;		/* O_NOFOLLOW met a link */
	else if (acc != O_RDONLY && S_ISREG(inode->mode))
		*err = get_write_access(inode);	/* -ETXTBSY: being run */
	if (*err)
		return NULL;

	file = kzalloc(sizeof(*file), GFP_KERNEL);
	if (!file) {
		if (acc != O_RDONLY && S_ISREG(inode->mode))
			put_write_access(inode);
		*err = -ENOMEM;
		return NULL;
	}
	file->f_op = inode_fops(inode);
	file->f_inode = inode;
	/* O_NOCTTY stays for the driver's open (a tty), then goes as on Linux. */
	file->f_flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC);
	file->f_mode = (acc == O_RDONLY ? FMODE_READ : 0) |
		       (acc == O_WRONLY ? FMODE_WRITE : 0) |
		       (acc == O_RDWR ? FMODE_READ | FMODE_WRITE : 0);
	atomic_set(&file->f_count, 1);
	if (!file->f_op)
		*err = -ENXIO;		/* a device with no driver */
	else if (file->f_op->open)
		*err = file->f_op->open(inode, file);
	file->f_flags &= ~O_NOCTTY;
	if (!*err && (flags & O_TRUNC) && S_ISREG(inode->mode))
		*err = handle_truncate(inode, acc);
	if (*err) {
		if (file->f_op && file->f_op->release && *err != -ENXIO)
			file->f_op->release(inode, file);
		if ((file->f_mode & FMODE_WRITE) && S_ISREG(inode->mode))
			put_write_access(inode);
		kfree(file);
		return NULL;
	}
	return file;
}

/* Look up path from dfd (creating it for O_CREAT) and open it; the file keeps the reference. */
static struct file *do_filp_open(int dfd, const char *path, unsigned int flags, umode_t mode,
				 int *err)
{
	unsigned int lookup = (flags & O_NOFOLLOW) || ((flags & O_CREAT) && (flags & O_EXCL)) ?
			      0 : LOOKUP_FOLLOW;
	struct ramfs_inode *inode;
	struct file *file;
	bool created = false;

	if ((flags & O_CREAT) && lookup) {
		/* follows links in the last component, creating a dangling link's target */
		*err = vfs_open_create(dfd, path, mode & 07777 & ~current_umask(), &inode, &created);
		if (created)
			flags &= ~O_TRUNC;
	} else {
		*err = filename_lookup_flags(dfd, path, lookup, &inode);
		if (*err == -ENOENT && (flags & O_CREAT)) {
			*err = vfs_create_at(dfd, path,
					     S_IFREG | (mode & 07777 & ~current_umask()), 0, &inode);
			created = !*err;
		} else if (!*err && (flags & O_CREAT) && (flags & O_EXCL)) {
			iput(inode);
			*err = -EEXIST;
		}
	}
	if (*err)
		return NULL;
	if (!created)		/* Linux: what the open created is not checked */
		*err = may_open(inode, flags);
	file = *err ? NULL : dentry_open(inode, flags, err);
	if (!file)
		iput(inode);
	return file;
}

struct file *filp_open(const char *path, unsigned int flags, int *err)
{
	return do_filp_open(AT_FDCWD, path, flags, 0666, err);
}

int filp_close(struct file *file)
{
	fput(file);
	return 0;
}

static long do_sys_openat(int dfd, const char *path, unsigned int flags, umode_t mode)
{
	struct file *file;
	int fd = get_unused_fd_flags(flags), err;

	if (fd < 0)
		return fd;
	file = do_filp_open(dfd, path, flags, mode, &err);
	if (!file) {
		put_unused_fd(fd);
		return err;
	}
	fd_install(fd, file);
	return fd;
}

long do_sys_open(int dfd, const char *path, unsigned int flags)
{
	return do_sys_openat(dfd, path, flags, 0666);
}

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	char *path;
	long ret;
	int err;

	path = getname(filename, &err);
	if (!path)
		return err;
	ret = do_sys_openat(dfd, path, flags, mode);
	putname(path);
	return ret;
}

/* The inode of path from dfd (AT_EMPTY_PATH: dfd's own file): held, or -errno. */
int user_path_at(int dfd, const char __user *filename, unsigned int at_flags,
		 struct ramfs_inode **res)
{
	char *path;
	int err;

	path = getname(filename, &err);
	if (!path)
		return err;
	if (!path[0] && (at_flags & AT_EMPTY_PATH)) {
		struct file *file = dfd == AT_FDCWD ? NULL : fget(dfd);

		putname(path);
		if (dfd == AT_FDCWD) {
			*res = get_fs_pwd(current->fs);
			return 0;
		}
		if (!file)
			return -EBADF;
		*res = file->f_inode;
		ihold(*res);
		fput(file);
		return 0;
	}
	err = filename_lookup_flags(dfd, path,
				    at_flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW, res);
	putname(path);
	return err;
}

SYSCALL_DEFINE2(truncate, const char __user *, filename, long, length)
{
	struct ramfs_inode *inode;
	int err = user_path_at(AT_FDCWD, filename, 0, &inode);

	if (err)
		return err;
	if (inode->i_op && !S_ISDIR(inode->mode))
		err = -EACCES;
	else if (S_ISDIR(inode->mode))
		err = -EISDIR;
	else if (!S_ISREG(inode->mode))
		err = -EINVAL;
	else if (!(err = inode_permission(inode, MAY_WRITE)))
		err = get_write_access(inode);	/* -ETXTBSY: being run */
	if (!err) {
		err = vfs_truncate(inode, length);
		if (S_ISREG(inode->mode))
			put_write_access(inode);
	}
	iput(inode);
	return err;
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	if (!(file->f_mode & FMODE_WRITE) || !S_ISREG(file->f_inode->mode))
		err = -EINVAL;
	else
		err = vfs_truncate(file->f_inode, length);
	fput(file);
	return err;
}

static long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	struct ramfs_inode *inode;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, flags, &inode);
	if (err)
		return err;
	/* the real ids, as Linux's access_override_creds (AT_EACCESS: the effective ones) */
	if (mode && inode->i_sdev == PROC_DEV)	/* fs/proc: read-only, directories searchable */
		err = (mode & W_OK) || ((mode & X_OK) && !S_ISDIR(inode->mode) &&
					!(inode->mode & 0111)) ? -EACCES : 0;
	else if (mode)
		err = inode_access_permission(inode, (mode & R_OK ? MAY_READ : 0) |
					      (mode & W_OK ? MAY_WRITE : 0) |
					      (mode & X_OK ? MAY_EXEC : 0), flags & AT_EACCESS);
	iput(inode);
	return err;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

/* current's fsgid, or one of its supplementary groups (Linux's in_group_p). */
static bool in_group_p(unsigned int gid)
{
	const struct cred *c = &current->cred;

	for (int i = 0; i < c->ngroups; i++)
		if (c->groups[i] == gid)
			return true;
	return c->fsgid == gid;
}

/*
 * Linux's setattr_prepare: the owner (fsuid) or root (CAP_FOWNER) may
 * chmod; only root (CAP_CHOWN) may give a file away, the owner may change
 * its group to one of its own.
 */
static int chmod_inode(struct ramfs_inode *inode, umode_t mode)
{
	const struct cred *c = &current->cred;

	if (inode->i_op)
		return -EPERM;		/* fs/proc */
	if (c->fsuid != 0 && c->fsuid != inode->uid)
		return -EPERM;
	inode->mode = (inode->mode & S_IFMT) | (mode & 07777);
	inode_touch(inode, INODE_CTIME);
	return 0;
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = chmod_inode(file->f_inode, mode);
	fput(file);
	return err;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	struct ramfs_inode *inode;
	int err = user_path_at(dfd, filename, 0, &inode);

	if (err)
		return err;
	err = chmod_inode(inode, mode);
	iput(inode);
	return err;
}

static int chown_inode(struct ramfs_inode *inode, u32 uid, u32 gid)
{
	const struct cred *c = &current->cred;

	if (inode->i_op)
		return -EPERM;
	if (c->fsuid != 0 &&
	    ((uid != (u32)-1 && (c->fsuid != inode->uid || uid != inode->uid)) ||
	     (gid != (u32)-1 && (c->fsuid != inode->uid ||
				 (gid != inode->gid && !in_group_p(gid))))))
		return -EPERM;
	if (uid != (u32)-1)
		inode->uid = uid;
	if (gid != (u32)-1)
		inode->gid = gid;
	if (!S_ISDIR(inode->mode))
		inode->mode &= ~(S_ISUID | S_ISGID);	/* as Linux does on chown */
	inode_touch(inode, INODE_CTIME);
	return 0;
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, u32, user, u32, group)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = chown_inode(file->f_inode, user, group);
	fput(file);
	return err;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, u32, user, u32, group,
		int, flag)
{
	struct ramfs_inode *inode;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, flag, &inode);
	if (err)
		return err;
	err = chown_inode(inode, user, group);
	iput(inode);
	return err;
}

/*
 * The working directory holds its inode: a removed one stays valid. It is
 * the process's, every thread's (CLONE_FS, include/linux/fs_struct.h).
 */
static int set_cwd(struct ramfs_inode *inode)
{
	if (!S_ISDIR(inode->mode))
		return -ENOTDIR;
	if (inode->i_op && inode->i_op->evict)
		return -EACCES;		/* fs/proc's made-on-demand directories */
	if (inode->i_sdev != PROC_DEV && inode_permission(inode, MAY_EXEC))
		return -EACCES;		/* Linux: MAY_EXEC | MAY_CHDIR */
	set_fs_pwd(current->fs, inode);
	return 0;
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct ramfs_inode *inode;
	int err = user_path_at(AT_FDCWD, filename, 0, &inode);

	if (err)
		return err;
	err = set_cwd(inode);
	iput(inode);
	return err;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = set_cwd(file->f_inode);
	fput(file);
	return err;
}

/*
 * vhangup: root hangs up its controlling tty (drivers/tty/tty_io.c's
 * tty_vhangup_self), as a login program does before handing a terminal
 * over; 0 also without one. Linux asks for CAP_SYS_TTY_CONFIG: here root.
 */
SYSCALL_DEFINE0(vhangup)
{
	if (current->cred.euid != 0)
		return -EPERM;
	tty_vhangup_self();
	return 0;
}
