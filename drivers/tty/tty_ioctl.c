// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/tty_ioctl.c: a tty's modes, as Linux's file of the same name
 * (tty_mode_ioctl, set_termios) and the n_tty ioctl helper:
 *
 *   TCGETS            struct termios out (arm64's: 4 flag words, c_line,
 *                     c_cc[19]; 36 bytes)
 *   TCSETS/W/F        struct termios in; W first waits for output held by
 *                     ^S to go (tty_wait_until_sent; the rest is written
 *                     synchronously); F also, and discards unread input
 *   TIOCGWINSZ/SWINSZ the window size (24x80 at registration); a change
 *                     sends SIGWINCH to the foreground group
 *   TCFLSH            TCIFLUSH discards unread input, TCOFLUSH output held
 *                     while stopped, TCIOFLUSH both; others -EINVAL
 *   TCXONC            TCOOFF/TCOON stop and start output (^Q does not
 *                     start a TCOOFF); TCIOFF/TCION send VSTOP/VSTART to
 *                     the other end; others -EINVAL
 *   FIONREAD          the bytes a read() would get now
 *
 * Changing modes from a background process group is job-controlled
 * (tty_check_change: SIGTTOU). A bad pointer gives -EFAULT. The window
 * size is under tty->ctrl_lock; termios and the line discipline's buffer
 * under tty->ldisc_lock, as in drivers/tty/tty_io.c (the discipline runs
 * in the UART's interrupt handler).
 */
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <uapi/asm-generic/ioctls.h>
#include <asm/uaccess.h>

#define SIGWINCH 28

/* Swap in new modes: the line discipline sees ICANON changes (n_tty_set_termios). */
static void tty_set_termios(struct tty_struct *tty, const struct termios *t, bool flush)
{
	struct termios old;
	unsigned long flags;

	spin_lock_irqsave(&tty->ldisc_lock, flags);
	old = tty->termios;
	tty->termios = *t;
	if (flush)
		n_tty_flush(&tty->ldisc);
	n_tty_set_termios(&tty->ldisc, &old);
	spin_unlock_irqrestore(&tty->ldisc_lock, flags);
	if (n_tty_input_available(&tty->ldisc))
		wake_up(&tty->read_wait);	/* raw now: a partial line is readable */
	wake_up(&tty->write_wait);		/* IXON off: output started */
}

int tty_wait_until_sent(struct tty_struct *tty)
{
	return wait_event_interruptible(tty->write_wait, !READ_ONCE(tty->ldisc.held));
}

static long set_termios(struct tty_struct *tty, unsigned int cmd, void __user *p)
{
	struct termios t;
	long ret = tty_check_change(tty);

	if (ret)
		return ret;
	if (copy_from_user(&t, p, sizeof(t)))
		return -EFAULT;
	if (cmd != TCSETS && tty_wait_until_sent(tty))
		return -ERESTARTSYS;		/* TCSETSW, TCSETSF: drained first */
	tty_set_termios(tty, &t, cmd == TCSETSF);
	return 0;
}

static long tiocswinsz(struct tty_struct *tty, void __user *p)
{
	struct winsize ws;
	unsigned long flags;
	bool changed;
	int pgrp;

	if (copy_from_user(&ws, p, sizeof(ws)))
		return -EFAULT;
	spin_lock_irqsave(&tty->ctrl_lock, flags);
	changed = memcmp(&ws, &tty->winsize, sizeof(ws)) != 0;
	tty->winsize = ws;
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	if (changed && pgrp)
		kill_pgrp(pgrp, SIGWINCH, 1);
	return 0;
}

static long tcflsh(struct tty_struct *tty, unsigned long arg)
{
	unsigned long flags;
	long ret = tty_check_change(tty);

	if (ret)
		return ret;
	if (arg != TCIFLUSH && arg != TCOFLUSH && arg != TCIOFLUSH)
		return -EINVAL;
	spin_lock_irqsave(&tty->ldisc_lock, flags);
	if (arg != TCOFLUSH)
		n_tty_flush(&tty->ldisc);
	if (arg != TCIFLUSH)
		n_tty_flush_output(&tty->ldisc);
	spin_unlock_irqrestore(&tty->ldisc_lock, flags);
	wake_up(&tty->write_wait);
	return 0;
}

/* Linux's n_tty_ioctl_helper TCXONC: stop_tty/start_tty as TCOOFF/TCOON, or a flow byte. */
static long tcxonc(struct tty_struct *tty, unsigned long arg)
{
	unsigned long flags;
	unsigned char c;
	long ret = tty_check_change(tty);

	if (ret)
		return ret;
	if (arg > TCION)
		return -EINVAL;
	spin_lock_irqsave(&tty->ldisc_lock, flags);
	if (arg == TCOOFF)
		n_tty_stop(&tty->ldisc, true);
	else if (arg == TCOON)
		n_tty_start(&tty->ldisc, true);
	c = tty->termios.c_cc[arg == TCIOFF ? VSTOP : VSTART];
	if ((arg == TCIOFF || arg == TCION) && c)
		tty->ops->write(tty, (const char *)&c, 1);	/* Linux's tty_send_xchar */
	spin_unlock_irqrestore(&tty->ldisc_lock, flags);
	wake_up(&tty->write_wait);
	return 0;
}

long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	void __user *p = (void __user *)arg;
	struct termios t;
	struct winsize ws;
	unsigned long flags;
	int n;

	switch (cmd) {
	case TCGETS:
		spin_lock_irqsave(&tty->ldisc_lock, flags);
		t = tty->termios;
		spin_unlock_irqrestore(&tty->ldisc_lock, flags);
		return copy_to_user(p, &t, sizeof(t)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, cmd, p);
	case TIOCGWINSZ:
		spin_lock_irqsave(&tty->ctrl_lock, flags);
		ws = tty->winsize;
		spin_unlock_irqrestore(&tty->ctrl_lock, flags);
		return copy_to_user(p, &ws, sizeof(ws)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return tiocswinsz(tty, p);
	case TCFLSH:
		return tcflsh(tty, arg);
	case TCXONC:
		return tcxonc(tty, arg);
	case FIONREAD:
		spin_lock_irqsave(&tty->ldisc_lock, flags);
		n = (int)n_tty_chars_in_buffer(&tty->ldisc);
		spin_unlock_irqrestore(&tty->ldisc_lock, flags);
		return put_user(n, (int __user *)p);
	}
	return -ENOIOCTLCMD;
}
