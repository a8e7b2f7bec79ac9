// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/irqchip/irq-bcm2835.c: the BCM2835 family's peripheral
 * interrupt controller, "ARMCTRL" (compatible "brcm,bcm2836-armctrl-ic" on
 * the Pi 2 and 3, where it is chained behind the per-core controller,
 * irq-bcm2836.c, on that controller's GPU line).
 *
 * Three banks: 0 the ARM peripherals (8 lines), 1 and 2 the GPU's 64
 * peripheral lines (the mini UART is bank 1 line 29, the PL011 bank 2 line
 * 25). A device tree specifier is <bank line>; this kernel numbers them
 * 32 + 32 * bank + line. Each bank has a pending, an enable and a disable
 * register (write 1 to a bit); the chained handler reads the pending
 * registers and runs each set line's handler.
 */
#define pr_fmt(fmt) "bcm2835-armctrl: " fmt

#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/irqchip.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <asm/io.h>
#include <libfdt.h>

#define NR_BANKS	3
#define FIRST_IRQ	32	/* after the per-core controller's lines */
#define BANK0_LINES	8

/* Per bank: basic (0), GPU 0-31 (1), GPU 32-63 (2). */
static const unsigned int reg_pending[NR_BANKS] = { 0x00, 0x04, 0x08 };
static const unsigned int reg_enable[NR_BANKS] = { 0x18, 0x10, 0x14 };
static const unsigned int reg_disable[NR_BANKS] = { 0x24, 0x1c, 0x20 };

static struct {
	void __iomem *base;
	u32 enabled[NR_BANKS];	/* what we unmasked: pending is read through it */
} armctrl;

static void armctrl_mask(struct irq_data *d)
{
	unsigned int bank = (d->hwirq - FIRST_IRQ) / 32, bit = (d->hwirq - FIRST_IRQ) % 32;

	writel(1U << bit, armctrl.base + reg_disable[bank]);
	armctrl.enabled[bank] &= ~(1U << bit);
}

static void armctrl_unmask(struct irq_data *d)
{
	unsigned int bank = (d->hwirq - FIRST_IRQ) / 32, bit = (d->hwirq - FIRST_IRQ) % 32;

	armctrl.enabled[bank] |= 1U << bit;
	writel(1U << bit, armctrl.base + reg_enable[bank]);
}

static int armctrl_set_type(struct irq_data *d, unsigned int type)
{
	return 0;	/* level lines, nothing to configure */
}

static struct irq_chip armctrl_chip = {
	.name = "ARMCTRL",
	.irq_mask = armctrl_mask,
	.irq_unmask = armctrl_unmask,
	.irq_set_type = armctrl_set_type,
};

/* On the parent's GPU line: every pending, enabled peripheral line. */
static irqreturn_t bcm2836_chained_handle_irq(int irq, void *dev_id)
{
	bool any = false;

	for (unsigned int bank = 0; bank < NR_BANKS; bank++) {
		u32 stat = readl(armctrl.base + reg_pending[bank]) & armctrl.enabled[bank];

		while (stat) {
			unsigned int bit = __builtin_ctz(stat);

			stat &= stat - 1;
			generic_handle_irq(FIRST_IRQ + 32 * bank + bit);
			any = true;
		}
	}
	return any ? IRQ_HANDLED : IRQ_NONE;
}

/* <bank line>, no trigger cell. */
static int armctrl_xlate(const u32 *cells, int ncells, unsigned long *hwirq,
			 unsigned int *type)
{
	if (ncells != 2 || cells[0] >= NR_BANKS || cells[1] >= 32 ||
	    (cells[0] == 0 && cells[1] >= BANK0_LINES))
		return -EINVAL;
	*hwirq = FIRST_IRQ + 32 * cells[0] + cells[1];
	*type = IRQ_TYPE_NONE;
	return 0;
}

int __init bcm2836_armctrl_of_init(int node)
{
	const char *name = fdt_get_name(initial_boot_params, node, NULL);
	unsigned int parent;
	phys_addr_t phys;
	u64 size;
	int err;

	if (of_address_to_resource(node, 0, &phys, &size) || size < 0x28 ||
	    !(armctrl.base = ioremap(phys, size))) {
		pr_err("%s: unable to map the registers\n", name);
		return -ENODEV;
	}
	for (unsigned int bank = 0; bank < NR_BANKS; bank++)
		writel(~0U, armctrl.base + reg_disable[bank]);
	irq_set_chip_range(FIRST_IRQ, 32 * NR_BANKS, &armctrl_chip);
	irq_add_host(node, armctrl_xlate);
	parent = irq_of_parse_and_map(node, 0);
	if (!parent) {
		pr_err("%s: no parent interrupt\n", name);
		return -ENODEV;
	}
	err = request_irq(parent, bcm2836_chained_handle_irq, 0, "ARMCTRL", &armctrl);
	if (err)
		return err;
	pr_info("%s at %#llx, chained on IRQ %u\n", name, phys, parent);
	return 0;
}
