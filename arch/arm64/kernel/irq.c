// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/irq.c: from the IRQ vector to the interrupt
 * controller's driver. entry.S saves pt_regs and entry-common.c calls
 * arch_handle_irq(), which runs handle_arch_irq, the root handler the GIC
 * driver installed (drivers/irqchip/), inside irq_enter()/irq_exit(),
 * on the CPU's own IRQ stack (init_irq_stacks, before any CPU but the
 * boot one is up; entry-common.c switches to it).
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/irqchip.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <asm/irq.h>
#include <asm/ptrace.h>

DEFINE_PER_CPU(unsigned int, hardirq_depth);
DEFINE_PER_CPU(unsigned long *, irq_stack_ptr);
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

bool on_irq_stack(unsigned long sp)
{
	unsigned long lo = (unsigned long)this_cpu_read(irq_stack_ptr);

	return lo && sp >= lo && sp < lo + IRQ_STACK_SIZE;
}

/* One IRQ stack per possible CPU, from the page allocator (THREAD_SIZE aligned). */
static void __init init_irq_stacks(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		unsigned long *stack = (unsigned long *)__get_free_pages(GFP_KERNEL,
									 get_order(IRQ_STACK_SIZE));

		if (!stack)
			panic("IRQ stack for CPU%u: out of memory", cpu);
		per_cpu(irq_stack_ptr, cpu) = stack;
	}
}

void __init init_IRQ(void)
{
	init_irq_stacks();
	if (irqchip_init())
		panic("No interrupt controller found.");
}
