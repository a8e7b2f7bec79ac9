// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/irqchip/irq-gic.c: the Arm GICv2 interrupt controller
 * ("arm,cortex-a15-gic", "arm,gic-400"), as on QEMU virt,gic-version=2.
 *
 * Two memory-mapped parts, both from the DT's reg and ioremap()ed: the
 * distributor (reg[0]; SGI/PPI registers are banked per CPU) and the CPU
 * interface (reg[1]). SPIs are targeted at this CPU, priority 0xa0.
 */
#define pr_fmt(fmt) "GICv2: " fmt

#include <linux/cpuhotplug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <libfdt.h>

#define GICD_INT_DEF_PRI 0xa0
#define GICD_INT_PRI_4 (GICD_INT_DEF_PRI * 0x01010101U)
#define DEFAULT_PMR_VALUE 0xf0

static struct {
	void __iomem *dist_base;
	void __iomem *cpu_base;
	unsigned int irq_nr;
} gic;

static void gic_poke_irq(struct irq_data *d, u32 offset)
{
	writel(1U << (d->hwirq % 32), gic.dist_base + offset + (d->hwirq / 32) * 4);
}

static void gic_mask_irq(struct irq_data *d)
{
	gic_poke_irq(d, GIC_DIST_ENABLE_CLEAR);
}

static void gic_unmask_irq(struct irq_data *d)
{
	gic_poke_irq(d, GIC_DIST_ENABLE_SET);
}

static int gic_set_type(struct irq_data *d, unsigned int type)
{
	unsigned int irq = d->hwirq;
	void __iomem *reg = gic.dist_base + GIC_DIST_CONFIG + (irq / 16) * 4;
	u32 bit = 2U << ((irq % 16) * 2), val;

	if (irq < 16)
		return type == IRQ_TYPE_EDGE_RISING ? 0 : -EINVAL;
	if (irq >= 32 && type != IRQ_TYPE_LEVEL_HIGH && type != IRQ_TYPE_EDGE_RISING)
		return -EINVAL;
	val = readl(reg);
	val = (type & IRQ_TYPE_EDGE_BOTH) ? val | bit : val & ~bit;
	writel(val, reg);
	return 0;
}

static struct irq_chip gic_chip = {
	.name = "GIC",
	.irq_mask = gic_mask_irq,
	.irq_unmask = gic_unmask_irq,
	.irq_set_type = gic_set_type,
};

static void gic_handle_irq(struct pt_regs *regs)
{
	for (;;) {
		u32 iar = readl(gic.cpu_base + GIC_CPU_INTACK);
		u32 irqnr = iar & GICC_IAR_INT_ID_MASK;

		if (irqnr >= 1020)
			break;
		generic_handle_irq(irqnr);
		writel(iar, gic.cpu_base + GIC_CPU_EOI);	/* with the SGI's source CPU */
	}
}

static void gic_send_sgi_self(unsigned int sgi)
{
	dsb(ishst);
	writel(GICD_SGIR_TO_SELF | sgi, gic.dist_base + GIC_DIST_SOFTINT);
}

/* Each CPU's bit in GICD_SGIR's target list (its banked ITARGETSR says). */
static u8 gic_cpu_map[NR_CPUS];

static void gic_ipi_send_mask(const struct cpumask *mask, unsigned int sgi)
{
	unsigned long map = 0;
	unsigned int cpu;

	for_each_cpu(cpu, mask)
		map |= gic_cpu_map[cpu];
	dsb(ishst);		/* what the handlers read is visible first */
	writel(map << 16 | sgi, gic.dist_base + GIC_DIST_SOFTINT);
}

static int gic_xlate(const u32 *cells, int ncells, unsigned long *hwirq, unsigned int *type)
{
	if (ncells < 3)
		return -EINVAL;
	switch (cells[0]) {
	case 0:
		*hwirq = cells[1] + 32;
		break;
	case 1:
		if (cells[1] > 15)
			return -EINVAL;
		*hwirq = cells[1] + 16;
		break;
	default:
		return -EINVAL;
	}
	*type = cells[2] & IRQ_TYPE_SENSE_MASK;	/* bits 15:8 are a PPI CPU mask */
	return *hwirq < gic.irq_nr ? 0 : -EINVAL;
}

/* This CPU's bit in the target registers: the banked ITARGETSR0..7 say. */
static u8 gic_get_cpumask(void)
{
	u32 mask = 0;

	for (unsigned int i = 0; i < 32 && !mask; i += 4) {
		mask = readl(gic.dist_base + GIC_DIST_TARGET + i);
		mask |= mask >> 16;
		mask |= mask >> 8;
	}
	return mask & 0xff;
}

static void __init gic_dist_init(void)
{
	void __iomem *base = gic.dist_base;
	u32 cpumask = gic_get_cpumask();

	cpumask |= cpumask << 8;
	cpumask |= cpumask << 16;
	writel(0, base + GIC_DIST_CTRL);
	for (unsigned int i = 32; i < gic.irq_nr; i += 16)
		writel(0, base + GIC_DIST_CONFIG + i / 4);	/* level */
	for (unsigned int i = 32; i < gic.irq_nr; i += 4) {
		writel(cpumask, base + GIC_DIST_TARGET + i);
		writel(GICD_INT_PRI_4, base + GIC_DIST_PRI + i);
	}
	for (unsigned int i = 32; i < gic.irq_nr; i += 32) {
		writel(~0U, base + GIC_DIST_ACTIVE_CLEAR + i / 8);
		writel(~0U, base + GIC_DIST_ENABLE_CLEAR + i / 8);
	}
	writel(GICD_ENABLE, base + GIC_DIST_CTRL);
}

static void gic_cpu_init(void)
{
	void __iomem *dist = gic.dist_base;

	gic_cpu_map[smp_processor_id()] = gic_get_cpumask();
	/* The banked SGI/PPI registers: SGIs on, PPIs off until requested. */
	writel(~0U, dist + GIC_DIST_ACTIVE_CLEAR);
	writel(0xffff0000, dist + GIC_DIST_ENABLE_CLEAR);
	writel(0x0000ffff, dist + GIC_DIST_ENABLE_SET);
	for (unsigned int i = 0; i < 32; i += 4)
		writel(GICD_INT_PRI_4, dist + GIC_DIST_PRI + i);

	writel(DEFAULT_PMR_VALUE, gic.cpu_base + GIC_CPU_PRIMASK);
	writel(0, gic.cpu_base + GIC_CPU_BINPOINT);
	writel(GICC_ENABLE, gic.cpu_base + GIC_CPU_CTRL);
}

static int gic_starting_cpu(unsigned int cpu)
{
	gic_cpu_init();
	return 0;
}

int __init gic_of_init(int node)
{
	const void *fdt = initial_boot_params;
	phys_addr_t dist_phys, cpu_phys;
	u64 dist_size, cpu_size;

	if (of_address_to_resource(node, 0, &dist_phys, &dist_size) ||
	    of_address_to_resource(node, 1, &cpu_phys, &cpu_size) ||
	    !(gic.dist_base = ioremap(dist_phys, dist_size)) ||
	    !(gic.cpu_base = ioremap(cpu_phys, cpu_size))) {
		pr_err("%s: unable to map gic registers\n", fdt_get_name(fdt, node, NULL));
		return -ENODEV;
	}
	gic.irq_nr = min(32 * ((readl(gic.dist_base + GIC_DIST_CTR) & 0x1f) + 1), 1020U);
	pr_info("%u SPIs implemented\n", gic.irq_nr - 32);

	irq_set_chip_range(0, gic.irq_nr, &gic_chip);
	irq_set_default_host(node, gic_xlate);
	set_handle_irq(gic_handle_irq);
	arch_send_sgi_self = gic_send_sgi_self;
	gic_dist_init();
	gic_cpu_init();
	cpuhp_setup_state_nocalls(CPUHP_AP_IRQ_GIC_STARTING, "irqchip/arm/gic:starting",
				  gic_starting_cpu);
	set_smp_cross_call(gic_ipi_send_mask);
	set_smp_ipi_range(0, 8);		/* SGIs 0-7: Linux's IPIs */
	return 0;
}
