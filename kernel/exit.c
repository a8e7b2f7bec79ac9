// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/exit.c: the end of a task, and its parent collecting it.
 *
 * do_exit() closes the files (fs/file.c exit_files), drops the address
 * space, hands the children to init (child_reaper, pid 1), and becomes a
 * zombie: a task_struct and kernel stack kept only for its exit status,
 * until the parent's wait4 reaps it (release_task frees both). Kernel
 * threads (exit_signal -1) have nobody waiting: they are freed by the next
 * task to run, once their stack is no longer in use (finish_task_switch).
 *
 * Locking: the family links, exit_state and signal->live change under
 * tasklist_lock (include/linux/sched.h); a thread leaving its group also
 * holds the group's siglock, which zap_other_threads walks it under, and
 * job-control state (signal->flags) is read under the child's siglock.
 * A task that exits is released (reaped by wait4, or by itself when
 * nobody waits) on one CPU while it may still be running its last
 * instructions, on its own stack, on another: each of the two drops one
 * of its references, and only the second frees it (put_task_struct).
 *
 * When init itself exits there is nothing left to run: with the
 * `poweroff` bootarg the machine powers off (how a test /init ends a
 * boot), otherwise the kernel panics as Linux does ("Attempted to kill
 * init!").
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm_user.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000	/* leave the child waitable */
#define P_ALL		0
#define P_PID		1
#define P_PGID		2
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

void put_task_struct(struct task_struct *p);
int copy_siginfo_to_user(void __user *to, const kernel_siginfo_t *from);	/* signal.c */

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;
	unsigned long flags;

	if (!mm)
		return;
	complete_vfork_done(tsk);	/* a vfork child's parent runs on */
	/* Interrupts masked: this CPU's TTBR0 and current->mm agree; the lock: get_task_mm */
	spin_lock_irqsave(&tasklist_lock, flags);
	tsk->mm = NULL;			/* no FP state to save from here on */
	cpu_set_reserved_ttbr0();	/* off the tables before they go */
	spin_unlock_irqrestore(&tasklist_lock, flags);
	mmput(mm);
}

/* ---- orphaned process groups --------------------------------------------- */

/*
 * tasklist_lock held. Would process group pgrp be orphaned without task
 * ignored (NULL: as it is)? POSIX's orphan: no member has a parent in
 * another group of the same session, so no shell is left to continue it.
 * Members that are gone (a zombie with no thread left) and init's children
 * do not count (Linux's will_become_orphaned_pgrp).
 */
static bool will_become_orphaned_pgrp(int pgrp, struct task_struct *ignored)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks) {
		struct task_struct *parent = p->parent;

		if (p == ignored || !p->signal || !thread_group_leader(p) ||
		    task_pgrp_nr(p) != pgrp || (p->exit_state && thread_group_empty(p)))
			continue;
		if (!parent || parent->pid == 1 || !parent->signal)
			continue;
		if (task_pgrp_nr(parent) != pgrp &&
		    task_session_nr(parent) == task_session_nr(p))
			return false;
	}
	return true;
}

bool is_current_pgrp_orphaned(void)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = will_become_orphaned_pgrp(task_pgrp_nr(current), NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static bool has_stopped_jobs(int pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p->signal && task_pgrp_nr(p) == pgrp && !p->exit_state &&
		    (p->signal->flags & SIGNAL_STOP_STOPPED))
			return true;
	return false;
}

/*
 * tasklist_lock held. tsk's process exits (parent NULL), or tsk is a child
 * of the exiting parent: if that leaves tsk's group orphaned with stopped
 * members, they get SIGHUP and SIGCONT, as POSIX asks (Linux's
 * kill_orphaned_pgrp).
 */
static void kill_orphaned_pgrp(struct task_struct *tsk, struct task_struct *parent)
{
	int pgrp = task_pgrp_nr(tsk);
	struct task_struct *ignored = tsk;

	if (!parent)
		parent = tsk->parent;	/* exiting: does our own group lose its link? */
	else
		ignored = NULL;		/* reparenting: the child stays */
	if (!parent || !parent->signal || !tsk->signal)
		return;
	if (task_pgrp_nr(parent) != pgrp && task_session_nr(parent) == task_session_nr(tsk) &&
	    will_become_orphaned_pgrp(pgrp, ignored) && has_stopped_jobs(pgrp)) {
		__kill_pgrp(pgrp, SIGHUP, 1);
		__kill_pgrp(pgrp, SIGCONT, 1);
	}
}

/*
 * tasklist_lock held. A child of parent has news: every thread of the
 * parent's process may be waiting for it (Linux's __wake_up_parent wakes
 * the process's one queue; here each thread has its own).
 */
void __wake_up_parent(struct task_struct *parent)
{
	struct task_struct *t = parent;

	do {
		wake_up(&t->wait_chldexit);
		t = list_entry(t->thread_group.next, struct task_struct, thread_group);
	} while (t != parent);
}

/* tasklist_lock held. A thread of tsk's process that is not exiting, or NULL. */
static struct task_struct *find_alive_thread(struct task_struct *tsk)
{
	struct task_struct *t;

	list_for_each_entry(t, &tsk->thread_group, thread_group)
		if (!(t->flags & PF_EXITING))
			return t;
	return NULL;
}

/*
 * tasklist_lock held. Children of tsk go to another thread of its process
 * if one lives on (Linux's find_new_reaper: the process keeps them, and an
 * execve from another thread finds them still its own), else to init;
 * zombies among them wake the new parent. A child's group that loses its
 * last outside link with tsk is looked at once the child is init's
 * (Linux's reparent_leader).
 */
static void forget_original_parent(struct task_struct *tsk)
{
	struct task_struct *reaper = find_alive_thread(tsk);
	bool zombie = false;

	if (!reaper)
		reaper = child_reaper && child_reaper != tsk ? child_reaper : &init_task;

	while (!list_empty(&tsk->children)) {
		struct task_struct *child =
			list_first_entry(&tsk->children, struct task_struct, sibling);

		list_del(&child->sibling);
		child->parent = reaper;
		list_add_tail(&child->sibling, &reaper->children);
		if (child->signal && thread_group_leader(child) && !child->exit_state &&
		    reaper->tgid != tsk->tgid)	/* the process stays: no group is orphaned */
			kill_orphaned_pgrp(child, tsk);
		zombie |= child->exit_state == EXIT_ZOMBIE;
	}
	if (zombie)
		__wake_up_parent(reaper);
}

/* tasklist_lock held: take p off every list (it is a zombie, or self-reaping). */
static void unhash_task(struct task_struct *p)
{
	list_del(&p->sibling);
	list_del(&p->tasks);
	spin_lock(&p->sighand->siglock);
	list_del(&p->thread_group);
	spin_unlock(&p->sighand->siglock);
	nr_threads--;
}

/* tasklist_lock held: p is gone from the tree; drop the reference that kept it. */
void release_task(struct task_struct *p)
{
	p->exit_state = EXIT_DEAD;
	unhash_task(p);
	put_task_struct(p);	/* not the last if p is still on its way out */
}

/* The wait status of a process: exit_group's, or its first thread's own. */
static int group_status(struct task_struct *p)
{
	if (p->signal && (p->signal->flags & SIGNAL_GROUP_EXIT))
		return p->signal->group_exit_code;
	return p->exit_code;
}

/*
 * tasklist_lock held. tsk (a thread or a whole process) is gone: tell the
 * parent when the process is (its last thread), reap what nobody waits
 * for. A first thread that exits before the others stays a zombie, not yet
 * reported, until the last one goes (Linux's delay_group_leader).
 */
static void exit_notify(struct task_struct *tsk, bool group_dead)
{
	struct task_struct *leader = tsk->group_leader;

	if (group_dead)		/* the process is gone: did that orphan its group? */
		kill_orphaned_pgrp(leader, NULL);
	if (!thread_group_leader(tsk)) {
		release_task(tsk);	/* freed after the switch away */
		if (group_dead && leader->exit_state == EXIT_ZOMBIE) {
			leader->exit_code = group_status(leader);
			if (do_notify_parent(leader, leader->exit_signal))
				release_task(leader);
		}
		return;
	}
	if (!group_dead) {
		tsk->exit_state = EXIT_ZOMBIE;	/* reported when the last thread exits */
		return;
	}
	tsk->exit_code = group_status(tsk);
	/* The parent is told (SIGCHLD); if it ignores SIGCHLD nobody reaps: go now. */
	if (tsk->exit_signal < 0 || do_notify_parent(tsk, tsk->exit_signal))
		release_task(tsk);	/* freed after the switch away */
	else
		tsk->exit_state = EXIT_ZOMBIE;
}

__noreturn void do_exit(long code)
{
	struct task_struct *tsk = current;
	bool group_dead;

	if (tsk->flags & PF_EXITING) {		/* a fault while exiting */
		pr_alert("Fixing recursive fault but reboot is needed!\n");
		for (;;) {
			set_current_state(TASK_UNINTERRUPTIBLE);
			schedule();
		}
	}
	if (tsk->flags & PF_IDLE)
		panic("Attempted to kill the idle task!");
	tsk->flags |= PF_EXITING;
	if (tsk == child_reaper) {
		if (poweroff_on_halt)
			kernel_power_off();
		panic("Attempted to kill init! exitcode=0x%08lx", code);
	}
	hrtimer_cancel(&tsk->sleep_timer);
	/* Robust futexes, and the word pthread_join waits on (kernel/fork.c). */
	if (tsk->mm)
		exit_mm_release(tsk, tsk->mm);
	/* A session leader's end hangs its terminal up (drivers/tty/tty_jobctrl.c). */
	if (tsk->signal->leader && tsk->signal->live == 1 && tsk->mm)
		disassociate_ctty(1);
	if (tsk->files)
		exit_files(tsk);
	exit_mm(tsk);

	spin_lock_irq(&tasklist_lock);	/* interrupts off for good: schedule() never returns */
	tsk->exit_code = code;
	tsk->signal->utime += tsk->utime;	/* getrusage(RUSAGE_SELF) keeps them */
	tsk->signal->stime += tsk->stime;
	tsk->signal->nvcsw += tsk->nvcsw;
	tsk->signal->nivcsw += tsk->nivcsw;
	group_dead = --tsk->signal->live == 0;
	/* An execve in another thread waits for it to be the last one (de_thread). */
	if (tsk->signal->group_exit_task && tsk->signal->live == 1)
		wake_up_process(tsk->signal->group_exit_task);
	forget_original_parent(tsk);
	if (group_dead)
		hrtimer_cancel(&tsk->signal->real_timer);	/* ITIMER_REAL dies with the process */
	exit_notify(tsk, group_dead);
	tsk->state = TASK_DEAD;
	spin_unlock(&tasklist_lock);	/* interrupts stay masked */
	schedule();
	panic("do_exit: a dead task ran again");
}

/* The whole process exits: the other threads get SIGKILL, the status is code. */
__noreturn void do_group_exit(int code)
{
	struct signal_struct *sig = current->signal;
	unsigned long flags;

	spin_lock_irqsave(&current->sighand->siglock, flags);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		code = sig->group_exit_code;	/* another thread began it */
	} else if (!thread_group_empty(current)) {
		sig->flags |= SIGNAL_GROUP_EXIT;
		sig->group_exit_code = code;
		zap_other_threads(current);
	}
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	do_exit(code);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/*
 * What a wait is for (Linux's struct wait_opts): which children (type and
 * id, waitid's reading; wait4's pid becomes one of them), which events
 * (WEXITED, WSTOPPED, WCONTINUED), WNOHANG, WNOWAIT; and what it found.
 */
enum pid_type { PIDTYPE_PID, PIDTYPE_PGID, PIDTYPE_ALL };

struct rusage {
	struct { long tv_sec, tv_usec; } ru_utime, ru_stime;
	long ru_rest[14];	/* maxrss ... nivcsw: zero but the last two */
};

struct wait_opts {
	enum pid_type type;
	int id;			/* a pid, or a process group */
	int flags;		/* W* */
	/* Found: */
	int pid;
	int wstatus;		/* as wait4 reports it */
	int cause, status;	/* as waitid does: CLD_*, exit code or signal */
	unsigned int uid;
	struct rusage r;
};

static bool eligible_child(struct task_struct *p, const struct wait_opts *wo)
{
	if (wo->type == PIDTYPE_PID)
		return p->pid == wo->id;
	if (wo->type == PIDTYPE_PGID)
		return task_pgrp_nr(p) == wo->id;
	return true;
}

/*
 * tasklist_lock held: a child the wait is about has something to report:
 * with WEXITED a zombie, with WSTOPPED a stop, with WCONTINUED a SIGCONT,
 * not reported yet; *any: any eligible child at all. (A child's job-control
 * flags are read without its siglock: do_wait takes it before it acts on
 * them.) The children of every thread of the process count, as Linux's
 * do_wait_thread for each thread, unless __WNOTHREAD: the caller's only.
 */
static struct task_struct *find_reportable_of(struct task_struct *tsk,
					      const struct wait_opts *wo, bool *any)
{
	struct task_struct *p;

	list_for_each_entry(p, &tsk->children, sibling) {
		if (!eligible_child(p, wo))
			continue;
		*any = true;
		if (p->exit_state == EXIT_ZOMBIE && thread_group_empty(p)) {
			if (wo->flags & WEXITED)
				return p;
			continue;
		}
		if (p->exit_state || !p->signal)
			continue;
		if ((wo->flags & WSTOPPED) && (p->signal->flags & SIGNAL_STOP_STOPPED) &&
		    p->signal->group_exit_code)
			return p;
		if ((wo->flags & WCONTINUED) && (p->signal->flags & SIGNAL_STOP_CONTINUED))
			return p;
	}
	return NULL;
}

static struct task_struct *find_reportable(const struct wait_opts *wo, bool *any)
{
	struct task_struct *t = current, *p;

	*any = false;
	do {
		p = find_reportable_of(t, wo, any);
		if (p || (wo->flags & __WNOTHREAD))
			return p;
		t = list_entry(t->thread_group.next, struct task_struct, thread_group);
	} while (t != current);
	return NULL;
}

static bool reportable_or_none(const struct wait_opts *wo)
{
	unsigned long flags;
	bool any, ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = find_reportable(wo, &any) || !any;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

static void ticks_to_timeval(u64 ticks, long *sec, long *usec)
{
	*sec = ticks / HZ;
	*usec = (ticks % HZ) * (1000000 / HZ);
}

/*
 * tasklist_lock held, p stopped or continued: take its report (leave it
 * with WNOWAIT). 0 if another waiter took it first.
 */
static int wait_task_stopped_or_continued(struct task_struct *p, struct wait_opts *wo)
{
	int code = 0;

	spin_lock(&p->sighand->siglock);
	if ((wo->flags & WCONTINUED) && (p->signal->flags & SIGNAL_STOP_CONTINUED)) {
		if (!(wo->flags & WNOWAIT))
			p->signal->flags &= ~SIGNAL_STOP_CONTINUED;
		wo->wstatus = 0xffff;
		wo->cause = CLD_CONTINUED;
		wo->status = SIGCONT;
		code = 1;
	} else if ((wo->flags & WSTOPPED) && (p->signal->flags & SIGNAL_STOP_STOPPED) &&
		   p->signal->group_exit_code) {
		code = p->signal->group_exit_code;
		if (!(wo->flags & WNOWAIT))
			p->signal->group_exit_code = 0;
		wo->wstatus = (code << 8) | 0x7f;
		wo->cause = CLD_STOPPED;
		wo->status = code;
	}
	spin_unlock(&p->sighand->siglock);
	memset(&wo->r, 0, sizeof(wo->r));
	return code;
}

/* A zombie's status and usage, as wait4 and waitid report them. */
static void wait_task_zombie(struct task_struct *p, struct wait_opts *wo)
{
	int status = group_status(p);

	wo->wstatus = status;
	if (status & 0x7f) {
		wo->cause = (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
		wo->status = status & 0x7f;
	} else {
		wo->cause = CLD_EXITED;
		wo->status = (status >> 8) & 0xff;
	}
	memset(&wo->r, 0, sizeof(wo->r));
	ticks_to_timeval(p->signal->utime, &wo->r.ru_utime.tv_sec, &wo->r.ru_utime.tv_usec);
	ticks_to_timeval(p->signal->stime, &wo->r.ru_stime.tv_sec, &wo->r.ru_stime.tv_usec);
	wo->r.ru_rest[12] = p->signal->nvcsw;
	wo->r.ru_rest[13] = p->signal->nivcsw;
}

/*
 * The wait: the pid of the child reported (wo filled), 0 with WNOHANG and
 * nothing to report, -ECHILD if no child fits, -ERESTARTSYS for a signal.
 * A zombie is reaped unless WNOWAIT.
 */
static long do_wait(struct wait_opts *wo)
{
	struct task_struct *p;
	unsigned long flags;
	bool any;

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, flags);
		p = find_reportable(wo, &any);
		if (p && p->exit_state != EXIT_ZOMBIE) {
			int found = wait_task_stopped_or_continued(p, wo);

			if (!found) {	/* someone else took it meanwhile: look again */
				spin_unlock_irqrestore(&tasklist_lock, flags);
				continue;
			}
			wo->pid = p->pid;
			wo->uid = p->cred.uid;
			spin_unlock_irqrestore(&tasklist_lock, flags);
			return wo->pid;
		}
		if (p) {
			wo->pid = p->pid;
			wo->uid = p->cred.uid;
			wait_task_zombie(p, wo);
			if (wo->flags & WNOWAIT) {
				spin_unlock_irqrestore(&tasklist_lock, flags);
				return wo->pid;
			}
			p->exit_state = EXIT_DEAD;
			unhash_task(p);	/* its reference is dropped below, when we are done */
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (p)
			break;
		if (!any)
			return -ECHILD;
		if (wo->flags & WNOHANG)
			return 0;
		if (wait_event_interruptible(current->wait_chldexit, reportable_or_none(wo)))
			return -ERESTARTSYS;
	}
	/* The process's threads and its own reaped children: RUSAGE_CHILDREN. */
	spin_lock_irqsave(&current->sighand->siglock, flags);
	current->signal->cutime += p->signal->utime + p->signal->cutime;
	current->signal->cstime += p->signal->stime + p->signal->cstime;
	current->signal->cnvcsw += p->signal->nvcsw + p->signal->cnvcsw;
	current->signal->cnivcsw += p->signal->nivcsw + p->signal->cnivcsw;
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	put_task_struct(p);
	return wo->pid;
}

long kernel_wait4(int pid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	struct wait_opts wo = { .flags = options | WEXITED };
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (pid == -2147483647 - 1)	/* -INT_MIN has no group */
		return -ESRCH;
	/* wait4's pid: > 0 that child, 0 my group, -1 any, < -1 group -pid. */
	if (pid > 0) {
		wo.type = PIDTYPE_PID;
		wo.id = pid;
	} else if (pid == 0 || pid < -1) {
		wo.type = PIDTYPE_PGID;
		wo.id = pid ? -pid : task_pgrp_nr(current);
	} else {
		wo.type = PIDTYPE_ALL;
	}
	ret = do_wait(&wo);
	if (ret <= 0)
		return ret;
	/* Reaped either way, as on Linux: a bad pointer only costs the status. */
	if (stat_addr && put_user(wo.wstatus, stat_addr))
		return -EFAULT;
	if (ru && copy_to_user(ru, &wo.r, sizeof(wo.r)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE4(wait4, int, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}

/*
 * waitid(idtype, id, infop, options, ru): P_ALL, P_PID id, P_PGID id (0:
 * mine); at least one of WEXITED, WSTOPPED, WCONTINUED; WNOHANG, WNOWAIT.
 * 0, with *infop: SIGCHLD, the child's pid and uid, CLD_* and the exit
 * code or signal; with WNOHANG and nothing to report, 0 and a zeroed
 * *infop, as on Linux. P_PIDFD: -EINVAL (no pidfds here).
 */
SYSCALL_DEFINE5(waitid, int, which, int, upid, void __user *, infop, int, options,
		struct rusage __user *, ru)
{
	struct wait_opts wo = { .flags = options };
	kernel_siginfo_t info;
	long ret;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD |
			__WALL | __WCLONE))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		wo.type = PIDTYPE_ALL;
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		wo.type = PIDTYPE_PID;
		wo.id = upid;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		wo.type = PIDTYPE_PGID;
		wo.id = upid ? upid : task_pgrp_nr(current);
		break;
	default:
		return -EINVAL;
	}
	ret = do_wait(&wo);
	if (ret < 0)
		return ret;
	if (ret && ru && copy_to_user(ru, &wo.r, sizeof(wo.r)))
		return -EFAULT;
	if (!infop)
		return 0;
	memset(&info, 0, sizeof(info));
	if (ret) {
		info.si_signo = SIGCHLD;
		info.si_code = wo.cause;
		info.chld.pid = wo.pid;
		info.chld.uid = wo.uid;
		info.chld.status = wo.status;
	}
	return copy_siginfo_to_user(infop, &info) ? -EFAULT : 0;
}
