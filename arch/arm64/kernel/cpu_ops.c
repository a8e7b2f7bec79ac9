// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/cpu_ops.c: each CPU's enable-method, from its
 * /cpus/cpu@N node, and the operations that start it (asm/cpu_ops.h).
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/cpu_ops.h>
#include <asm/smp.h>
#include <libfdt.h>

static const struct cpu_operations *cpu_ops[NR_CPUS] __ro_after_init;

static const struct cpu_operations *const dt_supported_cpu_ops[] __initconst = {
	&smp_spin_table_ops,
	&cpu_psci_ops,
};

static const char *__init cpu_read_enable_method(int cpu)
{
	const void *fdt = initial_boot_params;
	int node = of_get_cpu_node(cpu);
	const char *method;

	if (node < 0) {
		if (!cpu)
			pr_err("Failed to find device node for boot cpu\n");
		return NULL;
	}
	method = fdt_getprop(fdt, node, "enable-method", NULL);
	/* The boot CPU needs none (it is already running): no warning. */
	if (!method && cpu)
		pr_err("%s: missing enable-method property\n", fdt_get_name(fdt, node, NULL));
	return method;
}

/* Find the CPU's enable-method and its operations: 0, or an error. */
int __init init_cpu_ops(int cpu)
{
	const char *method = cpu_read_enable_method(cpu);

	if (!method)
		return -ENODEV;
	for (size_t i = 0; i < ARRAY_SIZE(dt_supported_cpu_ops); i++) {
		if (!strcmp(method, dt_supported_cpu_ops[i]->name)) {
			cpu_ops[cpu] = dt_supported_cpu_ops[i];
			return 0;
		}
	}
	pr_warn("Unsupported enable-method: %s\n", method);
	return -EOPNOTSUPP;
}

const struct cpu_operations *get_cpu_ops(int cpu)
{
	return cpu_ops[cpu];
}
