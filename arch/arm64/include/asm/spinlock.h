/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/spinlock.h: the ticket lock under every
 * spinlock_t (include/linux/spinlock.h).
 *
 * A lock is two 16-bit counters in one 32-bit word: `next`, the ticket
 * the next CPU to arrive will take, and `owner`, the ticket being served.
 * To lock, a CPU atomically takes a ticket (next++, with ldaxr/stxr on the
 * whole word) and waits until owner equals it; to unlock, the holder
 * increments owner with a store-release (stlrh). CPUs are served in the
 * order they arrived, so no CPU starves. A waiter sleeps in `wfe`: its
 * ldaxrh of owner arms the exclusive monitor, and the unlocking store to
 * that line clears it, which is an event that ends the wfe.
 *
 * Linux's arm64 used this design until v4.19 and now uses the generic
 * queued spinlock; the interface (arch_spin_lock and friends) is the same.
 */
#ifndef __ASM_SPINLOCK_H
#define __ASM_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>

typedef struct {
	union {
		u32 val;
		struct {	/* little-endian: owner is the low half */
			u16 owner;
			u16 next;
		} tickets;
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { { 0 } }

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 mine, newval, tmp;

	__asm__ volatile(
	/* Take a ticket: next++, keeping the whole old word in `mine`. */
	"	prfm	pstl1strm, %3\n"
	"1:	ldaxr	%w0, %3\n"
	"	add	%w1, %w0, #0x10, lsl #12\n"	/* + (1 << 16): next++ */
	"	stxr	%w2, %w1, %3\n"
	"	cbnz	%w2, 1b\n"
	/* Served at once if our ticket (mine.next) is the owner. */
	"	eor	%w1, %w0, %w0, ror #16\n"
	"	cbz	%w1, 3f\n"
	/* Otherwise sleep until the owner half changes to our ticket. */
	"	sevl\n"
	"2:	wfe\n"
	"	ldaxrh	%w2, %4\n"
	"	eor	%w1, %w2, %w0, lsr #16\n"
	"	cbnz	%w1, 2b\n"
	"3:\n"
	: "=&r"(mine), "=&r"(newval), "=&r"(tmp), "+Q"(lock->val)
	: "Q"(lock->tickets.owner)
	: "memory");
}

/* 1 if the lock was free and is now ours, 0 (at once) if it is held. */
static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 val, busy;

	__asm__ volatile(
	"	prfm	pstl1strm, %2\n"
	"1:	ldaxr	%w0, %2\n"
	"	eor	%w1, %w0, %w0, ror #16\n"	/* owner != next: held */
	"	cbnz	%w1, 2f\n"
	"	add	%w0, %w0, #0x10, lsl #12\n"
	"	stxr	%w1, %w0, %2\n"
	"	cbnz	%w1, 1b\n"
	"2:\n"
	: "=&r"(val), "=&r"(busy), "+Q"(lock->val)
	:
	: "memory");
	return !busy;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	u32 owner;

	/* Only the holder writes owner: a plain load is enough. */
	__asm__ volatile(
	"	ldrh	%w0, %1\n"
	"	add	%w0, %w0, #1\n"
	"	stlrh	%w0, %1\n"
	: "=&r"(owner), "+Q"(lock->tickets.owner)
	:
	: "memory");
}

static inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
	arch_spinlock_t v = { { READ_ONCE(lock->val) } };

	return v.tickets.owner != v.tickets.next;
}

#endif
