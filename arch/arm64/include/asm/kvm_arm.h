/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/kvm_arm.h: the EL2 control registers' bits that
 * init_kernel_el (head.S) and the hyp stub (hyp-stub.S) write before EL2 is
 * left to EL1. Names and values as Linux v5.15's asm/kvm_arm.h; only the
 * bits headstart uses.
 */
#ifndef __ASM_KVM_ARM_H
#define __ASM_KVM_ARM_H

#include <linux/const.h>

/* HCR_EL2 */
#define HCR_ATA_SHIFT 56
#define HCR_ATA (UL(1) << HCR_ATA_SHIFT)	/* MTE tag access not trapped */
#define HCR_API (UL(1) << 41)			/* pointer auth instructions not trapped */
#define HCR_APK (UL(1) << 40)			/* pointer auth key registers not trapped */
#define HCR_E2H (UL(1) << 34)			/* VHE: the host runs at EL2 */
#define HCR_RW_SHIFT 31
#define HCR_RW (UL(1) << HCR_RW_SHIFT)		/* EL1 is AArch64 */

/*
 * What a non-VHE host (the kernel at EL1, the hyp stub at EL2) runs with:
 * EL1 is AArch64 and its pointer authentication and MTE instructions are
 * not trapped. On a CPU without those features the bits are RES0 and have
 * no effect; v5.15 sets them unconditionally too.
 */
#define HCR_HOST_NVHE_FLAGS (HCR_RW | HCR_API | HCR_APK | HCR_ATA)

/* CNTHCTL_EL2: EL1 may read the physical counter and use the physical timer. */
#define CNTHCTL_EL1PCTEN (1 << 0)
#define CNTHCTL_EL1PCEN (1 << 1)

/*
 * CPTR_EL2 (non-VHE): bits 13:12, 9 and 7:0 are RES1, TZ (bit 8) traps SVE,
 * TFP (bit 10) traps FP/SIMD. __init_el2_nvhe_cptr writes RES1 | TZ, as
 * v5.15 does (its 0x33ff); __init_el2_nvhe_sve clears TZ when SVE exists.
 */
#define CPTR_EL2_TZ (1 << 8)
#define CPTR_EL2_TFP (1 << 10)
#define CPTR_EL2_RES1 0x000032ff
#define CPTR_NVHE_EL2_RES1 CPTR_EL2_RES1

/* MDCR_EL2.HPMN: how many PMU event counters EL1 owns. */
#define MDCR_EL2_HPMN_MASK 0x1f

#endif
