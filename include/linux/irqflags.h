/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/irqflags.h: masking and unmasking interrupts on this CPU
 * (PSTATE.I, through DAIF), as in Linux.
 */
#ifndef __LINUX_IRQFLAGS_H
#define __LINUX_IRQFLAGS_H

#include <linux/types.h>

static inline void local_irq_enable(void)
{
	__asm__ volatile("msr daifclr, #2" : : : "memory");
}

static inline void local_irq_disable(void)
{
	__asm__ volatile("msr daifset, #2" : : : "memory");
}

static inline unsigned long local_save_flags_daif(void)
{
	unsigned long flags;

	__asm__ volatile("mrs %0, daif" : "=r"(flags) : : "memory");
	return flags;
}

#define local_irq_save(flags) do {						\
	(flags) = local_save_flags_daif();					\
	local_irq_disable();							\
} while (0)

#define local_irq_restore(flags)						\
	__asm__ volatile("msr daif, %0" : : "r"((unsigned long)(flags)) : "memory")

/* PSTATE.I is bit 7 of DAIF. */
static inline bool irqs_disabled(void)
{
	return local_save_flags_daif() & (1UL << 7);
}

#endif
