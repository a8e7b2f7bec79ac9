/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/irq.h: the IRQ vector's side of interrupts
 * (arch/arm64/kernel/irq.c). The root interrupt controller's driver
 * installs its handler with set_handle_irq(); entry-common.c's IRQ
 * handlers call arch_handle_irq(), which runs it.
 */
#ifndef __ASM_IRQ_H
#define __ASM_IRQ_H

#include <linux/percpu.h>
#include <linux/types.h>
#include <asm/memory.h>

struct pt_regs;

/* The root handler: acknowledge, generic_handle_irq(), end of interrupt. */
extern void (*handle_arch_irq)(struct pt_regs *regs);
int set_handle_irq(void (*handle_irq)(struct pt_regs *regs));

/* From the IRQ vectors. */
void arch_handle_irq(struct pt_regs *regs);

/*
 * Each CPU's IRQ stack (irq.c), as Linux v5.15's: IRQ_STACK_SIZE bytes,
 * as aligned; irq_stack_ptr is its lowest address. An interrupt taken on
 * a task's stack switches to it (entry-common.c, call_on_irq_stack in
 * entry.S), so handlers never eat into the task's stack.
 */
#define IRQ_STACK_SIZE THREAD_SIZE
DECLARE_PER_CPU(unsigned long *, irq_stack_ptr);
/* entry.S: handler(regs) on this CPU's IRQ stack; back on ours after. */
void call_on_irq_stack(struct pt_regs *regs, void (*handler)(struct pt_regs *));
/* sp (or fp) is on this CPU's IRQ stack. */
bool on_irq_stack(unsigned long sp);

/* The registers of the interrupted code, inside a handler (else NULL). */
struct pt_regs *get_irq_regs(void);

/* Raise software-generated interrupt sgi (0-15) on this CPU. */
extern void (*arch_send_sgi_self)(unsigned int sgi);
int send_sgi_self(unsigned int sgi);

/* Find the interrupt controller in the device tree and start it. */
void init_IRQ(void);

#endif
