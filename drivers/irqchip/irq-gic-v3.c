// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/irqchip/irq-gic-v3.c: the Arm GICv3 interrupt controller
 * (compatible "arm,gic-v3"), as on QEMU virt,gic-version=3.
 *
 * Three parts: the distributor (GICD, shared SPIs, routed here by
 * affinity), one redistributor per CPU (GICR: its SGIs and PPIs, e.g. the
 * timer), and the CPU interface, reached through ICC_* system registers
 * (head.S lets EL1 use them when entered at EL2). The DT's reg gives the
 * GICD frame, then #redistributor-regions GICR regions; all are ioremap()ed.
 * Interrupts are non-secure Group 1, priority 0xa0, SPIs routed to the boot
 * CPU. Each CPU finds and wakes its own redistributor and sets up its CPU
 * interface: the boot CPU at probe time, the others as they start
 * (gic_starting_cpu, a CPU-hotplug "starting" callback).
 */
#define pr_fmt(fmt) "GICv3: " fmt

#include <linux/cpuhotplug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/of_fdt.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <libfdt.h>

#define GICV3_MAX_REDIST_REGIONS 4
#define GICD_INT_DEF_PRI 0xa0		/* every interrupt's priority */
#define GICD_INT_PRI_4 (GICD_INT_DEF_PRI * 0x01010101U)
#define DEFAULT_PMR_VALUE 0xf0		/* let priorities 0x00..0xef through */

#define read_sysreg_s(r) read_sysreg(r)
#define write_sysreg_s(v, r) write_sysreg(v, r)

static struct {
	void __iomem *dist_base;
	unsigned int irq_nr;		/* INTIDs 0 .. irq_nr - 1 exist */
	int node;			/* the DT node, for redistributor-stride */
	int nr_regions;			/* redistributor regions: */
	void __iomem *regions[GICV3_MAX_REDIST_REGIONS];	/* mapped */
	phys_addr_t phys[GICV3_MAX_REDIST_REGIONS];		/* and physical */
} gic;

static DEFINE_PER_CPU(void __iomem *, gic_rdist);	/* each CPU's RD_base */
#define gic_data_rdist() __this_cpu_read(gic_rdist)

static inline u64 readq(const volatile void __iomem *addr)
{
	u64 v;

	__asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void writeq(u64 v, volatile void __iomem *addr)
{
	__asm__ volatile("str %x0, [%1]" : : "rZ"(v), "r"(addr) : "memory");
}

/* Wait for a distributor or redistributor write to take effect. */
static void gic_do_wait_for_rwp(void __iomem *base, u32 bit)
{
	for (unsigned long count = 1000000; readl(base) & bit; count--) {
		if (!count) {
			pr_err("RWP timeout, gone fishing\n");
			return;
		}
	}
}

static void gic_dist_wait_for_rwp(void)
{
	gic_do_wait_for_rwp(gic.dist_base + GICD_CTLR, GICD_CTLR_RWP);
}

static void gic_redist_wait_for_rwp(void)
{
	gic_do_wait_for_rwp(gic_data_rdist() + GICR_CTLR, GICR_CTLR_RWP);
}

/*
 * SGIs and PPIs (0-31) live in this CPU's redistributor, the rest in GICD.
 * So a PPI is enabled on the CPU that calls for it (enable_percpu_irq).
 */
static void __iomem *gic_base_for(unsigned int irq)
{
	return irq < 32 ? gic_data_rdist() + GICR_SGI_BASE : gic.dist_base;
}

static void gic_poke_irq(struct irq_data *d, u32 offset)
{
	unsigned int irq = d->hwirq;
	u32 mask = 1U << (irq % 32);

	writel(mask, gic_base_for(irq) + offset + (irq / 32) * 4);
	if (irq < 32)
		gic_redist_wait_for_rwp();
	else
		gic_dist_wait_for_rwp();
}

static void gic_mask_irq(struct irq_data *d)
{
	gic_poke_irq(d, GICD_ICENABLER);
}

static void gic_unmask_irq(struct irq_data *d)
{
	gic_poke_irq(d, GICD_ISENABLER);
}

/* Level-high or rising-edge: two bits per interrupt in ICFGR, 1x = edge. */
static int gic_set_type(struct irq_data *d, unsigned int type)
{
	unsigned int irq = d->hwirq;
	void __iomem *reg = gic_base_for(irq) + GICD_ICFGR + (irq / 16) * 4;
	u32 bit = 2U << ((irq % 16) * 2), val;

	if (irq < 16)			/* SGIs are always edge */
		return type == IRQ_TYPE_EDGE_RISING ? 0 : -EINVAL;
	if (irq >= 32 && type != IRQ_TYPE_LEVEL_HIGH && type != IRQ_TYPE_EDGE_RISING)
		return -EINVAL;
	val = readl(reg);
	val = (type & IRQ_TYPE_EDGE_BOTH) ? val | bit : val & ~bit;
	writel(val, reg);
	if (irq < 32)
		gic_redist_wait_for_rwp();
	else
		gic_dist_wait_for_rwp();
	return 0;
}

static struct irq_chip gic_chip = {
	.name = "GICv3",
	.irq_mask = gic_mask_irq,
	.irq_unmask = gic_unmask_irq,
	.irq_set_type = gic_set_type,
};

/* Acknowledge, handle and end each pending interrupt (the root handler). */
static void gic_handle_irq(struct pt_regs *regs)
{
	for (;;) {
		u64 irqnr = read_sysreg_s(SYS_ICC_IAR1_EL1) & 0xffffff;

		if (irqnr >= 1020)	/* 1020-1023: spurious, nothing pending */
			break;
		generic_handle_irq(irqnr);
		write_sysreg_s(irqnr, SYS_ICC_EOIR1_EL1);
		isb();
	}
}

/* Self-IPI: target list = this CPU's Aff0 bit, within its Aff3.Aff2.Aff1. */
static void gic_send_sgi_self(unsigned int sgi)
{
	u64 mpidr = read_sysreg(mpidr_el1);
	u64 val = (1UL << (mpidr & 0xf)) << ICC_SGI1R_TARGET_LIST_SHIFT |
		  ((mpidr >> 8) & 0xff) << ICC_SGI1R_AFFINITY_1_SHIFT |
		  (u64)sgi << ICC_SGI1R_SGI_ID_SHIFT |
		  ((mpidr >> 16) & 0xff) << ICC_SGI1R_AFFINITY_2_SHIFT |
		  ((mpidr >> 32) & 0xff) << ICC_SGI1R_AFFINITY_3_SHIFT;

	dsb(ishst);		/* memory the handler reads is visible first */
	write_sysreg_s(val, SYS_ICC_SGI1R_EL1);
	isb();
}

/* IPIs: one ICC_SGI1R_EL1 write per target, its affinity from the logical map. */
static void gic_ipi_send_mask(const struct cpumask *mask, unsigned int sgi)
{
	unsigned int cpu;

	dsb(ishst);		/* what the handlers read is visible first */
	for_each_cpu(cpu, mask) {
		u64 mpidr = cpu_logical_map(cpu);
		u64 val = (1UL << (mpidr & 0xf)) << ICC_SGI1R_TARGET_LIST_SHIFT |
			  ((mpidr >> 8) & 0xff) << ICC_SGI1R_AFFINITY_1_SHIFT |
			  (u64)sgi << ICC_SGI1R_SGI_ID_SHIFT |
			  ((mpidr >> 16) & 0xff) << ICC_SGI1R_AFFINITY_2_SHIFT |
			  ((mpidr >> 32) & 0xff) << ICC_SGI1R_AFFINITY_3_SHIFT;

		write_sysreg_s(val, SYS_ICC_SGI1R_EL1);
	}
	isb();
}

static int gic_xlate(const u32 *cells, int ncells, unsigned long *hwirq, unsigned int *type)
{
	if (ncells < 3)
		return -EINVAL;
	switch (cells[0]) {
	case 0:				/* SPI */
		*hwirq = cells[1] + 32;
		break;
	case 1:				/* PPI */
		if (cells[1] > 15)
			return -EINVAL;
		*hwirq = cells[1] + 16;
		break;
	default:			/* extended ranges, partitions: not here */
		return -EINVAL;
	}
	*type = cells[2] & IRQ_TYPE_SENSE_MASK;
	return *hwirq < gic.irq_nr ? 0 : -EINVAL;
}

static void __init gic_dist_init(void)
{
	void __iomem *base = gic.dist_base;
	u64 mpidr = read_sysreg(mpidr_el1);
	u64 affinity = (mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 32;

	writel(0, base + GICD_CTLR);
	gic_dist_wait_for_rwp();
	for (unsigned int i = 32; i < gic.irq_nr; i += 32) {
		writel(~0U, base + GICD_IGROUPR + i / 8);	/* Group 1 */
		writel(0, base + GICD_IGRPMODR + i / 8);	/* non-secure */
		writel(~0U, base + GICD_ICENABLER + i / 8);
		writel(~0U, base + GICD_ICACTIVER + i / 8);
		writel(~0U, base + GICD_ICPENDR + i / 8);
	}
	for (unsigned int i = 32; i < gic.irq_nr; i += 16)
		writel(0, base + GICD_ICFGR + i / 4);		/* level */
	for (unsigned int i = 32; i < gic.irq_nr; i += 4)
		writel(GICD_INT_PRI_4, base + GICD_IPRIORITYR + i);
	gic_dist_wait_for_rwp();

	writel(GICD_CTLR_ARE_NS | GICD_CTLR_ENABLE_G1A | GICD_CTLR_ENABLE_G1, base + GICD_CTLR);
	gic_dist_wait_for_rwp();
	for (unsigned int i = 32; i < gic.irq_nr; i++)
		writeq(affinity, base + GICD_IROUTER + i * 8);
}

/*
 * Find this CPU's redistributor: walk each region's frames until the one
 * whose GICR_TYPER affinity is our MPIDR's (or the region's last frame).
 */
static int gic_populate_rdist(void)
{
	const void *fdt = initial_boot_params;
	const fdt64_t *stride_prop = fdt_getprop(fdt, gic.node, "redistributor-stride", NULL);
	u64 mpidr = read_sysreg(mpidr_el1);
	u32 aff = (mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 24;

	for (int i = 0; i < gic.nr_regions; i++) {
		void __iomem *ptr = gic.regions[i];

		if (GIC_PIDR2_ARCH(readl(ptr + GICR_PIDR2)) < 3) {
			pr_warn("No redistributor present @%016llx\n", gic.phys[i]);
			continue;
		}
		for (;;) {
			u64 typer = readq(ptr + GICR_TYPER);

			if (GICR_TYPER_AFFINITY(typer) == aff) {
				pr_info("CPU%d: found redistributor %llx region %d:0x%016llx\n",
					smp_processor_id(), mpidr & MPIDR_HWID_BITMASK, i,
					gic.phys[i] + (u64)((char *)ptr - (char *)gic.regions[i]));
				__this_cpu_write(gic_rdist, ptr);
				return 0;
			}
			if (typer & GICR_TYPER_LAST)
				break;
			if (stride_prop)
				ptr += fdt64_to_cpu(*stride_prop);
			else	/* RD_base + SGI_base, and two more with GICv4 VLPIs */
				ptr += (typer & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
		}
	}
	pr_warn("CPU%d: mpidr %llx has no re-distributor!\n", smp_processor_id(),
		mpidr & MPIDR_HWID_BITMASK);
	return -ENODEV;
}

static void gic_cpu_init(void)
{
	void __iomem *rbase = gic_data_rdist(), *sgi_base = rbase + GICR_SGI_BASE;
	u32 waker;

	/* Wake the redistributor: it then forwards interrupts to this CPU. */
	waker = readl(rbase + GICR_WAKER);
	writel(waker & ~GICR_WAKER_ProcessorSleep, rbase + GICR_WAKER);
	for (unsigned long count = 1000000; readl(rbase + GICR_WAKER) & GICR_WAKER_ChildrenAsleep;
	     count--) {
		if (!count) {
			pr_err("redistributor failed to wake up...\n");
			break;
		}
	}

	/* SGIs enabled, PPIs off until requested; all Group 1, level PPIs. */
	writel(~0U, sgi_base + GICR_IGROUPR0);
	writel(0xffff0000, sgi_base + GICR_ICENABLER0);
	writel(0x0000ffff, sgi_base + GICR_ISENABLER0);
	writel(~0U, sgi_base + GICR_ICACTIVER0);
	writel(0, sgi_base + GICR_ICFGR0 + 4);
	for (unsigned int i = 0; i < 32; i += 4)
		writel(GICD_INT_PRI_4, sgi_base + GICR_IPRIORITYR0 + i);
	gic_redist_wait_for_rwp();

	/* The CPU interface, through system registers. */
	write_sysreg_s(read_sysreg_s(SYS_ICC_SRE_EL1) | ICC_SRE_EL1_SRE, SYS_ICC_SRE_EL1);
	isb();
	write_sysreg_s(DEFAULT_PMR_VALUE, SYS_ICC_PMR_EL1);
	write_sysreg_s(0, SYS_ICC_BPR1_EL1);
	write_sysreg_s(0, SYS_ICC_CTLR_EL1);	/* EOI drops priority and deactivates */
	write_sysreg_s(ICC_IGRPEN1_EL1_Enable, SYS_ICC_IGRPEN1_EL1);
	isb();
}

/* A secondary CPU starting: its redistributor and CPU interface. */
static int gic_starting_cpu(unsigned int cpu)
{
	if (gic_populate_rdist())
		return -ENODEV;
	gic_cpu_init();
	return 0;
}

int __init gic_v3_of_init(int node)
{
	const void *fdt = initial_boot_params;
	const fdt32_t *prop = fdt_getprop(fdt, node, "#redistributor-regions", NULL);
	int nr_regions = prop ? fdt32_to_cpu(*prop) : 1;
	phys_addr_t dist_phys;
	u64 size;

	if (!(read_sysreg_s(SYS_ICC_SRE_EL1) & ICC_SRE_EL1_SRE)) {
		write_sysreg_s(read_sysreg_s(SYS_ICC_SRE_EL1) | ICC_SRE_EL1_SRE, SYS_ICC_SRE_EL1);
		isb();
		if (!(read_sysreg_s(SYS_ICC_SRE_EL1) & ICC_SRE_EL1_SRE)) {
			pr_err("GIC: unable to set SRE (disabled at EL2), panic ahead\n");
			return -ENODEV;
		}
	}
	if (of_address_to_resource(node, 0, &dist_phys, &size) ||
	    !(gic.dist_base = ioremap(dist_phys, size))) {
		pr_err("%s: unable to map gic dist registers\n", fdt_get_name(fdt, node, NULL));
		return -ENODEV;
	}
	if (GIC_PIDR2_ARCH(readl(gic.dist_base + GICD_PIDR2)) < 3) {
		pr_err("no distributor detected, giving up\n");
		return -ENODEV;
	}
	if (nr_regions < 1 || nr_regions > GICV3_MAX_REDIST_REGIONS)
		nr_regions = 1;
	for (int i = 0; i < nr_regions; i++) {
		if (of_address_to_resource(node, 1 + i, &gic.phys[i], &size) ||
		    !(gic.regions[i] = ioremap(gic.phys[i], size))) {
			pr_err("%s: couldn't map region %d\n", fdt_get_name(fdt, node, NULL), i);
			return -ENODEV;
		}
	}

	gic.irq_nr = min(32 * GICD_TYPER_ITLINES(readl(gic.dist_base + GICD_TYPER)), 1020U);
	pr_info("%u SPIs implemented\n", gic.irq_nr - 32);

	gic.node = node;
	gic.nr_regions = nr_regions;
	if (gic_populate_rdist())
		return -ENODEV;
	irq_set_chip_range(0, gic.irq_nr, &gic_chip);
	irq_set_default_host(node, gic_xlate);
	set_handle_irq(gic_handle_irq);
	arch_send_sgi_self = gic_send_sgi_self;
	gic_dist_init();
	gic_cpu_init();
	cpuhp_setup_state_nocalls(CPUHP_AP_IRQ_GIC_STARTING, "irqchip/arm/gicv3:starting",
				  gic_starting_cpu);
	set_smp_cross_call(gic_ipi_send_mask);
	set_smp_ipi_range(0, 8);		/* SGIs 0-7: Linux's IPIs */
	return 0;
}
