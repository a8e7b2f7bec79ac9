// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/core.c: the scheduler. Preemptive round-robin on one CPU:
 *
 *   - runnable tasks wait on one FIFO run queue; the running task is not
 *     on it (task->on_rq is true for both);
 *   - the tick (scheduler_tick, from kernel/time/tick.c) charges the tick
 *     to the running task (utime at EL0, stime in the kernel) and counts
 *     down its time slice; at zero it sets TIF_NEED_RESCHED;
 *   - the flag is acted on when the interrupt returns: to EL0 in
 *     exit_to_user_mode(), to EL1 in preempt_schedule_irq() if the
 *     interrupted code had interrupts on and preempt_count == 0;
 *   - schedule() puts a still-runnable task at the tail and runs the head,
 *     or the idle task (pid 0, the boot task) when the queue is empty.
 *
 * Tasks run on the boot CPU only (the other CPUs run their idle tasks and
 * interrupt handlers). Everything below runs with interrupts masked and
 * rq_lock held. The lock is taken by __schedule() in the task switching
 * away and released by finish_task_switch() in the task switched to (or
 * schedule_tail(), a new task's first call), as in Linux. The rest of the
 * kernel shares data with interrupt handlers and other tasks under its
 * own spinlocks (allocators, printk, wait queues, timers) or, where it is
 * only ever touched by tasks on the boot CPU, with interrupts masked.
 */
#include <linux/clockchips.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/sysreg.h>

#define SCHED_RR_MS 20		/* a time slice, as HZ allows */

int sched_rr_timeslice;
static LIST_HEAD(runqueue);
static unsigned int nr_queued;
static DEFINE_RAW_SPINLOCK(rq_lock);

/*
 * The task entering from EL0 on this CPU is current: entry.S loads SP_EL0
 * from here (ldr_this_cpu).
 */
DEFINE_PER_CPU(struct task_struct *, __entry_task) = &init_task;

/* entry.S: save prev's callee-saved registers, sp, lr; load next's. */
struct task_struct *cpu_switch_to(struct task_struct *prev, struct task_struct *next);
void finish_task_switch(struct task_struct *prev);
void schedule_tail(struct task_struct *prev);
void put_task_struct(struct task_struct *p);

void __init sched_init(void)
{
	struct task_struct *idle = &init_task;

	sched_rr_timeslice = msecs_to_jiffies(SCHED_RR_MS) ?: 1;
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	INIT_LIST_HEAD(&idle->tasks);
	init_waitqueue_head(&idle->wait_chldexit);
	hrtimer_init(&idle->sleep_timer, NULL);
	idle->flags |= PF_IDLE | PF_KTHREAD;
	idle->state = TASK_RUNNING;
	idle->time_slice = sched_rr_timeslice;
	__this_cpu_write(__entry_task, idle);
}

static void enqueue_task(struct task_struct *p)
{
	list_add_tail(&p->run_list, &runqueue);
	nr_queued++;
	p->on_rq = true;
}

/*
 * A task was queued: if the boot CPU is idle, it must go and pick it. The
 * flag is set on the boot CPU's idle task (init_task) whether it runs or
 * not (if not, it only costs one extra look at the queue when it next
 * runs). A wake-up from another CPU is seen at the boot CPU's next
 * interrupt, its tick at the latest.
 */
static void resched_boot_cpu_idle(void)
{
	set_tsk_need_resched(&init_task);
}

static struct task_struct *pick_next_task(void)
{
	struct task_struct *next;

	if (list_empty(&runqueue))
		return &init_task;
	next = list_first_entry(&runqueue, struct task_struct, run_list);
	list_del_init(&next->run_list);
	nr_queued--;
	return next;
}

static void __scheduler_tick(struct task_struct *p, bool user);

unsigned int nr_running(void)
{
	return READ_ONCE(nr_queued) + !(current->flags & PF_IDLE);
}

/* Interrupts masked. The tick is charged to whoever it interrupted. */
void scheduler_tick(bool user)
{
	struct task_struct *p = current;

	if (raw_smp_processor_id()) {	/* tasks run on the boot CPU only */
		if (user)
			p->utime++;
		else
			p->stime++;
		return;
	}
	do_raw_spin_lock(&rq_lock);
	__scheduler_tick(p, user);
	do_raw_spin_unlock(&rq_lock);
}

static void __scheduler_tick(struct task_struct *p, bool user)
{
	if (user)
		p->utime++;
	else
		p->stime++;
	if (p->flags & PF_IDLE) {
		if (nr_queued)
			set_tsk_need_resched(p);
		return;
	}
	if (--p->time_slice <= 0) {
		p->time_slice = sched_rr_timeslice;
		if (nr_queued)			/* alone: keep running */
			set_tsk_need_resched(p);
	}
}

/*
 * Interrupts masked. Switch the memory map, the user FP/SIMD state and
 * thread pointer, then the kernel stack and callee-saved registers.
 */
static void context_switch(struct task_struct *prev, struct task_struct *next)
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
	rq_lock.owner = next;	/* next releases it, in finish_task_switch */
#endif
	prev = cpu_switch_to(prev, next);
	/* Now running as next, on its stack; prev is whom we came from. */
	finish_task_switch(prev);
}

/*
 * After every switch, in the task switched to: rq_lock, taken by prev in
 * __schedule(), is released here. Interrupts masked.
 */
void finish_task_switch(struct task_struct *prev)
{
	bool dead = prev->state == TASK_DEAD;

	do_raw_spin_unlock(&rq_lock);
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

	do_raw_spin_lock(&rq_lock);
	clear_tsk_thread_flag(prev, TIF_NEED_RESCHED);
	if (prev->flags & PF_IDLE) {
		/* idle is never queued */
	} else if (prev->state == TASK_RUNNING || preempt) {
		/*
		 * Preempted tasks stay queued whatever their state, as in
		 * Linux: one preempted between set_current_state() and its
		 * schedule() must run again to look at its condition.
		 */
		enqueue_task(prev);
	} else {
		prev->on_rq = false;
	}
	next = pick_next_task();
	if (next == prev) {
		do_raw_spin_unlock(&rq_lock);
		return;
	}
	if (preempt)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	context_switch(prev, next);
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

int wake_up_process(struct task_struct *p)
{
	unsigned long flags;
	int woken = 0;

	local_irq_save(flags);
	do_raw_spin_lock(&rq_lock);
	if (p->state != TASK_RUNNING && p->state != TASK_DEAD) {
		p->state = TASK_RUNNING;
		woken = 1;
		if (!p->on_rq) {
			enqueue_task(p);
			resched_boot_cpu_idle();
		}
	}
	do_raw_spin_unlock(&rq_lock);
	local_irq_restore(flags);
	return woken;
}

void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;

	local_irq_save(flags);
	do_raw_spin_lock(&rq_lock);
	p->state = TASK_RUNNING;
	p->time_slice = sched_rr_timeslice;
	enqueue_task(p);
	resched_boot_cpu_idle();
	do_raw_spin_unlock(&rq_lock);
	local_irq_restore(flags);
}

void do_sched_yield(void)
{
	unsigned long flags;

	local_irq_save(flags);
	__schedule(false);		/* current goes to the tail */
	local_irq_restore(flags);
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
		if (!p->sleep_timer.queued)
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

__noreturn void cpu_secondary_idle_loop(void)
{
	for (;;) {
		local_irq_disable();
		wfi();			/* an interrupt ends it, even masked */
		local_irq_enable();	/* take it */
	}
}

/* Pid 0 once start_kernel is done: wait for interrupts, run whoever wakes. */
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
