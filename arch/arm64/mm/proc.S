/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/mm/proc.S: processor set-up for turning the MMU on, called from
 * head.S (primary_entry) with the MMU off. Follows Linux v5.15's
 * arch/arm64/mm/proc.S (__cpu_setup, idmap_cpu_replace_ttbr1); the
 * differences are listed in Documentation/arm64/head.rst. Like Linux, it
 * lives in .idmap.text so it can also run from the identity map.
 */

#include <linux/linkage.h>
#include <asm/assembler.h>
#include <asm/memory.h>
#include <asm/pgtable-hwdef.h>
#include <asm/sysreg.h>

/*
 * MAIR_EL1: the memory types page-table entries select by AttrIndx, with
 * v5.15's indices (asm/memory.h: MT_NORMAL 0, MT_NORMAL_TAGGED 1,
 * MT_NORMAL_NC 2, MT_DEVICE_nGnRnE 3, MT_DEVICE_nGnRE 4). As in v5.15,
 * MT_NORMAL_TAGGED starts as plain Normal memory; v5.15 turns it into
 * Tagged Normal when the CPU has MTE, headstart never does.
 */
#define MAIR_EL1_SET							\
	(MAIR_ATTRIDX(MAIR_ATTR_DEVICE_nGnRnE, MT_DEVICE_nGnRnE) |	\
	 MAIR_ATTRIDX(MAIR_ATTR_DEVICE_nGnRE, MT_DEVICE_nGnRE) |	\
	 MAIR_ATTRIDX(MAIR_ATTR_NORMAL_NC, MT_NORMAL_NC) |		\
	 MAIR_ATTRIDX(MAIR_ATTR_NORMAL, MT_NORMAL) |			\
	 MAIR_ATTRIDX(MAIR_ATTR_NORMAL, MT_NORMAL_TAGGED))

	.pushsection ".idmap.text", "ax"
/*
 * __cpu_setup
 *
 * Initialise the processor for turning the MMU on: local TLB invalidated,
 * FP/SIMD not trapped, debug state reset, MAIR and TCR set.
 * TCR: 4 KiB granule for TTBR0 and TTBR1, write-back cacheable inner
 * shareable walks, T1SZ from VA_BITS, T0SZ from idmap_t0sz (head.S), the
 * top byte of user (TTBR0) addresses ignored (TBI0: Linux's tagged
 * pointers), and IPS, the output address size, from what the CPU
 * implements. C changes TCR once more, in asid_init()
 * (arch/arm64/mm/context.c): T0SZ becomes VA_BITS for user space, A1 stays
 * 0 (the ASID is in TTBR0; v5.15 sets A1 here and keeps it in TTBR1) and AS
 * (v5.15's TCR_ASID16, set here unconditionally) only if the CPU has
 * 16-bit ASIDs.
 *
 * Returns:	x0 = the SCTLR_EL1 value to write (in __enable_mmu)
 * Corrupts:	x1, x5, x6, x9, x10, x17
 */
SYM_FUNC_START(__cpu_setup)
	tlbi	vmalle1				// Invalidate local TLB
	dsb	nsh

	mov	x1, #CPACR_EL1_FPEN
	msr	cpacr_el1, x1			// Enable FP/ASIMD
	mov	x1, #MDSCR_EL1_TDCC		// Reset mdscr_el1 and disable
	msr	mdscr_el1, x1			// access to the DCC from EL0
	isb
	msr	oslar_el1, xzr			// clear the OS lock (debug state
						// stays masked: PSTATE.D is set)

	/*
	 * Memory region attributes and the translation control register.
	 */
	mov_q	x17, MAIR_EL1_SET
	mov_q	x10, TCR_TxSZ(VA_BITS) | TCR_CACHE_FLAGS | TCR_SMP_FLAGS | \
			TCR_TG_FLAGS | TCR_TBI0
	ldr_l	x9, idmap_t0sz			// may be wider than VA_BITS
	tcr_set_t0sz x10, x9
	tcr_compute_pa_size x10, #TCR_IPS_SHIFT, x5, x6

	msr	mair_el1, x17
	msr	tcr_el1, x10
	isb

	mov_q	x0, INIT_SCTLR_EL1_MMU_ON
	ret					// return to head.S
SYM_FUNC_END(__cpu_setup)
	.popsection

	.pushsection ".idmap.text", "ax"
/*
 * void idmap_cpu_replace_ttbr1(phys_addr_t ttbr1)
 *
 * Point TTBR1_EL1 at new tables with break-before-make for the whole
 * TTBR1 space: first reserved_pg_dir (every entry invalid), then a local
 * TLB invalidation, then the new tables. Runs from the identity map
 * (TTBR0), called by its physical address from cpu_replace_ttbr1()
 * (arch/arm64/mm/mmu.c) with exceptions masked: nothing in TTBR1, not
 * even the stack, may be touched until it returns.
 *	x0 = physical address of the new TTBR1 table
 * Corrupts: x1
 */
SYM_FUNC_START(idmap_cpu_replace_ttbr1)
	adrp	x1, reserved_pg_dir		// running at the PA: so is this
	msr	ttbr1_el1, x1			// break: nothing mapped in TTBR1
	isb
	tlbi	vmalle1				// forget the old translations
	dsb	nsh
	isb
	msr	ttbr1_el1, x0			// make: the new tables
	isb
	ret					// to the caller, in TTBR1 again
SYM_FUNC_END(idmap_cpu_replace_ttbr1)
	.popsection
