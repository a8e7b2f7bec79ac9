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
 *   write()  -> n_tty_write ("\n" -> "\r\n") -> ops->write
 *
 * The line discipline runs in the interrupt handler (Linux defers it to a
 * worker; there is none here), so process-side calls into it mask IRQs.
 *
 * The foreground process group, who gets ^C and ^\: the one TIOCSPGRP set;
 * until then, that of the last process that opened or read the tty. With
 * a shell that does no job control (usr/bin/sh.c), the shell, its
 * foreground command and its background jobs share one group, so all get
 * the SIGINT and the shell and its jobs ignore it, as POSIX has it.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/sched.h>
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

/* (5,1) /dev/console; (5,0) /dev/tty, the controlling tty: every process's is the console. */
static struct tty_struct *tty_of_rdev(u32 rdev)
{
	if (rdev == MKDEV(TTYAUX_MAJOR, 1) || rdev == MKDEV(TTYAUX_MAJOR, 0))
		return tty_console();
	for (int i = 0; i < MAX_TTYS; i++)
		if (ttys[i] && MAJOR(rdev) == AMBA_MAJOR &&
		    MINOR(rdev) == AMBA_MINOR_BASE + (u32)ttys[i]->index)
			return ttys[i];
	return NULL;
}

/* ---- the foreground and its signals ---------------------------------------- */

/* The process group current belongs to (its pid if it has none of its own). */
static int current_pgrp(void)
{
	return current->pgid ? current->pgid : current->pid;
}

/* A user process reading or opening the tty becomes the foreground, unless TIOCSPGRP chose. */
static void note_foreground(struct tty_struct *tty)
{
	if (current->mm && !tty->pgrp_set)
		tty->pgrp = current_pgrp();
}

struct fg_scan {
	int pgrp;
	int n;
	int pids[64];
};

static int collect_fg(struct task_struct *p, void *arg)
{
	struct fg_scan *scan = arg;

	if (p->mm && !p->exit_state && (p->pgid ? p->pgid : p->pid) == scan->pgrp &&
	    scan->n < (int)ARRAY_SIZE(scan->pids))
		scan->pids[scan->n++] = p->pid;
	return 0;
}

int tty_signal_foreground(struct tty_struct *tty, int sig)
{
	struct fg_scan scan = { .pgrp = tty->pgrp };
	int sent = 0;

	if (!scan.pgrp)
		return 0;
	for_each_task(collect_fg, &scan);
	for (int i = 0; i < scan.n; i++)
		sent += kill_pid(scan.pids[i], sig) == 0;
	return sent;
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

void tty_receive(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	unsigned long flags;

	local_irq_save(flags);
	tty->rx_chars += n;
	n_tty_receive_buf(&tty->ldisc, buf, n);
	local_irq_restore(flags);
	if (n_tty_input_available(&tty->ldisc))
		wake_up(&tty->read_wait);
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

long tty_read_kernel(struct tty_struct *tty, char *buf, size_t n, bool nonblock)
{
	unsigned long flags;
	long ret;

	if (!n)
		return 0;
	for (;;) {
		local_irq_save(flags);
		ret = n_tty_read(&tty->ldisc, (unsigned char *)buf, n);
		local_irq_restore(flags);
		if (ret >= 0)
			return ret;
		if (nonblock)
			return -EAGAIN;
		if (wait_event_interruptible(tty->read_wait, n_tty_input_available(&tty->ldisc)))
			return -ERESTARTSYS;	/* restarted unless a handler says not */
	}
}

void tty_write_kernel(struct tty_struct *tty, const char *buf, size_t n)
{
	n_tty_write(&tty->ldisc, buf, n);
}

static int tty_open(struct ramfs_inode *inode, struct file *file)
{
	struct tty_struct *tty = tty_of_rdev(inode->rdev);

	if (!tty)
		return -ENXIO;
	file->private_data = tty;
	note_foreground(tty);
	return 0;
}

static ssize_t tty_read(struct file *file, char *buf, size_t count, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;

	note_foreground(tty);
	return tty_read_kernel(tty, buf, count, file->f_flags & O_NONBLOCK);
}

static ssize_t tty_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
	tty_write_kernel(file->private_data, buf, count);
	return count;
}

/* Readable when the line discipline has input for read(); always writable. */
static unsigned int tty_poll(struct file *file, struct poll_table_struct *pt)
{
	struct tty_struct *tty = file->private_data;
	unsigned int mask = POLLOUT | POLLWRNORM;
	unsigned long flags;

	poll_wait(file, &tty->read_wait, pt);
	local_irq_save(flags);
	if (n_tty_input_available(&tty->ldisc))
		mask |= POLLIN | POLLRDNORM;
	local_irq_restore(flags);
	return mask;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file->private_data;
	void __user *p = (void __user *)arg;
	struct termios t;
	unsigned long flags;
	int pgrp;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &tty->termios, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		if (copy_from_user(&t, p, sizeof(t)))
			return -EFAULT;
		local_irq_save(flags);
		tty->termios = t;
		if (cmd == TCSETSF)
			n_tty_flush(&tty->ldisc);
		local_irq_restore(flags);
		return 0;
	case TIOCGWINSZ:
		return copy_to_user(p, &tty->winsize, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&tty->winsize, p, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCGPGRP:
		return put_user(tty->pgrp, (int __user *)p);
	case TIOCSPGRP:
		if (get_user(pgrp, (int __user *)p))
			return -EFAULT;
		if (pgrp <= 0)
			return -EINVAL;
		tty->pgrp = pgrp;
		tty->pgrp_set = true;
		return 0;
	case FIONREAD:
		return put_user((int)n_tty_chars_in_buffer(&tty->ldisc), (int __user *)p);
	case TIOCSCTTY:
		return 0;	/* every process shares the one console */
	}
	return -ENOTTY;
}

static const struct file_operations tty_fops = {
	.open = tty_open,
	.read = tty_read,
	.write = tty_write,
	.llseek = noop_llseek,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};

/* Before any UART registers (start_kernel, tty_init). */
void __init tty_init(void)
{
	register_chrdev(TTYAUX_MAJOR, "console", &tty_fops);
	register_chrdev(AMBA_MAJOR, "ttyAMA", &tty_fops);
}
