// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/context.c: ASIDs, and loading a user address space into
 * TTBR0 (asm/mmu_context.h), on every CPU, as Linux v5.15 does it.
 *
 * Each mm's TLB entries are tagged with its ASID, so switching processes
 * flushes nothing. ASIDs are handed out in generations: an mm's context_id
 * is (generation << asid_bits) | asid; when a switch finds its generation
 * current, its ASID is still its own. When every ASID of a generation is
 * taken, the next generation starts (a rollover, flush_context): the
 * bitmap is cleared and every mm gets a fresh ASID the next time it runs,
 * except the ones some CPU is running right now. Those are
 *
 *   active_asids[cpu]    what each CPU runs; a CPU that switches to an mm
 *                        of the current generation just records it here
 *                        (a cmpxchg, no lock: the fast path);
 *   reserved_asids[cpu]  at a rollover, each CPU's active ASID (or, if the
 *                        CPU was itself between two switches, the one it
 *                        had reserved before) is kept: its bit is set in
 *                        the new generation's bitmap, and the mm that owns
 *                        it gets the same number back in the new
 *                        generation, since that CPU may still be using it.
 *
 * A rollover also marks every CPU in tlb_flush_pending: each flushes its
 * whole local TLB (tlbi vmalle1) the next time it takes the lock to
 * switch, before running any ASID of the new generation, so entries from
 * the old one can never be hit. An mm that dies leaves its ASID taken
 * until the next rollover, for the same reason. ASID 0 is never handed
 * out: it goes with reserved_pg_dir, for kernel threads and idle.
 *
 * Locking: the allocator's lock (Linux's cpu_asid_lock, raw, interrupts
 * masked) guards the bitmap, the generation, reserved_asids and
 * tlb_flush_pending, and every write of an mm's context_id; the fast path
 * reads context_id and swaps active_asids[cpu] with a cmpxchg that a
 * concurrent rollover's xchg (to 0) makes fail, sending it to the slow
 * path. Threads of one mm may switch to it on several CPUs at once.
 *
 * The state is in struct asid_allocator so that KUnit (context_kunit.c)
 * can drive a small one for several pretend CPUs. `test.asid_bits=N`
 * (2..asid_bits, test-only, like test.crash=) makes the live allocator
 * use N bits (at least enough for every CPU to hold one with one to
 * spare), so rollovers come every few new mms; it then says when the
 * first one happens. The SMP stress test boots with it.
 */
#include <linux/atomic.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/sysreg.h>

#define BITS_PER_LONG 64
#define ID_AA64MMFR0_EL1_ASIDBITS_SHIFT 4
#define TCR_T0SZ_MASK 0x3fUL
#define TCR_EPD0 BIT(7)
#define TCR_A1 BIT(22)

unsigned int asid_bits __ro_after_init = 8;
static unsigned int test_asid_bits;	/* test.asid_bits=: 0, or a smaller width */
static unsigned long asid_map[(1UL << 16) / BITS_PER_LONG];
static atomic64_t live_active[NR_CPUS];
static u64 live_reserved[NR_CPUS];
static struct asid_allocator live_asids = {
	.bits = 8, .generation = 1, .map = asid_map, .next = 1, .nr_cpus = NR_CPUS,
	.active_asids = live_active, .reserved_asids = live_reserved,
	.lock = __RAW_SPIN_LOCK_INITIALIZER(live_asids.lock),
};

static int __init test_asid_bits_setup(char *arg)
{
	char *end;
	unsigned long long n = arg ? simple_strtoull(arg, &end, 0) : 0;

	if (!arg || *end || n < 2 || n > 16) {
		pr_err("test.asid_bits=%s: want 2..16\n", arg ? arg : "");
		return 0;
	}
	test_asid_bits = n;
	return 0;
}
__setup("test.asid_bits=", test_asid_bits_setup);

static bool test_and_set(unsigned long *map, unsigned long n)
{
	unsigned long bit = 1UL << (n % BITS_PER_LONG);
	bool was = map[n / BITS_PER_LONG] & bit;

	map[n / BITS_PER_LONG] |= bit;
	return was;
}

/* The first clear bit in [from, nr), or nr. */
static unsigned long find_free(const unsigned long *map, unsigned long nr, unsigned long from)
{
	for (unsigned long n = from; n < nr; n++) {
		unsigned long word = map[n / BITS_PER_LONG];

		if (word == ~0UL) {		/* skip a full word */
			n |= BITS_PER_LONG - 1;
			continue;
		}
		if (!(word & (1UL << (n % BITS_PER_LONG))))
			return n;
	}
	return nr;
}

static bool generation_current(struct asid_allocator *a, u64 id)
{
	return id && (id >> a->bits) == READ_ONCE(a->generation);
}

/*
 * The lock held. A new generation: the bitmap holds only what each CPU
 * runs (or had reserved, if it is between switches), and every CPU must
 * flush its TLB before it uses an ASID of the new generation.
 */
static void flush_context(struct asid_allocator *a)
{
	unsigned long mask = (1UL << a->bits) - 1;

	memset(a->map, 0, (1UL << a->bits) / 8 ?: sizeof(long));
	a->map[0] = 1;				/* ASID 0: reserved_pg_dir */
	for (unsigned int cpu = 0; cpu < a->nr_cpus; cpu++) {
		u64 id = arch_atomic64_xchg(&a->active_asids[cpu], 0);

		if (!id)
			id = a->reserved_asids[cpu];
		test_and_set(a->map, id & mask);
		a->reserved_asids[cpu] = id;
	}
	a->flush_pending = a->nr_cpus >= BITS_PER_LONG ? ~0UL : (1UL << a->nr_cpus) - 1;
}

/* The lock held. Is id reserved by some CPU? Then it moves to newid on all. */
static bool check_update_reserved_asid(struct asid_allocator *a, u64 id, u64 newid)
{
	bool hit = false;

	for (unsigned int cpu = 0; cpu < a->nr_cpus; cpu++) {
		if (a->reserved_asids[cpu] == id) {
			hit = true;
			a->reserved_asids[cpu] = newid;
		}
	}
	return hit;
}

/* The lock held. An id of the current generation for the mm that had id. */
static u64 new_context(struct asid_allocator *a, u64 id)
{
	unsigned long nr = 1UL << a->bits, mask = nr - 1, asid;

	if (id) {
		u64 newid = (a->generation << a->bits) | (id & mask);

		/* Running somewhere at the rollover: it keeps its number. */
		if (check_update_reserved_asid(a, id, newid))
			return newid;
		/* Its old number is free in this generation: take it again. */
		if (!test_and_set(a->map, id & mask))
			return newid;
	}
	asid = find_free(a->map, nr, a->next);
	if (asid == nr)
		asid = find_free(a->map, nr, 1);
	if (asid == nr) {			/* all taken: a new generation */
		WRITE_ONCE(a->generation, a->generation + 1);
		a->rollovers++;
		flush_context(a);
		if (a == &live_asids && test_asid_bits && a->rollovers == 1)
			pr_info("ASID: first rollover, generation %llu (test.asid_bits=%u)\n",
				a->generation, test_asid_bits);
		asid = find_free(a->map, nr, 1);	/* there is one: nr_cpus < nr - 1 */
	}
	test_and_set(a->map, asid);
	a->next = asid + 1;
	return (a->generation << a->bits) | asid;
}

bool asid_check_and_switch(struct asid_allocator *a, u64 *id, unsigned int cpu)
{
	u64 cur = READ_ONCE(*id), old_active = arch_atomic_read(&a->active_asids[cpu]);
	unsigned long flags;
	bool flush = false;

	/*
	 * The fast path: a current id, and no rollover since this CPU last
	 * switched (which would have zeroed its active ASID: the cmpxchg
	 * fails then, and the id is looked at again under the lock).
	 */
	if (old_active && generation_current(a, cur) &&
	    arch_atomic64_cmpxchg(&a->active_asids[cpu], old_active, cur) == (s64)old_active)
		return false;

	raw_spin_lock_irqsave(&a->lock, flags);
	cur = READ_ONCE(*id);
	if (!generation_current(a, cur)) {
		cur = new_context(a, cur);
		WRITE_ONCE(*id, cur);
	}
	if (a->flush_pending & (1UL << cpu)) {
		a->flush_pending &= ~(1UL << cpu);
		flush = true;
	}
	arch_atomic_set(&a->active_asids[cpu], cur);
	raw_spin_unlock_irqrestore(&a->lock, flags);
	return flush;
}

static void local_flush_tlb_all(void)
{
	dsb(nshst);
	__asm__ volatile("tlbi vmalle1" : : : "memory");
	dsb(nsh);
	isb();
}

void cpu_set_reserved_ttbr0(void)
{
	write_sysreg(__pa_symbol(reserved_pg_dir), ttbr0_el1);	/* ASID 0 */
	isb();
}

/*
 * Interrupts masked by the caller or here: this CPU's TTBR0 and its entry
 * in active_asids must agree. A flush owed since a rollover is done before
 * the new ASID is loaded, with TTBR0 parked on reserved_pg_dir.
 */
void check_and_switch_context(struct mm_struct *mm)
{
	unsigned long flags;

	local_irq_save(flags);
	if (asid_check_and_switch(&live_asids, &mm->context_id, smp_processor_id())) {
		cpu_set_reserved_ttbr0();
		local_flush_tlb_all();
	}
	write_sysreg(__pa(mm->pgd) | (ASID(mm) << 48), ttbr0_el1);
	isb();
	local_irq_restore(flags);
}

void flush_tlb_page(struct mm_struct *mm, unsigned long uaddr)
{
	dsb(ishst);		/* the table update first */
	__asm__ volatile("tlbi vae1is, %0"
			 : : "r"((ASID(mm) << 48) | ((uaddr >> PAGE_SHIFT) & GENMASK(43, 0)))
			 : "memory");
	dsb(ish);
	isb();
}

void flush_tlb_mm(struct mm_struct *mm)
{
	dsb(ishst);
	__asm__ volatile("tlbi aside1is, %0" : : "r"(ASID(mm) << 48) : "memory");
	dsb(ish);
	isb();
}

/*
 * TCR_EL1 for user space: T0SZ = VA_BITS (the identity map may have used
 * more), walks through TTBR0 on, the ASID taken from TTBR0 (A1 = 0), and
 * 16-bit ASIDs where the CPU has them (AS).
 */
/*
 * TCR_EL1 for user space: T0SZ from VA_BITS (head.S may have widened it
 * for the identity map), walks of TTBR0 on, the ASID in TTBR0 and
 * 16 bits wide if the CPU has them. Every CPU, the boot CPU from
 * asid_init, the others from secondary_start_kernel.
 */
void cpu_set_default_tcr_t0sz(void)
{
	u64 tcr = read_sysreg(tcr_el1);

	tcr &= ~(TCR_T0SZ_MASK | TCR_EPD0 | TCR_A1 | TCR_AS);
	tcr |= TCR_T0SZ(VA_BITS);
	if (asid_bits == 16)
		tcr |= TCR_AS;
	cpu_set_reserved_ttbr0();
	write_sysreg(tcr, tcr_el1);
	isb();
	local_flush_tlb_all();		/* TCR fields may be held in the TLB */
}

void __init asid_init(void)
{
	u64 mmfr0 = read_sysreg(id_aa64mmfr0_el1);

	if (((mmfr0 >> ID_AA64MMFR0_EL1_ASIDBITS_SHIFT) & 0xf) == 2)
		asid_bits = 16;
	cpu_set_default_tcr_t0sz();	/* TCR_EL1.AS from the hardware's width */
	/* The test knob: fewer ASIDs than the hardware has, never more. */
	if (test_asid_bits && test_asid_bits < asid_bits)
		asid_bits = test_asid_bits;
	/* Every CPU must fit in the bitmap with one ASID to spare. */
	while ((1UL << asid_bits) - 1 <= nr_cpu_ids)
		asid_bits++;

	live_asids.bits = asid_bits;
	live_asids.nr_cpus = nr_cpu_ids;
	live_asids.map[0] = 1;
	pr_info("ASID allocator initialised with %lu entries\n", 1UL << asid_bits);
}
