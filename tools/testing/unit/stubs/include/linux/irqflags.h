/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in for include/linux/irqflags.h: a host test has no
 * interrupts to mask, so the allocators' local_irq_save() does nothing.
 */
#ifndef __LINUX_IRQFLAGS_H
#define __LINUX_IRQFLAGS_H

#define local_irq_save(flags) ((flags) = 0)
#define local_irq_restore(flags) ((void)(flags))
#define local_irq_enable() do { } while (0)
#define local_irq_disable() do { } while (0)
#define irqs_disabled() 0

#endif
