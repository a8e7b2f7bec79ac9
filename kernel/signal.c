// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/signal.c: signals, with Linux's semantics.
 *
 * Sending (kill, tgkill, the tty's ^C, faults, timers, a child's exit)
 * puts the signal and its siginfo on a pending list: the process's
 * (signal->shared_pending) or one task's (task->pending). A signal that is
 * ignored when sent is dropped then, unless blocked. Stop signals cancel a
 * pending SIGCONT and SIGCONT cancels pending stops and wakes a stopped
 * process at once, whatever its own disposition (prepare_signal).
 *
 * Receiving happens on the way back to EL0 (exit_to_user_mode ->
 * do_signal in arch/arm64/kernel/signal.c -> get_signal here): the next
 * unblocked signal is taken off its list, synchronous faults first, then
 * the lowest number. Its action decides:
 *   - a handler: the arch code builds Linux's rt_sigframe and runs it;
 *   - SIG_IGN, or SIG_DFL of SIGCHLD, SIGCONT, SIGURG, SIGWINCH: nothing;
 *   - SIG_DFL of SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU: the process stops
 *     (TASK_STOPPED) until SIGCONT or SIGKILL; the parent gets SIGCHLD
 *     (CLD_STOPPED) and wait4(WUNTRACED) reports it;
 *   - SIG_DFL of the rest: the process exits with the signal as its wait
 *     status. The "core dump" signals (SIGQUIT, SIGILL, SIGTRAP, SIGABRT,
 *     SIGBUS, SIGFPE, SIGSEGV, SIGXCPU, SIGXFSZ, SIGSYS) write no core file
 *     and so report no 0x80 "core dumped" bit, exactly as Linux does with
 *     its default RLIMIT_CORE of 0.
 * init (pid 1) and kernel threads never get a signal they have no handler
 * for (Linux's SIGNAL_UNKILLABLE), SIGKILL and SIGSTOP included.
 *
 * Locking, as Linux: p->sighand->siglock (include/linux/signal_types.h)
 * guards p's pending signals, its blocked mask and its process's shared
 * pending signals and stop/exit state; taken with interrupts masked. A
 * sender finds its target under tasklist_lock and takes the target's
 * siglock inside it (lock_task_sighand re-checks p->sighand, which
 * de_thread may change); tasks and wait4 see the process tree under
 * tasklist_lock. Two siglocks are never held at once: telling a parent
 * that its child stopped or continued (its siglock) happens with the
 * child's dropped and tasklist_lock held, from the child's get_signal
 * (SIGNAL_CLD_CONTINUED says a SIGCONT is yet to be reported).
 *
 * A SIGTSTP, SIGTTIN or SIGTTOU whose default action would stop a member
 * of an orphaned process group is dropped instead (POSIX; see get_signal
 * and kernel/exit.c), SIGSTOP always stops.
 *
 * Difference from Linux, on purpose: at most SIGQUEUE_MAX siginfos wait
 * per list, beyond which a real-time signal is still pending but only once
 * and with a blank siginfo.
 */
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/ptrace.h>
#include <asm/uaccess.h>

#define SIG_DFL		0UL
#define SIG_IGN		1UL
#define USER_HZ		100
#define SIGQUEUE_MAX	256
/* clone() flags (kernel/fork.c has the full list). */
#define CLONE_VM	0x00000100
#define CLONE_SIGHAND	0x00000800
#define CLONE_VFORK	0x00004000
#define CLONE_THREAD	0x00010000

#define sigmask(sig) (1ULL << ((sig) - 1))
#define SIG_KERNEL_ONLY_MASK	(sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_KERNEL_STOP_MASK	(sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | \
				 sigmask(SIGTTOU))
#define SIG_KERNEL_IGNORE_MASK	(sigmask(SIGCONT) | sigmask(SIGCHLD) | sigmask(SIGWINCH) | \
				 sigmask(SIGURG))
#define SIG_KERNEL_COREDUMP_MASK (sigmask(SIGQUIT) | sigmask(SIGILL) | sigmask(SIGTRAP) | \
				  sigmask(SIGABRT) | sigmask(SIGBUS) | sigmask(SIGFPE) | \
				  sigmask(SIGSEGV) | sigmask(SIGXCPU) | sigmask(SIGXFSZ) | \
				  sigmask(SIGSYS))
/* Taken before the others: the faults of the instruction that just ran. */
#define SYNCHRONOUS_MASK	(sigmask(SIGSEGV) | sigmask(SIGBUS) | sigmask(SIGILL) | \
				 sigmask(SIGTRAP) | sigmask(SIGFPE) | sigmask(SIGSYS))
#define SA_KNOWN_FLAGS		(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | \
				 SA_RESTART | SA_NODEFER | SA_RESETHAND | SA_RESTORER)

#define sig_kernel_only(sig)	 (!!(SIG_KERNEL_ONLY_MASK & sigmask(sig)))
#define sig_kernel_stop(sig)	 ((sig) < SIGRTMIN && (SIG_KERNEL_STOP_MASK & sigmask(sig)))
#define sig_kernel_ignore(sig)	 ((sig) < SIGRTMIN && (SIG_KERNEL_IGNORE_MASK & sigmask(sig)))
#define sig_kernel_coredump(sig) ((sig) < SIGRTMIN && (SIG_KERNEL_COREDUMP_MASK & sigmask(sig)))
#define valid_signal(sig)	 ((sig) >= 1 && (sig) <= _NSIG)

static inline struct k_sigaction *sig_action(struct task_struct *p, int sig)
{
	return &p->sighand->action[sig - 1];
}

/* init and kernel threads: only signals they chose to handle reach them. */
static bool sig_unkillable(struct task_struct *p)
{
	return (p->flags & PF_KTHREAD) || !p->sighand || (p->signal->flags & SIGNAL_UNKILLABLE);
}

/*
 * Would p do nothing with sig? Blocked signals are kept, whatever the action
 * (it may change before they are unblocked, or rt_sigtimedwait takes them),
 * init's included: so an init that blocks SIGTERM and waits for it with
 * sigtimedwait gets it. real_blocked is the mask a task in rt_sigtimedwait
 * had before the wait unblocked the awaited signals (Linux's rule).
 */
static bool sig_ignored(struct task_struct *p, int sig)
{
	unsigned long handler;

	if (!p->sighand)
		return true;
	if ((p->blocked | p->real_blocked) & sigmask(sig) & ~SIG_KERNEL_ONLY_MASK)
		return false;
	handler = sig_action(p, sig)->sa_handler;
	if (handler == SIG_IGN)
		return true;
	if (handler != SIG_DFL)
		return false;
	return sig_unkillable(p) || sig_kernel_ignore(sig);
}

/* ---- pending lists ------------------------------------------------------------ */

static void init_sigpending(struct sigpending *pend)
{
	pend->signal = 0;
	INIT_LIST_HEAD(&pend->list);
}

static int sigqueue_length(struct sigpending *pend)
{
	struct sigqueue *q;
	int n = 0;

	list_for_each_entry(q, &pend->list, list)
		n++;
	return n;
}

/* siglock held. Drop the signals of mask from pend. */
static void flush_sigqueue_mask(sigset_t mask, struct sigpending *pend)
{
	struct list_head *pos, *next;

	if (!(pend->signal & mask))
		return;
	pend->signal &= ~mask;
	for (pos = pend->list.next; pos != &pend->list; pos = next) {
		struct sigqueue *q = list_entry(pos, struct sigqueue, list);

		next = pos->next;
		if (mask & sigmask(q->info.si_signo)) {
			list_del(&q->list);
			kfree(q);
		}
	}
}

static void flush_sigqueue(struct sigpending *pend)
{
	flush_sigqueue_mask(~0ULL, pend);
}

/* siglock held. The pending signals p could take now. */
static sigset_t deliverable(struct task_struct *p)
{
	sigset_t pending = p->pending.signal;

	if (p->signal)
		pending |= p->signal->shared_pending.signal;
	return pending & ~p->blocked;
}

/* siglock held. Also while the process stops or exits: each thread must take part. */
static void recalc_sigpending_tsk(struct task_struct *p)
{
	if (deliverable(p) ||
	    (p->signal && (p->signal->flags & (SIGNAL_STOP_STOPPED | SIGNAL_GROUP_EXIT))))
		set_tsk_thread_flag(p, TIF_SIGPENDING);
	else
		clear_tsk_thread_flag(p, TIF_SIGPENDING);
}

/* Let p see a new signal: TIF_SIGPENDING, and a wake-up if it sleeps for one. */
static void signal_wake_up(struct task_struct *p, bool fatal)
{
	set_tsk_thread_flag(p, TIF_SIGPENDING);
	smp_mb();	/* the flag before the state: pairs with set_current_state() */
	if (p->state == TASK_INTERRUPTIBLE || (fatal && (p->state & TASK_WAKEKILL)))
		wake_up_process(p);
}

/* ---- sending ------------------------------------------------------------------- */

/*
 * p's siglock, interrupts masked; NULL if p has no signal state any more.
 * p must stay (current, or under tasklist_lock); its sighand may change
 * under us (de_thread), hence the second look.
 */
static struct sighand_struct *lock_task_sighand(struct task_struct *p, unsigned long *flags)
{
	for (;;) {
		struct sighand_struct *sighand = READ_ONCE(p->sighand);

		if (!sighand)
			return NULL;
		spin_lock_irqsave(&sighand->siglock, *flags);
		if (sighand == READ_ONCE(p->sighand))
			return sighand;
		spin_unlock_irqrestore(&sighand->siglock, *flags);
	}
}

static void unlock_task_sighand(struct sighand_struct *sighand, unsigned long *flags)
{
	spin_unlock_irqrestore(&sighand->siglock, *flags);
}

static void do_notify_parent_cldstop(struct task_struct *tsk, int why);

/*
 * p's siglock held. The side effects of sending sig that happen whatever
 * p does with it (stop/continue), then whether it is to be queued at all.
 * A continued process tells its parent itself (get_signal): that takes the
 * parent's siglock, which may not nest in p's.
 */
static bool prepare_signal(int sig, struct task_struct *p)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (p->exit_state || (p->flags & PF_EXITING))
		return false;
	if (sig_kernel_stop(sig)) {
		flush_sigqueue_mask(sigmask(SIGCONT), &signal->shared_pending);
		flush_sigqueue_mask(sigmask(SIGCONT), &p->pending);
	} else if (sig == SIGCONT) {
		flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &signal->shared_pending);
		flush_sigqueue_mask(SIG_KERNEL_STOP_MASK, &p->pending);
		p->stop_dequeued = false;
		list_for_each_entry(t, &p->thread_group, thread_group)
			t->stop_dequeued = false;	/* a stop on its way is off */
		if (signal->flags & SIGNAL_STOP_STOPPED) {
			t = p;
			signal->flags &= ~SIGNAL_STOP_STOPPED;
			signal->flags |= SIGNAL_STOP_CONTINUED | SIGNAL_CLD_CONTINUED;
			signal->group_exit_code = 0;
			do {	/* every thread */
				if (t->state == TASK_STOPPED)
					wake_up_process(t);
				t = list_entry(t->thread_group.next, struct task_struct, thread_group);
			} while (t != p);
		}
	}
	return !sig_ignored(p, sig);
}

/* siglock held. Queue sig with its siginfo; false if the list is full. */
static bool sigqueue_add(struct sigpending *pend, int sig, const kernel_siginfo_t *info)
{
	struct sigqueue *q = NULL;

	if (sigqueue_length(pend) < SIGQUEUE_MAX)
		q = kmalloc(sizeof(*q), GFP_ATOMIC);
	pend->signal |= sigmask(sig);
	if (!q)
		return false;
	q->info = *info;
	list_add_tail(&q->list, &pend->list);
	return true;
}

static bool wants_signal(int sig, struct task_struct *t)
{
	if (t->exit_state || (t->flags & PF_EXITING))
		return false;
	return sig == SIGKILL || !(t->blocked & sigmask(sig));
}

/*
 * siglock held. A signal for the process is pending: wake a thread
 * that can take it, p first, as Linux's complete_signal (if all block it,
 * it waits for one to unblock it).
 */
static void complete_signal(int sig, struct task_struct *p)
{
	struct task_struct *t = p;

	do {
		if (wants_signal(sig, t)) {
			signal_wake_up(t, sig == SIGKILL);
			return;
		}
		t = list_entry(t->thread_group.next, struct task_struct, thread_group);
	} while (t != p);
}

/* p's siglock held. exit_group, or a fatal signal: SIGKILL every other thread. */
void zap_other_threads(struct task_struct *p)
{
	struct task_struct *t;

	list_for_each_entry(t, &p->thread_group, thread_group) {
		if (t->exit_state)
			continue;
		t->pending.signal |= sigmask(SIGKILL);
		signal_wake_up(t, true);
	}
}

int send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p, bool to_thread)
{
	struct sighand_struct *sighand;
	struct sigpending *pend;
	unsigned long flags;

	if (!valid_signal(sig))
		return -EINVAL;
	sighand = lock_task_sighand(p, &flags);
	if (!sighand)
		return 0;
	if (!p->signal || !prepare_signal(sig, p))
		goto out;
	pend = to_thread ? &p->pending : &p->signal->shared_pending;
	/* A standard signal is pending once; real-time ones queue. */
	if (sig < SIGRTMIN && (pend->signal & sigmask(sig)))
		goto out;
	sigqueue_add(pend, sig, info);
	if (to_thread)
		signal_wake_up(p, sig == SIGKILL);
	else
		complete_signal(sig, p);
out:
	unlock_task_sighand(sighand, &flags);
	return 0;
}

static void init_info(kernel_siginfo_t *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
}

int send_sig(int sig, struct task_struct *p)
{
	kernel_siginfo_t info;

	init_info(&info, sig, SI_KERNEL);
	return send_sig_info(sig, &info, p, false);
}

/*
 * May current signal p (a signal from user space)? Root may; others need
 * their real or effective uid to be p's real or saved one; SIGCONT goes
 * anywhere in the session. As Linux's check_kill_permission.
 */
static bool kill_ok_by_cred(int sig, struct task_struct *p)
{
	const struct cred *c = &current->cred, *t = &p->cred;

	if (c->euid == 0 || (sig == SIGCONT && task_session_nr(p) == task_session_nr(current)))
		return true;
	return c->euid == t->suid || c->euid == t->uid || c->uid == t->suid || c->uid == t->uid;
}

/* The task is looked up, and signalled, under tasklist_lock. */
static int kill_pid_info(int pid, int sig, kernel_siginfo_t *info, bool to_thread)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = pid > 0 ? find_task_by_pid(pid) : NULL;
	if (p && !p->exit_state && p->mm && info->si_code <= 0 && !kill_ok_by_cred(sig, p))
		ret = -EPERM;
	else if (p && !p->exit_state && p->mm)
		ret = sig ? send_sig_info(sig, info, p, to_thread) : 0;
	else if (p && !p->exit_state)
		ret = 0;		/* a kernel thread: exists, ignores */
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static void user_info(kernel_siginfo_t *info, int sig, int code)
{
	init_info(info, sig, code);
	info->kill.pid = current->pid;
	info->kill.uid = 0;
}

int kill_pid(int pid, int sig)
{
	kernel_siginfo_t info;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	init_info(&info, sig, SI_KERNEL);
	return kill_pid_info(pid, sig, &info, false);
}

/*
 * tasklist_lock held. kill(0 / -pgrp / -1): every
 * process of group pgrp (all: every process but init and the caller), once
 * each. As Linux: -ESRCH if there is none, -EPERM if the caller may signal
 * none of them; priv: the kernel sends, no permission check.
 */
static int __kill_many(int pgrp, bool all, int sig, kernel_siginfo_t *info, bool priv)
{
	struct task_struct *p;
	int found = 0, sent = 0;

	list_for_each_entry(p, &task_list, tasks) {
		if (!p->mm || p->exit_state || !thread_group_leader(p))
			continue;
		if (all ? (p->tgid == current->tgid || p->pid == 1) : task_pgrp_nr(p) != pgrp)
			continue;
		found++;
		if (!priv && !kill_ok_by_cred(sig, p))
			continue;
		sent++;
		if (sig)
			send_sig_info(sig, info, p, false);
	}
	return !found ? -ESRCH : sent ? 0 : -EPERM;
}

static int kill_many(int pgrp, bool all, int sig, kernel_siginfo_t *info)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_many(pgrp, all, sig, info, false);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

int __kill_pgrp(int pgrp, int sig, int priv)
{
	kernel_siginfo_t info;

	init_info(&info, sig, SI_KERNEL);
	return __kill_many(pgrp, false, sig, &info, priv);
}

int kill_pgrp(int pgrp, int sig, int priv)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = __kill_pgrp(pgrp, sig, priv);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

long do_no_restart_syscall(struct restart_block *rb)
{
	return -EINTR;
}

/*
 * Where do_signal sends a call that returned -ERESTART_RESTARTBLOCK when
 * no handler ran (include/linux/restart_block.h); called directly, -EINTR.
 */
SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *rb = &current->restart_block;
	long (*fn)(struct restart_block *) = rb->fn ? rb->fn : do_no_restart_syscall;

	rb->fn = do_no_restart_syscall;		/* one restart per block */
	return fn(rb);
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	kernel_siginfo_t info;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	user_info(&info, sig, SI_USER);
	if (pid > 0)
		return kill_pid_info(pid, sig, &info, false);
	if (pid == 0)
		return kill_many(task_pgrp_nr(current), false, sig, &info);
	if (pid == -1)
		return kill_many(0, true, sig, &info);
	if (pid == -2147483647 - 1)
		return -ESRCH;
	return kill_many(-pid, false, sig, &info);
}

/* tgkill/tkill: to one task (a thread id); tgid, if > 0, must be its process. */
static long do_tkill(int tgid, int pid, int sig)
{
	kernel_siginfo_t info;
	struct task_struct *p;
	unsigned long flags;

	if (pid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(pid);
	if (p && tgid > 0 && p->tgid != tgid)
		p = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!p)
		return -ESRCH;
	user_info(&info, sig, SI_TKILL);
	return kill_pid_info(pid, sig, &info, true);
}

SYSCALL_DEFINE3(tgkill, int, tgid, int, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

SYSCALL_DEFINE2(tkill, int, pid, int, sig)
{
	return do_tkill(0, pid, sig);
}

/*
 * rt_sigqueueinfo, rt_tgsigqueueinfo: a signal with the caller's own
 * siginfo (sigqueue's si_value). As on Linux, not even root may pretend to
 * be the kernel (si_code >= 0) or kill/tgkill (SI_TKILL) except to itself;
 * otherwise kill's permission check applies (si_code < 0: from user
 * space). The first 48 bytes of the user's siginfo are kept: every field
 * a signal sent this way can carry.
 */
static int sigqueue_info_from_user(kernel_siginfo_t *info, int sig, int pid,
				   const void __user *uinfo)
{
	if (copy_from_user(info, uinfo, sizeof(*info)))
		return -EFAULT;
	info->si_signo = sig;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && pid != current->pid)
		return -EPERM;
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	return 0;
}

SYSCALL_DEFINE3(rt_sigqueueinfo, int, pid, int, sig, const void __user *, uinfo)
{
	kernel_siginfo_t info;
	int err = sigqueue_info_from_user(&info, sig, pid, uinfo);

	return err ? err : kill_pid_info(pid, sig, &info, false);
}

SYSCALL_DEFINE4(rt_tgsigqueueinfo, int, tgid, int, pid, int, sig, const void __user *, uinfo)
{
	kernel_siginfo_t info;
	struct task_struct *p;
	unsigned long flags;
	int err;

	if (pid <= 0 || tgid <= 0)
		return -EINVAL;
	err = sigqueue_info_from_user(&info, sig, pid, uinfo);
	if (err)
		return err;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(pid);
	if (p && p->tgid != tgid)
		p = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p ? kill_pid_info(pid, sig, &info, true) : -ESRCH;
}

/* A fault: the signal is delivered even if ignored or blocked, as Linux's force_sig. */
void force_sig_info(kernel_siginfo_t *info)
{
	struct task_struct *p = current;
	int sig = info->si_signo;
	struct k_sigaction *ka = sig_action(p, sig);
	unsigned long flags;

	spin_lock_irqsave(&p->sighand->siglock, flags);
	if (ka->sa_handler == SIG_IGN || (p->blocked & sigmask(sig))) {
		ka->sa_handler = SIG_DFL;
		p->blocked &= ~sigmask(sig);
	}
	/* A fault init has no handler for kills it (and the kernel panics), as on Linux. */
	if (ka->sa_handler == SIG_DFL)
		p->signal->flags &= ~SIGNAL_UNKILLABLE;
	if (!(p->pending.signal & sigmask(sig)))
		sigqueue_add(&p->pending, sig, info);
	signal_wake_up(p, false);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
}

void force_sig(int sig)
{
	kernel_siginfo_t info;

	init_info(&info, sig, SI_KERNEL);
	force_sig_info(&info);
}

/* current's siglock held: TIF_SIGPENDING as its signals and its process's state say. */
void recalc_sigpending(void)
{
	recalc_sigpending_tsk(current);
}

/* ---- children: SIGCHLD ------------------------------------------------------------ */

static void fill_chld_info(kernel_siginfo_t *info, struct task_struct *tsk, int code, int status)
{
	init_info(info, SIGCHLD, code);
	info->chld.pid = tsk->pid;
	info->chld.status = status;
	info->chld.utime = tsk->utime * USER_HZ / HZ;
	info->chld.stime = tsk->stime * USER_HZ / HZ;
}

/* tasklist_lock held (the parent stays), no siglock. */
bool do_notify_parent(struct task_struct *tsk, int sig)
{
	struct task_struct *parent = tsk->parent;
	struct k_sigaction *psa;
	kernel_siginfo_t info;
	bool autoreap = false;
	int code = tsk->exit_code;

	if (code & 0x7f)
		fill_chld_info(&info, tsk, (code & 0x80) ? CLD_DUMPED : CLD_KILLED, code & 0x7f);
	else
		fill_chld_info(&info, tsk, CLD_EXITED, (code >> 8) & 0xff);
	info.si_signo = sig;
	if (parent->sighand && sig == SIGCHLD) {
		psa = sig_action(parent, SIGCHLD);
		/* Nobody will wait: the child is reaped at once (POSIX). */
		if (psa->sa_handler == SIG_IGN || (psa->sa_flags & SA_NOCLDWAIT)) {
			autoreap = true;
			if (psa->sa_handler == SIG_IGN)
				sig = 0;
		}
	}
	if (valid_signal(sig) && parent->mm)
		send_sig_info(sig, &info, parent, false);
	__wake_up_parent(parent);
	return autoreap;
}

/* tasklist_lock held, no siglock. tsk stopped or continued: tell the parent. */
static void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent = tsk->parent;
	kernel_siginfo_t info;

	if (!parent)
		return;
	fill_chld_info(&info, tsk, why,
		       why == CLD_CONTINUED ? SIGCONT : tsk->signal->group_exit_code);
	if (parent->mm && parent->sighand &&
	    sig_action(parent, SIGCHLD)->sa_handler != SIG_IGN &&
	    !(sig_action(parent, SIGCHLD)->sa_flags & SA_NOCLDSTOP))
		send_sig_info(SIGCHLD, &info, parent, false);
	__wake_up_parent(parent);
}

/* ---- receiving ------------------------------------------------------------------- */

/* The next signal to take from pending & ~mask: synchronous faults first. */
static int next_signal(struct sigpending *pend, sigset_t allowed)
{
	sigset_t x = pend->signal & allowed;

	if (!x)
		return 0;
	if (x & SYNCHRONOUS_MASK)
		x &= SYNCHRONOUS_MASK;
	return __builtin_ctzll(x) + 1;
}

/* siglock held. Take one instance of sig off pend, with its siginfo. */
static void collect_signal(int sig, struct sigpending *pend, kernel_siginfo_t *info)
{
	struct sigqueue *q, *first = NULL;
	bool more = false;

	list_for_each_entry(q, &pend->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	if (!more)
		pend->signal &= ~sigmask(sig);
	if (first) {
		*info = first->info;
		list_del(&first->list);
		kfree(first);
	} else {
		/* Its siginfo did not fit (SIGQUEUE_MAX): as Linux, a blank one. */
		init_info(info, sig, SI_USER);
	}
}

/* siglock held. The next signal in allowed, from the task's list, then the process's. */
static int dequeue_signal(struct task_struct *p, sigset_t allowed, kernel_siginfo_t *info)
{
	struct sigpending *pend = &p->pending;
	int sig = next_signal(pend, allowed);

	if (!sig) {
		pend = &p->signal->shared_pending;
		sig = next_signal(pend, allowed);
	}
	if (sig)
		collect_signal(sig, pend, info);
	if (sig_kernel_stop(sig))
		p->stop_dequeued = true;	/* a SIGCONT from now on cancels it */
	recalc_sigpending_tsk(p);
	return sig;
}

/*
 * siglock held on entry and on return (dropped meanwhile). Stay stopped
 * until SIGCONT or SIGKILL. The state is set under the lock SIGCONT takes
 * to wake us (prepare_signal), so that wake-up cannot be missed.
 */
static void wait_while_stopped(unsigned long *irqflags)
{
	struct task_struct *p = current;
	struct signal_struct *signal = p->signal;

	while ((signal->flags & SIGNAL_STOP_STOPPED) &&
	       !((p->pending.signal | signal->shared_pending.signal) & sigmask(SIGKILL))) {
		set_current_state(TASK_STOPPED);
		spin_unlock_irqrestore(&p->sighand->siglock, *irqflags);
		schedule();
		spin_lock_irqsave(&p->sighand->siglock, *irqflags);
	}
	__set_current_state(TASK_RUNNING);
}

/*
 * siglock held on entry and on return; dropped to tell the parent why
 * (CLD_STOPPED, CLD_CONTINUED) under tasklist_lock, as Linux does.
 */
static void notify_parent_unlocked(int why, unsigned long *irqflags)
{
	struct task_struct *p = current;

	spin_unlock_irqrestore(&p->sighand->siglock, *irqflags);
	spin_lock_irqsave(&tasklist_lock, *irqflags);
	do_notify_parent_cldstop(p->group_leader, why);
	spin_unlock_irqrestore(&tasklist_lock, *irqflags);
	spin_lock_irqsave(&p->sighand->siglock, *irqflags);
}

/*
 * siglock held. The process stops: every thread, the parent told once.
 * Not if a SIGCONT came since the stop signal was dequeued (get_signal
 * drops the siglock to look for an orphaned group): it cancelled the stop.
 */
static void do_signal_stop(int sig, unsigned long *irqflags)
{
	struct task_struct *p = current, *t;
	struct signal_struct *signal = p->signal;

	if (!p->stop_dequeued)
		return;

	signal->flags &= ~(SIGNAL_STOP_CONTINUED | SIGNAL_CLD_CONTINUED);
	signal->flags |= SIGNAL_STOP_STOPPED;
	signal->group_exit_code = sig;
	list_for_each_entry(t, &p->thread_group, thread_group)
		signal_wake_up(t, false);	/* each stops in its get_signal */
	notify_parent_unlocked(CLD_STOPPED, irqflags);
	wait_while_stopped(irqflags);
}

bool get_signal(struct ksignal *ksig)
{
	struct task_struct *p = current;
	unsigned long flags;
	int sig;

	spin_lock_irqsave(&p->sighand->siglock, flags);
	for (;;) {
		struct k_sigaction *ka;

		wait_while_stopped(&flags);	/* another thread stopped the process */
		if (p->signal->flags & SIGNAL_CLD_CONTINUED) {
			p->signal->flags &= ~SIGNAL_CLD_CONTINUED;
			notify_parent_unlocked(CLD_CONTINUED, &flags);
			continue;
		}
		sig = dequeue_signal(p, ~p->blocked, &ksig->info);
		if (!sig)
			break;
		ka = sig_action(p, sig);
		if (ka->sa_handler == SIG_IGN)
			continue;
		if (ka->sa_handler != SIG_DFL) {
			ksig->ka = *ka;
			if (ka->sa_flags & SA_RESETHAND)
				ka->sa_handler = SIG_DFL;
			break;
		}
		if (sig_kernel_ignore(sig) || sig_unkillable(p))
			continue;
		if (sig_kernel_stop(sig)) {
			/*
			 * A stop from the terminal (SIGTSTP, SIGTTIN, SIGTTOU)
			 * to an orphaned group is dropped: nobody would
			 * continue it (POSIX; Linux's get_signal).
			 */
			if (sig != SIGSTOP) {
				bool orphaned;

				/* as Linux: with the siglock dropped (tasklist_lock comes first) */
				spin_unlock_irqrestore(&p->sighand->siglock, flags);
				orphaned = is_current_pgrp_orphaned();
				spin_lock_irqsave(&p->sighand->siglock, flags);
				if (orphaned)
					continue;
			}
			do_signal_stop(sig, &flags);
			continue;
		}
		/* Death (a "core dump" one writes no core, as with RLIMIT_CORE 0). */
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
		do_group_exit(sig);
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	ksig->sig = sig;
	return sig > 0;
}

void set_current_blocked(sigset_t newset)
{
	struct task_struct *p = current;
	unsigned long flags;

	spin_lock_irqsave(&p->sighand->siglock, flags);
	p->blocked = newset & ~SIG_KERNEL_ONLY_MASK;
	recalc_sigpending_tsk(p);
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
}

sigset_t *sigmask_to_save(void)
{
	return current->restore_sigmask ? &current->saved_sigmask : &current->blocked;
}

void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(current->saved_sigmask);
	}
}

/*
 * The handler's frame is built (failed: it could not be): block the
 * handler's mask and the signal itself (unless SA_NODEFER) while it runs;
 * rt_sigreturn puts back the mask saved in the frame.
 */
void signal_setup_done(int failed, struct ksignal *ksig, int stepping)
{
	sigset_t blocked = current->blocked | ksig->ka.sa_mask;

	if (failed) {
		force_sig(SIGSEGV);
		return;
	}
	if (!(ksig->ka.sa_flags & SA_NODEFER))
		blocked |= sigmask(ksig->sig);
	current->restore_sigmask = false;
	set_current_blocked(blocked);
}

/* ---- fork, exec, exit ------------------------------------------------------------ */

int copy_signal_state(struct task_struct *p, unsigned long clone_flags)
{
	struct task_struct *parent = current;

	init_sigpending(&p->pending);
	p->blocked = parent->blocked;
	p->real_blocked = 0;
	p->restore_sigmask = false;
	p->sas_ss_sp = parent->sas_ss_sp;
	p->sas_ss_size = parent->sas_ss_size;
	p->sas_ss_flags = parent->sas_ss_flags;
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM) {
		p->sas_ss_sp = p->sas_ss_size = 0;	/* a thread: a stack of its own */
		p->sas_ss_flags = SS_DISABLE;
	}
	if ((clone_flags & CLONE_SIGHAND) && parent->sighand) {
		p->sighand = parent->sighand;
		atomic_inc(&p->sighand->count);
	} else {
		unsigned long flags;

		p->sighand = kzalloc(sizeof(*p->sighand), GFP_KERNEL);
		if (!p->sighand)
			return -ENOMEM;
		atomic_set(&p->sighand->count, 1);
		spin_lock_init(&p->sighand->siglock);
		if (parent->sighand) {
			spin_lock_irqsave(&parent->sighand->siglock, flags);
			memcpy(p->sighand->action, parent->sighand->action,
			       sizeof(p->sighand->action));
			spin_unlock_irqrestore(&parent->sighand->siglock, flags);
		}
	}
	if ((clone_flags & CLONE_THREAD) && parent->signal) {
		p->signal = parent->signal;
		atomic_inc(&p->signal->count);
	} else {
		p->signal = kzalloc(sizeof(*p->signal), GFP_KERNEL);
		if (!p->signal)
			return -ENOMEM;
		atomic_set(&p->signal->count, 1);
		p->signal->owner = p;
		init_sigpending(&p->signal->shared_pending);
		itimer_init(p->signal);
		if (parent->signal)
			memcpy(p->signal->rlim, parent->signal->rlim, sizeof(p->signal->rlim));
	}
	return 0;
}

/* The task is gone (its last reference): nobody sends to it any more. */
void exit_signal_state(struct task_struct *p)
{
	flush_sigqueue(&p->pending);
	if (p->signal && atomic_dec_and_test(&p->signal->count)) {
		hrtimer_cancel(&p->signal->real_timer);
		flush_sigqueue(&p->signal->shared_pending);
		kfree(p->signal);
	}
	p->signal = NULL;
	if (p->sighand && atomic_dec_and_test(&p->sighand->count))
		kfree(p->sighand);
	p->sighand = NULL;
}

void flush_signal_handlers(struct task_struct *p)
{
	for (int sig = 1; sig <= _NSIG; sig++) {
		struct k_sigaction *ka = sig_action(p, sig);

		if (ka->sa_handler != SIG_IGN)
			ka->sa_handler = SIG_DFL;
		ka->sa_flags = 0;
		ka->sa_restorer = 0;
		ka->sa_mask = 0;
	}
	p->sas_ss_sp = p->sas_ss_size = 0;
	p->sas_ss_flags = SS_DISABLE;
}

/* ---- the system calls --------------------------------------------------------------- */

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction __user *, act,
		struct k_sigaction __user *, oact, size_t, sigsetsize)
{
	struct task_struct *p = current;
	struct k_sigaction new, old;
	unsigned long flags;

	if (sigsetsize != sizeof(sigset_t) || !valid_signal(sig))
		return -EINVAL;
	if (act && sig_kernel_only(sig))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	old = *sig_action(p, sig);
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	if (act) {
		new.sa_flags &= SA_KNOWN_FLAGS;
		new.sa_mask &= ~SIG_KERNEL_ONLY_MASK;
		spin_lock_irqsave(&p->sighand->siglock, flags);
		*sig_action(p, sig) = new;
		/* POSIX: a pending signal that is now ignored is discarded. */
		if (sig_ignored(p, sig) && !(p->blocked & sigmask(sig))) {
			flush_sigqueue_mask(sigmask(sig), &p->signal->shared_pending);
			flush_sigqueue_mask(sigmask(sig), &p->pending);
			recalc_sigpending_tsk(p);
		}
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const sigset_t __user *, nset,
		sigset_t __user *, oset, size_t, sigsetsize)
{
	struct task_struct *p = current;
	sigset_t set, old = p->blocked;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			set = old | set;
			break;
		case SIG_UNBLOCK:
			set = old & ~set;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(set);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(rt_sigpending, sigset_t __user *, uset, size_t, sigsetsize)
{
	struct task_struct *p = current;
	unsigned long flags;
	sigset_t set;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	spin_lock_irqsave(&p->sighand->siglock, flags);
	set = (p->pending.signal | p->signal->shared_pending.signal) & p->blocked;
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* Sleep with this mask until a signal is taken; the caller's mask is back after. */
SYSCALL_DEFINE2(rt_sigsuspend, const sigset_t __user *, unewset, size_t, sigsetsize)
{
	struct task_struct *p = current;
	sigset_t newset;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&newset, unewset, sizeof(newset)))
		return -EFAULT;
	p->saved_sigmask = p->blocked;
	set_current_blocked(newset);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(p))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	p->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

/* The user's siginfo_t: the kernel's 48 bytes, then zeroes to 128. */
int copy_siginfo_to_user(void __user *to, const kernel_siginfo_t *from)
{
	if (copy_to_user(to, from, sizeof(*from)))
		return -EFAULT;
	return clear_user((char __user *)to + sizeof(*from), SI_MAX_SIZE - sizeof(*from)) ?
		-EFAULT : 0;
}

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

SYSCALL_DEFINE4(rt_sigtimedwait, const sigset_t __user *, uthese, void __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	struct task_struct *p = current;
	struct __kernel_timespec ts;
	kernel_siginfo_t info;
	sigset_t these;
	unsigned long flags;
	u64 ns = ~0ULL;
	int sig;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&these, uthese, sizeof(these)))
		return -EFAULT;
	these &= ~SIG_KERNEL_ONLY_MASK;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000LL)
			return -EINVAL;
		ns = (u64)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
		if (ts.tv_sec > 1000000000LL)
			ns = ~0ULL;
	}
	spin_lock_irqsave(&p->sighand->siglock, flags);
	sig = dequeue_signal(p, these, &info);
	if (!sig && ns) {
		/*
		 * Let the awaited signals wake us, as if unblocked, for the
		 * wait; real_blocked keeps them from being dropped as ignored
		 * (SIGCHLD's default, anything sent to init) meanwhile.
		 */
		p->real_blocked = p->blocked;
		p->blocked &= ~these;
		recalc_sigpending_tsk(p);
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
		if (ns != ~0ULL) {
			schedule_hrtimeout_ns(ns, TASK_INTERRUPTIBLE, NULL);
		} else {
			for (;;) {
				set_current_state(TASK_INTERRUPTIBLE);
				if (signal_pending(p))
					break;
				schedule();
			}
			__set_current_state(TASK_RUNNING);
		}
		spin_lock_irqsave(&p->sighand->siglock, flags);
		p->blocked = p->real_blocked;
		p->real_blocked = 0;
		sig = dequeue_signal(p, these, &info);
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	if (!sig)
		return signal_pending(p) ? -EINTR : -EAGAIN;
	if (uinfo && copy_siginfo_to_user(uinfo, &info))
		return -EFAULT;
	return sig;
}

/* ---- sigaltstack ------------------------------------------------------------------ */

typedef struct {
	unsigned long ss_sp;
	int ss_flags;
	unsigned long ss_size;
} stack_t;

bool on_sig_stack(unsigned long sp)
{
	struct task_struct *p = current;

	/* With SS_AUTODISARM, the stack is handed over whole to each handler. */
	if (p->sas_ss_flags & SS_AUTODISARM)
		return false;
	return sp > p->sas_ss_sp && sp - p->sas_ss_sp <= p->sas_ss_size;
}

static int sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

unsigned long sigsp(unsigned long sp, struct ksignal *ksig)
{
	if ((ksig->ka.sa_flags & SA_ONSTACK) && !sas_ss_flags(sp))
		return current->sas_ss_sp + current->sas_ss_size;
	return sp;
}

/* The frame's uc_stack; with SS_AUTODISARM the stack is then disarmed. */
int __save_altstack(void __user *uss, unsigned long sp)
{
	struct task_struct *p = current;
	stack_t st = {
		.ss_sp = p->sas_ss_sp,
		.ss_flags = sas_ss_flags(sp) | (p->sas_ss_flags & SS_AUTODISARM),
		.ss_size = p->sas_ss_size,
	};

	if (copy_to_user(uss, &st, sizeof(st)))
		return -EFAULT;
	if (p->sas_ss_flags & SS_AUTODISARM) {
		p->sas_ss_sp = p->sas_ss_size = 0;
		p->sas_ss_flags = SS_DISABLE;
	}
	return 0;
}

static int do_sigaltstack(const stack_t *ss, stack_t *oss, unsigned long sp)
{
	struct task_struct *p = current;

	if (oss) {
		oss->ss_sp = p->sas_ss_sp;
		oss->ss_size = p->sas_ss_size;
		oss->ss_flags = sas_ss_flags(sp) | (p->sas_ss_flags & SS_AUTODISARM);
	}
	if (ss) {
		unsigned int mode = ss->ss_flags & ~SS_AUTODISARM;

		if (on_sig_stack(sp))
			return -EPERM;
		if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			p->sas_ss_sp = p->sas_ss_size = 0;
		} else {
			if (ss->ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			p->sas_ss_sp = ss->ss_sp;
			p->sas_ss_size = ss->ss_size;
		}
		p->sas_ss_flags = ss->ss_flags;
	}
	return 0;
}

/* rt_sigreturn: the uc_stack of the frame (errors other than -EFAULT dropped, as Linux). */
int restore_altstack(const void __user *uss)
{
	stack_t st;

	if (copy_from_user(&st, uss, sizeof(st)))
		return -EFAULT;
	do_sigaltstack(&st, NULL, task_pt_regs(current)->sp);
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	stack_t new, old;
	int err;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, &old, task_pt_regs(current)->sp);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		err = -EFAULT;
	return err;
}
