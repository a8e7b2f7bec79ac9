/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/arch_timer.h: the generic timer's counter, read
 * from EL1 through the virtual count (CNTVCT_EL0, equal to the physical one
 * with CNTVOFF_EL2 = 0, which init_kernel_el sets when it can).
 */
#ifndef __ASM_ARCH_TIMER_H
#define __ASM_ARCH_TIMER_H

#include <asm/sysreg.h>

static inline u64 arch_timer_read_counter(void)
{
	isb();		/* do not read the counter early, out of order */
	return read_sysreg(cntvct_el0);
}

static inline u32 arch_timer_get_cntfrq(void)
{
	return read_sysreg(cntfrq_el0);
}

/* Nanoseconds since start_kernel, for printk timestamps (kernel/time). */
u64 local_clock(void);
void sched_clock_init_early(void);
/* The counter value local_clock() counts from (CLOCK_MONOTONIC's zero too). */
u64 sched_clock_start_count(void);

#endif
