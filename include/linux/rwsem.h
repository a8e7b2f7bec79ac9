/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/rwsem.h: read-write semaphores, with Linux's names. Any
 * number of readers hold one at once, or one writer alone; a task that
 * cannot have it sleeps (so never take one in an interrupt handler, under
 * a spinlock or with interrupts masked: use the trylock forms there).
 *
 *	down_read(&sem) ... up_read(&sem)	shared
 *	down_write(&sem) ... up_write(&sem)	exclusive
 *	down_read_trylock / down_write_trylock	1 if taken, 0 at once if not
 *
 * A writer waiting keeps new readers out, so a stream of readers cannot
 * starve it; a reader must therefore never take the same rwsem again while
 * holding it (a writer queued between the two would deadlock both), as on
 * Linux. kernel/locking/rwsem.c has the (simple) implementation.
 */
#ifndef __LINUX_RWSEM_H
#define __LINUX_RWSEM_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>

struct task_struct;

struct rw_semaphore {
	spinlock_t lock;			/* guards the three below */
	long count;				/* readers holding it; -1: a writer */
	unsigned int writers_waiting;		/* queued writers: readers wait too */
	struct task_struct *owner;		/* the writer holding it, or NULL */
	struct wait_queue_head wait;		/* readers and writers that sleep */
};

#define __RWSEM_INITIALIZER(name) {					\
	.lock = __SPIN_LOCK_INITIALIZER(name.lock),			\
	.wait = __WAIT_QUEUE_HEAD_INITIALIZER(name.wait) }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

static inline void init_rwsem(struct rw_semaphore *sem)
{
	spin_lock_init(&sem->lock);
	sem->count = 0;
	sem->writers_waiting = 0;
	sem->owner = NULL;
	init_waitqueue_head(&sem->wait);
}

void down_read(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);

/* Held by anyone (for assertions: it cannot say by whom, for readers). */
static inline bool rwsem_is_locked(struct rw_semaphore *sem)
{
	return READ_ONCE(sem->count) != 0;
}

#endif
