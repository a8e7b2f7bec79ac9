/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/spinlock.h: the lock under every spinlock_t
 * (include/linux/spinlock.h).
 *
 * A lock is two 16-bit counters in one 32-bit word, `next` and `owner`:
 * free when they are equal. To lock, a CPU waits until the lock is free
 * and then takes it (next++, with ldaxr/stxr on the whole word, which
 * fails if another CPU got there first); to unlock, the holder increments
 * owner with a store-release (stlrh).
 *
 * Not a ticket lock (Linux's arm64 until v4.19: each CPU takes a ticket
 * and waits for its turn) nor a queued one (Linux's since): the CPUs are
 * not served in arrival order. A fair lock hands the lock to one
 * particular waiter, and under QEMU's multi-threaded TCG, with more vCPUs
 * than the host has cores, that waiter's host thread is often not
 * running: every hand-over then waits for the host to schedule it. wfe
 * does not change that: with the vCPUs in parallel, QEMU 7.2 translates
 * wfe and yield as nothing, and a waiter keeps its host thread busy.
 * Measured on 4 vCPUs on a 2-core host (Documentation/arm64/smp.rst,
 * "Why the spinlock is not fair"): 200 fork cycles of
 * test_smp_stress.py's program took 46 to 69 s with a ticket lock with
 * wfe, 42 s with an MCS queued lock, 1.5 to 2.3 s with this one, and the
 * CI's 2000 did not end within 240 s with the ticket lock. Linux makes
 * the same choice for x86 guests whose hypervisor has no paravirt
 * spinlocks: virt_spin_lock() takes a test-and-set lock there, for this
 * reason. The interface (arch_spin_lock and friends) is Linux's.
 *
 * Uncontended, arch_spin_lock is 7 instructions and arch_spin_unlock 3.
 *
 * A waiter sleeps in wfe between looks, as Linux's locks do: its ldaxr
 * armed the exclusive monitor, and the holder's store that frees the
 * lock clears it, which is an event that ends the wfe. Under QEMU, wfe
 * is a yield with -icount (nothing with multi-threaded TCG, above). With
 * -icount (one host thread, the CPUs in turns) a waiter that only
 * re-reads keeps the turn, QEMU 7.2 gives the CPU after it no
 * instructions at all, and if that CPU holds the lock nothing moves again
 * (the smp KUnit suite's spinlock hammer hung there).
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

/*
 * Take the lock when it is free (owner == next): next++ in one
 * ldaxr/stxr. While it is held, wait in wfe until its word is written
 * (see above), then look again.
 */
static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 val, tmp;

	__asm__ volatile(
	"	prfm	pstl1strm, %2\n"
	"1:	ldaxr	%w0, %2\n"
	"	eor	%w1, %w0, %w0, ror #16\n"	/* owner == next: free */
	"	cbz	%w1, 2f\n"
	"	wfe\n"				/* held: until its word changes */
	"	b	1b\n"
	"2:	add	%w0, %w0, #0x10, lsl #12\n"	/* + (1 << 16): next++ */
	"	stxr	%w1, %w0, %2\n"
	"	cbnz	%w1, 1b\n"
	: "=&r"(val), "=&r"(tmp), "+Q"(lock->val)
	:
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
