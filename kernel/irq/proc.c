// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/irq/proc.c: the text of /proc/interrupts (fs/proc/interrupts.c),
 * in Linux v5.15's arm64 layout:
 *
 *                CPU0       CPU1
 *       27:       812        790     GICv3  27 Level     arch_timer
 *       33:        21          0     GICv3  33 Level     uart-pl011
 *     IPI0:         4          9       Rescheduling interrupts
 *     ...
 *      Err:          0
 *
 * One column per online CPU: how many times each CPU handled the interrupt.
 * Only interrupts someone requested, or that happened, are listed; the
 * IPIs' SGIs come last as IPI0..IPI6 with Linux's names. The first number
 * is the interrupt number, which on headstart is also the GIC's INTID (the
 * hwirq column; Linux numbers its interrupts its own way).
 */
#include <linux/cpumask.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <asm/smp.h>

#define PREC 4		/* digits of NR_IRQS (1020), Linux's column width */

/* buf[len..] += text, never past size (then len stays at size). */
#define ADD(fmt, ...)								\
	do {									\
		if (len < (int)size)						\
			len += snprintf(buf + len, size - len, fmt, ##__VA_ARGS__); \
	} while (0)

static const char *trigger(unsigned int type)
{
	return type & (IRQ_TYPE_LEVEL_HIGH | IRQ_TYPE_LEVEL_LOW) ? "Level" : "Edge";
}

int show_interrupts(char *buf, size_t size)
{
	unsigned int irq, cpu;
	int len = 0;

	ADD("%*s", PREC + 8, "");
	for_each_online_cpu(cpu)
		ADD("CPU%-8u", cpu);
	ADD("\n");
	for (irq = 0; irq < NR_IRQS; irq++) {
		struct irq_desc *desc = irq_to_desc(irq);

		if (irq_is_ipi(irq) || !desc->irq_data.chip || (!desc->handler && !kstat_irqs(irq)))
			continue;
		ADD("%*u: ", PREC, irq);
		for_each_online_cpu(cpu)
			ADD("%10u ", kstat_irqs_cpu(irq, cpu));
		ADD(" %8s %*lu %-8s", desc->irq_data.chip->name ? desc->irq_data.chip->name : "-",
		    PREC, (unsigned long)desc->irq_data.hwirq, trigger(desc->type));
		if (desc->handler && desc->name)
			ADD("  %s", desc->name);
		ADD("\n");
	}
	for (int i = 0; i < NR_IPI; i++) {
		ADD("%*s%u:%s", PREC - 1, "IPI", i, " ");
		for_each_online_cpu(cpu)
			ADD("%10u ", ipi_count(cpu, i));
		ADD("      %s\n", ipi_name(i));
	}
	ADD("%*s: %10lu\n", PREC, "Err", 0UL);
	return min(len, (int)size - 1);
}
