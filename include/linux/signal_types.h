/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/signal_types.h: the kernel's signal bookkeeping
 * (kernel/signal.c), as Linux splits it:
 *
 *   sighand_struct  the 64 actions rt_sigaction sets (shared by the tasks
 *                   of a CLONE_SIGHAND clone);
 *   signal_struct   what belongs to the process: signals sent to it
 *                   (kill), the ITIMER_REAL timer, job-control state that
 *                   wait4 reports (stopped, continued);
 *   sigpending      a set of pending signals plus, in a list, the siginfo
 *                   each came with (one per standard signal; real-time
 *                   signals, 32..64, queue one entry per sending).
 *
 * kernel_siginfo is the first 48 bytes of the user's 128-byte siginfo_t
 * (asm-generic siginfo layout on a 64-bit ABI); the rest is zero.
 */
#ifndef __LINUX_SIGNAL_TYPES_H
#define __LINUX_SIGNAL_TYPES_H

#include <linux/hrtimer.h>
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>

struct tty_struct;

#define _NSIG		64
#define SI_MAX_SIZE	128

typedef u64 sigset_t;	/* bit sig - 1 */

/* The kernel ABI's struct sigaction on arm64 (rt_sigaction). */
struct k_sigaction {
	unsigned long sa_handler;	/* SIG_DFL (0), SIG_IGN (1) or a function */
	unsigned long sa_flags;		/* SA_* */
	unsigned long sa_restorer;	/* with SA_RESTORER: the handler's return */
	sigset_t sa_mask;		/* also blocked while the handler runs */
};

typedef struct kernel_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad;
	union {
		struct {		/* kill, tgkill, sigqueue */
			int pid;
			unsigned int uid;
			u64 value;	/* sigqueue's sigval */
		} kill;
		struct {		/* SIGCHLD */
			int pid;
			unsigned int uid;
			int status;	/* exit code, or the signal */
			int __pad;
			long utime, stime;	/* clock ticks (USER_HZ) */
		} chld;
		struct {		/* SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE */
			unsigned long addr;
		} fault;
	};
} kernel_siginfo_t;

struct sigqueue {
	struct list_head list;
	kernel_siginfo_t info;
};

struct sigpending {
	sigset_t signal;
	struct list_head list;	/* of struct sigqueue, oldest first */
};

/*
 * Locking: siglock guards the actions here and, for every task using this
 * sighand, its pending list, blocked mask, and its signal_struct's
 * shared_pending, flags and group_exit_code (Linux's rule). Taken with
 * interrupts masked (signals are sent from interrupt handlers: ^C, timers),
 * after tasklist_lock if both; never two siglocks at once.
 */
struct sighand_struct {
	atomic_t count;		/* tasks sharing it */
	spinlock_t siglock;
	struct k_sigaction action[_NSIG];
};

/* signal_struct.flags: job control, what wait4 has to report. */
#define SIGNAL_STOP_STOPPED	0x00000001	/* the process is stopped */
#define SIGNAL_STOP_CONTINUED	0x00000002	/* SIGCONT since the last wait4 saw it */
#define SIGNAL_GROUP_EXIT	0x00000004	/* exit_group: every thread is dying */
#define SIGNAL_CLD_CONTINUED	0x00000020	/* continued: the parent is yet to be told */
#define SIGNAL_UNKILLABLE	0x00000040	/* init: SIG_DFL means ignore (but faults) */

struct signal_struct {
	atomic_t count;			/* tasks sharing it */
	int live;			/* threads not yet exited (tasklist_lock) */
	struct sigpending shared_pending;	/* sent to the process */
	unsigned int flags;		/* SIGNAL_* */
	int group_exit_code;		/* SIGNAL_GROUP_EXIT: the status; else the stop
					   signal wait4 WUNTRACED reports, 0: seen */
	struct task_struct *owner;	/* whose ITIMER_REAL it is */
	struct task_struct *group_exit_task;	/* a thread in execve's de_thread (fs/exec.c),
						   woken when it is the last one alive */
	struct hrtimer real_timer;	/* ITIMER_REAL: SIGALRM (kernel/time/itimer.c) */
	u64 it_real_incr;		/* its interval, ns (0: one shot) */

	/* getrusage: threads that exited, and children reaped (in ticks). */
	u64 utime, stime, nvcsw, nivcsw;
	u64 cutime, cstime, cnvcsw, cnivcsw;
	/* prlimit64: the limits, {cur, max}; recorded, see kernel/sys.c. */
	struct { u64 rlim_cur, rlim_max; } rlim[16];

	/*
	 * Job control, shared by the threads as Linux's pids[PIDTYPE_PGID/SID]
	 * and signal->tty: process group, session, whether this process leads
	 * its session (setsid), its controlling terminal. Read them with
	 * task_pgrp_nr()/task_session_nr() (include/linux/sched.h); set by
	 * fork, setpgid, setsid (kernel/sys.c) and drivers/tty/tty_jobctrl.c,
	 * under tasklist_lock (the ^C path walks them from the UART's IRQ).
	 */
	int pgrp;
	int session;
	bool leader;
	struct tty_struct *tty;		/* NULL: no controlling tty */
	int tty_old_pgrp;		/* a leader's foreground group when its tty
					   hung up: SIGHUP and SIGCONT at its exit */
};

#define RLIM_INFINITY	(~0ULL)
#define RLIMIT_CPU	0
#define RLIMIT_FSIZE	1
#define RLIMIT_DATA	2
#define RLIMIT_STACK	3
#define RLIMIT_CORE	4
#define RLIMIT_RSS	5
#define RLIMIT_NPROC	6
#define RLIMIT_NOFILE	7
#define RLIMIT_MEMLOCK	8
#define RLIMIT_AS	9
#define RLIMIT_LOCKS	10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE	12
#define RLIMIT_NICE	13
#define RLIMIT_RTPRIO	14
#define RLIMIT_RTTIME	15
#define RLIM_NLIMITS	16

/* kernel/time/itimer.c: a new process's ITIMER_REAL, disarmed. */
void itimer_init(struct signal_struct *sig);

#endif
