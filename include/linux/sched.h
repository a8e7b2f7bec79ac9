/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/sched.h: struct task_struct, one per thread of execution,
 * and the scheduler's interface (kernel/sched/core.c).
 *
 * The boot task (init/init_task.c) becomes the idle task, pid 0; every
 * other task is made by copy_process() (kernel/fork.c): user processes by
 * clone(), kernel threads by kthread_create(). `current` is kept in SP_EL0
 * as on Linux: head.S sets it for the boot task, cpu_switch_to (entry.S)
 * on every switch, kernel_entry from __entry_task on entry from EL0 (where
 * SP_EL0 holds the user's stack pointer).
 *
 * Tasks run on every online CPU, each CPU with its own run queue and idle
 * task, swapper/N (kernel/sched/sched.h explains the rules and the locks).
 */
#ifndef __LINUX_SCHED_H
#define __LINUX_SCHED_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/hrtimer.h>
#include <linux/irqflags.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <asm/barrier.h>
#include <asm/memory.h>
#include <asm/processor.h>

#define TASK_COMM_LEN 16

#ifndef __user
#define __user
#endif

/* task->state: may it run? */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001	/* sleeping; a fatal signal wakes it */
#define TASK_UNINTERRUPTIBLE	0x0002	/* sleeping; only its event wakes it */
#define __TASK_STOPPED		0x0004	/* stopped by SIGSTOP, SIGTSTP...: SIGCONT wakes it */
#define TASK_DEAD		0x0080	/* has exited: never runs again */
#define TASK_WAKEKILL		0x0100	/* SIGKILL wakes it too */
#define TASK_STOPPED		(TASK_WAKEKILL | __TASK_STOPPED)

/* task->exit_state, once it has exited. */
#define EXIT_DEAD		0x0010	/* being freed */
#define EXIT_ZOMBIE		0x0020	/* waiting for its parent's wait4 */

/* task->flags */
#define PF_EXITING		0x00000004
#define PF_KTHREAD		0x00200000
#define PF_IDLE			0x00000002
#define PF_FORKNOEXEC		0x00000040	/* forked, has not exec'd (setpgid: EACCES after) */

/* thread_info.flags: what kernel exit must do before returning to EL0. */
#define TIF_SIGPENDING		0	/* a signal to deliver (kernel/signal.c) */
#define TIF_NEED_RESCHED	1	/* schedule() before going on */
#define _TIF_SIGPENDING		(1UL << TIF_SIGPENDING)
#define _TIF_NEED_RESCHED	(1UL << TIF_NEED_RESCHED)
#define _TIF_WORK_MASK		(_TIF_SIGPENDING | _TIF_NEED_RESCHED)

#include <linux/restart_block.h>
#include <linux/signal_types.h>

struct files_struct;
struct ramfs_inode;
struct mm_struct;
struct pt_regs;

struct thread_info {
	unsigned long flags;	/* TIF_* */
	int preempt_count;	/* > 0: the tick must not preempt (preempt.h) */
};

struct task_struct {
	struct thread_info thread_info;	/* first, as on Linux arm64 */
	volatile long state;		/* TASK_* */
	atomic_t usage;			/* references: get/put_task_struct (kernel/fork.c) */
	void *stack;		/* THREAD_SIZE bytes, THREAD_SIZE aligned */
	int pid;
	int tgid;		/* the process: the pid of its first thread */
	unsigned int cpu;	/* the CPU it runs on (TSK_CPU in head.S) */
	unsigned int flags;	/* PF_* */
	char comm[TASK_COMM_LEN];
	struct files_struct *files;	/* open file descriptors (fs/file.c) */
	struct cred cred;		/* ids (include/linux/cred.h), copied by fork */
	struct fs_struct *fs;		/* working directory, umask (linux/fs_struct.h) */

	/* Memory: the user address space, NULL for kernel threads. */
	struct mm_struct *mm;

	/* Scheduling (kernel/sched/core.c). */
	struct list_head run_list;	/* on the run queue while waiting for the CPU */
	bool on_rq;		/* queued, or running */
	bool sched_new;		/* made, never woken: placed at its first wake-up */
	struct cpumask cpus_mask;	/* where it may run (sched_setaffinity) */
	int time_slice;		/* ticks left before round-robin moves on */
	u64 utime, stime;	/* ticks spent at EL0 / in the kernel */
	u64 nvcsw, nivcsw;	/* switches away: voluntary, preempted */
	unsigned long start_time;	/* jiffies at creation */
	struct hrtimer sleep_timer;	/* msleep/nanosleep wake-up */

	/* Family (kernel/fork.c, kernel/exit.c). */
	struct task_struct *parent;
	struct list_head children;	/* my children, by their sibling */
	struct list_head sibling;	/* in my parent's children */
	struct list_head tasks;		/* every task, for kill and /proc */
	struct task_struct *group_leader;	/* the process's first thread */
	struct list_head thread_group;	/* the other threads of the process (a ring) */
	void __user *robust_list;	/* set_robust_list: walked at exit and exec (futex.c) */
	int futex_state;		/* FUTEX_STATE_*: is its futex clean-up done (futex.c) */
	struct wait_queue_head wait_chldexit;	/* wait4 sleeps here */
	bool vfork_pending;		/* CLONE_VFORK: the parent waits until it is false */
	struct wait_queue_head vfork_wait;	/* ... here (kernel_clone) */
	int exit_state;		/* EXIT_ZOMBIE, EXIT_DEAD */
	int exit_code;		/* wait4 status: code << 8, or the signal */
	int exit_signal;	/* sent to the parent at exit (SIGCHLD) */
	int __user *clear_child_tid;	/* set_tid_address: zeroed at exit */

	/* Signals (kernel/signal.c, include/linux/signal_types.h). */
	struct sighand_struct *sighand;	/* the actions */
	struct signal_struct *signal;	/* the process's: its pending, timer, stop */
	struct sigpending pending;	/* sent to this task (tgkill, faults) */
	sigset_t blocked;
	sigset_t real_blocked;		/* blocked before rt_sigtimedwait, during it */
	sigset_t saved_sigmask;		/* rt_sigsuspend's caller's, restored after */
	bool restore_sigmask;		/* saved_sigmask is to be restored */
	bool stop_dequeued;		/* a stop signal taken, no SIGCONT since
					   (Linux's JOBCTL_STOP_DEQUEUED; siglock) */
	unsigned long sas_ss_sp;	/* sigaltstack */
	size_t sas_ss_size;
	unsigned int sas_ss_flags;
	struct restart_block restart_block;	/* how restart_syscall goes on */

	/* Kernel threads: what to run (kernel/kthread.c). */
	int (*threadfn)(void *data);
	void *thread_data;

	struct thread_struct thread;	/* CPU state for cpu_switch_to; last: large */
};

extern struct task_struct init_task;
extern unsigned long init_stack[THREAD_SIZE / sizeof(unsigned long)];

static inline struct task_struct *get_current(void)
{
	unsigned long sp_el0;

	__asm__("mrs %0, sp_el0" : "=r"(sp_el0));
	return (struct task_struct *)sp_el0;
}
#define current get_current()

/* The user registers saved at the top of a task's kernel stack. */
#define task_pt_regs(p) \
	((struct pt_regs *)((unsigned long)(p)->stack + THREAD_SIZE) - 1)

/* Atomic (ldxr/stxr): another CPU may set a flag of the same task. */
static inline void set_tsk_thread_flag(struct task_struct *t, int flag)
{
	__atomic_fetch_or(&t->thread_info.flags, 1UL << flag, __ATOMIC_RELAXED);
}

static inline void clear_tsk_thread_flag(struct task_struct *t, int flag)
{
	__atomic_fetch_and(&t->thread_info.flags, ~(1UL << flag), __ATOMIC_RELAXED);
}

static inline bool test_tsk_thread_flag(struct task_struct *t, int flag)
{
	return READ_ONCE(t->thread_info.flags) & (1UL << flag);
}

static inline void set_tsk_need_resched(struct task_struct *t)
{
	set_tsk_thread_flag(t, TIF_NEED_RESCHED);
}

static inline bool need_resched(void)
{
	return test_tsk_thread_flag(current, TIF_NEED_RESCHED);
}

/* A signal that will end the task is pending (kernel/signal.c). */
static inline bool signal_pending(struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

/*
 * A sleeper: set_current_state(TASK_INTERRUPTIBLE), then test the
 * condition, then schedule(). The full barrier (Linux's smp_store_mb)
 * keeps the test from being done before the state is visible to a waker
 * on another CPU, which sets the condition and then reads the state in
 * wake_up_process(): one of the two always sees the other's store.
 */
#define set_current_state(s) do { WRITE_ONCE(current->state, (s)); smp_mb(); } while (0)
#define __set_current_state(s) WRITE_ONCE(current->state, (s))

/* ---- kernel/sched/core.c ------------------------------------------------- */
/* The task entering the kernel from EL0 on each CPU (entry.S's kernel_entry). */
DECLARE_PER_CPU(struct task_struct *, __entry_task);
void sched_init(void);			/* start_kernel, before the tick */
void schedule(void);			/* give up the CPU; back when picked again */
void scheduler_tick(bool user);		/* every tick: accounting, time slices */
/* Make p runnable; 1 if it was sleeping, 0 if it already ran. IRQ-safe. */
int wake_up_process(struct task_struct *p);
/* The same, from a waker about to sleep: p may be moved to the waker's CPU. */
int wake_up_process_sync(struct task_struct *p);
/* Make a newly created task runnable for the first time. */
void wake_up_new_task(struct task_struct *p);
void do_sched_yield(void);
/* The tick preempts the kernel here (entry-common.c, IRQ return to EL1). */
void preempt_schedule_irq(void);
/* preempt_enable(): a preemption, the task stays queued whatever its state. */
void preempt_schedule(void);
/* Sleep for at least ns nanoseconds (an hrtimer); -EINTR with *left if a signal. */
long schedule_hrtimeout_ns(u64 ns, int state, u64 *left);
/* Tasks runnable on all CPUs, the running ones included (not idle). */
unsigned int nr_running(void);
/* Context switches on all CPUs since boot. */
u64 nr_context_switches(void);
/* Each CPU's idle task (pid 0) when it has nothing else to do. */
__noreturn void cpu_idle_loop(void);
/* fork_idle: idle becomes cpu's idle task, "swapper/cpu". */
void init_idle(struct task_struct *idle, unsigned int cpu);
/* copy_process: the new task's scheduling state (its parent's CPU mask). */
void sched_fork(struct task_struct *p);
/* sched_setaffinity (122, 123): pid 0 is the caller; 0 or -ESRCH, -EPERM, -EINVAL. */
long sched_setaffinity(int pid, const struct cpumask *in_mask);
long sched_getaffinity(int pid, struct cpumask *mask);

/* Round-robin time slice, in ticks. */
extern int sched_rr_timeslice;

/* The CPU p runs on, last ran on, or is queued on. */
static inline unsigned int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}

static inline bool thread_group_leader(struct task_struct *p)
{
	return p->group_leader == p;
}

static inline bool thread_group_empty(struct task_struct *p)
{
	return list_empty(&p->thread_group);
}

/*
 * Process group and session ids of p's process (Linux's task_pgrp_nr and
 * task_session_vnr): 0 for kernel threads, as on Linux; /proc and the tty
 * read them here.
 */
static inline int task_pgrp_nr(struct task_struct *p)
{
	return p->signal ? p->signal->pgrp : 0;
}

static inline int task_session_nr(struct task_struct *p)
{
	return p->signal ? p->signal->session : 0;
}

/* ---- kernel/fork.c, kernel/exit.c, kernel/kthread.c ------------------------ */
/*
 * tasklist_lock (Linux's is a rwlock; here a spinlock, always taken with
 * interrupts masked since ^C signals a process group from the console's
 * interrupt) guards task_list, nr_threads, pids, and each task's family:
 * parent, children, sibling, thread_group, exit_state. Taken before any
 * sighand->siglock, never after one.
 */
extern spinlock_t tasklist_lock;
extern struct list_head task_list;	/* every task but idle, by ->tasks */
extern int nr_threads;			/* tasks that exist, idle excluded */
/* tasklist_lock held; the task stays while it is (or take a reference). */
struct task_struct *find_task_by_pid(int pid);
/*
 * A task_struct and its stack are freed when the last reference goes: a
 * new task has two, one dropped when it is released (reaped, or gone by
 * itself), one when it has switched away for the last time (its CPU is
 * off its stack: finish_task_switch). Anyone else keeping a pointer past
 * tasklist_lock takes one more.
 */
static inline void get_task_struct(struct task_struct *p)
{
	atomic_inc(&p->usage);
}
void put_task_struct(struct task_struct *p);
/* Every task (idle first); fn returns non-zero to stop. tasklist_lock held. */
int for_each_task(int (*fn)(struct task_struct *p, void *arg), void *arg);
/* fork, vfork and kernel threads: a copy of current, with these flags. */
struct kernel_clone_args {
	unsigned long flags;	/* CLONE_* */
	int exit_signal;
	unsigned long stack;	/* user sp of the child, 0: the parent's */
	unsigned long tls;	/* CLONE_SETTLS */
	int __user *parent_tid, *child_tid;
	int (*fn)(void *);	/* a kernel thread: fn(fn_arg) */
	void *fn_arg;
	const char *name;
	int pid;		/* this pid (1 for init), 0: the next free one */
};
long kernel_clone(struct kernel_clone_args *args);
/* tsk leaves mm by exit / by execve: robust futexes, clear_child_tid (kernel/fork.c). */
void exit_mm_release(struct task_struct *tsk, struct mm_struct *mm);
void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm);
/* A vfork child execs or exits: its parent may run on (Linux's name). */
void complete_vfork_done(struct task_struct *tsk);
/* A secondary CPU's idle task ("swapper/N", pid 0), never on the task list. */
struct task_struct *fork_idle(unsigned int cpu);
__noreturn void do_exit(long code);
/* tasklist_lock held: p (a zombie, or an exited thread) leaves the tree; a reference goes. */
void release_task(struct task_struct *p);
__noreturn void do_group_exit(int code);
/* Pid of the first task that is a process (user mm): init, pid 1. */
extern struct task_struct *child_reaper;
struct task_struct *kthread_create(int (*fn)(void *data), void *data, const char *namefmt, ...)
	__printf(3, 4);
struct task_struct *kthread_run(int (*fn)(void *data), void *data, const char *name);
/* Before its first wake-up: the thread made by kthread_create runs on cpu only. */
void kthread_bind(struct task_struct *p, unsigned int cpu);
/* The creator of every kernel thread (kernel_init/kthreadd-less design). */

/* ---- kernel/signal.c ------------------------------------------------------- */
#include <uapi/asm-generic/signal.h>
/* Send sig to the process with this pid: 0 or -ESRCH/-EINVAL. IRQ-safe (^C). */
int kill_pid(int pid, int sig);
/* To every process of group pgrp; priv: from the kernel, no permission check. IRQ-safe. */
int kill_pgrp(int pgrp, int sig, int priv);
int __kill_pgrp(int pgrp, int sig, int priv);	/* the task list already held */
/* kernel/exit.c: no process of current's group has a parent in another group of its session. */
bool is_current_pgrp_orphaned(void);
/* To the process of task p, as the kernel (si_code SI_KERNEL). */
int send_sig(int sig, struct task_struct *p);
/* Send with this siginfo; to_thread: to p itself, not its process. */
int send_sig_info(int sig, kernel_siginfo_t *info, struct task_struct *p, bool to_thread);
/* Current gets sig even if it ignores or blocks it (a fault). */
void force_sig(int sig);
/* exit_group: SIGKILL to every other thread of p's process. IRQs masked. */
void zap_other_threads(struct task_struct *p);
/* kernel/futex.c: wake up to nr waiters on the futex word at uaddr of mm. */
int futex_wake_mm(struct mm_struct *mm, unsigned long uaddr, int nr);
void futex_init(void);			/* start_kernel: the hash buckets */
/* Exit / execve: tsk's robust list walked, the PI futexes it owns handed on. */
void futex_exit_release(struct task_struct *tsk);
void futex_exec_release(struct task_struct *tsk);
void force_sig_info(kernel_siginfo_t *info);
/* fork/clone: the signal state of the new task p (CLONE_SIGHAND/THREAD share). */
int copy_signal_state(struct task_struct *p, unsigned long clone_flags);
/* The last of a task: its pending signals and shares of sighand/signal. */
void exit_signal_state(struct task_struct *p);
/* tasklist_lock held: wake every thread of parent's process that may wait4 (exit.c). */
void __wake_up_parent(struct task_struct *parent);
/* A child exited (exit.c): SIGCHLD and the parent's wait; true: nobody waits, reap it. */
bool do_notify_parent(struct task_struct *tsk, int sig);
/* current's siglock held: TIF_SIGPENDING set or cleared as its pending signals say. */
void recalc_sigpending(void);
/* execve: handlers back to SIG_DFL, SIG_IGN kept. */
void flush_signal_handlers(struct task_struct *p);
/* The next signal to act on, the task's default actions done (stop, exit). */
struct ksignal {
	struct k_sigaction ka;
	kernel_siginfo_t info;
	int sig;
};
bool get_signal(struct ksignal *ksig);
/* After a handler's frame is built: block its mask; or after none, the saved mask. */
void signal_setup_done(int failed, struct ksignal *ksig, int stepping);
void restore_saved_sigmask(void);
/* The mask to save in a signal frame: rt_sigsuspend's saved one, or blocked. */
sigset_t *sigmask_to_save(void);
void set_current_blocked(sigset_t newset);
/* sigaltstack */
bool on_sig_stack(unsigned long sp);
unsigned long sigsp(unsigned long sp, struct ksignal *ksig);
/* On the way back to EL0 with TIF_SIGPENDING: act on the signal (arch signal.c). */
void do_signal(struct pt_regs *regs);
/* A synchronous fault in user mode: report it (Linux's wording) and signal. */
void arm64_force_sig_fault(int sig, int code, const char *desc, unsigned long far, u64 esr,
			   struct pt_regs *regs);

#endif
