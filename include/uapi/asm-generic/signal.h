/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/uapi/asm-generic/signal.h: signal numbers, Linux's values, shared
 * by the kernel (kill, wait4 status) and user space (usr/include/signal.h).
 */
#ifndef _UAPI_ASM_GENERIC_SIGNAL_H
#define _UAPI_ASM_GENERIC_SIGNAL_H

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32	/* 32..64: real-time signals, queued */
#define SIGRTMAX	64

/* rt_sigaction's sa_flags */
#define SA_NOCLDSTOP	0x00000001	/* no SIGCHLD when a child stops or continues */
#define SA_NOCLDWAIT	0x00000002	/* children are reaped at exit, never zombies */
#define SA_SIGINFO	0x00000004	/* handler(sig, siginfo_t *, ucontext_t *) */
#define SA_UNSUPPORTED	0x00000400	/* never supported: lets callers probe */
#define SA_EXPOSE_TAGBITS 0x00000800
#define SA_ONSTACK	0x08000000	/* run on the sigaltstack */
#define SA_RESTART	0x10000000	/* restart system calls it interrupts */
#define SA_NODEFER	0x40000000	/* the signal is not blocked in its handler */
#define SA_RESETHAND	0x80000000	/* back to SIG_DFL once delivered */
#define SA_RESTORER	0x04000000	/* sa_restorer is where the handler returns */

/* rt_sigprocmask's how */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* sigaltstack */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)
#define MINSIGSTKSZ	5120	/* arm64's: a frame with the largest records */
#define SIGSTKSZ	16384

/* siginfo's si_code: who sent it (<= 0: a process), or what happened. */
#define SI_USER		0	/* kill */
#define SI_KERNEL	0x80
#define SI_QUEUE	-1	/* rt_sigqueueinfo */
#define SI_TIMER	-2
#define SI_TKILL	-6	/* tkill, tgkill */
#define ILL_ILLOPC	1
#define FPE_INTDIV	1
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* a mapping that forbids the access */
#define BUS_ADRALN	1
#define BUS_ADRERR	2	/* SIGBUS: nothing there (past a mapped file's end) */
#define TRAP_BRKPT	1
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

#endif
