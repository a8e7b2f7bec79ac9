// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/psci.c: enable-method = "psci". The firmware starts
 * the CPU (PSCI CPU_ON, through the /psci conduit) at secondary_entry in
 * head.S, at its physical address, MMU off, at EL2 or EL1.
 */
#define pr_fmt(fmt) "psci: " fmt

#include <linux/errno.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/psci.h>
#include <asm/cpu_ops.h>
#include <asm/memory.h>
#include <asm/smp.h>

static int __init cpu_psci_cpu_init(unsigned int cpu)
{
	return 0;
}

static int __init cpu_psci_cpu_prepare(unsigned int cpu)
{
	if (!psci_ops.cpu_on) {
		pr_err("no cpu_on method, not booting CPU%d\n", cpu);
		return -ENODEV;
	}
	return 0;
}

static int cpu_psci_cpu_boot(unsigned int cpu)
{
	phys_addr_t pa_secondary_entry = __pa_symbol(secondary_entry);
	int err = psci_ops.cpu_on(cpu_logical_map(cpu), pa_secondary_entry);

	if (err)
		pr_err("failed to boot CPU%d (%d)\n", cpu, err);
	return err;
}

const struct cpu_operations cpu_psci_ops = {
	.name = "psci",
	.cpu_init = cpu_psci_cpu_init,
	.cpu_prepare = cpu_psci_cpu_prepare,
	.cpu_boot = cpu_psci_cpu_boot,
};
