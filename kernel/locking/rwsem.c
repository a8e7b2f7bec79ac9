// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/locking/rwsem.c: read-write semaphores (include/linux/rwsem.h),
 * built on a spinlock and a wait queue.
 *
 * The state is one count under sem->lock: the number of readers holding
 * the semaphore, or -1 while a writer does. A task that cannot take it
 * queues itself on sem->wait (prepare_to_wait), tries again, and sleeps if
 * it still cannot; every release that could let someone in (the last
 * reader leaving, a writer leaving) wakes every sleeper, and each tries
 * again. Since a sleeper is queued before its last try, a release between
 * that try and schedule() still wakes it: no wake-up is lost.
 *
 * Writers are not starved: while one is queued (writers_waiting), readers
 * that arrive wait too. Who goes next after a release is whoever gets
 * sem->lock first; there is no FIFO hand-off.
 *
 * This is deliberately simpler than Linux's rwsem.c, which keeps the count
 * in one atomic word with a lock-free fast path, hands the lock to the
 * first waiter in FIFO order, wakes only the waiters that can run, and lets
 * a writer spin while the owner is running on another CPU (optimistic
 * spinning). Here every operation takes a spinlock and every release wakes
 * every sleeper: correct, and short enough to check by reading; slower
 * only when many tasks contend for one semaphore.
 */
#include <linux/bug.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

/* sem->lock held. A reader may come in: no writer holds it or waits. */
static bool read_may_enter(struct rw_semaphore *sem)
{
	return sem->count >= 0 && !sem->writers_waiting;
}

int down_read_trylock(struct rw_semaphore *sem)
{
	int taken;

	spin_lock(&sem->lock);
	taken = read_may_enter(sem);
	if (taken)
		sem->count++;
	spin_unlock(&sem->lock);
	return taken;
}

void down_read(struct rw_semaphore *sem)
{
	struct wait_queue_entry wait;

	if (down_read_trylock(sem))
		return;
	__wait_init_entry(&wait);
	for (;;) {
		prepare_to_wait(&sem->wait, &wait, TASK_UNINTERRUPTIBLE);
		if (down_read_trylock(sem))
			break;
		schedule();
	}
	finish_wait(&sem->wait, &wait);
}

void up_read(struct rw_semaphore *sem)
{
	bool last;

	spin_lock(&sem->lock);
	if (WARN(sem->count <= 0, "rwsem: up_read with no reader holding it (count %ld)\n",
		 sem->count)) {
		spin_unlock(&sem->lock);
		return;
	}
	last = --sem->count == 0;
	spin_unlock(&sem->lock);
	if (last && waitqueue_active(&sem->wait))
		wake_up_all(&sem->wait);
}

/* sem->lock held: take it for current if it is free. */
static bool write_take(struct rw_semaphore *sem)
{
	if (sem->count)
		return false;
	sem->count = -1;
	sem->owner = current;
	return true;
}

int down_write_trylock(struct rw_semaphore *sem)
{
	int taken;

	spin_lock(&sem->lock);
	taken = write_take(sem);
	spin_unlock(&sem->lock);
	return taken;
}

void down_write(struct rw_semaphore *sem)
{
	struct wait_queue_entry wait;
	bool taken;

	spin_lock(&sem->lock);
	taken = write_take(sem);
	if (!taken)
		sem->writers_waiting++;		/* from now on, new readers wait */
	spin_unlock(&sem->lock);
	if (taken)
		return;
	__wait_init_entry(&wait);
	for (;;) {
		prepare_to_wait(&sem->wait, &wait, TASK_UNINTERRUPTIBLE);
		spin_lock(&sem->lock);
		taken = write_take(sem);
		if (taken)
			sem->writers_waiting--;
		spin_unlock(&sem->lock);
		if (taken)
			break;
		schedule();
	}
	finish_wait(&sem->wait, &wait);
}

void up_write(struct rw_semaphore *sem)
{
	spin_lock(&sem->lock);
	if (WARN(sem->count != -1 || sem->owner != current,
		 "rwsem: up_write by %s[%d], not the writer holding it (count %ld)\n",
		 current->comm, current->pid, sem->count)) {
		spin_unlock(&sem->lock);
		return;
	}
	sem->count = 0;
	sem->owner = NULL;
	spin_unlock(&sem->lock);
	if (waitqueue_active(&sem->wait))
		wake_up_all(&sem->wait);
}
