/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/clocksource/arm_arch_timer.h: the Arm generic timer driver
 * (drivers/clocksource/arm_arch_timer.c).
 */
#ifndef __CLOCKSOURCE_ARM_ARCH_TIMER_H
#define __CLOCKSOURCE_ARM_ARCH_TIMER_H

#include <linux/types.h>

/* CNTV_CTL_EL0 / CNTP_CTL_EL0 bits. */
#define ARCH_TIMER_CTRL_ENABLE	(1 << 0)
#define ARCH_TIMER_CTRL_IT_MASK	(1 << 1)
#define ARCH_TIMER_CTRL_IT_STAT	(1 << 2)

/* CNTKCTL_EL1: what EL0 may touch (Linux's names). */
#define ARCH_TIMER_USR_PCT_ACCESS_EN	(1 << 0)	/* physical counter */
#define ARCH_TIMER_USR_VCT_ACCESS_EN	(1 << 1)	/* virtual counter */
#define ARCH_TIMER_VIRT_EVT_EN		(1 << 2)	/* event stream */
#define ARCH_TIMER_USR_VT_ACCESS_EN	(1 << 8)	/* virtual timer */
#define ARCH_TIMER_USR_PT_ACCESS_EN	(1 << 9)	/* physical timer */

/* The timer's PPIs in the DT node's interrupts, in binding order. */
enum arch_timer_ppi_nr {
	ARCH_TIMER_PHYS_SECURE_PPI,
	ARCH_TIMER_PHYS_NONSECURE_PPI,
	ARCH_TIMER_VIRT_PPI,
	ARCH_TIMER_HYP_PPI,
	ARCH_TIMER_MAX_TIMER_PPI
};

/* Find "arm,armv8-timer" in the DT and start the tick on it; 0 or -errno. */
int arch_timer_of_init(void);

/* The counter's frequency in Hz (CNTFRQ_EL0, or the DT's clock-frequency). */
u32 arch_timer_get_rate(void);

/* The interrupt number of the timer the kernel uses (for tests). */
unsigned int arch_timer_irq(void);

#endif
