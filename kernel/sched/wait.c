// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/wait.c: wait queues (include/linux/wait.h). Queue changes
 * hold the queue's lock with interrupts masked: wake_up() may come from an
 * interrupt handler (the console's receive interrupt waking a reader) or
 * another CPU.
 */
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/wait.h>

void __wait_init_entry(struct wait_queue_entry *wait)
{
	wait->task = current;
	INIT_LIST_HEAD(&wait->entry);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, int state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (list_empty(&wait->entry))
		list_add_tail(&wait->entry, &wq->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	__set_current_state(TASK_RUNNING);
	list_del_init(&wait->entry);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void __wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *wait;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(wait, &wq->head, entry)
		wake_up_process(wait->task);
	spin_unlock_irqrestore(&wq->lock, flags);
}

void __wake_up_sync(struct wait_queue_head *wq)
{
	struct wait_queue_entry *wait;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(wait, &wq->head, entry)
		wake_up_process_sync(wait->task);
	spin_unlock_irqrestore(&wq->lock, flags);
}

bool __wait_signal_pending(void)
{
	return signal_pending(current);
}

void __wait_schedule(void)
{
	schedule();
}
