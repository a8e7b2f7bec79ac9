// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/tty_io.c: the tty layer. Character devices /dev/console
 * (5,1) and /dev/ttyAMA<n> (204,64+n) open the tty a UART registered;
 * read, write and ioctl go through here to the line discipline
 * (drivers/tty/n_tty.c) and the UART's write routine.
 *
 *   UART IRQ -> tty_receive -> n_tty_receive_buf -> echo -> ops->write
 *                                                -> ^C -> SIGINT to the foreground
 *                           -> wake_up(read_wait)
 *   read()   -> n_tty_read, or sleep on read_wait until a line is finished
 *   write()  -> tty->atomic write lock -> per line, under ldisc_lock:
 *               n_tty_write ("\n" -> "\r\n") -> ops->write
 *
 * The line discipline runs in the interrupt handler (Linux defers it to a
 * worker; there is none here), so process-side calls into it take
 * tty->ldisc_lock with interrupts masked, as the handler does; the
 * discipline may signal the foreground under it (tty_jobctrl.c's locks and
 * tasklist_lock come after it, never before). Output takes it too, a line
 * at a time: an echo (from the interrupt, on any CPU) comes between two
 * lines, never inside one. Writers take turns whole, as on Linux (its
 * atomic_write_lock): one write() of up to 2048 bytes, or any size if no
 * signal comes, reaches the UART without another's bytes inside it. The
 * console of printk (pl011_console_write) takes neither lock, so a printk
 * from an interrupt handler can never wait for them.
 *
 * Hangup (Linux's __tty_hangup; on this kernel when the session leader
 * exits, or by TIOCVHANGUP): every file open on the tty, but through
 * /dev/console, gets hung_up_tty_fops: read() returns 0, write() -EIO,
 * ioctl() -EIO (TIOCSPGRP -ENOTTY), poll() everything. Readers asleep wake
 * and return 0, unread input is dropped, the session loses the tty
 * (tty_jobctrl.c: SIGHUP and SIGCONT to its leader, SIGHUP to the
 * foreground group when the leader is exiting), and so is output held by
 * ^S (output stays stopped). A later open() gets a working file again.
 *
 * TIOCCONS (root) redirects /dev/console: its files' writes go through
 * the file it was called on (Linux's redirect, redirected_tty_write),
 * until TIOCCONS on a /dev/console file, or a hangup of that file's tty.
 * TIOCEXCL makes open() of the tty fail with -EBUSY but for root (through
 * /dev/tty and /dev/console too), until TIOCNXCL or the last close.
 *
 * Who gets ^C, ^\ and ^Z: the foreground process group of the session the
 * tty is the controlling tty of (drivers/tty/tty_jobctrl.c); nobody while
 * no session has it. /dev/tty (5,0) is the caller's controlling tty
 * (-ENXIO without one); /dev/console (5,1) the console's tty, never made
 * a controlling tty by open() and exempt from job control on read and
 * write, as Linux's. Modes and ioctls: drivers/tty/tty_ioctl.c.
 *
 * Non-canonical reads follow VMIN and VTIME (tenths of a second) as
 * Linux's n_tty_read: MIN>0 TIME=0 waits for MIN bytes; MIN>0 TIME>0 for
 * MIN bytes or TIME after the last byte; MIN=0 TIME>0 for one byte or
 * TIME; MIN=0 TIME=0 returns what is there, maybe nothing.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/hrtimer.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <uapi/asm-generic/ioctls.h>
#include <asm/uaccess.h>

#define MAX_TTYS 4

static struct tty_struct *ttys[MAX_TTYS];

struct tty_struct *tty_console(void)
{
	for (int i = 0; i < MAX_TTYS; i++)
		if (ttys[i] && ttys[i]->console)
			return ttys[i];
	return NULL;
}

/* (5,1) /dev/console; (5,0) /dev/tty: the caller's controlling tty (-ENXIO: none). */
static struct tty_struct *tty_of_rdev(u32 rdev)
{
	if (rdev == MKDEV(TTYAUX_MAJOR, 0))
		return get_current_tty() ?: ERR_PTR(-ENXIO);
	if (rdev == MKDEV(TTYAUX_MAJOR, 1))
		return tty_console();
	for (int i = 0; i < MAX_TTYS; i++)
		if (ttys[i] && MAJOR(rdev) == AMBA_MAJOR &&
		    MINOR(rdev) == AMBA_MINOR_BASE + (u32)ttys[i]->index)
			return ttys[i];
	return NULL;
}

u32 tty_devnum(const struct tty_struct *tty)
{
	return MKDEV(AMBA_MAJOR, AMBA_MINOR_BASE + tty->index);
}

/* ---- the foreground and its signals ---------------------------------------- */

int tty_signal_foreground(struct tty_struct *tty, int sig)
{
	unsigned long flags;
	int pgrp;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	return pgrp ? kill_pgrp(pgrp, sig, 1) : -ESRCH;
}

static void tty_ldisc_signal(void *ctx, int sig)
{
	tty_signal_foreground(ctx, sig);
}

static void tty_ldisc_put(void *ctx, const char *buf, size_t n)
{
	struct tty_struct *tty = ctx;

	tty->ops->write(tty, buf, n);
}

/* ---- the driver side ---------------------------------------------------------- */

/* Bytes into the line discipline as typed: from the UART (uart), or by TIOCSTI. */
static void __tty_receive(struct tty_struct *tty, const unsigned char *buf, size_t n, bool uart)
{
	unsigned long flags;
	bool was_stopped;

	spin_lock_irqsave(&tty->ldisc_lock, flags);
	if (uart)
		tty->rx_chars += n;
	was_stopped = tty->ldisc.stopped;
	n_tty_receive_buf(&tty->ldisc, buf, n);
	spin_unlock_irqrestore(&tty->ldisc_lock, flags);
	if (n_tty_input_available(&tty->ldisc))
		wake_up(&tty->read_wait);
	if (was_stopped)
		wake_up(&tty->write_wait);	/* ^Q, ^C: writers waiting for room go on */
}

void tty_receive(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	__tty_receive(tty, buf, n, true);
}

/* /dev/<name>: made at registration, unless the initramfs brought it. */
static void make_node(const char *path, u32 rdev)
{
	int err = ramfs_create(path, S_IFCHR | 0600, rdev, 0, NULL, 0, NULL);

	if (err && err != -EEXIST)
		pr_warn("tty: cannot create %s: %d\n", path, err);
}

int tty_register(struct tty_struct *tty, const char *name, int index, bool console,
		 const struct tty_operations *ops, void *driver_data)
{
	char path[32];
	int slot = -1;

	for (int i = 0; i < MAX_TTYS && slot < 0; i++)
		if (!ttys[i])
			slot = i;
	if (slot < 0)
		return -EBUSY;
	snprintf(tty->name, sizeof(tty->name), "%s%d", name, index);
	tty->index = index;
	tty->console = console;
	tty->ops = ops;
	tty->driver_data = driver_data;
	n_tty_std_termios(&tty->termios);
	tty->winsize = (struct winsize){ .ws_row = 24, .ws_col = 80 };
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	atomic_set(&tty->write_busy, 0);
	INIT_LIST_HEAD(&tty->tty_files);
	spin_lock_init(&tty->files_lock);
	spin_lock_init(&tty->ldisc_lock);
	spin_lock_init(&tty->ctrl_lock);
	tty->pgrp = tty->session = 0;
	n_tty_init(&tty->ldisc, &tty->termios, tty_ldisc_put, tty_ldisc_signal, tty);
	ttys[slot] = tty;

	ramfs_create("/dev", S_IFDIR | 0755, 0, 0, NULL, 0, NULL);
	snprintf(path, sizeof(path), "/dev/%s", tty->name);
	make_node(path, MKDEV(AMBA_MAJOR, AMBA_MINOR_BASE + index));
	if (console) {
		make_node("/dev/console", MKDEV(TTYAUX_MAJOR, 1));
		if (ramfs_create("/dev/tty", S_IFCHR | 0666, MKDEV(TTYAUX_MAJOR, 0), 0, NULL, 0,
				 NULL) == -ENOMEM)
			pr_warn("tty: cannot create /dev/tty\n");
	}
	return 0;
}

/* ---- the file side ------------------------------------------------------------ */

static const struct file_operations tty_fops, console_fops, hung_up_tty_fops;

static struct tty_struct *file_tty(struct file *file)
{
	return ((struct tty_file_private *)file->private_data)->tty;
}

/* Was file's tty hung up since it was opened (Linux's tty_hung_up_p)? */
static bool tty_hung_up_p(struct file *file)
{
	return file && READ_ONCE(file->f_op) == &hung_up_tty_fops;
}

/* A reader gives up: its file was hung up, or a hangup is under way. */
static bool tty_read_hung_up(struct tty_struct *tty, struct file *file)
{
	return tty_hung_up_p(file) || READ_ONCE(tty->hupping);
}

/* VTIME's timer: wakes the reader when the time is up. */
struct tty_read_timer {
	struct hrtimer timer;
	struct task_struct *task;
	bool expired;
};

static enum hrtimer_restart tty_read_timeout(struct hrtimer *timer)
{
	struct tty_read_timer *t = container_of(timer, struct tty_read_timer, timer);

	WRITE_ONCE(t->expired, true);
	wake_up_process(t->task);
	return HRTIMER_NORESTART;
}

/* Sleep until input, the timer (if armed), a hangup or a signal: 0, or -ERESTARTSYS. */
static long tty_wait_input(struct tty_struct *tty, struct file *file, struct tty_read_timer *t)
{
	struct wait_queue_entry wait;
	long ret = 0;

	__wait_init_entry(&wait);
	for (;;) {
		prepare_to_wait(&tty->read_wait, &wait, TASK_INTERRUPTIBLE);
		if (n_tty_input_available(&tty->ldisc) || READ_ONCE(t->expired) ||
		    tty_read_hung_up(tty, file))
			break;
		if (signal_pending(current)) {
			ret = -ERESTARTSYS;	/* restarted unless a handler says not */
			break;
		}
		schedule();
	}
	finish_wait(&tty->read_wait, &wait);
	return ret;
}

/* (Re)arm the VTIME timer: deciseconds from now. */
static void tty_arm_timer(struct tty_read_timer *t, unsigned int ds)
{
	hrtimer_cancel(&t->timer);
	t->expired = false;
	hrtimer_start_ns(&t->timer, (u64)ds * 100000000ULL);
}

/* read() of file (NULL: the kernel's own) through the line discipline. */
static long n_tty_read_file(struct tty_struct *tty, struct file *file, char *buf, size_t n,
			    bool nonblock)
{
	struct tty_read_timer t = { .task = current };
	unsigned int min = 1, time = 0;
	bool timed = false;	/* the VTIME timer runs */
	bool no_wait = false;	/* MIN=0 TIME=0: what is there, maybe nothing */
	unsigned long flags;
	size_t copied = 0;
	long ret = 0, got;

	if (!n)
		return 0;
	hrtimer_init(&t.timer, tty_read_timeout);
	if (!(tty->termios.c_lflag & ICANON)) {
		min = tty->termios.c_cc[VMIN];
		time = tty->termios.c_cc[VTIME];
		if (!min) {
			no_wait = !time;
			if (time) {
				tty_arm_timer(&t, time);	/* for the first byte */
				timed = true;
			}
			time = 0;	/* no inter-byte timer: one byte is enough */
			min = 1;
		}
	}
	while (copied < n) {
		spin_lock_irqsave(&tty->ldisc_lock, flags);
		got = n_tty_read(&tty->ldisc, (unsigned char *)buf + copied, n - copied);
		spin_unlock_irqrestore(&tty->ldisc_lock, flags);
		if (got >= 0) {
			copied += got;
			if (!got || (tty->termios.c_lflag & ICANON) || copied >= min)
				break;		/* EOF, a line, or MIN bytes */
			if (time) {
				tty_arm_timer(&t, time);	/* inter-byte timer */
				timed = true;
			}
			continue;
		}
		if (no_wait || (timed && READ_ONCE(t.expired)) || tty_read_hung_up(tty, file))
			break;		/* a hangup reads as end of file */
		if (nonblock) {
			ret = -EAGAIN;
			break;
		}
		ret = tty_wait_input(tty, file, &t);
		if (ret)
			break;
	}
	hrtimer_cancel(&t.timer);
	return copied ? (long)copied : ret;
}

long tty_read_kernel(struct tty_struct *tty, char *buf, size_t n, bool nonblock)
{
	return n_tty_read_file(tty, NULL, buf, n, nonblock);
}

/* Bytes of buf up to and including its first newline, at most n. */
static size_t line_len(const char *buf, size_t n)
{
	const char *nl = memchr(buf, '\n', n);

	return nl ? (size_t)(nl - buf) + 1 : n;
}

/* Room for a line of len bytes ("\n" becomes "\r\n"), or a hangup. */
static bool tty_write_room_for(struct tty_struct *tty, struct file *file, size_t len)
{
	return n_tty_write_room(&tty->ldisc) > len || tty_read_hung_up(tty, file);
}

/*
 * Through the line discipline to the UART, a line at a time under
 * ldisc_lock. While output is stopped (^S) it is held, and a writer
 * (file: a process's) sleeps once the hold buffer has no room for its
 * next line, until ^Q (Linux's n_tty_write waiting for write room), or
 * with nonblock gives up. Returns the bytes written, or
 * -ERESTARTSYS/-EAGAIN/-EIO before the first.
 */
static long tty_put_lines(struct tty_struct *tty, struct file *file, const char *buf, size_t n,
			  bool nonblock)
{
	unsigned long flags;
	size_t done = 0;
	long ret;

	while (done < n) {
		size_t len = line_len(buf + done, n - done);

		spin_lock_irqsave(&tty->ldisc_lock, flags);
		while (file && !tty_write_room_for(tty, file, len)) {
			spin_unlock_irqrestore(&tty->ldisc_lock, flags);
			if (nonblock)
				return done ? (long)done : -EAGAIN;
			ret = wait_event_interruptible(tty->write_wait,
						       tty_write_room_for(tty, file, len));
			if (ret)
				return done ? (long)done : ret;
			spin_lock_irqsave(&tty->ldisc_lock, flags);
		}
		if (file && tty_read_hung_up(tty, file)) {
			spin_unlock_irqrestore(&tty->ldisc_lock, flags);
			return done ? (long)done : -EIO;
		}
		n_tty_write(&tty->ldisc, buf + done, len);
		spin_unlock_irqrestore(&tty->ldisc_lock, flags);
		done += len;
	}
	return done;
}

void tty_write_kernel(struct tty_struct *tty, const char *buf, size_t n)
{
	tty_put_lines(tty, NULL, buf, n, false);
}

/* Linux's tty_write_lock: 0, -EAGAIN (ndelay, another writer is in) or -ERESTARTSYS. */
static bool tty_write_trylock(struct tty_struct *tty)
{
	return atomic_cmpxchg(&tty->write_busy, 0, 1) == 0;
}

static long tty_write_lock(struct tty_struct *tty, bool ndelay)
{
	if (tty_write_trylock(tty))
		return 0;
	if (ndelay)
		return -EAGAIN;
	return wait_event_interruptible(tty->write_wait, tty_write_trylock(tty));
}

static void tty_write_unlock(struct tty_struct *tty)
{
	atomic_set(&tty->write_busy, 0);
	wake_up(&tty->write_wait);
}

#define TTY_WRITE_CHUNK 2048	/* a signal is looked for between chunks, as Linux */

/*
 * Linux's do_tty_write: the bytes written, or -EAGAIN/-ERESTARTSYS/-EIO
 * before the first.
 */
static long do_tty_write(struct tty_struct *tty, struct file *file, const char *buf,
			 size_t count, bool ndelay)
{
	size_t written = 0;
	long ret = tty_write_lock(tty, ndelay);

	if (ret)
		return ret;
	while (written < count) {
		size_t size = count - written < TTY_WRITE_CHUNK ? count - written : TTY_WRITE_CHUNK;

		ret = tty_put_lines(tty, file, buf + written, size, ndelay);
		if (ret < 0)
			break;
		written += ret;
		if (written < count && (ret < (long)size || signal_pending(current)))
			break;
	}
	tty_write_unlock(tty);
	return written ? (long)written : ret;
}

/* A file opened as /dev/console: no job control on it (Linux's redirected_tty_write). */
static bool is_console_file(struct file *file)
{
	return READ_ONCE(file->f_op) == &console_fops;
}

/* Linux's capable(CAP_SYS_ADMIN): root (euid 0) has every capability, others none. */
static bool tty_capable(void)
{
	return current->cred.euid == 0;
}

/* TIOCCONS's file: /dev/console's writes go through it (Linux's redirect). */
static struct file *redirect;
static DEFINE_SPINLOCK(redirect_lock);

/* The redirect with a reference, or NULL. */
static struct file *get_redirect(void)
{
	struct file *f;

	spin_lock(&redirect_lock);
	f = redirect;
	if (f)
		get_file(f);
	spin_unlock(&redirect_lock);
	return f;
}

/* Take the redirect away if it is a file of tty (NULL: any): the caller fputs it. */
static struct file *tty_release_redirect(struct tty_struct *tty)
{
	struct file *f = NULL;

	spin_lock(&redirect_lock);
	if (redirect && (!tty || file_tty(redirect) == tty)) {
		f = redirect;
		redirect = NULL;
	}
	spin_unlock(&redirect_lock);
	return f;
}

/* Linux's tioccons: root only; on a /dev/console file it undoes the redirect. */
static long tioccons(struct file *file)
{
	struct file *f;

	if (!tty_capable())
		return -EPERM;
	if (is_console_file(file)) {
		f = tty_release_redirect(NULL);
		if (f)
			fput(f);
		return 0;
	}
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	spin_lock(&redirect_lock);
	if (redirect) {
		spin_unlock(&redirect_lock);
		return -EBUSY;
	}
	get_file(file);
	redirect = file;
	spin_unlock(&redirect_lock);
	return 0;
}

/* Linux's tiocsti: one byte in as if typed; by root, or on the caller's controlling tty. */
static long tiocsti(struct tty_struct *tty, const char __user *p)
{
	unsigned char c;

	if (get_current_tty() != tty && !tty_capable())
		return -EPERM;
	if (get_user(c, p))
		return -EFAULT;
	__tty_receive(tty, &c, 1, false);
	return 0;
}

static int tty_open(struct ramfs_inode *inode, struct file *file)
{
	struct tty_struct *tty = tty_of_rdev(inode->rdev);
	bool noctty = (file->f_flags & O_NOCTTY) || inode->rdev == MKDEV(TTYAUX_MAJOR, 1);
	struct tty_file_private *priv;
	unsigned long flags;

	if (!tty)
		return -ENXIO;
	if (IS_ERR(tty))
		return PTR_ERR(tty);
	if (READ_ONCE(tty->exclusive) && !tty_capable())
		return -EBUSY;		/* Linux's tty_reopen */
	priv = kmalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->tty = tty;
	priv->file = file;
	file->private_data = priv;
	if (inode->rdev == MKDEV(TTYAUX_MAJOR, 1))
		file->f_op = &console_fops;
	spin_lock_irqsave(&tty->files_lock, flags);
	list_add_tail(&priv->list, &tty->tty_files);
	tty->hupped = false;		/* opened again: the next hangup counts */
	spin_unlock_irqrestore(&tty->files_lock, flags);
	if (!noctty)
		tty_open_proc_set_tty(file, tty);
	return 0;
}

static int tty_release(struct ramfs_inode *inode, struct file *file)
{
	struct tty_file_private *priv = file->private_data;
	unsigned long flags;

	if (!priv)
		return 0;
	spin_lock_irqsave(&priv->tty->files_lock, flags);
	list_del(&priv->list);
	if (list_empty(&priv->tty->tty_files))
		priv->tty->exclusive = false;	/* Linux frees the tty at its last close */
	spin_unlock_irqrestore(&priv->tty->files_lock, flags);
	kfree(priv);
	file->private_data = NULL;
	return 0;
}

static ssize_t tty_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = file_tty(file);
	long ret;

	if (!is_console_file(file)) {
		ret = __tty_check_change(tty, SIGTTIN);	/* a background reader stops */
		if (ret)
			return ret;
	}
	return n_tty_read_file(tty, file, buf, count, file->f_flags & O_NONBLOCK);
}

static ssize_t tty_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = file_tty(file);
	struct file *to;
	long ret;

	if (is_console_file(file) && (to = get_redirect())) {	/* redirected_tty_write */
		ret = to->f_op->write(to, buf, count, pos);
		fput(to);
		return ret;
	}

	if ((tty->termios.c_lflag & TOSTOP) && !is_console_file(file)) {
		ret = tty_check_change(tty);	/* TOSTOP: a background writer stops */
		if (ret)
			return ret;
	}
	return do_tty_write(tty, file, buf, count, file->f_flags & O_NONBLOCK);
}

#define WAKEUP_CHARS 256	/* writable while less than this is held (Linux's) */

/*
 * Readable when the line discipline has input for read(); writable unless
 * output is stopped with WAKEUP_CHARS or more held (Linux's n_tty_poll).
 */
static unsigned int tty_poll(struct file *file, struct poll_table_struct *pt)
{
	struct tty_struct *tty = file_tty(file);
	unsigned int mask = 0;
	unsigned long flags;

	poll_wait(file, &tty->read_wait, pt);
	poll_wait(file, &tty->write_wait, pt);
	spin_lock_irqsave(&tty->ldisc_lock, flags);
	if (n_tty_input_available(&tty->ldisc))
		mask |= POLLIN | POLLRDNORM;
	if (tty->ldisc.held < WAKEUP_CHARS)
		mask |= POLLOUT | POLLWRNORM;
	spin_unlock_irqrestore(&tty->ldisc_lock, flags);
	return mask;
}

/*
 * The requests Linux's tty_ioctl handles itself. Breaks: a background
 * caller gets SIGTTOU first, as for TCSETS; all but TIOCCBRK wait for
 * output held by ^S to go (tcdrain is TCSBRK 1; -EINTR on a signal), and
 * the UART sends no break (as Linux's for a driver without break_ctl).
 * TIOCVHANGUP: root hangs the tty up (vhangup()'s ioctl). TIOCSTI,
 * TIOCCONS, TIOCEXCL/TIOCNXCL/TIOCGEXCL, TIOCGDEV: see their functions and
 * the top of this file. -ENOIOCTLCMD for the others.
 */
static long tty_ioctl_self(struct tty_struct *tty, struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	int disc;
	long ret;

	switch (cmd) {
	case TIOCSETD:
	case TIOCSBRK:
	case TIOCCBRK:
	case TCSBRK:
	case TCSBRKP:
		ret = tty_check_change(tty);
		if (ret)
			return ret;
		if (cmd != TIOCCBRK && tty_wait_until_sent(tty))
			return -EINTR;
		break;
	}
	switch (cmd) {
	case TIOCGETD:
		return put_user(N_TTY, (int __user *)arg);
	case TIOCSETD:
		if (get_user(disc, (int __user *)arg))
			return -EFAULT;
		return disc == N_TTY ? 0 : -EINVAL;	/* the one discipline here */
	case TIOCSBRK:
	case TIOCCBRK:
	case TCSBRK:
	case TCSBRKP:
		return 0;
	case TIOCVHANGUP:
		if (!tty_capable())
			return -EPERM;
		tty_vhangup(tty);
		return 0;
	case TIOCSTI:
		return tiocsti(tty, (const char __user *)arg);
	case TIOCCONS:
		return tioccons(file);
	case TIOCEXCL:
		WRITE_ONCE(tty->exclusive, true);
		return 0;
	case TIOCNXCL:
		WRITE_ONCE(tty->exclusive, false);
		return 0;
	case TIOCGEXCL:
		return put_user((int)READ_ONCE(tty->exclusive), (int __user *)arg);
	case TIOCGDEV:
		return put_user((unsigned int)new_encode_dev(tty_devnum(tty)),
				(unsigned int __user *)arg);
	}
	return -ENOIOCTLCMD;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(file);
	long ret;

	ret = tty_ioctl_self(tty, file, cmd, arg);
	if (ret == -ENOIOCTLCMD)
		ret = tty_jobctrl_ioctl(tty, file, cmd, arg);
	if (ret == -ENOIOCTLCMD)
		ret = tty_mode_ioctl(tty, cmd, arg);
	return ret == -ENOIOCTLCMD ? -ENOTTY : ret;
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.llseek = noop_llseek,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
	.release = tty_release,
};

/* The same operations; the address tells /dev/console's files apart. */
static const struct file_operations console_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.llseek = noop_llseek,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
	.release = tty_release,
};

/* ---- hangup ------------------------------------------------------------------- */

static ssize_t hung_up_tty_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	return 0;
}

static ssize_t hung_up_tty_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	return -EIO;
}

static unsigned int hung_up_tty_poll(struct file *file, struct poll_table_struct *pt)
{
	return POLLIN | POLLOUT | POLLERR | POLLHUP | POLLRDNORM | POLLWRNORM;
}

static long hung_up_tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
}

static const struct file_operations hung_up_tty_fops = {
	.read = hung_up_tty_read,
	.write = hung_up_tty_write,
	.llseek = noop_llseek,
	.ioctl = hung_up_tty_ioctl,
	.poll = hung_up_tty_poll,
	.release = tty_release,
};

static void __tty_hangup(struct tty_struct *tty, int exit_session)
{
	struct file *redirect_file;
	struct tty_file_private *priv;
	unsigned long flags;

	spin_lock_irqsave(&tty->files_lock, flags);
	if (tty->hupped || tty->hupping) {	/* not opened since the last one */
		spin_unlock_irqrestore(&tty->files_lock, flags);
		return;
	}
	WRITE_ONCE(tty->hupping, true);		/* readers of /dev/console give up too */
	list_for_each_entry(priv, &tty->tty_files, list)
		if (priv->file->f_op == &tty_fops)
			WRITE_ONCE(priv->file->f_op, &hung_up_tty_fops);
	spin_unlock_irqrestore(&tty->files_lock, flags);

	tty_signal_session_leader(tty, exit_session);
	redirect_file = tty_release_redirect(tty);
	if (redirect_file)
		fput(redirect_file);

	spin_lock_irqsave(&tty->ldisc_lock, flags);	/* Linux's tty_ldisc_hangup */
	n_tty_flush(&tty->ldisc);
	n_tty_flush_output(&tty->ldisc);		/* and tty_driver_flush_buffer */
	spin_unlock_irqrestore(&tty->ldisc_lock, flags);
	wake_up(&tty->read_wait);
	wake_up(&tty->write_wait);

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);

	spin_lock_irqsave(&tty->files_lock, flags);
	tty->hupped = true;
	WRITE_ONCE(tty->hupping, false);
	spin_unlock_irqrestore(&tty->files_lock, flags);
}

void tty_vhangup(struct tty_struct *tty)
{
	__tty_hangup(tty, 0);
}

void tty_vhangup_session(struct tty_struct *tty)
{
	__tty_hangup(tty, 1);
}

void tty_vhangup_self(void)
{
	struct tty_struct *tty = get_current_tty();

	if (tty)
		tty_vhangup(tty);
}

/* Before any UART registers (start_kernel, tty_init). */
void __init tty_init(void)
{
	register_chrdev(TTYAUX_MAJOR, "console", &tty_fops);
	register_chrdev(AMBA_MAJOR, "ttyAMA", &tty_fops);
}
