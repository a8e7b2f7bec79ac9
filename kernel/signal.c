// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/signal.c: signals, reduced to what this kernel needs: ending
 * processes. A signal whose action is to terminate (SIGKILL always;
 * SIGINT, SIGTERM, SIGSEGV... unless ignored, blocked or given a handler)
 * is made pending and wakes the task from an interruptible sleep; on its
 * way back to EL0 the task exits with the signal as its wait status
 * (do_signal). Everything else is discarded when sent.
 *
 * Differences from Linux, on purpose:
 *   - user handlers never run: rt_sigaction records them (and gives them
 *     back in oldact), and a signal with a handler is treated as ignored;
 *   - stop signals (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) and SIGCONT do
 *     nothing; SIGCHLD, SIGURG and SIGWINCH are ignored, as by default;
 *   - init (pid 1) and kernel threads ignore every signal, as Linux's
 *     init does for signals it has no handler for.
 */
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2
#define SIG_DFL		0UL
#define SIG_IGN		1UL
#define SIGTTIN		21
#define SIGTTOU		22

#define sigmask(sig) (1ULL << ((sig) - 1))
#define SIG_KERNEL_ONLY_MASK (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define SIG_DEFAULT_NOT_FATAL (sigmask(SIGCHLD) | sigmask(SIGCONT) | sigmask(SIGURG) | \
			       sigmask(SIGWINCH) | sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
			       sigmask(SIGTTIN) | sigmask(SIGTTOU))

static bool sig_would_kill(struct task_struct *p, int sig)
{
	u64 m = sigmask(sig);

	if (sig == SIGKILL)
		return true;
	return !((p->ignored | p->handled | SIG_DEFAULT_NOT_FATAL) & m);
}

/* Interrupts masked. */
static void recalc_sigpending(struct task_struct *p)
{
	if (p->pending & (~p->blocked | SIG_KERNEL_ONLY_MASK))
		set_tsk_thread_flag(p, TIF_SIGPENDING);
	else
		clear_tsk_thread_flag(p, TIF_SIGPENDING);
}

int send_sig(int sig, struct task_struct *p)
{
	unsigned long flags;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (!sig || p->exit_state || p == child_reaper || (p->flags & PF_KTHREAD))
		return 0;
	local_irq_save(flags);
	if (sig_would_kill(p, sig)) {
		p->pending |= sigmask(sig);
		recalc_sigpending(p);
		if (signal_pending(p) && p->state == TASK_INTERRUPTIBLE)
			wake_up_process(p);
	}
	local_irq_restore(flags);
	return 0;
}

int kill_pid(int pid, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	int ret;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	local_irq_save(flags);
	p = pid > 0 ? find_task_by_pid(pid) : NULL;
	ret = p && !p->exit_state ? send_sig(sig, p) : -ESRCH;
	local_irq_restore(flags);
	return ret;
}

/* kill(0 / -pgrp / -1): every process of a group, or every one but init and us. */
static int kill_many(int pgrp, int sig)
{
	struct task_struct *p;
	unsigned long flags;
	int found = 0;

	local_irq_save(flags);
	list_for_each_entry(p, &task_list, tasks) {
		if (!p->mm || p->exit_state)
			continue;
		if (pgrp > 0 ? p->pgid != pgrp : (p == current || p->pid == 1))
			continue;
		found++;
		send_sig(sig, p);
	}
	local_irq_restore(flags);
	return found ? 0 : -ESRCH;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0)
		return kill_pid(pid, sig);
	if (pid == 0)
		return kill_many(current->pgid, sig);
	if (pid == -1)
		return kill_many(0, sig);
	if (pid == -2147483647 - 1)
		return -ESRCH;
	return kill_many(-pid, sig);
}

/* A fault: the signal kills even if ignored or blocked, as Linux's force_sig. */
void force_sig(int sig)
{
	struct task_struct *p = current;
	unsigned long flags;

	local_irq_save(flags);
	p->ignored &= ~sigmask(sig);
	p->handled &= ~sigmask(sig);
	p->blocked &= ~sigmask(sig);
	p->sighandler[sig - 1] = SIG_DFL;
	p->pending |= sigmask(sig);
	recalc_sigpending(p);
	local_irq_restore(flags);
}

void do_signal(struct pt_regs *regs)
{
	struct task_struct *p = current;
	unsigned long flags;
	u64 deliver;
	int sig;

	local_irq_save(flags);
	deliver = p->pending & (~p->blocked | SIG_KERNEL_ONLY_MASK);
	if (!deliver) {
		recalc_sigpending(p);
		local_irq_restore(flags);
		return;
	}
	sig = __builtin_ctzll(deliver) + 1;
	if (deliver & sigmask(SIGKILL))
		sig = SIGKILL;
	local_irq_restore(flags);
	do_group_exit(sig);		/* wait status: the signal number */
}

/* arm64's struct sigaction, as the kernel ABI has it (SA_RESTORER exists). */
struct kernel_sigaction {
	unsigned long sa_handler;
	unsigned long sa_flags;
	unsigned long sa_restorer;
	u64 sa_mask;
};

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct kernel_sigaction __user *, act,
		struct kernel_sigaction __user *, oact, size_t, sigsetsize)
{
	struct task_struct *p = current;
	struct kernel_sigaction new, old;
	unsigned long flags;

	if (sigsetsize != sizeof(u64) || sig < 1 || sig > _NSIG)
		return -EINVAL;
	if (act && (sigmask(sig) & SIG_KERNEL_ONLY_MASK))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	memset(&old, 0, sizeof(old));
	old.sa_handler = p->sighandler[sig - 1];
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	if (act) {
		local_irq_save(flags);
		p->ignored &= ~sigmask(sig);
		p->handled &= ~sigmask(sig);
		if (new.sa_handler == SIG_IGN)
			p->ignored |= sigmask(sig);
		else if (new.sa_handler != SIG_DFL)
			p->handled |= sigmask(sig);
		p->sighandler[sig - 1] = new.sa_handler;
		p->pending &= ~(p->ignored | p->handled);	/* discarded now */
		recalc_sigpending(p);
		local_irq_restore(flags);
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const u64 __user *, nset, u64 __user *, oset,
		size_t, sigsetsize)
{
	struct task_struct *p = current;
	unsigned long flags;
	u64 set, old = p->blocked;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		set &= ~SIG_KERNEL_ONLY_MASK;
		local_irq_save(flags);
		switch (how) {
		case SIG_BLOCK:
			p->blocked |= set;
			break;
		case SIG_UNBLOCK:
			p->blocked &= ~set;
			break;
		case SIG_SETMASK:
			p->blocked = set;
			break;
		default:
			local_irq_restore(flags);
			return -EINVAL;
		}
		recalc_sigpending(p);
		local_irq_restore(flags);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

void flush_signal_handlers(struct task_struct *p)
{
	for (int sig = 1; sig <= _NSIG; sig++)
		if (p->handled & sigmask(sig))
			p->sighandler[sig - 1] = SIG_DFL;
	p->handled = 0;
}
