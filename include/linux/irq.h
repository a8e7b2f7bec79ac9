/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/irq.h: the generic interrupt layer (kernel/irq/): one
 * struct irq_desc per interrupt number, the irq_chip that masks, unmasks
 * and configures it, and the handler drivers installed with request_irq().
 *
 * Interrupt numbers are the interrupt controller's own (GIC INTIDs): SGIs
 * 0-15, PPIs 16-31, SPIs 32 and up. irq_of_parse_and_map() turns a device
 * tree "interrupts" specifier into one and configures its trigger.
 */
#ifndef __LINUX_IRQ_H
#define __LINUX_IRQ_H

#include <linux/compiler.h>
#include <linux/interrupt.h>
#include <linux/types.h>

#define NR_IRQS 1020	/* INTIDs 1020-1023 are the GIC's special ones */

/* Trigger types, as in the DT binding's third cell (dt-bindings/interrupt-controller/irq.h). */
#define IRQ_TYPE_NONE		0
#define IRQ_TYPE_EDGE_RISING	1
#define IRQ_TYPE_EDGE_FALLING	2
#define IRQ_TYPE_EDGE_BOTH	(IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING)
#define IRQ_TYPE_LEVEL_HIGH	4
#define IRQ_TYPE_LEVEL_LOW	8
#define IRQ_TYPE_SENSE_MASK	0x0000000f

struct irq_data;

/* What a controller driver provides for each of its interrupts. */
struct irq_chip {
	const char *name;
	void (*irq_mask)(struct irq_data *d);
	void (*irq_unmask)(struct irq_data *d);
	int (*irq_set_type)(struct irq_data *d, unsigned int type);
};

struct irq_data {
	unsigned int irq;
	unsigned long hwirq;	/* the controller's number (here == irq) */
	struct irq_chip *chip;
};

struct irq_desc {
	struct irq_data irq_data;
	irq_handler_t handler;	/* NULL: nobody asked for it */
	void *dev_id;
	const char *name;
	unsigned int type;	/* IRQ_TYPE_* last configured */
	unsigned long spurious;	/* taken with no handler, or IRQ_NONE */
};

struct irq_desc *irq_to_desc(unsigned int irq);

/* The controller driver claims interrupts [first, first + n) for chip. */
void irq_set_chip_range(unsigned int first, unsigned int n, struct irq_chip *chip);
int irq_set_irq_type(unsigned int irq, unsigned int type);

/* Run the handler of irq (from the controller's root handler). */
int generic_handle_irq(unsigned int irq);

/* Times irq has been handled since boot (Linux's kstat_irqs), on cpu. */
unsigned long kstat_irqs(unsigned int irq);
unsigned int kstat_irqs_cpu(unsigned int irq, unsigned int cpu);
/* /proc/interrupts' text into buf (kernel/irq/proc.c); its length. */
int show_interrupts(char *buf, size_t size);

/*
 * A controller device tree nodes' interrupts may go to, and how its
 * specifiers translate to this kernel's interrupt numbers: added by the
 * root controller's driver (irq_set_default_host) and by drivers of
 * controllers chained behind it (irq_add_host), each numbering its
 * interrupts in its own part of [0, NR_IRQS).
 * xlate: cells -> (irq, IRQ_TYPE_*); 0 or a negative errno.
 */
typedef int (*irq_xlate_t)(const u32 *cells, int ncells, unsigned long *hwirq,
			   unsigned int *type);
void irq_set_default_host(int fdt_node, irq_xlate_t xlate);
void irq_add_host(int fdt_node, irq_xlate_t xlate);

/* The node's interrupt-parent (or its nearest ancestor's); -1 if none. */
int of_irq_find_parent(int fdt_node);

/*
 * The index-th interrupt of a DT node, translated by its interrupt-parent's
 * driver and configured with the specifier's trigger; 0 if there is none.
 */
unsigned int irq_of_parse_and_map(int fdt_node, int index);

#endif
