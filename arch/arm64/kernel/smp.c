// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/smp.c: the CPUs. Only the boot CPU runs for now: this
 * file identifies it (MPIDR, MIDR), counts the CPUs /cpus describes, and
 * reports the exception level the boot CPU entered at. Bringing up the
 * others (PSCI CPU_ON) is not implemented yet, and the log says so.
 */
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <asm/sysreg.h>
#include <asm/virt.h>
#include <libfdt.h>

static u64 boot_cpu_hwid __ro_after_init;
static int possible_cpus __ro_after_init = 1;

void __init smp_setup_processor_id(void)
{
	boot_cpu_hwid = read_sysreg(mpidr_el1) & MPIDR_HWID_BITMASK;
	pr_info("Booting headstart on physical CPU 0x%010llx [0x%08llx]\n", boot_cpu_hwid,
		read_sysreg(midr_el1));
}

/* Count the cpu nodes of /cpus and check the boot CPU is among them. */
void __init smp_init_cpus(void)
{
	const void *fdt = initial_boot_params;
	int cpus = of_fdt_path_offset("/cpus"), node, count = 0;
	bool found_boot_cpu = false;

	if (cpus < 0) {
		pr_warn("smp: no /cpus node in the device tree\n");
		return;
	}
	of_fdt_for_each_child(node, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		const void *reg = fdt_getprop(fdt, node, "reg", NULL);

		if (!type || strcmp(type, "cpu") || !of_fdt_device_is_available(node))
			continue;
		count++;
		/* A cpu's reg is its MPIDR affinity, in /cpus' #address-cells. */
		if (reg && of_read_number(reg, fdt_address_cells(fdt, cpus)) == boot_cpu_hwid)
			found_boot_cpu = true;
	}
	if (count)
		possible_cpus = count;
	if (!found_boot_cpu)
		pr_warn("smp: boot CPU (MPIDR 0x%llx) not listed in /cpus\n", boot_cpu_hwid);
}

void __init smp_cpus_done(void)
{
	pr_info("smp: Bringing up secondary CPUs ...\n");
	if (possible_cpus > 1)
		pr_info("smp: %d CPUs in /cpus; secondary CPU bring-up is not implemented, "
			"they stay off\n", possible_cpus);
	pr_info("smp: Brought up 1 node, 1 CPU\n");
	pr_info("SMP: Total of 1 processors activated.\n");
	pr_info("CPU: All CPU(s) started at EL%d\n", is_hyp_mode_available() ? 2 : 1);
}
