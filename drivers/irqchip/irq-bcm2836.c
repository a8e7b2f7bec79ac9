// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/irqchip/irq-bcm2836.c: the per-core "local" interrupt controller
 * of the BCM2836/BCM2837 (compatible "brcm,bcm2836-l1-intc", the Raspberry
 * Pi 2 and 3), the root controller there: each core's view of its own
 * timer interrupts, mailboxes and PMU, plus one line, "GPU", for
 * everything the peripheral controller (irq-bcm2835.c) collects.
 *
 * One 256-byte block of registers (reg, translated through the SoC's
 * ranges: it sits at 0x40000000 on the Pi 3). Its interrupts are numbered
 * as the binding numbers them, 0-11 (this kernel's irqs 0-11):
 *   0 CNTPS, 1 CNTPNS, 2 CNTHP, 3 CNTV   the arch timer's four lines
 *   4-7 mailboxes, 8 GPU, 9 PMU, 10 AXI, 11 local timer
 * Timer lines are enabled per core in LOCAL_TIMER_INT_CONTROL<n>, the PMU
 * in LOCAL_PM_ROUTING_SET/CLR; the GPU line goes to core 0 (the reset value
 * of LOCAL_GPU_ROUTING). The root handler reads the core's pending register
 * and runs each set line's handler.
 */
#define pr_fmt(fmt) "bcm2836-l1-intc: " fmt

#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqchip.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/sysreg.h>
#include <libfdt.h>

#define LOCAL_CONTROL			0x000	/* timer clock source */
#define LOCAL_PRESCALER			0x008	/* timer clock divider */
#define LOCAL_PM_ROUTING_SET		0x010
#define LOCAL_PM_ROUTING_CLR		0x014
#define LOCAL_TIMER_INT_CONTROL0	0x040	/* + 4 * core */
#define LOCAL_IRQ_PENDING0		0x060	/* + 4 * core */

#define LOCAL_IRQ_CNTVIRQ	3
#define LOCAL_IRQ_GPU_FAST	8
#define LOCAL_IRQ_PMU_FAST	9
#define LAST_IRQ		11

static void __iomem *intc_base;

/* This core: MPIDR_EL1.Aff0 (0-3 on the Pi). */
static unsigned int bcm2836_cpu(void)
{
	return read_sysreg(mpidr_el1) & 0xff;
}

static void bcm2836_l1_set(struct irq_data *d, bool on)
{
	unsigned int cpu = bcm2836_cpu();

	if (d->hwirq <= LOCAL_IRQ_CNTVIRQ) {
		void __iomem *reg = intc_base + LOCAL_TIMER_INT_CONTROL0 + 4 * cpu;
		u32 val = readl(reg);

		writel(on ? val | (1U << d->hwirq) : val & ~(1U << d->hwirq), reg);
	} else if (d->hwirq == LOCAL_IRQ_PMU_FAST) {
		writel(1U << cpu, intc_base + (on ? LOCAL_PM_ROUTING_SET : LOCAL_PM_ROUTING_CLR));
	}
	/* GPU: always routed to core 0; the chained controller masks its own. */
}

static void bcm2836_l1_mask(struct irq_data *d)
{
	bcm2836_l1_set(d, false);
}

static void bcm2836_l1_unmask(struct irq_data *d)
{
	bcm2836_l1_set(d, true);
}

static int bcm2836_l1_set_type(struct irq_data *d, unsigned int type)
{
	return 0;	/* level lines, nothing to configure */
}

static struct irq_chip bcm2836_l1_chip = {
	.name = "bcm2836-l1",
	.irq_mask = bcm2836_l1_mask,
	.irq_unmask = bcm2836_l1_unmask,
	.irq_set_type = bcm2836_l1_set_type,
};

static void bcm2836_arm_irqchip_handle_irq(struct pt_regs *regs)
{
	u32 stat = readl(intc_base + LOCAL_IRQ_PENDING0 + 4 * bcm2836_cpu());

	while (stat) {
		unsigned int hwirq = __builtin_ctz(stat);

		stat &= stat - 1;
		if (hwirq <= LAST_IRQ)
			generic_handle_irq(hwirq);
	}
}

/* <line type>: the line is the interrupt number. */
static int bcm2836_l1_xlate(const u32 *cells, int ncells, unsigned long *hwirq,
			    unsigned int *type)
{
	if (ncells != 2 || cells[0] > LAST_IRQ)
		return -EINVAL;
	*hwirq = cells[0];
	*type = cells[1] & IRQ_TYPE_SENSE_MASK;
	return 0;
}

int __init bcm2836_arm_irqchip_l1_intc_of_init(int node)
{
	phys_addr_t phys;
	u64 size;

	if (of_address_to_resource(node, 0, &phys, &size) || size < 0x100 ||
	    !(intc_base = ioremap(phys, size))) {
		pr_err("%s: unable to map the registers\n",
		       fdt_get_name(initial_boot_params, node, NULL));
		return -ENODEV;
	}
	/* The timers count the 19.2 MHz crystal, undivided, as Linux sets them. */
	writel(0, intc_base + LOCAL_CONTROL);
	writel(0x80000000, intc_base + LOCAL_PRESCALER);
	irq_set_chip_range(0, LAST_IRQ + 1, &bcm2836_l1_chip);
	irq_set_default_host(node, bcm2836_l1_xlate);
	set_handle_irq(bcm2836_arm_irqchip_handle_irq);
	pr_info("local interrupts of core %u at %#llx\n", bcm2836_cpu(), phys);
	return 0;
}
