/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/irqchip/arm-gic-v3.h: GICv3 registers used by
 * drivers/irqchip/irq-gic-v3.c (Arm GIC architecture specification,
 * IHI 0069: distributor, redistributor and CPU interface registers).
 */
#ifndef __LINUX_IRQCHIP_ARM_GIC_V3_H
#define __LINUX_IRQCHIP_ARM_GIC_V3_H

#include <linux/const.h>

/* Distributor (GICD), one per system. */
#define GICD_CTLR		0x0000
#define GICD_TYPER		0x0004
#define GICD_IIDR		0x0008
#define GICD_IGROUPR		0x0080
#define GICD_ISENABLER		0x0100
#define GICD_ICENABLER		0x0180
#define GICD_ICPENDR		0x0280
#define GICD_ICACTIVER		0x0380
#define GICD_IPRIORITYR		0x0400
#define GICD_ICFGR		0x0c00
#define GICD_IGRPMODR		0x0d00
#define GICD_IROUTER		0x6000	/* 64-bit, one per SPI, from INTID 32 */
#define GICD_PIDR2		0xffe8

#define GICD_CTLR_RWP		BIT(31)	/* register write pending */
#define GICD_CTLR_ARE_NS	BIT(4)	/* affinity routing */
#define GICD_CTLR_ENABLE_G1A	BIT(1)
#define GICD_CTLR_ENABLE_G1	BIT(0)
#define GICD_TYPER_ITLINES(t)	(((t) & 0x1f) + 1)	/* in units of 32 */

/* Redistributor (GICR), one per CPU: RD_base, then SGI_base 64 KiB on. */
#define GICR_CTLR		0x0000
#define GICR_TYPER		0x0008	/* 64-bit */
#define GICR_WAKER		0x0014
#define GICR_PIDR2		GICD_PIDR2
#define GICR_SGI_BASE		0x10000
#define GICR_IGROUPR0		GICD_IGROUPR
#define GICR_ISENABLER0		GICD_ISENABLER
#define GICR_ICENABLER0		GICD_ICENABLER
#define GICR_ICPENDR0		GICD_ICPENDR
#define GICR_ICACTIVER0		GICD_ICACTIVER
#define GICR_IPRIORITYR0	GICD_IPRIORITYR
#define GICR_ICFGR0		GICD_ICFGR

#define GICR_CTLR_RWP		BIT(3)
#define GICR_TYPER_LAST		BIT(4)	/* the last redistributor of a region */
#define GICR_TYPER_VLPIS	BIT(1)	/* GICv4: two more 64 KiB frames */
#define GICR_TYPER_AFFINITY(t)	((t) >> 32)
#define GICR_WAKER_ProcessorSleep BIT(1)
#define GICR_WAKER_ChildrenAsleep BIT(2)
#define GIC_PIDR2_ARCH(p)	(((p) >> 4) & 0xf)	/* 3 or 4 */

/* CPU interface system registers, by encoding (any assembler knows these). */
#define SYS_ICC_PMR_EL1		S3_0_C4_C6_0
#define SYS_ICC_IAR1_EL1	S3_0_C12_C12_0
#define SYS_ICC_EOIR1_EL1	S3_0_C12_C12_1
#define SYS_ICC_BPR1_EL1	S3_0_C12_C12_3
#define SYS_ICC_CTLR_EL1	S3_0_C12_C12_4
#define SYS_ICC_SRE_EL1		S3_0_C12_C12_5
#define SYS_ICC_IGRPEN1_EL1	S3_0_C12_C12_7
#define SYS_ICC_SGI1R_EL1	S3_0_C12_C11_5

#define ICC_SRE_EL1_SRE		BIT(0)
#define ICC_CTLR_EL1_EOImode_drop BIT(1)
#define ICC_IGRPEN1_EL1_Enable	BIT(0)

/* ICC_SGI1R_EL1 fields. */
#define ICC_SGI1R_TARGET_LIST_SHIFT	0
#define ICC_SGI1R_AFFINITY_1_SHIFT	16
#define ICC_SGI1R_SGI_ID_SHIFT		24
#define ICC_SGI1R_AFFINITY_2_SHIFT	32
#define ICC_SGI1R_AFFINITY_3_SHIFT	48

#endif
