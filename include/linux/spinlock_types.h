/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/spinlock_types.h: raw_spinlock_t and spinlock_t, as in
 * Linux: the architecture's lock (asm/spinlock.h) and, with
 * CONFIG_DEBUG_SPINLOCK, who holds it, for kernel/locking/spinlock_debug.c.
 */
#ifndef __LINUX_SPINLOCK_TYPES_H
#define __LINUX_SPINLOCK_TYPES_H

#include <asm/spinlock.h>

typedef struct raw_spinlock {
	arch_spinlock_t raw_lock;
#ifdef CONFIG_DEBUG_SPINLOCK
	unsigned int magic, owner_cpu;	/* owner_cpu: -1U when free */
	void *owner;			/* the task_struct holding it */
#endif
} raw_spinlock_t;

#define SPINLOCK_MAGIC		0xdead4ead
#define SPINLOCK_OWNER_INIT	((void *)-1L)

#ifdef CONFIG_DEBUG_SPINLOCK
#define SPIN_DEBUG_INIT(lockname)					\
	.magic = SPINLOCK_MAGIC, .owner_cpu = -1, .owner = SPINLOCK_OWNER_INIT,
#else
#define SPIN_DEBUG_INIT(lockname)
#endif

#define __RAW_SPIN_LOCK_UNLOCKED(lockname)				\
	(raw_spinlock_t) { .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, SPIN_DEBUG_INIT(lockname) }
#define __RAW_SPIN_LOCK_INITIALIZER(lockname)				\
	{ .raw_lock = __ARCH_SPIN_LOCK_UNLOCKED, SPIN_DEBUG_INIT(lockname) }

#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_INITIALIZER(x)

/* spinlock_t: the lock most code uses; here the same as a raw one. */
typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

#define __SPIN_LOCK_INITIALIZER(lockname) { .rlock = __RAW_SPIN_LOCK_INITIALIZER(lockname) }
#define __SPIN_LOCK_UNLOCKED(lockname) (spinlock_t) __SPIN_LOCK_INITIALIZER(lockname)
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_INITIALIZER(x)

#endif
