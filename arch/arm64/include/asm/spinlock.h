/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/spinlock.h: the lock under every spinlock_t
 * (include/linux/spinlock.h), in one of two kinds chosen at build time.
 *
 * A lock is two 16-bit counters in one 32-bit word, `next` and `owner`:
 * free when they are equal. Both kinds take the lock by next++ (ldaxr/stxr
 * on the whole word) and release it by owner++ (a store-release, stlrh),
 * so trylock, unlock and is_locked are the same code; they differ in when
 * a CPU may do its next++:
 *
 *  - test-and-set (the default): only when the lock is free, so the CPUs
 *    are not served in arrival order: whichever CPU's stxr lands first
 *    after a release takes it.
 *  - ticket (CONFIG_TICKET_SPINLOCKS, Linux's arm64 lock until v4.19): at
 *    once, the old next being the CPU's ticket; it then waits until owner
 *    reaches its ticket. First come, first served: no waiter is overtaken
 *    by more than the CPUs ahead of it.
 *
 * Why test-and-set is the default: a fair lock hands the lock to one
 * particular waiter, and under QEMU's multi-threaded TCG, with more vCPUs
 * than the host has cores, that waiter's host thread is often not
 * running: every hand-over then waits for the host to schedule it. wfe
 * does not change that: with the vCPUs in parallel, QEMU 7.2 translates
 * wfe and yield as nothing, and a waiter keeps its host thread busy.
 * Measured on 4 vCPUs on a 2-core host (Documentation/arm64/smp.rst,
 * "Why the spinlock is not fair"): 200 fork cycles of
 * test_smp_stress.py's program took 46 to 69 s with the ticket lock, 42 s
 * with an MCS queued lock, 1.5 to 2.3 s with test-and-set, and the CI's
 * 2000 did not end within 240 s with the ticket lock. Linux makes the
 * same choice for x86 guests whose hypervisor has no paravirt spinlocks:
 * virt_spin_lock() takes a test-and-set lock there, for this reason. On
 * hardware, under KVM, or under QEMU with at least as many host cores as
 * vCPUs, nothing is descheduled and the ticket lock is the better one.
 * The interface (arch_spin_lock and friends) is Linux's.
 *
 * Uncontended, arch_spin_lock is 7 instructions with either kind and
 * arch_spin_unlock 3.
 *
 * A waiter sleeps in wfe between looks, as Linux's locks do: its ldaxr
 * (ldaxrh for the ticket lock's owner) armed the exclusive monitor, and
 * the store that frees the lock clears it, which is an event that ends
 * the wfe. Under QEMU, wfe is a yield with -icount (nothing with
 * multi-threaded TCG, above). With -icount (one host thread, the CPUs in
 * turns) a waiter that only re-reads keeps the turn, QEMU 7.2 gives the
 * CPU after it no instructions at all, and if that CPU holds the lock
 * nothing moves again (the smp KUnit suite's spinlock hammer hung there).
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

#ifdef CONFIG_TICKET_SPINLOCKS
/*
 * Take a ticket (the old next) with next++ in one ldaxr/stxr, whatever the
 * lock's state. Ours at once if owner was our ticket; else wait in wfe,
 * re-reading owner with ldaxrh (which arms the monitor: the holder's
 * stlrh to owner ends the wfe), until it is. sevl first sets this CPU's
 * event register so that the first wfe falls through to the first look:
 * an unlock between the stxr and the ldaxrh armed nothing.
 */
static inline void arch_spin_lock(arch_spinlock_t *lock)
{
	u32 val, tmp, owner;

	/* val: the word as we found it (our ticket in its top half) */
	__asm__ volatile(
	"	prfm	pstl1strm, %3\n"
	"1:	ldaxr	%w0, %3\n"
	"	add	%w1, %w0, #0x10, lsl #12\n"	/* + (1 << 16): next++ */
	"	stxr	%w2, %w1, %3\n"
	"	cbnz	%w2, 1b\n"
	"	eor	%w1, %w0, %w0, ror #16\n"	/* owner == our ticket */
	"	cbz	%w1, 3f\n"
	"	sevl\n"
	"2:	wfe\n"
	"	ldaxrh	%w2, %4\n"			/* owner, now */
	"	eor	%w1, %w2, %w0, lsr #16\n"	/* ... == our ticket? */
	"	cbnz	%w1, 2b\n"
	"3:\n"
	: "=&r"(val), "=&r"(tmp), "=&r"(owner), "+Q"(lock->val)
	: "Q"(lock->tickets.owner)
	: "memory");
}
#else
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
#endif

/*
 * 1 if the lock was free and is now ours, 0 (at once) if it is held or,
 * for the ticket lock, has waiters: both kinds take it only when free.
 */
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
