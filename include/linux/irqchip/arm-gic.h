/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/irqchip/arm-gic.h: GICv2 registers used by
 * drivers/irqchip/irq-gic.c (Arm GIC architecture specification v2,
 * IHI 0048: distributor and memory-mapped CPU interface).
 */
#ifndef __LINUX_IRQCHIP_ARM_GIC_H
#define __LINUX_IRQCHIP_ARM_GIC_H

#include <linux/const.h>

#define GIC_CPU_CTRL		0x00
#define GIC_CPU_PRIMASK		0x04
#define GIC_CPU_BINPOINT	0x08
#define GIC_CPU_INTACK		0x0c
#define GIC_CPU_EOI		0x10
#define GICC_ENABLE		BIT(0)
#define GICC_IAR_INT_ID_MASK	0x3ff

#define GIC_DIST_CTRL		0x000
#define GIC_DIST_CTR		0x004	/* GICD_TYPER */
#define GIC_DIST_IGROUP		0x080
#define GIC_DIST_ENABLE_SET	0x100
#define GIC_DIST_ENABLE_CLEAR	0x180
#define GIC_DIST_PENDING_CLEAR	0x280
#define GIC_DIST_ACTIVE_CLEAR	0x380
#define GIC_DIST_PRI		0x400
#define GIC_DIST_TARGET		0x800
#define GIC_DIST_CONFIG		0xc00
#define GIC_DIST_SOFTINT	0xf00	/* GICD_SGIR */
#define GICD_ENABLE		BIT(0)
#define GICD_SGIR_TO_SELF	(2 << 24)	/* TargetListFilter: this CPU only */

#endif
