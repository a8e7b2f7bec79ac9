/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/hardirq.h: whether we are in an interrupt handler.
 * handle_arch_irq's caller (arch/arm64/kernel/irq.c) brackets every
 * interrupt with irq_enter()/irq_exit(); die() says "Fatal exception in
 * interrupt" when one oopses.
 */
#ifndef __LINUX_HARDIRQ_H
#define __LINUX_HARDIRQ_H

#include <linux/types.h>

extern unsigned int hardirq_depth;

static inline bool in_interrupt(void)
{
	return hardirq_depth != 0;
}

static inline void irq_enter(void)
{
	hardirq_depth++;
}

static inline void irq_exit(void)
{
	hardirq_depth--;
}

/* A KUnit case caught a fault inside a handler: no handler is running now. */
static inline void irq_exit_all(void)
{
	hardirq_depth = 0;
}

#endif
