/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/fs.h: open files, as Linux's VFS shapes them, over the one
 * filesystem headstart has (struct ramfs_inode, include/linux/ramfs.h).
 *
 *   struct file             an open file: its operations, position, flags
 *   struct file_operations  what a kind of file does on read, write, ...
 *   struct inode_operations how a directory outside the ramfs tree finds
 *                           its entries (fs/proc: /proc/<pid>/stat ...)
 *
 * One difference from Linux: read/write/iterate here take *kernel*
 * buffers. The system calls (fs/read_write.c, fs/readdir.c) copy to and
 * from user space with copy_{to,from}_user, so drivers and filesystems never
 * see a user pointer and KUnit can call them directly. ioctl is the
 * exception: its argument is the user's, as on Linux.
 */
#ifndef __LINUX_FS_H
#define __LINUX_FS_H

#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/ramfs.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>

#ifndef __user
#define __user		/* a user-space pointer: only for copy_{to,from}_user */
#endif

typedef unsigned int fmode_t;

/* open() flags: arm64's values (arch/arm64/include/uapi/asm/fcntl.h). */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DIRECTORY	00040000	/* arm64 keeps 32-bit ARM's value */
#define O_NOFOLLOW	00100000
#define O_LARGEFILE	00400000
#define O_CLOEXEC	02000000

#define AT_FDCWD		-100	/* *at(): relative to the working directory */
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_EACCESS		0x200	/* faccessat: effective ids */
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000

/* fs/namei.c lookups: follow a symbolic link in the last component. */
#define LOOKUP_FOLLOW		0x0001

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

/* file->f_mode */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2

/* poll()/select() events (include/uapi/asm-generic/poll.h). */
#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLRDBAND	0x0080
#define POLLWRNORM	0x0100
#define POLLWRBAND	0x0200
/* What a file without a poll operation always is: ready (Linux's DEFAULT_POLLMASK). */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/* d_type of a directory entry, from the mode (Linux's fs_umode_to_dtype). */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12
#define fs_umode_to_dtype(mode) (((mode) & S_IFMT) >> 12)

struct file;
struct dir_context;
struct poll_table_struct;
struct wait_queue_head;

/*
 * A directory's iterate() calls actor once per entry, from ctx->pos on,
 * and advances ctx->pos past each entry the actor accepted; the actor
 * returns false when the caller's buffer is full.
 */
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t next_pos, u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

struct vm_area_struct;

struct file_operations {
	int (*open)(struct ramfs_inode *inode, struct file *file);
	ssize_t (*read)(struct file *file, char *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char *buf, size_t count, loff_t *pos);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	int (*iterate)(struct file *file, struct dir_context *ctx);
	long (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	/* POLL* now ready; poll_wait() the queues a change would be woken on. */
	unsigned int (*poll)(struct file *file, struct poll_table_struct *pt);
	int (*release)(struct ramfs_inode *inode, struct file *file);
	/*
	 * A device's own mmap (Linux's f_op->mmap): vma, just made for the
	 * mapping (anonymous, not yet backed), made what the device maps. 0 or
	 * -errno (the mapping is undone). ramfs files have none: mm/mmap.c
	 * maps their bytes itself.
	 */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
};

struct inode_operations {
	/* Entry name[0..len) of dir, made on demand: 0 and *res, or -errno. */
	int (*lookup)(struct ramfs_inode *dir, const char *name, size_t len,
		      struct ramfs_inode **res);
	/* Inodes lookup() made are counted: one more user, one fewer (iput). */
	void (*hold)(struct ramfs_inode *inode);
	void (*evict)(struct ramfs_inode *inode);
	/*
	 * A "magic" link (/proc/PID/fd/N, /proc/PID/exe): following it gives
	 * the open file's inode itself, held, not a walk of the path its text
	 * names (Linux's proc_get_link and nd_jump_link). 0 or -errno.
	 */
	int (*get_link)(struct ramfs_inode *link, struct ramfs_inode **res);
};

/*
 * A file being run is not written, and a file open for writing is not run
 * (Linux's ETXTBSY), counted in the inode's i_writecount as Linux does:
 * each struct file open for writing on a regular file holds one
 * get_write_access (fs/open.c, put by fput), each execve in progress and
 * each mm whose exe_file the inode is holds one deny_write_access
 * (fs/exec.c, dup_mm, mmput). The one that cannot have its way gets
 * -ETXTBSY.
 */
static inline int get_write_access(struct ramfs_inode *inode)
{
	int v = atomic_read(&inode->i_writecount), old;

	for (; v >= 0; v = old) {
		old = atomic_cmpxchg(&inode->i_writecount, v, v + 1);
		if (old == v)
			return 0;
	}
	return -ETXTBSY;
}

static inline void put_write_access(struct ramfs_inode *inode)
{
	atomic_dec(&inode->i_writecount);
}

static inline int deny_write_access(struct ramfs_inode *inode)
{
	int v = atomic_read(&inode->i_writecount), old;

	for (; v <= 0; v = old) {
		old = atomic_cmpxchg(&inode->i_writecount, v, v - 1);
		if (old == v)
			return 0;
	}
	return -ETXTBSY;
}

static inline void allow_write_access(struct ramfs_inode *inode)
{
	atomic_inc(&inode->i_writecount);
}

struct file {
	const struct file_operations *f_op;
	struct ramfs_inode *f_inode;
	loff_t f_pos;
	unsigned int f_flags;	/* O_* given to open */
	fmode_t f_mode;		/* FMODE_READ | FMODE_WRITE */
	atomic_t f_count;	/* fd slots (of any process), or others, pointing here */
	void *private_data;	/* the driver's or filesystem's */
};

/*
 * ramfs_lock (fs/namei.c): the one lock of the root filesystem, where Linux
 * has a lock per inode and dentry and rename_lock. It guards the tree
 * (every struct dentry: names, parents, entries, aliases), every ramfs
 * inode's i_count and i_nlink, and a file's data and size; taken with spin_lock() (no
 * interrupt handler touches files). Nothing sleeps holding it: the bytes
 * move between kernel buffers, allocations do not wait. mount_lock
 * (fs/namespace.c), the mount table's, is taken before it.
 */
extern spinlock_t ramfs_lock;

/* ---- fs/file.c -------------------------------------------------------------- */
/* current's open file fd with its count raised, or NULL (-EBADF). */
struct file *fget(unsigned int fd);
void fput(struct file *file);
/* One more holder of file (an fd slot, or TIOCCONS's redirect); fput lets go. */
static inline void get_file(struct file *file)
{
	atomic_inc(&file->f_count);
}
/* The lowest free fd of current at or above start, or -EMFILE. */
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
/* Put file in slot fd (reserved by get_unused_fd_flags); the slot owns a reference. */
void fd_install(unsigned int fd, struct file *file);
int close_fd(unsigned int fd);
/* Install file (the caller's reference) at the lowest free fd >= start: the fd, or -EMFILE. */
int dup_fd_from(struct file *file, unsigned int start, unsigned int flags);

/* ---- fs/namei.c, fs/open.c ----------------------------------------------------- */
/*
 * Resolve path (absolute, or relative to dfd: AT_FDCWD or a directory fd)
 * to an inode, following symbolic links; give it back with iput().
 * 0 or -ENOENT, -ENOTDIR, -ELOOP, ...
 */
int filename_lookup(int dfd, const char *path, struct ramfs_inode **res);
/* The same with LOOKUP_* flags: without LOOKUP_FOLLOW a last symlink is the result. */
int filename_lookup_flags(int dfd, const char *path, unsigned int flags,
			  struct ramfs_inode **res);
/*
 * The directory that would hold path's last component (held: iput it),
 * and that component: *last[0..*len). -EBUSY for "/".
 */
int filename_parentat(int dfd, const char *path, struct ramfs_inode **dir,
		      const char **last, size_t *len);
/* Create path as a new empty inode with mode and rdev: 0 and *res (held). */
int vfs_create_at(int dfd, const char *path, umode_t mode, u32 rdev,
		  struct ramfs_inode **res);
/*
 * open(O_CREAT) without O_EXCL: the inode of path (following links, and
 * creating a dangling link's target as Linux does), made a regular file
 * with mode if it did not exist (*created). Held, or -errno.
 */
int vfs_open_create(int dfd, const char *path, umode_t mode, struct ramfs_inode **res,
		    bool *created);
void ihold(struct ramfs_inode *inode);
/* What open, truncate, exec and faccessat ask of an inode (Linux's MAY_*). */
#define MAY_EXEC	0x00000001
#define MAY_WRITE	0x00000002
#define MAY_READ	0x00000004
/*
 * May current (its fsuid, fsgid and groups) do mask to inode? 0 or
 * -EACCES, as Linux's generic_permission: the mode bits of the owner,
 * the group or the others; root may read and write anything, and execute
 * what has an x bit. fs/namei.c asks it of each directory a path goes
 * through (MAY_EXEC) and of a directory whose names change.
 */
int inode_permission(struct ramfs_inode *inode, int mask);
/* The same with the real ids (faccessat), or the fs ones if effective (AT_EACCESS). */
int inode_access_permission(struct ramfs_inode *inode, int mask, bool effective);
/* The inode of a user path from dfd (AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH): held, or -errno. */
int user_path_at(int dfd, const char __user *filename, unsigned int at_flags,
		 struct ramfs_inode **res);
void iput(struct ramfs_inode *inode);
/* A path from user space, copied into a kmalloc'd buffer; NULL and *err if bad. */
char *getname(const char __user *filename, int *err);
void putname(char *name);
/* The directory relative paths start from: current's cwd, or "/". */
struct ramfs_inode *current_cwd(void);

/* Open inode with O_* flags: a new struct file (count 1) or -errno in *err. */
struct file *dentry_open(struct ramfs_inode *inode, unsigned int flags, int *err);
/* Open by path from the kernel (absolute, or relative to current's cwd). */
struct file *filp_open(const char *path, unsigned int flags, int *err);
int filp_close(struct file *file);
/* openat(2) from the kernel: the new fd of current, or -errno. */
long do_sys_open(int dfd, const char *path, unsigned int flags);

/*
 * The absolute path of inode (its first name) into buf: its length with
 * the NUL, or -ERANGE, -ENOENT (no name: a pipe). ramfs_lock held.
 */
int ramfs_path(struct ramfs_inode *inode, char *buf, size_t size);
/* The last component of inode's (first) name into buf ("" if none); buf. */
const char *ramfs_name(struct ramfs_inode *inode, char *buf, size_t size);

/* ---- fs/attr.c: times, modes, sizes --------------------------------------------- */
#define INODE_ATIME	0x1
#define INODE_MTIME	0x2
#define INODE_CTIME	0x4
/* Set the times in mask (a change of contents: MTIME | CTIME) to now. */
void inode_touch(struct ramfs_inode *inode, unsigned int mask);
/* A new inode: all three times now. */
void inode_init_times(struct ramfs_inode *inode);
/* The mode bits new files lose (umask(2)); 022 until the umask call sets it. */
unsigned int current_umask(void);
/* truncate/ftruncate/O_TRUNC on a regular file: 0 or -errno. */
int vfs_truncate(struct ramfs_inode *inode, loff_t length);


/* ---- fs/select.c --------------------------------------------------------------- */
/* Called by a poll operation: wake the poller when wq is woken. */
void poll_wait(struct file *file, struct wait_queue_head *wq, struct poll_table_struct *pt);
/* The POLL* mask of file now (DEFAULT_POLLMASK if it has no poll operation). */
unsigned int vfs_poll(struct file *file, struct poll_table_struct *pt);

/* ---- fs/read_write.c: kernel buffers, for the kernel's own users -------------- */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
/* llseek for files whose size is inode->size (ramfs, /proc text). */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
/* For devices: every position is 0 (Linux's noop_llseek). */
loff_t noop_llseek(struct file *file, loff_t offset, int whence);

/* ---- fs/readdir.c ---------------------------------------------------------------- */
int iterate_dir(struct file *file, struct dir_context *ctx);
/*
 * Pack one struct linux_dirent64 into buf[0..space): its size (d_reclen,
 * a multiple of 8), or 0 if it does not fit.
 */
size_t dirent64_pack(void *buf, size_t space, u64 ino, s64 off, unsigned int d_type,
		     const char *name, int namelen);

/* ---- fs/stat.c ------------------------------------------------------------------ */
struct stat;
/* Fill *st (user layout, include/uapi/asm-generic/stat.h) from inode. */
void cp_new_stat(struct ramfs_inode *inode, struct stat *st);
/* The dev_t user space sees for a device number (Linux's new_encode_dev). */
unsigned long new_encode_dev(u32 dev);

/* ---- fs/char_dev.c --------------------------------------------------------------- */
/* Character devices of major (every minor) open with fops. 0 or -EBUSY/-EINVAL. */
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
const struct file_operations *chrdev_fops(u32 rdev);

/* ---- drivers/base/devtmpfs.c ------------------------------------------------------ */
/* /dev made the devtmpfs (its own st_dev), before the drivers make their nodes. */
void devtmpfs_init(void);

/* ---- drivers/char/mem.c ------------------------------------------------------------ */
/* Major 1 (null, zero, full, random, urandom) and their /dev nodes (start_kernel). */
void chr_dev_init(void);
/* len bytes from the random source (a placeholder, see drivers/char/mem.c). */
void random_read_bytes(void *buf, size_t len);

/* ---- fs/ramfs/file.c ------------------------------------------------------------- */
extern const struct file_operations ramfs_file_operations;
/* ramfs_resize of a file that mmap may map (preemption off). */
int ramfs_resize_mapped(struct ramfs_inode *inode, size_t size);
/* Give a regular file a page-aligned buffer of whole pages, for mmap: 0 or -ENOMEM. */
int ramfs_make_mappable(struct ramfs_inode *inode);
extern const struct file_operations ramfs_dir_operations;

#endif
