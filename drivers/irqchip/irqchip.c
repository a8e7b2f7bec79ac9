// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/irqchip/irqchip.c: find the interrupt controllers the device
 * tree describes and start their drivers: first the root one (its own
 * interrupt-parent, or none), then any chained behind it (the Raspberry
 * Pi's peripheral controller behind the per-core one). The table below is
 * the only place that knows which drivers exist; which run is the DTB's
 * choice.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/printk.h>
#include <linux/irqchip.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <libfdt.h>

static const struct {
	const char *compatible;
	irqchip_init_fn init;
} irqchip_of_match[] __initconst = {
	{ "arm,gic-v3", gic_v3_of_init },
	{ "arm,gic-400", gic_of_init },
	{ "arm,cortex-a15-gic", gic_of_init },
	{ "arm,cortex-a9-gic", gic_of_init },
	{ "brcm,bcm2836-l1-intc", bcm2836_arm_irqchip_l1_intc_of_init },
	{ "brcm,bcm2836-armctrl-ic", bcm2836_armctrl_of_init },
};

/* The driver of an available interrupt-controller node, or NULL. */
static irqchip_init_fn __init irqchip_driver(int node)
{
	const void *fdt = initial_boot_params;

	if (!of_fdt_getprop(node, "interrupt-controller", NULL) ||
	    !of_fdt_device_is_available(node))
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(irqchip_of_match); i++)
		if (!fdt_node_check_compatible(fdt, node, irqchip_of_match[i].compatible))
			return irqchip_of_match[i].init;
	return NULL;
}

int __init irqchip_init(void)
{
	irqchip_init_fn init;
	int node, root = -1, parent;

	/* The first root controller a driver knows. */
	for (node = of_fdt_next_node(-1); node >= 0; node = of_fdt_next_node(node)) {
		parent = of_irq_find_parent(node);
		if ((parent < 0 || parent == node) && (init = irqchip_driver(node))) {
			if (init(node))
				return -ENODEV;
			root = node;
			break;
		}
	}
	if (root < 0)
		return -ENODEV;
	/* Controllers chained behind it (one level, as on the Pi). */
	for (node = of_fdt_next_node(-1); node >= 0; node = of_fdt_next_node(node))
		if (node != root && of_irq_find_parent(node) == root &&
		    (init = irqchip_driver(node)) && init(node))
			pr_err("%s: not started\n", fdt_get_name(initial_boot_params, node, NULL));
	return 0;
}
