/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel/sched/sched.h: the scheduler's own view, shared by core.c (run
 * queues, schedule, wake-ups, the tick), fair.c (where tasks go: fork
 * placement, balancing, migration) and cputime.c (time per CPU).
 *
 * One run queue per CPU, as in Linux (struct rq, DEFINE_PER_CPU
 * runqueues). A task belongs to one run queue, task_cpu(p)'s, and only
 * moves under the locks of both queues (fair.c). The rules:
 *
 *   - rq->lock guards the queue, nr_running, curr, and for every task on
 *     the queue or sleeping with task_cpu(p) == this CPU: p->on_rq,
 *     p->state's change to TASK_RUNNING by a wake-up, and p->cpu;
 *   - the queue holds the runnable tasks waiting for the CPU; the running
 *     task (rq->curr) is not on it; nr_running counts both, not idle;
 *   - rq->lock is taken by __schedule() in the task switching away and
 *     released by finish_task_switch() in the task switched to;
 *   - two run queues are locked in CPU order (double_rq_lock);
 *   - rq->queued_allowed lets another CPU see without the lock whether a
 *     task waiting here could move to it: a balance that would find
 *     nothing does not take the lock (under multi-threaded TCG on a busy
 *     host every hand-over of a contended lock may cost a host time slice).
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

struct rq {
	raw_spinlock_t lock;
	unsigned int cpu;
	struct list_head queue;		/* runnable, waiting: FIFO by run_list */
	struct cpumask queued_allowed;	/* where the waiting tasks may run (their masks, or'ed) */
	unsigned int nr_running;	/* queued + running (idle not counted) */
	struct task_struct *curr;	/* running now */
	struct task_struct *idle;	/* swapper/N */
	struct task_struct *push_task;	/* switched out, must leave (affinity) */
	u64 nr_switches;		/* context switches ("ctxt" in /proc/stat) */
	unsigned long next_balance;	/* jiffies: the tick's next periodic balance */
	unsigned long next_newidle;	/* jiffies: after a vain newidle pull, not before */
};

DECLARE_PER_CPU(struct rq, runqueues);

#define cpu_rq(cpu)		per_cpu_ptr(&runqueues, (cpu))
#define this_rq()		this_cpu_ptr(&runqueues)
#define task_rq(p)		cpu_rq(task_cpu(p))

static inline void rq_lock(struct rq *rq)
{
	do_raw_spin_lock(&rq->lock);
}

static inline void rq_unlock(struct rq *rq)
{
	do_raw_spin_unlock(&rq->lock);
}

/* Interrupts masked. Lock the run queue p belongs to (p may be moving). */
struct rq *task_rq_lock(struct task_struct *p);

/* Interrupts masked: both queues, lower CPU first; a and b may be the same. */
void double_rq_lock(struct rq *a, struct rq *b);
void double_rq_unlock(struct rq *a, struct rq *b);

/* core.c, under rq->lock. */
void queue_task(struct rq *rq, struct task_struct *p);		/* at the tail */
void dequeue_task(struct rq *rq, struct task_struct *p);	/* off the queue */
void activate_task(struct rq *rq, struct task_struct *p);	/* queue it, count it */
void resched_curr(struct rq *rq);	/* rq->curr must schedule (IPI if remote) */

/* fair.c */
/* Fork: the least loaded online CPU p may run on. */
unsigned int select_task_rq_fork(struct task_struct *p);
/* __schedule, nothing queued here: pull one waiting task; may drop rq->lock. */
void newidle_balance(struct rq *rq);
/* The tick, now and then: pull from the busiest CPU if it has 2 more. */
void trigger_load_balance(struct rq *rq);
/* Test only (sched_smp_kunit.c): trigger_load_balance does nothing. */
extern bool sched_test_no_periodic_balance;
/* An allowed online CPU for p, the least loaded (p's mask has none: any). */
unsigned int select_fallback_rq(struct task_struct *p);
/* After a switch: move rq->push_task to a CPU its mask allows. */
void push_task_away(struct rq *rq);
/* Move a queued (not running) task from src to dst; both locked. */
void move_queued_task(struct rq *src, struct rq *dst, struct task_struct *p);

#endif
