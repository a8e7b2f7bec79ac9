/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/wait.h: wait queues, as on Linux. A task that must wait
 * for something (a child's exit, input on the console, room in a pipe)
 * sleeps on a wait_queue_head; whoever makes the condition true calls
 * wake_up() on it, from a task or from an interrupt handler.
 *
 *	DECLARE_WAIT_QUEUE_HEAD(wq);
 *	err = wait_event_interruptible(wq, data_ready);	// reader
 *	data_ready = 1; wake_up(&wq);			// writer, or an IRQ
 *
 * wait_event_interruptible() returns 0 once the condition holds, or
 * -ERESTARTSYS if a signal that ends the task arrived first (the system
 * call should then return -EINTR, or anything: the task dies on its way
 * out). The condition is tested after the task is queued and marked
 * sleeping, so a wake_up() between the test and schedule() is never lost.
 * kernel/sched/wait.c has the functions.
 */
#ifndef __LINUX_WAIT_H
#define __LINUX_WAIT_H

#include <linux/errno.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct task_struct;

struct wait_queue_head {
	spinlock_t lock;		/* the list; taken with interrupts masked */
	struct list_head head;		/* of wait_queue_entry.entry */
};
typedef struct wait_queue_head wait_queue_head_t;

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head entry;
};

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_INITIALIZER(name.lock),			\
	.head = LIST_HEAD_INIT((name).head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}

static inline bool waitqueue_active(struct wait_queue_head *wq)
{
	return !list_empty(&wq->head);
}

/* Queue wait (for current) on wq if not queued yet, and set current's state. */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait, int state);
/* Back to TASK_RUNNING, off the queue. */
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);
/* Wake every task sleeping on wq (they re-check their conditions). IRQ-safe. */
void __wake_up(struct wait_queue_head *wq);
#define wake_up(wq) __wake_up(wq)
#define wake_up_interruptible(wq) __wake_up(wq)
#define wake_up_all(wq) __wake_up(wq)
/*
 * The waker is about to sleep itself (a pipe's writer that will read the
 * answer): the woken task may run on the waker's CPU instead of its own
 * (Linux's WF_SYNC and wake_affine; kernel/sched/core.c).
 */
void __wake_up_sync(struct wait_queue_head *wq);
#define wake_up_interruptible_sync(wq) __wake_up_sync(wq)

/* The task's sleep ended by a signal? (kernel/signal.c; wait.c's helper.) */
bool __wait_signal_pending(void);
void __wait_schedule(void);
void __wait_init_entry(struct wait_queue_entry *wait);

#define ___wait_event(wq, condition, state, interruptible) ({		\
	struct wait_queue_entry __wq_entry;				\
	long __ret = 0;							\
									\
	__wait_init_entry(&__wq_entry);					\
	for (;;) {							\
		prepare_to_wait(&(wq), &__wq_entry, (state));		\
		if (condition)						\
			break;						\
		if ((interruptible) && __wait_signal_pending()) {	\
			__ret = -ERESTARTSYS;				\
			break;						\
		}							\
		__wait_schedule();					\
	}								\
	finish_wait(&(wq), &__wq_entry);				\
	__ret;								\
})

/* Sleep until condition; only condition ends it. */
#define wait_event(wq, condition) do {					\
	if (!(condition))						\
		(void)___wait_event(wq, condition, 0x0002, 0);		\
} while (0)

/* Sleep until condition (0) or a fatal signal (-ERESTARTSYS). */
#define wait_event_interruptible(wq, condition)				\
	((condition) ? 0L : ___wait_event(wq, condition, 0x0001, 1))

#endif
