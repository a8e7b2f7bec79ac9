// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/irq.c: from the IRQ vector to the interrupt
 * controller's driver. entry.S saves pt_regs and entry-common.c calls
 * arch_handle_irq(), which runs handle_arch_irq, the root handler the GIC
 * driver installed (drivers/irqchip/), inside irq_enter()/irq_exit().
 */
#include <linux/errno.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqchip.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <asm/irq.h>
#include <asm/ptrace.h>

DEFINE_PER_CPU(unsigned int, hardirq_depth);
void (*handle_arch_irq)(struct pt_regs *regs);
void (*arch_send_sgi_self)(unsigned int sgi);
static DEFINE_PER_CPU(struct pt_regs *, irq_regs);	/* this CPU's interrupted regs */

int set_handle_irq(void (*handle_irq)(struct pt_regs *regs))
{
	if (handle_arch_irq)
		return -EBUSY;
	handle_arch_irq = handle_irq;
	return 0;
}

struct pt_regs *get_irq_regs(void)
{
	return this_cpu_read(irq_regs);
}

void arch_handle_irq(struct pt_regs *regs)
{
	struct pt_regs *old_regs = this_cpu_read(irq_regs);

	if (!handle_arch_irq)
		panic("IRQ taken without a root IRQ handler");
	irq_enter();
	this_cpu_write(irq_regs, regs);
	handle_arch_irq(regs);
	this_cpu_write(irq_regs, old_regs);
	irq_exit();
}

int send_sgi_self(unsigned int sgi)
{
	if (!arch_send_sgi_self || sgi > 15)
		return -EINVAL;
	arch_send_sgi_self(sgi);
	return 0;
}

void __init init_IRQ(void)
{
	if (irqchip_init())
		panic("No interrupt controller found.");
}
