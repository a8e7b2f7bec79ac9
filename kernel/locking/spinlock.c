// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/locking/spinlock.c: the spin_lock*() family (include/linux/
 * spinlock.h) out of line, as in Linux: each disables preemption (and
 * interrupts, for the _irq/_irqsave forms) and then takes the bare lock;
 * unlocking undoes it in the opposite order. Unlike Linux, the unlock does
 * not reschedule at once when a reschedule came due meanwhile: it happens
 * at the next interrupt's return (the tick at the latest), as it did when
 * this kernel masked interrupts instead of locking. The idle task runs
 * start_kernel and the KUnit suites, and must not be switched away at
 * every unlock (it only runs again when no task is runnable).
 */
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>

void _raw_spin_lock(raw_spinlock_t *lock)
{
	preempt_disable();
	do_raw_spin_lock(lock);
}

void _raw_spin_lock_irq(raw_spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	do_raw_spin_lock(lock);
}

unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long flags;

	local_irq_save(flags);
	preempt_disable();
	do_raw_spin_lock(lock);
	return flags;
}

int _raw_spin_trylock(raw_spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock))
		return 1;
	preempt_enable_no_resched();
	return 0;
}

void _raw_spin_unlock(raw_spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	preempt_enable_no_resched();
}

void _raw_spin_unlock_irq(raw_spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable_no_resched();
}

void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable_no_resched();
}
