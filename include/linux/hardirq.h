/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/hardirq.h: whether we are in an interrupt handler.
 * handle_arch_irq's caller (arch/arm64/kernel/irq.c) brackets every
 * interrupt with irq_enter()/irq_exit(), per CPU; die() says "Fatal exception in
 * interrupt" when one oopses.
 */
#ifndef __LINUX_HARDIRQ_H
#define __LINUX_HARDIRQ_H

#include <linux/percpu.h>
#include <linux/types.h>

/* How deep in interrupt handlers this CPU is (Linux keeps it in preempt_count). */
DECLARE_PER_CPU(unsigned int, hardirq_depth);

static inline bool in_interrupt(void)
{
	return this_cpu_read(hardirq_depth) != 0;
}

static inline void irq_enter(void)
{
	this_cpu_inc(hardirq_depth);
}

static inline void irq_exit(void)
{
	this_cpu_dec(hardirq_depth);
}

/* A KUnit case caught a fault inside a handler: no handler is running now. */
static inline void irq_exit_all(void)
{
	this_cpu_write(hardirq_depth, 0);
}

#endif
