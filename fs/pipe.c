// SPDX-License-Identifier: GPL-2.0
/*
 * fs/pipe.c: pipes (pipe2). A pipe is a ring buffer of PIPE_SIZE bytes
 * (64 KiB, Linux's default capacity) with a read end and a write end, two
 * struct files on one inode (S_IFIFO) that lives as long as either end.
 *
 *   read   takes what is there (up to count); with nothing there it
 *          sleeps until a writer writes or the last writer closes (then
 *          0: end of file); O_NONBLOCK: -EAGAIN instead of sleeping.
 *   write  of at most PIPE_BUF bytes goes in whole or not at all (atomic,
 *          as POSIX says); a larger one in pieces as room appears. With no
 *          reader left: SIGPIPE to the writer and -EPIPE. O_NONBLOCK: what
 *          fits, or -EAGAIN.
 *   poll   POLLIN when there are bytes (POLLHUP with no writers left),
 *          POLLOUT when PIPE_BUF bytes fit (POLLERR with no readers left).
 *
 * A signal interrupts a sleep: the bytes already moved, or -ERESTARTSYS
 * (restarted after a SA_RESTART handler, else -EINTR).
 *
 * Locking: pipe->lock (a spinlock, Linux's pipe->mutex made a spinlock
 * since the bytes move between kernel buffers and nothing sleeps while
 * it is held) guards the ring (head, tail, buf), readers and writers; the
 * two ends may be processes on different CPUs. Nothing waits with it
 * held: a reader or writer that must wait drops it and sleeps on rd_wait
 * or wr_wait with wait_event_interruptible(), which queues the task and
 * marks it sleeping before it tests the condition, so a wake_up() from
 * the other end in between is not lost; the condition is tested again
 * under the lock. No interrupt handler touches a pipe (spin_lock, not
 * _irqsave). count, the files holding the inode, is an atomic_t.
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/wait.h>
#include <asm/uaccess.h>
#include <uapi/asm-generic/signal.h>

#define PIPE_ORDER	4
#define PIPE_SIZE	(PAGE_SIZE << PIPE_ORDER)
#define PIPE_BUF	PAGE_SIZE

struct pipe_inode_info {
	struct ramfs_inode vfs;		/* what the two files point at */
	atomic_t count;			/* files holding vfs (ihold/iput) */
	spinlock_t lock;		/* the rest, but the wait queues' own */
	char *buf;			/* PIPE_SIZE bytes */
	size_t head, tail;		/* bytes ever written / read */
	int readers, writers;		/* open ends */
	struct wait_queue_head rd_wait, wr_wait;
};

static atomic_t pipe_ino = ATOMIC_INIT(0x20000000);

static struct pipe_inode_info *PIPE_I(struct ramfs_inode *inode)
{
	return container_of(inode, struct pipe_inode_info, vfs);
}

static size_t pipe_used(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

static void pipe_hold(struct ramfs_inode *inode)
{
	atomic_inc(&PIPE_I(inode)->count);
}

static void pipe_evict(struct ramfs_inode *inode)
{
	struct pipe_inode_info *pipe = PIPE_I(inode);

	if (!atomic_dec_and_test(&pipe->count))
		return;
	free_pages((unsigned long)pipe->buf, PIPE_ORDER);
	kfree(pipe);
}

static const struct inode_operations pipe_inode_operations = {
	.hold = pipe_hold,
	.evict = pipe_evict,
};

static ssize_t pipe_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = PIPE_I(file->f_inode);
	int writers;

	if (!count)
		return 0;
	for (;;) {
		size_t n, off, first;

		spin_lock(&pipe->lock);
		n = min(count, pipe_used(pipe));
		if (n) {
			off = pipe->tail % PIPE_SIZE;
			first = min(n, PIPE_SIZE - off);
			memcpy(buf, pipe->buf + off, first);
			memcpy(buf + first, pipe->buf, n - first);
			pipe->tail += n;
			spin_unlock(&pipe->lock);
			wake_up_interruptible_sync(&pipe->wr_wait);	/* as Linux */
			return n;
		}
		writers = pipe->writers;
		spin_unlock(&pipe->lock);
		if (!writers)
			return 0;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(pipe->rd_wait,
					     pipe_used(pipe) || !READ_ONCE(pipe->writers)))
			return -ERESTARTSYS;
	}
}

static ssize_t pipe_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = PIPE_I(file->f_inode);
	size_t done = 0;

	while (done < count) {
		size_t room, n, off, first, need;

		spin_lock(&pipe->lock);
		if (!pipe->readers) {
			spin_unlock(&pipe->lock);
			send_sig(SIGPIPE, current);
			return done ? (ssize_t)done : -EPIPE;
		}
		/* up to PIPE_BUF bytes: all at once; more: any room will do */
		need = count <= PIPE_BUF ? count : 1;
		room = PIPE_SIZE - pipe_used(pipe);
		if (room >= need) {
			n = min(room, count - done);
			off = pipe->head % PIPE_SIZE;
			first = min(n, PIPE_SIZE - off);
			memcpy(pipe->buf + off, buf + done, first);
			memcpy(pipe->buf, buf + done + first, n - first);
			pipe->head += n;
			done += n;
			spin_unlock(&pipe->lock);
			wake_up_interruptible_sync(&pipe->rd_wait);	/* as Linux */
			continue;
		}
		spin_unlock(&pipe->lock);
		if (file->f_flags & O_NONBLOCK)
			return done ? (ssize_t)done : -EAGAIN;
		if (wait_event_interruptible(pipe->wr_wait, PIPE_SIZE - pipe_used(pipe) >= need ||
					     !READ_ONCE(pipe->readers)))
			return done ? (ssize_t)done : -ERESTARTSYS;
	}
	return done;
}

static unsigned int pipe_poll(struct file *file, struct poll_table_struct *pt)
{
	struct pipe_inode_info *pipe = PIPE_I(file->f_inode);
	unsigned int mask = 0;

	if (file->f_mode & FMODE_READ)
		poll_wait(file, &pipe->rd_wait, pt);
	if (file->f_mode & FMODE_WRITE)
		poll_wait(file, &pipe->wr_wait, pt);
	spin_lock(&pipe->lock);
	if (file->f_mode & FMODE_READ) {
		if (pipe_used(pipe))
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	}
	if (file->f_mode & FMODE_WRITE) {
		if (PIPE_SIZE - pipe_used(pipe) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	spin_unlock(&pipe->lock);
	return mask;
}

static long pipe_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	if (cmd != 0x541B)		/* FIONREAD */
		return -ENOTTY;
	return put_user((int)pipe_used(PIPE_I(file->f_inode)), (int __user *)arg);
}

static int pipe_release(struct ramfs_inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = PIPE_I(inode);

	spin_lock(&pipe->lock);
	if (file->f_mode & FMODE_READ)
		pipe->readers--;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers--;
	spin_unlock(&pipe->lock);
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	return 0;
}

/*
 * Opening a pipe anew, through /proc/PID/fd/N (dentry_open): one more
 * reader or writer. Linux's fifo_open would wait for the other end of
 * one without it; the pipes here are made with both ends open, and an
 * open of an end that has closed does not wait.
 */
static int fifo_open(struct ramfs_inode *inode, struct file *file)
{
	struct pipe_inode_info *pipe = PIPE_I(inode);

	spin_lock(&pipe->lock);
	if (file->f_mode & FMODE_READ)
		pipe->readers++;
	if (file->f_mode & FMODE_WRITE)
		pipe->writers++;
	spin_unlock(&pipe->lock);
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	return 0;
}

static const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.release = pipe_release,
};

bool is_pipe(struct file *file)
{
	return file->f_op == &pipefifo_fops;
}

static struct file *pipe_file(struct pipe_inode_info *pipe, unsigned int flags, fmode_t mode)
{
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);

	if (!file)
		return NULL;
	file->f_op = &pipefifo_fops;
	file->f_inode = &pipe->vfs;
	file->f_flags = (mode & FMODE_READ ? O_RDONLY : O_WRONLY) | (flags & O_NONBLOCK);
	file->f_mode = mode;
	atomic_set(&file->f_count, 1);
	return file;
}

/* The two ends of a new pipe (count 1 each), or -ENOMEM. */
static int create_pipe_files(struct file **res, unsigned int flags)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return -ENOMEM;
	pipe->buf = (char *)__get_free_pages(GFP_KERNEL, PIPE_ORDER);
	if (!pipe->buf) {
		kfree(pipe);
		return -ENOMEM;
	}
	pipe->vfs.ino = (unsigned int)atomic_inc_return(&pipe_ino) - 1;
	pipe->vfs.mode = S_IFIFO | 0600;
	pipe->vfs.i_sdev = PIPEFS_DEV;
	pipe->vfs.i_nlink = 1;			/* as Linux's pipefs inodes */
	INIT_LIST_HEAD(&pipe->vfs.i_dentry);	/* no name */
	pipe->vfs.i_op = &pipe_inode_operations;
	pipe->vfs.i_fop = &pipefifo_fops;	/* for an open of /proc/PID/fd/N */
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	spin_lock_init(&pipe->lock);
	atomic_set(&pipe->count, 2);	/* one for each file */
	pipe->readers = pipe->writers = 1;
	res[0] = pipe_file(pipe, flags, FMODE_READ);
	res[1] = pipe_file(pipe, flags, FMODE_WRITE);
	if (!res[0] || !res[1]) {
		kfree(res[0]);
		kfree(res[1]);
		free_pages((unsigned long)pipe->buf, PIPE_ORDER);
		kfree(pipe);
		return -ENOMEM;
	}
	return 0;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;		/* O_DIRECT (packet mode) is not supported */
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
	} else if (copy_to_user(fildes, fd, sizeof(fd))) {
		err = -EFAULT;
	} else {
		fd_install(fd[0], files[0]);
		fd_install(fd[1], files[1]);
		return 0;
	}
	if (fd[0] >= 0)
		put_unused_fd(fd[0]);
	if (fd[1] >= 0 && fd[1] != fd[0])
		put_unused_fd(fd[1]);
	fput(files[0]);
	fput(files[1]);
	return err;
}
