/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in for include/linux/spinlock.h: a host test runs one thread,
 * so a lock only has to be taken and released in pairs. Each lock counts
 * how deep it is held; taking a held lock or releasing a free one aborts
 * the test, which is what a deadlock or a bad unlock would be on arm64.
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <stdlib.h>

typedef struct spinlock {
	int held;
} spinlock_t;
typedef spinlock_t raw_spinlock_t;

#define __SPIN_LOCK_INITIALIZER(name) { 0 }
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_INITIALIZER(x)
#define DEFINE_RAW_SPINLOCK(x) DEFINE_SPINLOCK(x)

static inline void spin_lock(spinlock_t *l)
{
	if (l->held++)
		abort();	/* would deadlock */
}

static inline void spin_unlock(spinlock_t *l)
{
	if (--l->held)
		abort();	/* was not held */
}

#define spin_lock_init(l) ((l)->held = 0)
#define spin_lock_irqsave(l, flags) ((flags) = 0, spin_lock(l))
#define spin_unlock_irqrestore(l, flags) ((void)(flags), spin_unlock(l))
#define spin_lock_irq(l) spin_lock(l)
#define spin_unlock_irq(l) spin_unlock(l)
#define raw_spin_lock(l) spin_lock(l)
#define raw_spin_unlock(l) spin_unlock(l)
#define raw_spin_lock_irqsave(l, f) spin_lock_irqsave(l, f)
#define raw_spin_unlock_irqrestore(l, f) spin_unlock_irqrestore(l, f)

#endif
