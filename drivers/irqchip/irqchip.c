// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/irqchip/irqchip.c: find the interrupt controller the device
 * tree describes and start its driver. The table below is the only place
 * that knows which drivers exist; which one runs is the DTB's choice.
 */
#include <linux/errno.h>
#include <linux/init.h>
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
};

int __init irqchip_init(void)
{
	const void *fdt = initial_boot_params;
	int node;

	/* The first available interrupt-controller node a driver knows. */
	for (node = of_fdt_next_node(-1); node >= 0; node = of_fdt_next_node(node)) {
		if (!fdt_getprop(fdt, node, "interrupt-controller", NULL) ||
		    !of_fdt_device_is_available(node))
			continue;
		for (size_t i = 0; i < ARRAY_SIZE(irqchip_of_match); i++)
			if (!fdt_node_check_compatible(fdt, node, irqchip_of_match[i].compatible))
				return irqchip_of_match[i].init(node);
	}
	return -ENODEV;
}
