/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/sysreg.h: system register fields used by the boot
 * path (head.S, proc.S) and C, with the names of the Arm ARM and Linux,
 * plus read_sysreg()/write_sysreg() for C.
 */
#ifndef __ASM_SYSREG_H
#define __ASM_SYSREG_H

#include <linux/const.h>

/* CurrentEL holds the exception level in bits 3:2. */
#define CurrentEL_EL1 (1 << 2)
#define CurrentEL_EL2 (2 << 2)

/* SCTLR_ELx bits common to EL1 and EL2. */
#define SCTLR_ELx_M BIT(0)	/* MMU enable */
#define SCTLR_ELx_A BIT(1)	/* alignment check */
#define SCTLR_ELx_C BIT(2)	/* data cache enable */
#define SCTLR_ELx_SA BIT(3)	/* SP alignment check */
#define SCTLR_ELx_I BIT(12)	/* instruction cache enable */
#define SCTLR_ELx_IESB BIT(21)	/* implicit error synchronization event (v8.2 RAS) */
#define SCTLR_ELx_EE BIT(25)	/* big-endian data at ELx */
#define SCTLR_ELx_ITFSB BIT(37)	/* tag check faults synchronized on exception (MTE) */

/* SCTLR_EL1 bits for EL0 and the RES1 bits of ARMv8.0. */
#define SCTLR_EL1_SA0 BIT(4)
#define SCTLR_EL1_ITD BIT(7)
#define SCTLR_EL1_SED BIT(8)
#define SCTLR_EL1_EOS BIT(11)	/* RES1 in v8.0 */
#define SCTLR_EL1_DZE BIT(14)
#define SCTLR_EL1_UCT BIT(15)
#define SCTLR_EL1_NTWI BIT(16)	/* EL0 WFI not trapped */
#define SCTLR_EL1_NTWE BIT(18)	/* EL0 WFE not trapped */
#define SCTLR_EL1_WXN BIT(19)
#define SCTLR_EL1_TSCXT BIT(20)	/* RES1 in v8.0 */
#define SCTLR_EL1_EIS BIT(22)	/* RES1 in v8.0 */
#define SCTLR_EL1_SPAN BIT(23)	/* RES1 in v8.0 */
#define SCTLR_EL1_E0E BIT(24)
#define SCTLR_EL1_UCI BIT(26)
#define SCTLR_EL1_nTLSMD BIT(28)	/* RES1 in v8.0 */
#define SCTLR_EL1_LSMAOE BIT(29)	/* RES1 in v8.0 */
#define SCTLR_EL1_EPAN BIT(57)	/* enhanced PAN (v8.7) */

#define SCTLR_EL1_RES1 (SCTLR_EL1_EOS | SCTLR_EL1_TSCXT | SCTLR_EL1_EIS | \
			SCTLR_EL1_SPAN | SCTLR_EL1_nTLSMD | SCTLR_EL1_LSMAOE)

/* MMU and caches off, little-endian: the state init_kernel_el leaves EL1 in. */
#define INIT_SCTLR_EL1_MMU_OFF SCTLR_EL1_RES1

/*
 * What __cpu_setup returns for __enable_mmu to write: v5.15's value. Bits
 * for features the CPU lacks (IESB before v8.2, ITFSB without MTE, EPAN
 * before v8.7) are RES0 there and ignored. nTWI is clear: a WFI at EL0
 * traps to EL1, which skips it (do_sysinstr, arch/arm64/kernel/traps.c).
 */
#define INIT_SCTLR_EL1_MMU_ON (SCTLR_ELx_M | SCTLR_ELx_C | SCTLR_ELx_SA | \
			       SCTLR_EL1_SA0 | SCTLR_EL1_SED | SCTLR_ELx_I | \
			       SCTLR_EL1_DZE | SCTLR_EL1_UCT | SCTLR_EL1_NTWE | \
			       SCTLR_ELx_IESB | SCTLR_EL1_SPAN | SCTLR_ELx_ITFSB | \
			       SCTLR_EL1_UCI | SCTLR_EL1_EPAN | SCTLR_EL1_RES1)

/* SCTLR_EL2 with the MMU off (RES1 bits of v8.0 non-VHE). */
#define SCTLR_EL2_RES1 (BIT(4) | BIT(5) | BIT(11) | BIT(16) | BIT(18) | \
			BIT(22) | BIT(23) | BIT(28) | BIT(29))
#define INIT_SCTLR_EL2_MMU_OFF SCTLR_EL2_RES1

/* CPACR_EL1.FPEN: FP/SIMD not trapped at EL1 or EL0 (libfdt uses SIMD). */
#define CPACR_EL1_FPEN (UL(3) << 20)

/* MDSCR_EL1.TDCC: EL0 access to the debug comms channel traps. */
#define MDSCR_EL1_TDCC BIT(12)

/* SPSR: return to EL1 using SP_EL1 (EL1h), interrupts masked. */
#define PSR_MODE_EL1h 0x5
#define PSR_D_BIT BIT(9)
#define PSR_A_BIT BIT(8)
#define PSR_I_BIT BIT(7)
#define PSR_F_BIT BIT(6)
#define INIT_PSTATE_EL1 (PSR_D_BIT | PSR_A_BIT | PSR_I_BIT | PSR_F_BIT | PSR_MODE_EL1h)

/* ID_AA64MMFR0_EL1 fields. */
#define ID_AA64MMFR0_EL1_PARANGE_SHIFT 0
#define ID_AA64MMFR0_EL1_PARANGE_48 0x5	/* the most the 4K granule uses here */
#define ID_AA64MMFR0_EL1_TGRAN4_SHIFT 28
/* TGRAN4 is signed: 0 the 4K granule, 1 with 52-bit PAs, 0xf (-1) none. */
#define ID_AA64MMFR0_TGRAN_SHIFT ID_AA64MMFR0_EL1_TGRAN4_SHIFT
#define ID_AA64MMFR0_TGRAN_SUPPORTED_MIN 0x0
#define ID_AA64MMFR0_TGRAN_SUPPORTED_MAX 0x7

/* ID_AA64MMFR1_EL1.LO: LORegions. */
#define ID_AA64MMFR1_EL1_LO_SHIFT 16
/* LORC_EL1, by encoding (older assemblers lack the name). */
#define SYS_LORC_EL1 s3_0_c10_c4_3

/* ID_AA64DFR0_EL1.PMUVer (signed: 0xf is an IMPLEMENTATION DEFINED PMU). */
#define ID_AA64DFR0_EL1_PMUVER_SHIFT 8

/* ID_AA64PFR0_EL1.SVE, and ZCR_EL2 (by encoding: no +sve needed). */
#define ID_AA64PFR0_EL1_SVE_SHIFT 32
#define SYS_ZCR_EL2 s3_4_c1_c2_0
#define ZCR_ELx_LEN_MASK 0x1ff

/* ID_AA64PFR0_EL1.GIC: system register interface to a GICv3 CPU interface. */
#define ID_AA64PFR0_EL1_GIC_SHIFT 24
/* ICC_SRE_EL2: system registers enabled at EL2, and EL1 may use them. */
#define ICC_SRE_EL2_SRE BIT(0)
#define ICC_SRE_EL2_ENABLE BIT(3)

/* MAIR_EL1 attribute encodings. */
#define MAIR_ATTR_DEVICE_nGnRnE UL(0x00)
#define MAIR_ATTR_DEVICE_nGnRE UL(0x04)
#define MAIR_ATTR_NORMAL_NC UL(0x44)
#define MAIR_ATTR_NORMAL UL(0xff)
#define MAIR_ATTRIDX(attr, idx) ((attr) << ((idx) * 8))

/* MPIDR_EL1 affinity fields (Aff3 at 39:32, Aff2..Aff0 at 23:0). */
#define MPIDR_HWID_BITMASK UL(0xff00ffffff)

#ifndef __ASSEMBLY__
#include <linux/types.h>

#define read_sysreg(r) ({						\
	u64 __val;							\
	__asm__ volatile("mrs %0, " #r : "=r"(__val));			\
	__val;								\
})

#define write_sysreg(v, r) do {						\
	u64 __val = (u64)(v);						\
	__asm__ volatile("msr " #r ", %x0" : : "rZ"(__val));		\
} while (0)

#define isb() __asm__ volatile("isb" : : : "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt : : : "memory")
#define dmb(opt) __asm__ volatile("dmb " #opt : : : "memory")
#define wfi() __asm__ volatile("wfi" : : : "memory")
#endif

#endif
