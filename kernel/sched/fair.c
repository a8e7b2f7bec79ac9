// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/fair.c: where tasks run, across CPUs. Linux's CFS weighs
 * load by priority and utilisation over a hierarchy of scheduling
 * domains; here every task weighs the same and the machine is one flat
 * domain, so load is a run queue's nr_running:
 *
 *   - fork (select_task_rq_fork): a new task goes to the least loaded
 *     online CPU its mask allows, its parent's CPU on a tie;
 *   - newidle balance: a CPU about to run its idle task pulls one waiting
 *     task from the busiest other CPU (after a vain try, not again in the
 *     same tick);
 *   - periodic balance: every BALANCE_INTERVAL ticks each CPU pulls one
 *     waiting task from the busiest CPU if that one has at least two more
 *     tasks than it has;
 *   - a task whose CPU left its mask (sched_setaffinity) is pushed to an
 *     allowed one once it is switched out (push_task_away).
 *
 * A task only moves while it waits on a queue (never while it runs: its
 * registers are on its CPU), under both queues' locks taken in CPU order.
 */
#include <linux/jiffies.h>
#include <linux/sched.h>
#include "sched.h"

#define BALANCE_INTERVAL 8	/* ticks: 32 ms at HZ=250 */

/*
 * Test only: set by the sched_smp KUnit suite so that a case sees what
 * the newidle balance does by itself, with no periodic balance behind it.
 */
bool sched_test_no_periodic_balance;

unsigned int select_task_rq_fork(struct task_struct *p)
{
	unsigned int cpu, best = task_cpu(p), best_load = -1U;
	struct cpumask allowed;

	allowed.bits = p->cpus_mask.bits & cpu_online_mask->bits;
	if (!allowed.bits)
		allowed.bits = cpu_online_mask->bits;
	if (cpumask_test_cpu(best, &allowed))
		best_load = READ_ONCE(cpu_rq(best)->nr_running);
	for_each_cpu(cpu, &allowed) {
		unsigned int load = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (load < best_load) {
			best = cpu;
			best_load = load;
		}
	}
	return best;
}

void move_queued_task(struct rq *src, struct rq *dst, struct task_struct *p)
{
	dequeue_task(src, p);
	src->nr_running--;
	WRITE_ONCE(p->cpu, dst->cpu);
	activate_task(dst, p);
}

/*
 * The other online CPU with the most tasks (at least min_running), one of
 * them waiting and allowed to run here; or NULL. Read without locks.
 */
static struct rq *find_busiest_queue(struct rq *this_rq, unsigned int min_running)
{
	struct rq *busiest = NULL;
	unsigned int cpu, most = min_running - 1;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);
		unsigned int n = READ_ONCE(rq->nr_running);

		if (rq != this_rq && n > most &&
		    cpumask_test_cpu(this_rq->cpu, &rq->queued_allowed)) {
			busiest = rq;
			most = n;
		}
	}
	return busiest;
}

/*
 * Both locked: move one task waiting on src that may run on dst, the one
 * queued last (Linux takes from the tail too: the least cache-hot).
 */
static bool pull_one_task(struct rq *src, struct rq *dst)
{
	struct list_head *pos;

	for (pos = src->queue.prev; pos != &src->queue; pos = pos->prev) {
		struct task_struct *p = list_entry(pos, struct task_struct, run_list);

		/*
		 * Not src's running task: a wake-up may queue it while its
		 * __schedule() has dropped the lock to balance (newidle).
		 */
		if (p != src->curr && cpumask_test_cpu(dst->cpu, &p->cpus_mask)) {
			move_queued_task(src, dst, p);
			return true;
		}
	}
	return false;
}

/*
 * this_rq locked on entry and on return. Taking busiest's lock in CPU
 * order may drop ours for a moment: whatever changed meanwhile is looked
 * at again by the caller.
 */
static bool pull_from(struct rq *this_rq, struct rq *busiest)
{
	bool moved;

	if (busiest->cpu < this_rq->cpu) {
		rq_unlock(this_rq);
		rq_lock(busiest);
		rq_lock(this_rq);
	} else {
		rq_lock(busiest);
	}
	moved = !list_empty(&busiest->queue) && pull_one_task(busiest, this_rq);
	rq_unlock(busiest);
	return moved;
}

/*
 * A pull that finds nothing it may take (say, tasks pinned to their CPU)
 * is not tried again before the next tick: an idle loop calling schedule()
 * would otherwise take the busiest queue's lock over and over.
 */
void newidle_balance(struct rq *this_rq)
{
	struct rq *busiest;

	if (time_before(jiffies, this_rq->next_newidle))
		return;
	busiest = find_busiest_queue(this_rq, 2);
	if (busiest && !pull_from(this_rq, busiest))
		this_rq->next_newidle = jiffies + 1;
}

/* The tick, interrupts masked, no run-queue lock held. */
void trigger_load_balance(struct rq *this_rq)
{
	struct rq *busiest;
	bool moved = false;

	if (time_before(jiffies, this_rq->next_balance) || READ_ONCE(sched_test_no_periodic_balance))
		return;
	this_rq->next_balance = jiffies + BALANCE_INTERVAL;
	busiest = find_busiest_queue(this_rq, READ_ONCE(this_rq->nr_running) + 2);
	if (!busiest)
		return;
	rq_lock(this_rq);
	if (busiest->nr_running >= this_rq->nr_running + 2)
		moved = pull_from(this_rq, busiest);
	if (moved && this_rq->curr == this_rq->idle)
		resched_curr(this_rq);	/* round-robin: a busy CPU waits its turn */
	rq_unlock(this_rq);
}

unsigned int select_fallback_rq(struct task_struct *p)
{
	return select_task_rq_fork(p);
}

/* finish_task_switch, interrupts masked, no lock held. */
void push_task_away(struct rq *rq)
{
	struct task_struct *p = rq->push_task;
	struct rq *dst = cpu_rq(select_fallback_rq(p));

	double_rq_lock(rq, dst);
	rq->push_task = NULL;
	if (dst == rq) {
		queue_task(rq, p);	/* the mask has us again */
	} else {
		rq->nr_running--;
		WRITE_ONCE(p->cpu, dst->cpu);
		activate_task(dst, p);
		if (dst->curr == dst->idle)
			resched_curr(dst);
	}
	double_rq_unlock(rq, dst);
}
