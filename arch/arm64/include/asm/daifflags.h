/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/daifflags.h: all four of PSTATE's exception masks
 * at once (Debug, SError, IRQ, FIQ), as Linux's local_daif_mask(). A CPU
 * that must take nothing any more (stopped by IPI_CPU_STOP, halted) masks
 * them all; local_irq_disable() masks IRQs only.
 */
#ifndef __ASM_DAIFFLAGS_H
#define __ASM_DAIFFLAGS_H

static inline void local_daif_mask(void)
{
	__asm__ volatile("msr daifset, #0xf" : : : "memory");
}

#endif
