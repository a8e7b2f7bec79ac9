/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/el2_setup.h: init_el2_state, the macro
 * init_kernel_el (head.S) runs when the CPU enters at EL2, before it sets
 * up the hyp stub and drops to EL1. One small macro per piece of EL2 state,
 * with v5.15's names and order; each leaves EL1 free to use what it
 * configures (counters, timers, PMU, GICv3 system registers) without
 * trapping to EL2. Assembly only.
 *
 * v5.15 also has __init_el2_fgt (fine-grained traps, ARMv8.6) and sets up
 * the statistical profiling and trace buffer units in __init_el2_debug:
 * headstart drives none of these, see the difference table in
 * Documentation/arm64/head.rst.
 *
 * Corrupts x0, x1, x2.
 */
#ifndef __ASM_EL2_SETUP_H
#define __ASM_EL2_SETUP_H

#ifndef __ASSEMBLY__
#error "asm/el2_setup.h is for assembly files only"
#endif

#include <asm/kvm_arm.h>
#include <asm/sysreg.h>

/* EL2's own MMU off, little-endian. */
.macro __init_el2_sctlr
	mov_q	x0, INIT_SCTLR_EL2_MMU_OFF
	msr	sctlr_el2, x0
	isb
.endm

/* EL1 may use the physical counter and timer; virtual counter = physical. */
.macro __init_el2_timers
	mov	x0, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr
.endm

/*
 * Debug and PMU: no debug traps to EL2, and every PMU event counter
 * (PMCR_EL0.N of them) belongs to EL1. PMUVer is a signed field: 0 is no
 * PMU, 0xf (-1) an IMPLEMENTATION DEFINED one; both leave HPMN at 0.
 */
.macro __init_el2_debug
	mrs	x1, id_aa64dfr0_el1
	sbfx	x0, x1, #ID_AA64DFR0_EL1_PMUVER_SHIFT, #4
	cmp	x0, #1
	b.lt	.Lskip_pmu_\@			// no architected PMU
	mrs	x0, pmcr_el0
	ubfx	x0, x0, #11, #5			// PMCR_EL0.N
.Lskip_pmu_\@:
	csel	x2, xzr, x0, lt			// MDCR_EL2.HPMN = N, or 0
	msr	mdcr_el2, x2
.endm

/* LORegions (ARMv8.1): disabled, if the CPU has them. */
.macro __init_el2_lor
	mrs	x1, id_aa64mmfr1_el1
	ubfx	x0, x1, #ID_AA64MMFR1_EL1_LO_SHIFT, #4
	cbz	x0, .Lskip_lor_\@
	msr	SYS_LORC_EL1, xzr
.Lskip_lor_\@:
.endm

/* No stage 2 translation. */
.macro __init_el2_stage2
	msr	vttbr_el2, xzr
.endm

/*
 * GICv3 CPU interface: system registers usable at EL2 and from EL1, no
 * virtual CPU interface. Skipped without the system register interface
 * (a GICv2), or if SRE does not stick (a GIC that only has the memory-
 * mapped interface).
 */
.macro __init_el2_gicv3
	mrs	x0, id_aa64pfr0_el1
	ubfx	x0, x0, #ID_AA64PFR0_EL1_GIC_SHIFT, #4
	cbz	x0, .Lskip_gicv3_\@
	mrs	x0, icc_sre_el2
	orr	x0, x0, #ICC_SRE_EL2_SRE	// system registers at EL2
	orr	x0, x0, #ICC_SRE_EL2_ENABLE	// and EL1 may enable them
	msr	icc_sre_el2, x0
	isb
	mrs	x0, icc_sre_el2			// did SRE stick?
	tbz	x0, #0, .Lskip_gicv3_\@
	msr	ich_hcr_el2, xzr		// no virtual CPU interface
.Lskip_gicv3_\@:
.endm

/* No AArch32 CP15 traps. */
.macro __init_el2_hstr
	msr	hstr_el2, xzr
.endm

/* EL1 reads the real CPU's MIDR and MPIDR. */
.macro __init_el2_nvhe_idregs
	mrs	x0, midr_el1
	mrs	x1, mpidr_el1
	msr	vpidr_el2, x0
	msr	vmpidr_el2, x1
.endm

/* FP/SIMD not trapped to EL2; SVE trapped (until __init_el2_nvhe_sve). */
.macro __init_el2_nvhe_cptr
	mov	x0, #(CPTR_NVHE_EL2_RES1 | CPTR_EL2_TZ)
	msr	cptr_el2, x0
.endm

/* With SVE: not trapped to EL2, and EL1 may use the full vector length. */
.macro __init_el2_nvhe_sve
	mrs	x1, id_aa64pfr0_el1
	ubfx	x1, x1, #ID_AA64PFR0_EL1_SVE_SHIFT, #4
	cbz	x1, .Lskip_sve_\@
	bic	x0, x0, #CPTR_EL2_TZ		// x0: CPTR_EL2 from __init_el2_nvhe_cptr
	msr	cptr_el2, x0
	isb
	mov	x1, #ZCR_ELx_LEN_MASK
	msr	SYS_ZCR_EL2, x1
.Lskip_sve_\@:
.endm

/* The eret from EL2 lands at EL1h with DAIF masked. */
.macro __init_el2_nvhe_prepare_eret
	mov	x0, #INIT_PSTATE_EL1
	msr	spsr_el2, x0
.endm

.macro init_el2_state
	__init_el2_sctlr
	__init_el2_timers
	__init_el2_debug
	__init_el2_lor
	__init_el2_stage2
	__init_el2_gicv3
	__init_el2_hstr
	__init_el2_nvhe_idregs
	__init_el2_nvhe_cptr
	__init_el2_nvhe_sve
	__init_el2_nvhe_prepare_eret
.endm

#endif
