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
 * Timer lines are enabled per core in LOCAL_TIMER_INT_CONTROL<n>; the PMU
 * line is routed to the core that unmasks it (its bit in
 * LOCAL_PM_ROUTING_SET/CLR), so each core that asks gets its own PMU's
 * interrupt, as Linux's per-CPU PMU interrupt; the GPU line goes to core 0
 * (the reset value of LOCAL_GPU_ROUTING). The root handler reads the
 * core's pending register and runs each set line's handler.
 *
 * Inter-processor interrupts: there are no SGIs here. Each core has four
 * 32-bit mailboxes; a write to LOCAL_MAILBOX0_SET0 + 16 * core sets bits
 * of that core's mailbox 0, a write to LOCAL_MAILBOX0_CLR0 + 16 * core
 * clears them (a read there returns the word), and while the word is not
 * zero and bit 0 of the core's LOCAL_MAILBOX_INT_CONTROL<n> is set, line 4
 * of its pending register is set. As Linux, bit n of mailbox 0 is IPI n
 * (arch/arm64/kernel/smp.c's kinds): this kernel's irqs 12-19 are IPIs
 * 0-7, and line 4 is handled here, not listed as an interrupt of its own.
 * Every core enables its mailbox 0 as it starts (a CPU-starting callback).
 */
#define pr_fmt(fmt) "bcm2836-l1-intc: " fmt

#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqchip.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <asm/io.h>
#include <asm/barrier.h>
#include <asm/irq.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <libfdt.h>

#define LOCAL_CONTROL			0x000	/* timer clock source */
#define LOCAL_PRESCALER			0x008	/* timer clock divider */
#define LOCAL_PM_ROUTING_SET		0x010
#define LOCAL_PM_ROUTING_CLR		0x014
#define LOCAL_TIMER_INT_CONTROL0	0x040	/* + 4 * core */
#define LOCAL_MAILBOX_INT_CONTROL0	0x050	/* + 4 * core: bit n, mailbox n's IRQ */
#define LOCAL_IRQ_PENDING0		0x060	/* + 4 * core */
#define LOCAL_MAILBOX0_SET0		0x080	/* + 16 * core: write 1s to set */
#define LOCAL_MAILBOX0_CLR0		0x0c0	/* + 16 * core: read; write 1s to clear */

#define LOCAL_IRQ_CNTVIRQ	3
#define LOCAL_IRQ_MAILBOX0	4
#define LOCAL_IRQ_GPU_FAST	8
#define LOCAL_IRQ_PMU_FAST	9
#define LAST_IRQ		11

#define BCM2836_IPI_BASE	(LAST_IRQ + 1)	/* irqs 12-19: mailbox 0 bits 0-7 */
#define BCM2836_NR_IPIS		8

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

/* ---- IPIs through mailbox 0 ------------------------------------------ */

/* Mailbox 0 is on for good: nothing to mask per IPI (Linux's are no-ops too). */
static void bcm2836_ipi_mask(struct irq_data *d)
{
}

static struct irq_chip bcm2836_ipi_chip = {
	.name = "IPI",
	.irq_mask = bcm2836_ipi_mask,
	.irq_unmask = bcm2836_ipi_mask,
};

/* smp_cross_call: set the IPI's bit in each target core's mailbox 0. */
static void bcm2836_ipi_send_mask(const struct cpumask *mask, unsigned int irq)
{
	unsigned int cpu;

	dsb(ishst);		/* what the handlers read is visible first */
	for_each_cpu(cpu, mask)
		writel(1U << (irq - BCM2836_IPI_BASE), intc_base + LOCAL_MAILBOX0_SET0 +
		       16 * (cpu_logical_map(cpu) & 0xff));
}

/*
 * Line 4: every IPI set in this core's mailbox 0. Each bit is cleared
 * before its handler runs, so an IPI sent meanwhile sets it again and is
 * taken once more, not lost.
 */
static void bcm2836_handle_ipis(unsigned int core)
{
	void __iomem *clr = intc_base + LOCAL_MAILBOX0_CLR0 + 16 * core;
	u32 mbox = readl(clr);

	while (mbox) {
		unsigned int bit = __builtin_ctz(mbox);

		mbox &= mbox - 1;
		writel(1U << bit, clr);
		if (bit < BCM2836_NR_IPIS)
			generic_handle_irq(BCM2836_IPI_BASE + bit);
	}
}

/* This core takes its mailbox 0 as an IRQ (the boot CPU's at probe). */
static int bcm2836_cpu_starting(unsigned int cpu)
{
	writel(1U << 0, intc_base + LOCAL_MAILBOX_INT_CONTROL0 + 4 * bcm2836_cpu());
	return 0;
}

static void __init bcm2836_arm_irqchip_smp_init(void)
{
	irq_set_chip_range(BCM2836_IPI_BASE, BCM2836_NR_IPIS, &bcm2836_ipi_chip);
	bcm2836_cpu_starting(0);
	cpuhp_setup_state_nocalls(CPUHP_AP_IRQ_BCM2836_STARTING, "irqchip/bcm2836:starting",
				  bcm2836_cpu_starting);
	set_smp_cross_call(bcm2836_ipi_send_mask);
	set_smp_ipi_range(BCM2836_IPI_BASE, BCM2836_NR_IPIS);
}

static void bcm2836_arm_irqchip_handle_irq(struct pt_regs *regs)
{
	unsigned int core = bcm2836_cpu();
	u32 stat = readl(intc_base + LOCAL_IRQ_PENDING0 + 4 * core);

	while (stat) {
		unsigned int hwirq = __builtin_ctz(stat);

		stat &= stat - 1;
		if (hwirq == LOCAL_IRQ_MAILBOX0)
			bcm2836_handle_ipis(core);
		else if (hwirq <= LAST_IRQ)
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
	bcm2836_arm_irqchip_smp_init();
	set_handle_irq(bcm2836_arm_irqchip_handle_irq);
	pr_info("local interrupts of core %u at %#llx\n", bcm2836_cpu(), phys);
	return 0;
}
