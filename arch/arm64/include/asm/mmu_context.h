/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/mmu_context.h: putting a user address space in
 * TTBR0 (arch/arm64/mm/context.c). TTBR0_EL1 holds the table base and,
 * in bits 63:48, the ASID (TCR_EL1.A1 = 0), so one write switches both;
 * TLB entries of user pages are non-global and tagged with the ASID, so
 * nothing needs flushing on a switch. Kernel threads and the idle task run
 * with reserved_pg_dir (nothing mapped) and ASID 0, which no mm gets.
 */
#ifndef __ASM_MMU_CONTEXT_H
#define __ASM_MMU_CONTEXT_H

#include <linux/atomic.h>
#include <linux/spinlock_types.h>
#include <linux/types.h>

struct mm_struct;

/* Boot: ASID width from ID_AA64MMFR0_EL1, TCR_EL1.AS and T0SZ for user space. */
void asid_init(void);
extern unsigned int asid_bits;

/* Give mm a live ASID (a new one after a rollover) and load TTBR0 with it. */
void check_and_switch_context(struct mm_struct *mm);
/* TTBR0 = reserved_pg_dir, ASID 0: no user mappings. */
void cpu_set_reserved_ttbr0(void);
/* TTBR0 off the identity map (head.S's), onto reserved_pg_dir (mmu.c). */
void cpu_uninstall_idmap(void);
/* This CPU's TCR_EL1 for user space, as asid_init set the boot CPU's. */
void cpu_set_default_tcr_t0sz(void);

static inline void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	if (next)
		check_and_switch_context(next);
	else if (prev)
		cpu_set_reserved_ttbr0();
}

/* The ASID mm's TLB entries carry (valid while its generation is current). */
#define ASID(mm) ((mm)->context_id & ((1UL << asid_bits) - 1))

/* Invalidate one user page of mm, or all of mm's entries, on every CPU (inner shareable). */
void flush_tlb_page(struct mm_struct *mm, unsigned long uaddr);
void flush_tlb_mm(struct mm_struct *mm);

/*
 * The allocator's state (context.c), separate so that KUnit can run a
 * small one for pretend CPUs (context_kunit.c) without touching the live
 * ASIDs. Arrays of nr_cpus entries, indexed by CPU number.
 */
struct asid_allocator {
	unsigned int bits;		/* ASID width: 8 or 16 (fewer: test.asid_bits=) */
	unsigned int nr_cpus;		/* CPUs it serves (< 2^bits - 1) */
	u64 generation;			/* in units of 1 << bits */
	unsigned long *map;		/* bit n: ASID n used this generation */
	unsigned long next;		/* where to search from */
	unsigned long rollovers;
	atomic64_t *active_asids;	/* [cpu]: the id it runs; 0 after a rollover */
	u64 *reserved_asids;		/* [cpu]: the id it ran at the last rollover */
	unsigned long flush_pending;	/* bit cpu: flush its TLB before its next ASID */
	raw_spinlock_t lock;		/* the live one is Linux's cpu_asid_lock */
};
/*
 * cpu switches to the mm whose context_id is *id (generation | asid): *id
 * is made current (kept, or a fresh ASID, or after a rollover the same
 * number if some CPU was running it) and recorded as cpu's active ASID.
 * Returns true if cpu must flush its whole local TLB before using it.
 */
bool asid_check_and_switch(struct asid_allocator *a, u64 *id, unsigned int cpu);

#endif
