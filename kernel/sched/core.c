// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/core.c: the scheduler. Preemptive round-robin on every CPU:
 *
 *   - each CPU has its run queue (struct rq, kernel/sched/sched.h): its
 *     runnable tasks wait there in FIFO order; the running task is not on
 *     it (task->on_rq is true for both);
 *   - the tick (scheduler_tick, from kernel/time/tick-sched.c, on every CPU)
 *     charges the tick to the running task (utime at EL0, stime in the
 *     kernel) and counts down its time slice; at zero it sets
 *     TIF_NEED_RESCHED; now and then it balances the queues (fair.c);
 *   - the flag is acted on when the interrupt returns: to EL0 in
 *     exit_to_user_mode(), to EL1 in preempt_schedule_irq() if the
 *     interrupted code had interrupts on and preempt_count == 0;
 *   - schedule() puts a still-runnable task at the tail and runs the head;
 *     with nothing queued it first pulls a waiting task from another CPU
 *     (fair.c newidle_balance), else runs the CPU's idle task (swapper/N);
 *   - a wake-up queues the task on its own CPU, task_cpu(p), and if that
 *     CPU is idle makes it reschedule: by the reschedule IPI
 *     (smp_send_reschedule) when it is another CPU. A new task goes to the
 *     least loaded CPU its mask allows (fair.c select_task_rq_fork).
 *
 * Everything below runs with interrupts masked and the run queue's lock
 * held (sched.h has the rules). The lock is taken by __schedule() in the
 * task switching away and released by finish_task_switch() in the task
 * switched to (or schedule_tail(), a new task's first call), as in Linux.
 */
#include <linux/clockchips.h>
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/barrier.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <asm/uaccess.h>
#include "sched.h"

#define SCHED_RR_MS 20		/* a time slice, as HZ allows */

int sched_rr_timeslice;
DEFINE_PER_CPU(struct rq, runqueues);

/*
 * The task entering from EL0 on this CPU is current: entry.S loads SP_EL0
 * from here (ldr_this_cpu).
 */
DEFINE_PER_CPU(struct task_struct *, __entry_task) = &init_task;

/* entry.S: save prev's callee-saved registers, sp, lr; load next's. */
struct task_struct *cpu_switch_to(struct task_struct *prev, struct task_struct *next);
void finish_task_switch(struct task_struct *prev);
void schedule_tail(struct task_struct *prev);

/* Every CPU's run queue; the boot task becomes CPU0's idle task. */
void __init sched_init(void)
{
	struct task_struct *idle = &init_task;
	unsigned int cpu;

	sched_rr_timeslice = msecs_to_jiffies(SCHED_RR_MS) ?: 1;
	for_each_possible_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		raw_spin_lock_init(&rq->lock);
		rq->cpu = cpu;
		INIT_LIST_HEAD(&rq->queue);
		rq->next_balance = jiffies + cpu;	/* staggered */
	}
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	INIT_LIST_HEAD(&idle->tasks);
	init_waitqueue_head(&idle->wait_chldexit);
	hrtimer_init(&idle->sleep_timer, NULL);
	init_idle(idle, 0);
	__this_cpu_write(__entry_task, idle);
}

/* Linux's init_idle: the CPU's idle task, running there from the start. */
void init_idle(struct task_struct *idle, unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	idle->flags |= PF_IDLE | PF_KTHREAD;
	idle->state = TASK_RUNNING;
	idle->time_slice = sched_rr_timeslice;
	idle->cpu = cpu;
	cpumask_clear(&idle->cpus_mask);
	cpumask_set_cpu(cpu, &idle->cpus_mask);
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
	rq->idle = rq->curr = idle;
}

/* A new task may run where its parent may (a kernel thread: anywhere). */
void sched_fork(struct task_struct *p)
{
	if (current->flags & PF_IDLE)
		cpumask_copy(&p->cpus_mask, cpu_possible_mask);
	else
		cpumask_copy(&p->cpus_mask, &current->cpus_mask);
	p->cpu = task_cpu(current);
	p->time_slice = sched_rr_timeslice;
	p->sched_new = true;
}

struct rq *task_rq_lock(struct task_struct *p)
{
	for (;;) {
		struct rq *rq = task_rq(p);

		rq_lock(rq);
		if (rq == task_rq(p))
			return rq;	/* p->cpu only changes under this lock */
		rq_unlock(rq);
	}
}

void double_rq_lock(struct rq *a, struct rq *b)
{
	if (a == b) {
		rq_lock(a);
	} else if (a->cpu < b->cpu) {
		rq_lock(a);
		rq_lock(b);
	} else {
		rq_lock(b);
		rq_lock(a);
	}
}

void double_rq_unlock(struct rq *a, struct rq *b)
{
	rq_unlock(a);
	if (a != b)
		rq_unlock(b);
}

void queue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
	WRITE_ONCE(rq->queued_allowed.bits, rq->queued_allowed.bits | p->cpus_mask.bits);
}

/* The union of the masks is made again from those still waiting. */
void dequeue_task(struct rq *rq, struct task_struct *p)
{
	struct task_struct *q;
	unsigned long bits = 0;

	list_del_init(&p->run_list);
	list_for_each_entry(q, &rq->queue, run_list)
		bits |= q->cpus_mask.bits;
	WRITE_ONCE(rq->queued_allowed.bits, bits);
}

/* p waits for the CPU again after running: at the tail, still counted. */
static void requeue_task(struct rq *rq, struct task_struct *p)
{
	queue_task(rq, p);
}

void activate_task(struct rq *rq, struct task_struct *p)
{
	queue_task(rq, p);
	p->on_rq = true;
	rq->nr_running++;
}

/*
 * Make rq's CPU look at its queue: the flag on its running task, and the
 * reschedule IPI if that is another CPU (its interrupt's return acts on
 * the flag; an idle CPU wakes from wfi).
 */
void resched_curr(struct rq *rq)
{
	struct task_struct *curr = rq->curr;

	if (test_tsk_thread_flag(curr, TIF_NEED_RESCHED))
		return;
	set_tsk_need_resched(curr);
	if (rq->cpu != smp_processor_id()) {
		smp_mb();	/* the flag and the queue before the IPI */
		smp_send_reschedule(rq->cpu);
	}
}

/* A task was queued on rq: an idle CPU must go and pick it. */
static void check_preempt_wakeup(struct rq *rq)
{
	if (rq->curr == rq->idle)
		resched_curr(rq);
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *next;

	if (list_empty(&rq->queue))
		return rq->idle;
	next = list_first_entry(&rq->queue, struct task_struct, run_list);
	dequeue_task(rq, next);
	return next;
}

unsigned int nr_running(void)
{
	unsigned int cpu, n = 0;

	for_each_online_cpu(cpu)
		n += READ_ONCE(cpu_rq(cpu)->nr_running);
	return n;
}

u64 nr_context_switches(void)
{
	unsigned int cpu;
	u64 n = 0;

	for_each_possible_cpu(cpu)
		n += READ_ONCE(cpu_rq(cpu)->nr_switches);
	return n;
}

/* Interrupts masked, on every CPU. The tick is charged to whoever it interrupted. */
void scheduler_tick(bool user)
{
	struct rq *rq = this_rq();
	struct task_struct *p = current;

	rq_lock(rq);
	account_process_tick(p, user, p == rq->idle);	/* cputime.c */
	if (p == rq->idle) {
		if (!list_empty(&rq->queue))
			set_tsk_need_resched(p);
	} else if (--p->time_slice <= 0) {
		p->time_slice = sched_rr_timeslice;
		if (!list_empty(&rq->queue))	/* alone: keep running */
			set_tsk_need_resched(p);
	}
	rq_unlock(rq);
	trigger_load_balance(rq);
}

/*
 * Interrupts masked. Switch the memory map, the user FP/SIMD state and
 * thread pointer, then the kernel stack and callee-saved registers.
 */
static void context_switch(struct rq *rq, struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm) {
		fpsimd_save_state(&prev->thread.fpsimd);
		prev->thread.tp_value = read_sysreg(tpidr_el0);
	}
	switch_mm(prev->mm, next->mm);
	if (next->mm) {
		fpsimd_load_state(&next->thread.fpsimd);
		write_sysreg(next->thread.tp_value, tpidr_el0);
	}
	__this_cpu_write(__entry_task, next);
#ifdef CONFIG_DEBUG_SPINLOCK
	rq->lock.owner = next;	/* next releases it, in finish_task_switch */
#endif
	prev = cpu_switch_to(prev, next);
	/* Now running as next, on its stack; prev is whom we came from. */
	finish_task_switch(prev);
}

/*
 * After every switch, in the task switched to: prev's registers are saved,
 * so it may run elsewhere from now on; the run queue's lock, taken by prev
 * in __schedule(), is released. Interrupts masked.
 */
void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	bool dead = prev->state == TASK_DEAD;

	rq_unlock(rq);
	if (rq->push_task)
		push_task_away(rq);
	/*
	 * prev has run for the last time and its stack is free now: drop the
	 * reference it held on itself (kernel/exit.c; freed if it was reaped).
	 */
	if (dead)
		put_task_struct(prev);
}

/* ret_from_fork (entry.S): a new task's first instructions. */
void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
}

static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq = this_rq();

	rq_lock(rq);
	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
	if (prev == rq->idle) {
		/* idle is never queued */
	} else if (prev->state == TASK_RUNNING || preempt) {
		/*
		 * Preempted tasks stay queued whatever their state, as in
		 * Linux: one preempted between set_current_state() and its
		 * schedule() must run again to look at its condition. One
		 * whose mask no longer has this CPU leaves once switched out.
		 */
		if (cpumask_test_cpu(rq->cpu, &prev->cpus_mask))
			requeue_task(rq, prev);
		else
			rq->push_task = prev;
	} else {
		prev->on_rq = false;
		rq->nr_running--;
	}
	if (list_empty(&rq->queue) && !rq->push_task)
		newidle_balance(rq);	/* may drop and retake rq->lock */
	next = pick_next_task(rq);
	if (next == prev) {
		rq_unlock(rq);
		return;
	}
	if (preempt)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	rq->nr_switches++;
	rq->curr = next;
	context_switch(rq, prev, next);
}

void schedule(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__schedule(false);
	local_irq_restore(flags);
}

/* preempt_enable() when a reschedule came due while preemption was off. */
void preempt_schedule(void)
{
	unsigned long flags;

	local_irq_save(flags);
	current->thread_info.preempt_count++;
	do {
		current->thread_info.preempt_count--;
		__schedule(true);
		current->thread_info.preempt_count++;
	} while (need_resched());
	current->thread_info.preempt_count--;
	local_irq_restore(flags);
}

/*
 * entry-common.c, on return from an IRQ to EL1 that interrupted code with
 * interrupts on and preempt_count 0. Interrupts are masked here.
 */
void preempt_schedule_irq(void)
{
	current->thread_info.preempt_count++;	/* no nested preemption */
	do {
		current->thread_info.preempt_count--;
		__schedule(true);
		current->thread_info.preempt_count++;
	} while (need_resched());
	current->thread_info.preempt_count--;
}

/*
 * Linux's wake_affine, for a sync wake-up: the waker will sleep at once
 * (it waits for an answer), so the wakee runs on the waker's CPU rather
 * than making its own CPU wake up for it, if the mask allows and nothing
 * else waits there. Two processes bouncing a pipe share one CPU then, as
 * on Linux, instead of an IPI each way.
 */
static bool wake_affine(struct task_struct *p)
{
	struct rq *this = this_rq();

	return this->cpu != task_cpu(p) && cpumask_test_cpu(this->cpu, &p->cpus_mask) &&
	       this->curr != this->idle && READ_ONCE(this->nr_running) <= 1;
}

/*
 * Runnable again, on its own CPU's queue. A task still running (it has
 * not reached its schedule() yet, or is inside it) is only marked
 * TASK_RUNNING: its __schedule() keeps it, under the same lock.
 */
static int try_to_wake_up(struct task_struct *p, bool sync)
{
	unsigned long flags;
	struct rq *rq;
	int woken = 0;

	local_irq_save(flags);
	rq = task_rq_lock(p);
	if (p->state != TASK_RUNNING && p->state != TASK_DEAD) {
		p->state = TASK_RUNNING;	/* other wakers leave it to us now */
		woken = 1;
		/*
		 * A task not on any CPU may move: a new kernel thread's first
		 * wake-up places it as fork does, a task whose mask changed
		 * while it slept goes to an allowed CPU, a sync wake-up may
		 * bring it to the waker's.
		 */
		if (!p->on_rq && p != rq->curr) {
			int cpu = -1;

			if (p->sched_new || !cpumask_test_cpu(rq->cpu, &p->cpus_mask))
				cpu = select_task_rq_fork(p);
			else if (sync && wake_affine(p))
				cpu = smp_processor_id();
			p->sched_new = false;
			if (cpu >= 0 && (unsigned int)cpu != rq->cpu) {
				WRITE_ONCE(p->cpu, cpu);
				rq_unlock(rq);
				rq = task_rq_lock(p);
			}
		}
		if (!p->on_rq) {
			activate_task(rq, p);
			check_preempt_wakeup(rq);
		}
	}
	rq_unlock(rq);
	local_irq_restore(flags);
	return woken;
}

int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, false);
}

int wake_up_process_sync(struct task_struct *p)
{
	return try_to_wake_up(p, true);
}

void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	local_irq_save(flags);
	p->sched_new = false;
	p->cpu = select_task_rq_fork(p);	/* nobody else knows p yet */
	rq = task_rq_lock(p);
	p->state = TASK_RUNNING;
	p->time_slice = sched_rr_timeslice;
	activate_task(rq, p);
	check_preempt_wakeup(rq);
	rq_unlock(rq);
	local_irq_restore(flags);
}

void do_sched_yield(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__schedule(false);		/* current goes to the tail */
	local_irq_restore(flags);
}

/* ---- CPU affinity --------------------------------------------------------- */

/* tasklist_lock held. The task pid names (0: the caller), or NULL. */
static struct task_struct *find_process_by_pid(int pid)
{
	return pid ? find_task_by_pid(pid) : current;
}

/* Linux's check_same_owner, or CAP_SYS_NICE (root here). */
static bool may_set_affinity(struct task_struct *p)
{
	return !current->cred.euid || current->cred.euid == p->cred.euid ||
	       current->cred.euid == p->cred.uid;
}

/*
 * p may now run on new_mask only. If it is somewhere else: a waiting task
 * moves at once, a running one when it is next switched out (it is asked
 * to reschedule now), a sleeping one is woken there. While p is on the way
 * to another CPU (pushed away after a switch, or picked or pulled while
 * no lock was held here) look again where it ended: a task left running
 * on a CPU its mask does not have, with nothing else queued there, would
 * never be switched out (smp_sched's running_child_pinned_from_outside
 * caught that under multi-threaded TCG). Interrupts masked.
 */
static void set_cpus_allowed(struct task_struct *p, const struct cpumask *new_mask)
{
	struct rq *rq, *dst;

	for (;;) {
		rq = task_rq_lock(p);
		cpumask_copy(&p->cpus_mask, new_mask);
		if (!list_empty(&p->run_list))	/* waiting: balancers may see it now */
			WRITE_ONCE(rq->queued_allowed.bits,
				   rq->queued_allowed.bits | new_mask->bits);
		if (cpumask_test_cpu(rq->cpu, new_mask))
			break;
		if (p == rq->curr) {
			resched_curr(rq);	/* __schedule() pushes it away */
			break;
		}
		if (!p->on_rq) {
			WRITE_ONCE(p->cpu, select_fallback_rq(p));
			break;
		}
		if (p == rq->push_task) {	/* push_task_away() moves it next */
			rq_unlock(rq);
			cpu_relax();
			continue;
		}
		dst = cpu_rq(select_fallback_rq(p));
		rq_unlock(rq);
		double_rq_lock(rq, dst);
		/* Still waiting on rq (not picked, pulled or pushed meanwhile)? */
		if (task_cpu(p) == rq->cpu && p->on_rq && p != rq->curr &&
		    p != rq->push_task && !list_empty(&p->run_list)) {
			move_queued_task(rq, dst, p);
			check_preempt_wakeup(dst);
			double_rq_unlock(rq, dst);
			return;
		}
		double_rq_unlock(rq, dst);
	}
	rq_unlock(rq);
}

long sched_setaffinity(int pid, const struct cpumask *in_mask)
{
	struct task_struct *p;
	struct cpumask new_mask;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_process_by_pid(pid);
	if (!p) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -ESRCH;
	}
	if (!may_set_affinity(p)) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -EPERM;
	}
	/* As Linux: the CPUs the task may use are the online ones it asked for. */
	new_mask.bits = in_mask->bits & cpu_online_mask->bits;
	if (!new_mask.bits || (p->flags & PF_IDLE)) {
		spin_unlock_irqrestore(&tasklist_lock, flags);
		return -EINVAL;
	}
	set_cpus_allowed(p, &new_mask);		/* the run-queue locks inside */
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (p == current && !cpumask_test_cpu(raw_smp_processor_id(), &new_mask))
		schedule();		/* off this CPU before returning */
	return 0;
}

long sched_getaffinity(int pid, struct cpumask *mask)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_process_by_pid(pid);
	if (p)
		mask->bits = p->cpus_mask.bits & cpu_online_mask->bits;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p ? 0 : -ESRCH;
}

/* A mask is one word here (NR_CPUS <= 64): Linux's cpumask_size(). */
#define CPUMASK_SIZE sizeof(struct cpumask)

/* Shorter than a mask: the rest is zero; longer: the rest is ignored. */
SYSCALL_DEFINE3(sched_setaffinity, int, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct cpumask new_mask = { 0 };

	if (len > CPUMASK_SIZE)
		len = CPUMASK_SIZE;
	if (copy_from_user(&new_mask, user_mask_ptr, len))
		return -EFAULT;
	return sched_setaffinity(pid, &new_mask);
}

/* The number of bytes written: a whole mask; len must hold nr_cpu_ids bits, in longs. */
SYSCALL_DEFINE3(sched_getaffinity, int, pid, unsigned int, len,
		unsigned long __user *, user_mask_ptr)
{
	struct cpumask mask;
	unsigned int retlen;
	long ret;

	if (len * 8 < nr_cpu_ids || (len & (sizeof(unsigned long) - 1)))
		return -EINVAL;
	ret = sched_getaffinity(pid, &mask);
	if (ret)
		return ret;
	retlen = min(len, (unsigned int)CPUMASK_SIZE);
	if (copy_to_user(user_mask_ptr, &mask, retlen))
		return -EFAULT;
	return retlen;
}

SYSCALL_DEFINE0(sched_yield)
{
	do_sched_yield();
	return 0;
}

static enum hrtimer_restart sleep_timer_fn(struct hrtimer *timer)
{
	struct task_struct *p = container_of(timer, struct task_struct, sleep_timer);

	wake_up_process(p);
	return HRTIMER_NORESTART;
}

/*
 * Sleep ns nanoseconds on current's hrtimer (counter-exact, one-shot).
 * state TASK_INTERRUPTIBLE: a fatal signal ends it early with -EINTR and
 * the time left in *left. 0 when the time is up.
 */
long schedule_hrtimeout_ns(u64 ns, int state, u64 *left)
{
	struct task_struct *p = current;
	u64 freq, expires, now;
	long ret = 0;

	if (!ns)
		return 0;
	hrtimer_init(&p->sleep_timer, sleep_timer_fn);
	set_current_state(state);
	hrtimer_start_ns(&p->sleep_timer, ns);
	expires = p->sleep_timer.expires;
	for (;;) {
		if (!hrtimer_is_queued(&p->sleep_timer))
			break;
		if (state == TASK_INTERRUPTIBLE && signal_pending(p)) {
			ret = -EINTR;
			break;
		}
		schedule();
		set_current_state(state);
	}
	__set_current_state(TASK_RUNNING);
	if (hrtimer_cancel(&p->sleep_timer) || ret) {
		struct clock_event_device *dev = tick_get_device();

		now = dev ? dev->read_counter() : 0;
		freq = dev ? dev->freq : 0;
		if (left && expires > now && freq)
			*left = (expires - now) / freq * 1000000000ULL +
				(expires - now) % freq * 1000000000ULL / freq;
		else if (left)
			*left = 0;
		return -EINTR;
	}
	return ret;
}

void msleep(unsigned int msecs)
{
	schedule_hrtimeout_ns((u64)msecs * 1000000ULL, TASK_UNINTERRUPTIBLE, NULL);
}

/*
 * IPI_RESCHEDULE: the sender set TIF_NEED_RESCHED on our current task; the
 * interrupt's return acts on it. Nothing else to do.
 */
void scheduler_ipi(void)
{
}

/*
 * Every CPU's idle task once its CPU is up (pid 0; on CPU0 once
 * start_kernel is done): wait for interrupts, run whoever wakes.
 */
__noreturn void cpu_idle_loop(void)
{
	for (;;) {
		local_irq_disable();
		if (!need_resched())
			wfi();		/* a pending IRQ ends it, even masked */
		local_irq_enable();	/* take it: it may wake someone */
		if (need_resched())
			schedule();
	}
}
