/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/irqchip.h: interrupt controller drivers (drivers/irqchip/),
 * found by compatible string in the device tree (irqchip.c), never chosen
 * at build time.
 */
#ifndef __LINUX_IRQCHIP_H
#define __LINUX_IRQCHIP_H

/* Initialise a controller from its DT node; 0 or a negative errno. */
typedef int (*irqchip_init_fn)(int fdt_node);

int gic_of_init(int fdt_node);		/* irq-gic.c: GICv2 */
int gic_v3_of_init(int fdt_node);	/* irq-gic-v3.c */
int bcm2836_arm_irqchip_l1_intc_of_init(int fdt_node);	/* irq-bcm2836.c */
int bcm2836_armctrl_of_init(int fdt_node);	/* irq-bcm2835.c: chained */

/* Start the root controller and those chained to it; 0 or -ENODEV. */
int irqchip_init(void);

#endif
