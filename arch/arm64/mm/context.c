// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/context.c: ASIDs, and loading a user address space into
 * TTBR0 (asm/mmu_context.h).
 *
 * Each mm's TLB entries are tagged with its ASID, so switching processes
 * flushes nothing. ASIDs are handed out in generations, as on Linux: an
 * mm's context_id is (generation << asid_bits) | asid; when a switch finds
 * its generation current, its ASID is still its own. When every ASID of a
 * generation is taken, the next generation starts (a rollover): the bitmap
 * is cleared, the whole local TLB flushed once, and every mm gets a fresh
 * ASID the next time it runs. An mm that dies leaves its ASID taken until
 * then; since the number is not reused before the flush, entries a dead mm
 * left in the TLB can never be hit. ASID 0 is never handed out: it goes
 * with reserved_pg_dir, for kernel threads.
 *
 * One CPU: no per-CPU reserved ASIDs are needed, because at a rollover
 * the only live ASID is the one being switched away from, and TTBR0 is
 * parked on reserved_pg_dir before the flush.
 */
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/mm_types.h>
#include <linux/printk.h>
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
static unsigned long asid_map[(1UL << 16) / BITS_PER_LONG];
static struct asid_allocator live_asids = { .bits = 8, .generation = 1, .map = asid_map, .next = 1 };

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

bool asid_refresh(struct asid_allocator *a, u64 *id)
{
	unsigned long nr = 1UL << a->bits, asid;
	bool rolled = false;

	if (*id && (*id >> a->bits) == a->generation)
		return false;
	asid = find_free(a->map, nr, a->next);
	if (asid == nr)
		asid = find_free(a->map, nr, 1);
	if (asid == nr) {			/* all taken: a new generation */
		a->generation++;
		a->rollovers++;
		memset(a->map, 0, nr / 8);
		a->map[0] = 1;			/* ASID 0: reserved_pg_dir */
		asid = 1;
		rolled = true;
	}
	test_and_set(a->map, asid);
	a->next = asid + 1;
	*id = (a->generation << a->bits) | asid;
	return rolled;
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

void check_and_switch_context(struct mm_struct *mm)
{
	unsigned long flags;

	local_irq_save(flags);
	if (asid_refresh(&live_asids, &mm->context_id)) {
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
	cpu_set_default_tcr_t0sz();

	live_asids.bits = asid_bits;
	live_asids.map[0] = 1;
	pr_info("ASID allocator initialised with %lu entries\n", 1UL << asid_bits);
}
