/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/interrupt.h: what a driver needs to take interrupts:
 * request_irq() with a handler, enable/disable, and masking the CPU's
 * interrupts (local_irq_*). See include/linux/irq.h for the layer below.
 */
#ifndef __LINUX_INTERRUPT_H
#define __LINUX_INTERRUPT_H

#include <linux/hardirq.h>
#include <linux/irqflags.h>
#include <linux/types.h>

typedef enum irqreturn {
	IRQ_NONE = 0,		/* not ours */
	IRQ_HANDLED = 1,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/*
 * Install handler for irq and unmask it. flags: none defined yet (0).
 * 0, -EINVAL for a bad number or no handler, -EBUSY if already taken.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
/* Mask irq and forget its handler. */
void free_irq(unsigned int irq, void *dev_id);
void enable_irq(unsigned int irq);
void disable_irq(unsigned int irq);
/* A per-CPU interrupt (a PPI): enabled on the calling CPU only. */
void enable_percpu_irq(unsigned int irq, unsigned int type);

#endif
