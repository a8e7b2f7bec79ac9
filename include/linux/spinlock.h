/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/spinlock.h: spinlocks, with Linux's names.
 *
 *	spin_lock(&l) ... spin_unlock(&l)		another CPU waits
 *	spin_lock_irqsave(&l, flags) ... spin_unlock_irqrestore(&l, flags)
 *		also this CPU's interrupt handlers wait: for data an IRQ
 *		handler touches too
 *	spin_lock_irq / spin_unlock_irq		when interrupts are known on
 *	spin_trylock(&l)				1 if taken, 0 if busy
 *
 * Every form disables preemption while the lock is held (a task holding a
 * spinlock must not be switched away: a waiter would spin for its whole
 * time slice). raw_spin_* are the same here: Linux distinguishes them only
 * under PREEMPT_RT. The do_raw_spin_* forms take the bare lock, for the
 * scheduler's run-queue lock, which is handed from task to task across a
 * context switch (kernel/sched/core.c).
 *
 * The lock itself is the architecture's (asm/spinlock.h: test-and-set, or
 * with CONFIG_TICKET_SPINLOCKS a fair ticket lock; it says why the default
 * is not the fair one); with
 * CONFIG_DEBUG_SPINLOCK every lock records its owner and reports misuse in
 * Linux's words (kernel/locking/spinlock_debug.c).
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <linux/irqflags.h>
#include <linux/spinlock_types.h>

#ifdef CONFIG_DEBUG_SPINLOCK
void __raw_spin_lock_init(raw_spinlock_t *lock);
void do_raw_spin_lock(raw_spinlock_t *lock);
int do_raw_spin_trylock(raw_spinlock_t *lock);
void do_raw_spin_unlock(raw_spinlock_t *lock);
#define raw_spin_lock_init(lock) __raw_spin_lock_init(lock)
#else
#define raw_spin_lock_init(lock) do { *(lock) = __RAW_SPIN_LOCK_UNLOCKED(lock); } while (0)
static inline void do_raw_spin_lock(raw_spinlock_t *lock)
{
	arch_spin_lock(&lock->raw_lock);
}

static inline int do_raw_spin_trylock(raw_spinlock_t *lock)
{
	return arch_spin_trylock(&lock->raw_lock);
}

static inline void do_raw_spin_unlock(raw_spinlock_t *lock)
{
	arch_spin_unlock(&lock->raw_lock);
}
#endif

#define raw_spin_is_locked(lock) arch_spin_is_locked(&(lock)->raw_lock)

/* kernel/locking/spinlock.c */
void _raw_spin_lock(raw_spinlock_t *lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
int _raw_spin_trylock(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);

#define raw_spin_lock(lock)			_raw_spin_lock(lock)
#define raw_spin_lock_irq(lock)			_raw_spin_lock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags)	((flags) = _raw_spin_lock_irqsave(lock))
#define raw_spin_trylock(lock)			_raw_spin_trylock(lock)
#define raw_spin_unlock(lock)			_raw_spin_unlock(lock)
#define raw_spin_unlock_irq(lock)		_raw_spin_unlock_irq(lock)
#define raw_spin_unlock_irqrestore(lock, flags)	_raw_spin_unlock_irqrestore(lock, flags)

#define spin_lock_init(l)		raw_spin_lock_init(&(l)->rlock)
#define spin_lock(l)			raw_spin_lock(&(l)->rlock)
#define spin_lock_irq(l)		raw_spin_lock_irq(&(l)->rlock)
#define spin_lock_irqsave(l, flags)	raw_spin_lock_irqsave(&(l)->rlock, flags)
#define spin_trylock(l)			raw_spin_trylock(&(l)->rlock)
#define spin_unlock(l)			raw_spin_unlock(&(l)->rlock)
#define spin_unlock_irq(l)		raw_spin_unlock_irq(&(l)->rlock)
#define spin_unlock_irqrestore(l, flags) raw_spin_unlock_irqrestore(&(l)->rlock, flags)
#define spin_is_locked(l)		raw_spin_is_locked(&(l)->rlock)

#endif
