// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/irq/irqdesc.c: the generic interrupt layer. One struct irq_desc
 * per interrupt number (the GIC's INTID); drivers attach handlers with
 * request_irq(), the root controller's handler (drivers/irqchip/) calls
 * generic_handle_irq() for each interrupt it acknowledges, and device tree
 * interrupt specifiers become numbers through irq_of_parse_and_map().
 *
 * Locking: request_irq() and free_irq() take irq_desc_lock (interrupts
 * masked), so two CPUs never attach to one number at once; a handler is
 * published with release order after its dev_id and name, and
 * generic_handle_irq(), on any CPU, reads it with acquire order first, so
 * it never sees a new handler with an old dev_id.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/of_fdt.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>
#include <libfdt.h>

static struct irq_desc irq_descs[NR_IRQS];
/* Times each interrupt was handled, per CPU: only that CPU writes its own. */
static DEFINE_PER_CPU(unsigned int[NR_IRQS], kstat_irqs_percpu);
static DEFINE_RAW_SPINLOCK(irq_desc_lock);

struct irq_desc *irq_to_desc(unsigned int irq)
{
	if (irq >= NR_IRQS)
		return NULL;
	return &irq_descs[irq];
}

void irq_set_chip_range(unsigned int first, unsigned int n, struct irq_chip *chip)
{
	for (unsigned int irq = first; irq < first + n && irq < NR_IRQS; irq++) {
		irq_descs[irq].irq_data.irq = irq;
		irq_descs[irq].irq_data.hwirq = irq;
		irq_descs[irq].irq_data.chip = chip;
	}
}

int irq_set_irq_type(unsigned int irq, unsigned int type)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irq_chip *chip = desc ? desc->irq_data.chip : NULL;
	int ret = 0;

	if (!chip)
		return -EINVAL;
	type &= IRQ_TYPE_SENSE_MASK;
	if (type == IRQ_TYPE_NONE)
		return 0;
	if (chip->irq_set_type)
		ret = chip->irq_set_type(&desc->irq_data, type);
	if (!ret)
		desc->type = type;
	return ret;
}

int generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	irq_handler_t handler;

	if (!desc)
		return -EINVAL;
	this_cpu_ptr(&kstat_irqs_percpu)[0][irq]++;	/* interrupts masked */
	handler = smp_load_acquire(&desc->handler);	/* then its dev_id */
	if (!handler || handler(irq, desc->dev_id) == IRQ_NONE)
		desc->spurious++;
	return 0;
}

unsigned int kstat_irqs_cpu(unsigned int irq, unsigned int cpu)
{
	return irq < NR_IRQS ? READ_ONCE(per_cpu(kstat_irqs_percpu, cpu)[irq]) : 0;
}

unsigned long kstat_irqs(unsigned int irq)
{
	unsigned long n = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		n += kstat_irqs_cpu(irq, cpu);
	return n;
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long daif;

	if (!desc || !handler || !desc->irq_data.chip)
		return -EINVAL;
	raw_spin_lock_irqsave(&irq_desc_lock, daif);
	if (desc->handler) {
		raw_spin_unlock_irqrestore(&irq_desc_lock, daif);
		return -EBUSY;
	}
	desc->dev_id = dev_id;
	desc->name = name;
	smp_store_release(&desc->handler, handler);	/* after what it needs */
	raw_spin_unlock_irqrestore(&irq_desc_lock, daif);
	enable_irq(irq);
	return 0;
}

void free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	unsigned long daif;

	if (!desc || desc->dev_id != dev_id)
		return;
	disable_irq(irq);
	raw_spin_lock_irqsave(&irq_desc_lock, daif);
	WRITE_ONCE(desc->handler, NULL);
	desc->dev_id = NULL;
	desc->name = NULL;
	raw_spin_unlock_irqrestore(&irq_desc_lock, daif);
}

void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc && desc->irq_data.chip && desc->irq_data.chip->irq_unmask)
		desc->irq_data.chip->irq_unmask(&desc->irq_data);
}

void enable_percpu_irq(unsigned int irq, unsigned int type)
{
	if (type)
		irq_set_irq_type(irq, type);
	enable_irq(irq);	/* the GIC's PPI registers are this CPU's */
}

void disable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc && desc->irq_data.chip && desc->irq_data.chip->irq_mask)
		desc->irq_data.chip->irq_mask(&desc->irq_data);
}

/* ---- Device tree interrupt specifiers --------------------------------- */

/*
 * The controllers whose specifiers we can translate: the root one and those
 * chained behind it (Linux's irq domains, one number space here).
 */
static struct {
	int node;
	irq_xlate_t xlate;
} irq_hosts[4];
static int nr_irq_hosts;

void irq_add_host(int fdt_node, irq_xlate_t xlate)
{
	if (nr_irq_hosts == (int)ARRAY_SIZE(irq_hosts)) {
		pr_err("too many interrupt controllers: %s ignored\n",
		       fdt_get_name(initial_boot_params, fdt_node, NULL));
		return;
	}
	irq_hosts[nr_irq_hosts].node = fdt_node;
	irq_hosts[nr_irq_hosts++].xlate = xlate;
}

void irq_set_default_host(int fdt_node, irq_xlate_t xlate)
{
	irq_add_host(fdt_node, xlate);
}

static irq_xlate_t irq_host_xlate(int fdt_node)
{
	for (int i = 0; i < nr_irq_hosts; i++)
		if (irq_hosts[i].node == fdt_node)
			return irq_hosts[i].xlate;
	return NULL;
}

/* interrupt-parent of node, or of its nearest ancestor that has one. */
int of_irq_find_parent(int node)
{
	for (; node >= 0; node = of_fdt_parent(node)) {
		const fdt32_t *p = of_fdt_getprop(node, "interrupt-parent", NULL);

		if (p)
			return of_fdt_node_by_phandle(fdt32_to_cpu(*p));
	}
	return -1;
}

unsigned int irq_of_parse_and_map(int node, int index)
{
	const void *fdt = initial_boot_params;
	const fdt32_t *prop, *ncells_prop;
	int len, parent, ncells;
	u32 cells[4];
	unsigned long hwirq;
	unsigned int type;
	irq_xlate_t xlate;

	if (!fdt || !nr_irq_hosts)
		return 0;
	prop = fdt_getprop(fdt, node, "interrupts", &len);
	parent = of_irq_find_parent(node);
	xlate = irq_host_xlate(parent);
	if (!prop || !xlate) {
		if (prop)
			pr_err("%s: interrupt parent is not a controller we drive\n",
			       fdt_get_name(fdt, node, NULL));
		return 0;
	}
	ncells_prop = fdt_getprop(fdt, parent, "#interrupt-cells", NULL);
	ncells = ncells_prop ? (int)fdt32_to_cpu(*ncells_prop) : 0;
	if (ncells <= 0 || ncells > (int)ARRAY_SIZE(cells) ||
	    (index + 1) * ncells * 4 > len)
		return 0;
	for (int i = 0; i < ncells; i++)
		cells[i] = fdt32_to_cpu(prop[index * ncells + i]);
	if (xlate(cells, ncells, &hwirq, &type) || hwirq >= NR_IRQS)
		return 0;
	if (irq_set_irq_type(hwirq, type)) {
		pr_err("%s: cannot set trigger type %u of irq %lu\n",
		       fdt_get_name(fdt, node, NULL), type, hwirq);
		return 0;
	}
	return hwirq;
}
