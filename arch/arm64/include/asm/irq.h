/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/irq.h: the IRQ vector's side of interrupts
 * (arch/arm64/kernel/irq.c). The root interrupt controller's driver
 * installs its handler with set_handle_irq(); entry-common.c's IRQ
 * handlers call arch_handle_irq(), which runs it.
 */
#ifndef __ASM_IRQ_H
#define __ASM_IRQ_H

#include <linux/types.h>

struct pt_regs;

/* The root handler: acknowledge, generic_handle_irq(), end of interrupt. */
extern void (*handle_arch_irq)(struct pt_regs *regs);
int set_handle_irq(void (*handle_irq)(struct pt_regs *regs));

/* From the IRQ vectors. */
void arch_handle_irq(struct pt_regs *regs);

/* The registers of the interrupted code, inside a handler (else NULL). */
struct pt_regs *get_irq_regs(void);

/* Raise software-generated interrupt sgi (0-15) on this CPU. */
extern void (*arch_send_sgi_self)(unsigned int sgi);
int send_sgi_self(unsigned int sgi);

/* Find the interrupt controller in the device tree and start it. */
void init_IRQ(void);

#endif
