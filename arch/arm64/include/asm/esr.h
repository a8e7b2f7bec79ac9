/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/esr.h: the Exception Syndrome Register (ESR_EL1),
 * which says why a synchronous exception or SError was taken. Field names
 * follow the Arm ARM (D17.2.37 ESR_EL1) and Linux's ESR_ELx_* macros.
 *
 *   63    56 55  32 31   26 25 24                                 0
 *  +--------+------+-------+--+------------------------------------+
 *  |  RES0  | ISS2 |  EC   |IL|                ISS                 |
 *  +--------+------+-------+--+------------------------------------+
 *
 * The decoder (arch/arm64/kernel/esr.c) turns these into the words an oops
 * prints; it is also built on the host by tools/testing/unit/esr_test.c.
 */
#ifndef __ASM_ESR_H
#define __ASM_ESR_H

#include <linux/const.h>

/* Exception classes (ESR_ELx.EC, bits 31:26). */
#define ESR_ELx_EC_UNKNOWN	0x00	/* also: undefined instructions */
#define ESR_ELx_EC_WFx		0x01
#define ESR_ELx_EC_CP15_32	0x03
#define ESR_ELx_EC_CP15_64	0x04
#define ESR_ELx_EC_CP14_MR	0x05
#define ESR_ELx_EC_CP14_LS	0x06
#define ESR_ELx_EC_FP_ASIMD	0x07
#define ESR_ELx_EC_CP10_ID	0x08
#define ESR_ELx_EC_PAC		0x09
#define ESR_ELx_EC_CP14_64	0x0c
#define ESR_ELx_EC_BTI		0x0d
#define ESR_ELx_EC_ILL		0x0e
#define ESR_ELx_EC_SVC32	0x11
#define ESR_ELx_EC_HVC32	0x12
#define ESR_ELx_EC_SMC32	0x13
#define ESR_ELx_EC_SVC64	0x15
#define ESR_ELx_EC_HVC64	0x16
#define ESR_ELx_EC_SMC64	0x17
#define ESR_ELx_EC_SYS64	0x18
#define ESR_ELx_EC_SVE		0x19
#define ESR_ELx_EC_ERET		0x1a
#define ESR_ELx_EC_FPAC		0x1c
#define ESR_ELx_EC_SME		0x1d
#define ESR_ELx_EC_IMP_DEF	0x1f
#define ESR_ELx_EC_IABT_LOW	0x20
#define ESR_ELx_EC_IABT_CUR	0x21
#define ESR_ELx_EC_PC_ALIGN	0x22
#define ESR_ELx_EC_DABT_LOW	0x24
#define ESR_ELx_EC_DABT_CUR	0x25
#define ESR_ELx_EC_SP_ALIGN	0x26
#define ESR_ELx_EC_FP_EXC32	0x28
#define ESR_ELx_EC_FP_EXC64	0x2c
#define ESR_ELx_EC_SERROR	0x2f
#define ESR_ELx_EC_BREAKPT_LOW	0x30
#define ESR_ELx_EC_BREAKPT_CUR	0x31
#define ESR_ELx_EC_SOFTSTP_LOW	0x32
#define ESR_ELx_EC_SOFTSTP_CUR	0x33
#define ESR_ELx_EC_WATCHPT_LOW	0x34
#define ESR_ELx_EC_WATCHPT_CUR	0x35
#define ESR_ELx_EC_BKPT32	0x38
#define ESR_ELx_EC_VECTOR32	0x3a
#define ESR_ELx_EC_BRK64	0x3c
#define ESR_ELx_EC_MAX		0x3f

#define ESR_ELx_EC_SHIFT	26
#define ESR_ELx_EC_WIDTH	6
#define ESR_ELx_EC_MASK		(UL(0x3f) << ESR_ELx_EC_SHIFT)
#define ESR_ELx_EC(esr)		(((esr) & ESR_ELx_EC_MASK) >> ESR_ELx_EC_SHIFT)

#define ESR_ELx_IL_SHIFT	25
#define ESR_ELx_IL		(UL(1) << ESR_ELx_IL_SHIFT)	/* 32-bit instruction */
#define ESR_ELx_ISS_MASK	(GENMASK(24, 0))
#define ESR_ELx_ISS(esr)	((esr) & ESR_ELx_ISS_MASK)

/* ISS of data and instruction aborts (EC 0x20, 0x21, 0x24, 0x25). */
#define ESR_ELx_ISV_SHIFT	24
#define ESR_ELx_ISV		(UL(1) << ESR_ELx_ISV_SHIFT)	/* SAS..AR valid */
#define ESR_ELx_SAS_SHIFT	22
#define ESR_ELx_SAS		(UL(3) << ESR_ELx_SAS_SHIFT)	/* access size */
#define ESR_ELx_SSE_SHIFT	21
#define ESR_ELx_SSE		(UL(1) << ESR_ELx_SSE_SHIFT)	/* sign extended */
#define ESR_ELx_SRT_SHIFT	16
#define ESR_ELx_SRT_MASK	(UL(0x1f) << ESR_ELx_SRT_SHIFT)	/* register */
#define ESR_ELx_SF_SHIFT	15
#define ESR_ELx_SF		(UL(1) << ESR_ELx_SF_SHIFT)	/* 64-bit register */
#define ESR_ELx_AR_SHIFT	14
#define ESR_ELx_AR		(UL(1) << ESR_ELx_AR_SHIFT)	/* acquire/release */
#define ESR_ELx_FnV_SHIFT	10
#define ESR_ELx_FnV		(UL(1) << ESR_ELx_FnV_SHIFT)	/* FAR not valid */
#define ESR_ELx_EA_SHIFT	9
#define ESR_ELx_EA		(UL(1) << ESR_ELx_EA_SHIFT)	/* external abort */
#define ESR_ELx_CM_SHIFT	8
#define ESR_ELx_CM		(UL(1) << ESR_ELx_CM_SHIFT)	/* cache maintenance */
#define ESR_ELx_S1PTW_SHIFT	7
#define ESR_ELx_S1PTW		(UL(1) << ESR_ELx_S1PTW_SHIFT)	/* stage 2 fault on
								   a stage 1 walk */
#define ESR_ELx_WNR_SHIFT	6
#define ESR_ELx_WNR		(UL(1) << ESR_ELx_WNR_SHIFT)	/* write, not read */
#define ESR_ELx_SET_SHIFT	11
#define ESR_ELx_SET_MASK	(UL(3) << ESR_ELx_SET_SHIFT)	/* synchronous error type */

/* Fault status code (DFSC/IFSC, bits 5:0): kind in 5:2, level in 1:0. */
#define ESR_ELx_FSC		(0x3f)
#define ESR_ELx_FSC_TYPE	(0x3c)
#define ESR_ELx_FSC_LEVEL	(0x03)
#define ESR_ELx_FSC_EXTABT	(0x10)
#define ESR_ELx_FSC_ACCESS	(0x08)
#define ESR_ELx_FSC_FAULT	(0x04)	/* translation fault */
#define ESR_ELx_FSC_PERM	(0x0c)	/* permission fault */

/* ISS of BRK64: the instruction's 16-bit immediate. */
#define ESR_ELx_BRK64_ISS_COMMENT_MASK	0xffff

/* ISS of WFx (EC 0x01): TI, bits 1:0, says which instruction trapped. */
#define ESR_ELx_WFx_ISS_TI	(UL(0x3) << 0)
#define ESR_ELx_WFx_ISS_WFI	(UL(0) << 0)
#define ESR_ELx_WFx_MASK	(ESR_ELx_EC_MASK | ESR_ELx_WFx_ISS_TI)
#define ESR_ELx_WFx_WFI_VAL	((ESR_ELx_EC_WFx << ESR_ELx_EC_SHIFT) | ESR_ELx_WFx_ISS_WFI)

/* ISS of SVC64: the 16-bit immediate of the svc. */
#define ESR_ELx_SVC_IMM_MASK	0xffff

#ifndef __ASSEMBLY__
#include <linux/types.h>

static inline bool esr_is_data_abort(u64 esr)
{
	u64 ec = ESR_ELx_EC(esr);

	return ec == ESR_ELx_EC_DABT_LOW || ec == ESR_ELx_EC_DABT_CUR;
}

static inline bool esr_is_instruction_abort(u64 esr)
{
	u64 ec = ESR_ELx_EC(esr);

	return ec == ESR_ELx_EC_IABT_LOW || ec == ESR_ELx_EC_IABT_CUR;
}

static inline bool esr_fsc_is_translation_fault(u64 esr)
{
	return (esr & ESR_ELx_FSC_TYPE) == ESR_ELx_FSC_FAULT;
}

static inline bool esr_fsc_is_permission_fault(u64 esr)
{
	return (esr & ESR_ELx_FSC_TYPE) == ESR_ELx_FSC_PERM;
}

/* "DABT (current EL)", "BRK (AArch64)"...: Linux's name of the class. */
const char *esr_get_class_string(u64 esr);
/* "level 3 permission fault"...: Linux's name of an abort's fault status. */
const char *esr_fsc_string(u64 esr);
#endif

#endif
