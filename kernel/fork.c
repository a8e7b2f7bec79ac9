// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fork.c: making tasks. copy_process() builds a task_struct and a
 * kernel stack for a copy of current: for clone()/fork a process with a
 * copy of the parent's address space (mm/memory.c dup_mm), open files
 * (fs/file.c dup_files), working directory and signal dispositions; for
 * kernel_thread/kthread_create a kernel thread that runs a function with
 * no address space. The new task first runs in ret_from_fork (entry.S).
 *
 * Pids count up from 2 and wrap below PID_MAX, skipping pids still in
 * use; pid 1 is kept for init (rest_init asks for it).
 *
 * Locking: tasklist_lock (include/linux/sched.h) guards the task list, the
 * pids and every task's family links; copy_process takes it once to give
 * the new task its pid and hang it in the tree, and the new thread's
 * sighand->siglock inside it to join its thread group (zap_other_threads
 * walks the group under that lock). A task_struct is counted (usage):
 * two references at birth, see get_task_struct().
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/sched/loadavg.h>
#include <asm/uaccess.h>

#define PID_MAX 32768
#define CSIGNAL			0x000000ff
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000

DEFINE_SPINLOCK(tasklist_lock);
LIST_HEAD(task_list);
int nr_threads;
unsigned long total_forks;	/* /proc/stat "processes" (kernel_stat.h) */
struct task_struct *child_reaper;
static int last_pid = 1;

int copy_thread(struct task_struct *p, const struct kernel_clone_args *args);
struct task_struct *fork_idle(unsigned int cpu)
{
	struct task_struct *idle = kzalloc(sizeof(*idle), GFP_KERNEL);

	if (!idle)
		return NULL;
	idle->stack = (void *)__get_free_pages(GFP_KERNEL, get_order(THREAD_SIZE));
	if (!idle->stack) {
		kfree(idle);
		return NULL;
	}
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	INIT_LIST_HEAD(&idle->tasks);
	init_waitqueue_head(&idle->wait_chldexit);
	hrtimer_init(&idle->sleep_timer, NULL);
	idle->parent = &init_task;
	init_idle(idle, cpu);		/* "swapper/N", running on cpu */
	return idle;
}

struct task_struct *copy_process(struct kernel_clone_args *args);
void put_task_struct(struct task_struct *p);

/* Weak stand-ins while fs/file.c is not linked in (see include/linux/fdtable.h). */
__weak struct files_struct *dup_files(struct files_struct *old)
{
	return NULL;
}

__weak void exit_files(struct task_struct *tsk)
{
	tsk->files = NULL;
}

__weak int console_open_stdio(struct task_struct *tsk)
{
	return -ENODEV;
}

/* tasklist_lock held. */
struct task_struct *find_task_by_pid(int pid)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p->pid == pid)
			return p;
	return NULL;
}

int for_each_task(int (*fn)(struct task_struct *p, void *arg), void *arg)
{
	struct task_struct *p;
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&tasklist_lock, flags);
	ret = fn(&init_task, arg);
	list_for_each_entry(p, &task_list, tasks) {
		if (ret)
			break;
		ret = fn(p, arg);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

int last_pid_allocated(void)
{
	return READ_ONCE(last_pid);
}

/* tasklist_lock held. A free pid above 1, or -EAGAIN. */
static int alloc_pid(void)
{
	for (int tries = 0; tries < PID_MAX; tries++) {
		if (++last_pid >= PID_MAX)
			last_pid = 2;
		if (!find_task_by_pid(last_pid))
			return last_pid;
	}
	return -EAGAIN;
}

static void free_task(struct task_struct *p)
{
	if (p->fs)
		put_fs_struct(p->fs);
	exit_signal_state(p);
	free_pages((unsigned long)p->stack, get_order(THREAD_SIZE));
	kfree(p);
}

void put_task_struct(struct task_struct *p)
{
	if (atomic_dec_and_test(&p->usage))
		free_task(p);
}

struct task_struct *copy_process(struct kernel_clone_args *args)
{
	struct task_struct *parent = current, *p;
	unsigned long flags;
	int pid;

	/* As Linux: a thread shares the handlers, which need the same mm. */
	if ((args->flags & CLONE_THREAD) && !(args->flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);
	if ((args->flags & CLONE_SIGHAND) && !(args->flags & CLONE_VM))
		return ERR_PTR(-EINVAL);
	if (!args->fn && !parent->mm)
		return ERR_PTR(-EINVAL);
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return ERR_PTR(-ENOMEM);
	p->stack = (void *)__get_free_pages(GFP_KERNEL, get_order(THREAD_SIZE));
	if (!p->stack) {
		kfree(p);
		return ERR_PTR(-ENOMEM);
	}
	p->state = TASK_UNINTERRUPTIBLE;	/* until woken */
	atomic_set(&p->usage, 2);		/* released, and switched away from */
	sched_fork(p);
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	INIT_LIST_HEAD(&p->thread_group);
	init_waitqueue_head(&p->wait_chldexit);
	hrtimer_init(&p->sleep_timer, NULL);
	p->start_time = jiffies;
	p->cred = parent->cred;
	if (args->flags & CLONE_FS) {
		p->fs = parent->fs;
		get_fs_struct(p->fs);
	} else {
		p->fs = copy_fs_struct(parent->fs);
		if (!p->fs)
			goto nomem;
	}
	if (copy_signal_state(p, args->flags))
		goto nomem;

	if (args->fn) {
		p->flags = PF_KTHREAD;
		p->exit_signal = args->exit_signal;
		strlcpy(p->comm, args->name ? args->name : "kthread", sizeof(p->comm));
	} else {
		p->flags = PF_FORKNOEXEC;	/* until it execs (setpgid's EACCES) */
		/* A thread is reaped by nobody: it goes when it exits. */
		p->exit_signal = (args->flags & CLONE_THREAD) ? -1 : args->exit_signal;
		memcpy(p->comm, parent->comm, sizeof(p->comm));
		if (args->flags & CLONE_VM) {
			p->mm = parent->mm;
			atomic_inc(&p->mm->users);
		} else {
			p->mm = dup_mm(parent->mm);
		}
		if (!p->mm)
			goto nomem;
		if (parent->files && (args->flags & CLONE_FILES)) {
			p->files = parent->files;
			atomic_inc(&p->files->count);
		} else if (parent->files) {
			p->files = dup_files(parent->files);
			if (!p->files)
				goto nomem;
		}
		if (args->flags & CLONE_CHILD_CLEARTID)
			p->clear_child_tid = args->child_tid;
	}
	copy_thread(p, args);

	spin_lock_irqsave(&tasklist_lock, flags);
	pid = args->pid ? args->pid : alloc_pid();
	if (pid < 0) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		goto fail;
	}
	p->pid = pid;
	if (args->flags & CLONE_THREAD) {
		/* Another thread of current's process: same tgid and parent. */
		p->group_leader = parent->group_leader;
		p->tgid = parent->tgid;
		spin_lock(&p->sighand->siglock);
		list_add_tail(&p->thread_group, &p->group_leader->thread_group);
		spin_unlock(&p->sighand->siglock);
	} else {
		p->group_leader = p;
		p->tgid = pid;
	}
	p->signal->live++;
	if (pid == 1)
		p->signal->flags |= SIGNAL_UNKILLABLE;	/* init, as on Linux */
	/*
	 * A new process joins its parent's process group and session and
	 * keeps its controlling tty, but does not lead the session (Linux's
	 * copy_signal and attach_pid); threads share them with signal_struct.
	 * Kernel threads, and init, start in group and session 0 as on Linux
	 * (init calls setsid() itself).
	 */
	if (!(args->flags & CLONE_THREAD)) {
		bool kthread = args->fn || !parent->mm;

		p->signal->pgrp = kthread ? 0 : parent->signal->pgrp;
		p->signal->session = kthread ? 0 : parent->signal->session;
		p->signal->tty = kthread ? NULL : parent->signal->tty;
		p->signal->leader = false;
	}
	if (args->flags & CLONE_THREAD) {
		p->parent = parent->group_leader->parent;	/* not its child: a sibling */
	} else {
		p->parent = args->fn ? &init_task : parent;
		list_add_tail(&p->sibling, &p->parent->children);
	}
	list_add_tail(&p->tasks, &task_list);
	nr_threads++;
	total_forks++;
	spin_unlock_irqrestore(&tasklist_lock, flags);

	if ((args->flags & CLONE_CHILD_SETTID) && p->mm) {
		int *tid;

		/* A thread's mm is its parent's: other threads may change it meanwhile. */
		mmap_read_lock(p->mm);
		tid = mm_user_kaddr(p->mm, (unsigned long)args->child_tid);
		if (tid && !((unsigned long)args->child_tid & 3))
			*tid = pid;
		mmap_read_unlock(p->mm);
	}
	return p;
nomem:
	pid = -ENOMEM;
fail:
	if (p->files)
		exit_files(p);
	mmput(p->mm);
	free_task(p);
	return ERR_PTR(pid);
}

/*
 * A reference to task's mm (mmput() it), or NULL for a kernel thread or a
 * task past exit_mm. tasklist_lock held: exit_mm and exec change task->mm
 * under it (where Linux uses task_lock), so the mm read here cannot be
 * freed before its count is raised.
 */
struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm = task->mm;

	if (mm && !(task->flags & PF_KTHREAD))
		atomic_inc(&mm->users);
	else
		mm = NULL;
	return mm;
}

long kernel_clone(struct kernel_clone_args *args)
{
	struct task_struct *p = copy_process(args);
	int pid;

	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if (args->flags & CLONE_PARENT_SETTID)
		put_user(pid, args->parent_tid);
	if (args->flags & CLONE_VFORK) {
		init_waitqueue_head(&p->vfork_wait);
		p->vfork_pending = true;
		get_task_struct(p);	/* its wait queue outlives its exit */
	}
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK) {
		/* Uninterruptible: Linux's wait is killable, this one is not. */
		wait_event(p->vfork_wait, !READ_ONCE(p->vfork_pending));
		put_task_struct(p);
	}
	return pid;
}

/*
 * tsk leaves its address space mm, by exit or by execve (Linux's
 * mm_release): its robust futexes are released (kernel/futex.c), and its
 * clear_child_tid word (set_tid_address, CLONE_CHILD_CLEARTID) is zeroed
 * and one waiter on it woken, pthread_join's wake-up, if anyone else still
 * uses the memory to see it.
 */
static void mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	if (tsk->clear_child_tid) {
		if (atomic_read(&mm->users) > 1 && !put_user(0, tsk->clear_child_tid))
			futex_wake_mm(mm, (unsigned long)tsk->clear_child_tid, 1);
		tsk->clear_child_tid = NULL;
	}
}

void exit_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	futex_exit_release(tsk);
	mm_release(tsk, mm);
}

void exec_mm_release(struct task_struct *tsk, struct mm_struct *mm)
{
	futex_exec_release(tsk);
	mm_release(tsk, mm);
}

/*
 * The child of a vfork (CLONE_VFORK) no longer uses its parent's memory:
 * it has exec'd (fs/exec.c) or is exiting (kernel/exit.c exit_mm).
 */
void complete_vfork_done(struct task_struct *tsk)
{
	if (!READ_ONCE(tsk->vfork_pending))
		return;
	WRITE_ONCE(tsk->vfork_pending, false);
	wake_up(&tsk->vfork_wait);
}

/*
 * arm64 passes clone's arguments in Linux's "backwards" order: flags,
 * stack, parent_tid, tls, child_tid. With CLONE_VFORK the parent sleeps
 * until the child execs or exits (complete_vfork_done), as on Linux: with
 * CLONE_VM (vfork, posix_spawn) the child runs in the parent's memory.
 */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, unsigned long, tls, int __user *, child_tidptr)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.exit_signal = clone_flags & CSIGNAL,
		.stack = newsp,
		.tls = tls,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
	};

	return kernel_clone(&args);
}

/*
 * clone3(uargs, size): clone with its arguments in a struct that may grow
 * (Linux's struct clone_args; size says how much of it the caller knows):
 * the child's stack as base and size, the exit signal apart from the
 * flags. Newer C libraries try it first for threads (Debian's glibc 2.36
 * on arm64 still calls clone). Not here:
 * CLONE_PIDFD, set_tid, CLONE_INTO_CGROUP, CLONE_CLEAR_SIGHAND (-EINVAL).
 */
struct clone_args {
	u64 flags;
	u64 pidfd;		/* int *: CLONE_PIDFD */
	u64 child_tid;		/* int *: CLONE_CHILD_SETTID/CLEARTID */
	u64 parent_tid;		/* int *: CLONE_PARENT_SETTID */
	u64 exit_signal;	/* to the parent at exit (the CSIGNAL byte of clone) */
	u64 stack, stack_size;	/* the child's stack: its lowest byte and size */
	u64 tls;		/* CLONE_SETTLS */
	u64 set_tid, set_tid_size;	/* pids to take (size 1 and up) */
	u64 cgroup;		/* CLONE_INTO_CGROUP */
};

#define CLONE_ARGS_SIZE_VER0	64	/* up to tls: the first version */
#define CLONE_PIDFD		0x00001000
#define CLONE_DETACHED		0x00400000

SYSCALL_DEFINE2(clone3, struct clone_args __user *, uargs, size_t, size)
{
	struct clone_args a;
	struct kernel_clone_args args;

	if (size > PAGE_SIZE)
		return -E2BIG;
	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	memset(&a, 0, sizeof(a));
	if (copy_from_user(&a, uargs, min(size, sizeof(a))))
		return -EFAULT;
	/* A newer caller's fields this kernel does not know must be zero. */
	for (size_t off = sizeof(a); off < size; off++) {
		u8 b;

		if (get_user(b, (const u8 __user *)uargs + off))
			return -EFAULT;
		if (b)
			return -E2BIG;
	}
	if ((a.flags >> 32) || (a.flags & (CSIGNAL | CLONE_DETACHED | CLONE_PIDFD)) ||
	    a.set_tid || a.set_tid_size || a.exit_signal > _NSIG)
		return -EINVAL;
	if ((a.flags & (CLONE_THREAD | CLONE_PARENT)) && a.exit_signal)
		return -EINVAL;
	if (a.stack ? !a.stack_size : a.stack_size)	/* both or neither */
		return -EINVAL;
	args = (struct kernel_clone_args){
		.flags = a.flags,
		.exit_signal = a.exit_signal,
		.stack = a.stack ? a.stack + a.stack_size : 0,	/* sp starts at the top */
		.tls = a.tls,
		.parent_tid = (int __user *)a.parent_tid,
		.child_tid = (int __user *)a.child_tid,
	};
	return kernel_clone(&args);
}
