// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/tty_jobctrl.c: the controlling terminal and job control, as
 * Linux's file of the same name.
 *
 * A session leader (setsid) gets a controlling tty by opening one without
 * O_NOCTTY (not through /dev/console) or with TIOCSCTTY; its session and
 * foreground process group are then recorded in the tty (tty->session,
 * tty->pgrp), and the tty in each process of the session (signal->tty):
 *
 *   ^C ^\ ^Z         -> SIGINT, SIGQUIT, SIGTSTP to tty->pgrp (n_tty, ISIG)
 *   read, background -> SIGTTIN to the reader's group, -ERESTARTSYS (or -EIO
 *                       if it ignores SIGTTIN or its group is orphaned)
 *   write with TOSTOP, TCSETS*, TCFLSH, TIOCSPGRP, background
 *                    -> SIGTTOU the same way (allowed if SIGTTOU is ignored
 *                       or blocked)
 *   TIOCSPGRP/TIOCGPGRP  the foreground group (tcsetpgrp/tcgetpgrp)
 *   TIOCGSID             the session; TIOCNOTTY drops the tty
 *   the leader exits -> the tty hangs up (tty_io.c's __tty_hangup): the
 *                       foreground group gets SIGHUP, the session loses the
 *                       tty, its open files read EOF and fail writes
 *   TIOCNOTTY by the leader -> SIGHUP and SIGCONT to the foreground group,
 *                       the session loses the tty (no hangup)
 *
 * A process group whose last link to a shell goes (no member has a parent
 * in another group of the same session) is orphaned: if one of its members
 * is stopped, it gets SIGHUP and SIGCONT (kernel/exit.c's
 * kill_orphaned_pgrp); from then on SIGTSTP, SIGTTIN and SIGTTOU stop none
 * of its members (kernel/signal.c) and their background reads and
 * job-controlled writes fail with -EIO instead.
 *
 * Files opened as /dev/console are exempt from the read and write checks
 * (Linux's redirected_tty_write test). Locking: tty->pgrp and tty->session
 * under tty->ctrl_lock (the ^C path reads them in the UART's interrupt);
 * the tasks' signal->tty/pgrp/session/tty_old_pgrp under tasklist_lock,
 * taken first.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <uapi/asm-generic/ioctls.h>
#include <asm/uaccess.h>

/* The signal's handler is SIG_IGN or current blocks it. */
static bool is_ignored(int sig)
{
	return (current->blocked & (1ULL << (sig - 1))) ||
	       current->sighand->action[sig - 1].sa_handler == 1 /* SIG_IGN */;
}

static int tty_pgrp_read(struct tty_struct *tty)
{
	unsigned long flags;
	int pgrp;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	pgrp = tty->pgrp;
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	return pgrp;
}

/*
 * May current use its controlling tty as the foreground would? 0 yes;
 * otherwise its group gets sig and -ERESTARTSYS (the call is redone once
 * it is continued in the foreground), or -EIO (see the top of the file).
 */
int __tty_check_change(struct tty_struct *tty, int sig)
{
	int tty_pgrp, pgrp = task_pgrp_nr(current);

	if (current->signal->tty != tty)
		return 0;
	tty_pgrp = tty_pgrp_read(tty);
	if (!tty_pgrp || pgrp == tty_pgrp)
		return 0;
	if (is_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(pgrp, sig, 1);
	return -ERESTARTSYS;
}

int tty_check_change(struct tty_struct *tty)
{
	return __tty_check_change(tty, SIGTTOU);
}

/* tasklist_lock held. Every process of session sid loses its controlling tty. */
static void session_clear_tty(int sid)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p->signal && task_session_nr(p) == sid)
			p->signal->tty = NULL;
}

/* tasklist_lock held. current's session takes tty, current's group in front. */
static void __proc_set_tty(struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tty->ctrl_lock, flags);
	tty->session = task_session_nr(current);
	tty->pgrp = task_pgrp_nr(current);
	spin_unlock_irqrestore(&tty->ctrl_lock, flags);
	current->signal->tty = tty;
}

/* open() without O_NOCTTY: a session leader without a tty takes a free one it may read. */
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (current->mm && current->signal->leader && !current->signal->tty &&
	    !tty->session && (filp->f_mode & FMODE_READ))
		__proc_set_tty(tty);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

struct tty_struct *get_current_tty(void)
{
	return current->signal ? READ_ONCE(current->signal->tty) : NULL;
}

/*
 * A hangup (tty_io.c): every process of the tty's session loses it; the
 * leader gets SIGHUP and SIGCONT and remembers the foreground group
 * (tty_old_pgrp, signalled when it exits); exit_session (the leader is
 * exiting): the foreground group gets SIGHUP. Linux's function of the name.
 */
void tty_signal_session_leader(struct tty_struct *tty, int exit_session)
{
	struct task_struct *p;
	unsigned long flags;
	int sid, tty_pgrp = 0;

	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&tty->ctrl_lock);
	sid = tty->session;
	spin_unlock(&tty->ctrl_lock);
	list_for_each_entry(p, &task_list, tasks) {
		if (!sid || !p->signal || !thread_group_leader(p) || task_session_nr(p) != sid)
			continue;
		if (p->signal->tty == tty)
			p->signal->tty = NULL;
		if (!p->signal->leader)
			continue;
		send_sig(SIGHUP, p);
		send_sig(SIGCONT, p);
		tty_pgrp = tty_pgrp_read(tty);
		if (tty_pgrp)
			p->signal->tty_old_pgrp = tty_pgrp;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (tty_pgrp && exit_session)
		kill_pgrp(tty_pgrp, SIGHUP, exit_session);
}

/*
 * The session leader gives up its tty (Linux's disassociate_ctty). on_exit
 * (do_exit): the tty hangs up, as Linux's does for every tty but a pty;
 * a leader whose tty hung up earlier signals the group that was in front
 * then. Not on_exit (TIOCNOTTY): SIGHUP and SIGCONT to the foreground
 * group, as far as the caller may signal it. Either way the tty forgets
 * the session, and every process of the session forgets the tty.
 */
void disassociate_ctty(int on_exit)
{
	struct tty_struct *tty;
	unsigned long flags;
	int pgrp;

	if (!current->signal->leader)
		return;
	tty = get_current_tty();
	if (tty && on_exit) {
		tty_vhangup_session(tty);
	} else if (tty) {
		pgrp = tty_pgrp_read(tty);
		if (pgrp) {
			kill_pgrp(pgrp, SIGHUP, on_exit);
			kill_pgrp(pgrp, SIGCONT, on_exit);
		}
	} else if (on_exit) {
		spin_lock_irqsave(&tasklist_lock, flags);
		pgrp = current->signal->tty_old_pgrp;
		current->signal->tty_old_pgrp = 0;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (pgrp) {
			kill_pgrp(pgrp, SIGHUP, on_exit);
			kill_pgrp(pgrp, SIGCONT, on_exit);
		}
		return;
	}
	spin_lock_irqsave(&tasklist_lock, flags);
	tty = current->signal->tty;
	if (tty) {
		spin_lock(&tty->ctrl_lock);
		tty->session = 0;
		tty->pgrp = 0;
		spin_unlock(&tty->ctrl_lock);
	}
	current->signal->tty_old_pgrp = 0;
	session_clear_tty(task_session_nr(current));
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/* TIOCNOTTY: a leader gives the tty up for its session; anyone else just for itself. */
static int tiocnotty(struct tty_struct *tty)
{
	unsigned long flags;

	if (get_current_tty() != tty)
		return -ENOTTY;
	disassociate_ctty(0);
	spin_lock_irqsave(&tasklist_lock, flags);
	current->signal->tty = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return 0;
}

/*
 * TIOCSCTTY: make tty the controlling tty of current's session. Only a
 * session leader without one may (-EPERM), through a file open for reading,
 * and the tty must be free, unless arg is 1 and the caller is root: then
 * it is taken from the session that has it. Already ours: 0.
 */
static int tiocsctty(struct tty_struct *tty, struct file *file, unsigned long arg)
{
	unsigned long flags;
	int ret = 0, old;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (current->signal->leader && tty->session == task_session_nr(current))
		goto out;
	ret = -EPERM;
	if (!current->signal->leader || current->signal->tty)
		goto out;
	old = tty->session;
	if (old) {
		if (arg != 1 || current->cred.euid != 0)
			goto out;
		session_clear_tty(old);
	}
	if (!(file->f_mode & FMODE_READ) && current->cred.euid != 0)
		goto out;
	__proc_set_tty(tty);
	ret = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/*
 * tasklist_lock held. The session of process group pgrp, or failing a
 * group of that id, of process pgrp (Linux's session_of_pgrp, which "gdb
 * needs"); 0 if neither exists. A zombie still counts, as on Linux until
 * it is reaped.
 */
static int session_of_pgrp(int pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p->signal && thread_group_leader(p) && task_pgrp_nr(p) == pgrp)
			return task_session_nr(p);
	list_for_each_entry(p, &task_list, tasks)
		if (p->signal && p->pid == pgrp)
			return task_session_nr(p);
	return 0;
}

/* Is tty current's controlling tty, in current's session? */
static bool is_current_ctty(struct tty_struct *tty)
{
	return get_current_tty() == tty && tty->session == task_session_nr(current);
}

/*
 * TIOCSPGRP (tcsetpgrp): a group of the tty's session goes in front. The
 * checks in Linux's order: job control (a background caller gets SIGTTOU;
 * -ENOTTY where that would be -EIO), the argument (-EFAULT, -EINVAL), our
 * controlling tty (-ENOTTY), the group exists (-ESRCH) in our session
 * (-EPERM).
 */
static int tiocspgrp(struct tty_struct *tty, int __user *p)
{
	unsigned long flags;
	int pgrp, sid, ret;

	ret = tty_check_change(tty);
	if (ret == -EIO)
		return -ENOTTY;
	if (ret)
		return ret;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	sid = session_of_pgrp(pgrp);
	if (!is_current_ctty(tty)) {
		ret = -ENOTTY;
	} else if (!sid) {
		ret = -ESRCH;
	} else if (sid != task_session_nr(current)) {
		ret = -EPERM;
	} else {
		spin_lock(&tty->ctrl_lock);
		tty->pgrp = pgrp;
		spin_unlock(&tty->ctrl_lock);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg)
{
	int __user *p = (int __user *)arg;

	switch (cmd) {
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCSCTTY:
		return tiocsctty(tty, file, arg);
	case TIOCGPGRP:		/* tcgetpgrp: of our controlling tty only */
		if (get_current_tty() != tty)
			return -ENOTTY;
		return put_user(tty_pgrp_read(tty), p);
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (get_current_tty() != tty || !tty->session)
			return -ENOTTY;
		return put_user(tty->session, p);
	}
	return -ENOIOCTLCMD;
}
