// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/smp.c: the CPUs. Identifies the boot CPU (MPIDR,
 * MIDR), reads /cpus into the logical map (CPU number -> MPIDR, the boot
 * CPU being CPU0) and the possible mask, and reports the CPUs that came
 * up and the exception level they entered at. Starting the others is not
 * implemented yet: they stay off.
 */
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/percpu.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <asm/virt.h>
#include <libfdt.h>

DEFINE_PER_CPU(unsigned int, cpu_number);
unsigned int nr_cpu_ids __ro_after_init = NR_CPUS;
struct cpumask __cpu_possible_mask __ro_after_init = { 1 };
struct cpumask __cpu_online_mask = { 1 };

u64 __cpu_logical_map[NR_CPUS] = { [0 ... NR_CPUS - 1] = INVALID_HWID };

void __init smp_setup_processor_id(void)
{
	u64 mpidr = read_sysreg(mpidr_el1) & MPIDR_HWID_BITMASK;

	set_cpu_logical_map(0, mpidr);
	/* Per-CPU data of the boot CPU: the template, until copies exist. */
	set_my_cpu_offset(0);
	pr_info("Booting headstart on physical CPU 0x%010llx [0x%08llx]\n", mpidr,
		read_sysreg(midr_el1));
}

/* The node's reg, the CPU's MPIDR affinity, or INVALID_HWID. */
static u64 __init of_get_cpu_mpidr(int cpus, int node)
{
	const void *fdt = initial_boot_params;
	int len, cells = fdt_address_cells(fdt, cpus);
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
	u64 hwid;

	if (!reg || cells < 1 || cells > 2 || len < cells * 4) {
		pr_err("%s: missing reg property\n", fdt_get_name(fdt, node, NULL));
		return INVALID_HWID;
	}
	hwid = of_read_number(reg, cells);
	if (hwid & ~MPIDR_HWID_BITMASK) {
		pr_err("%s: invalid reg property\n", fdt_get_name(fdt, node, NULL));
		return INVALID_HWID;
	}
	return hwid;
}

/* The /cpus node of a logical CPU, or -1 (arch/arm64/kernel/cpu_ops.c). */
static int cpu_node[NR_CPUS] __ro_after_init = { [0 ... NR_CPUS - 1] = -1 };

int __init of_get_cpu_node(unsigned int cpu)
{
	return cpu < NR_CPUS ? cpu_node[cpu] : -1;
}

/*
 * Enumerate /cpus as Linux does: the boot CPU is CPU0 whatever its place,
 * the others are numbered in the order they appear; bad or duplicate reg
 * values are skipped, and CPUs past nr_cpu_ids (NR_CPUS or nr_cpus=) are
 * left off.
 */
void __init smp_init_cpus(void)
{
	const void *fdt = initial_boot_params;
	int cpus = of_fdt_path_offset("/cpus"), node;
	unsigned int cpu_count = 1;
	bool bootcpu_valid = false;

	if (cpus < 0) {
		pr_warn("smp: no /cpus node in the device tree\n");
		nr_cpu_ids = 1;
		return;
	}
	of_fdt_for_each_child(node, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		u64 hwid;
		bool dup = false;

		if (!type || strcmp(type, "cpu") || !of_fdt_device_is_available(node))
			continue;
		hwid = of_get_cpu_mpidr(cpus, node);
		if (hwid == INVALID_HWID)
			continue;
		for (unsigned int i = 1; i < cpu_count && i < NR_CPUS; i++)
			dup |= cpu_logical_map(i) == hwid;
		if (dup) {
			pr_err("%s: duplicate cpu reg properties in the DT\n",
			       fdt_get_name(fdt, node, NULL));
			continue;
		}
		if (hwid == cpu_logical_map(0)) {
			if (bootcpu_valid) {
				pr_err("%s: duplicate boot cpu reg property in DT\n",
				       fdt_get_name(fdt, node, NULL));
				continue;
			}
			bootcpu_valid = true;
			cpu_node[0] = node;
			continue;
		}
		if (cpu_count >= nr_cpu_ids) {
			cpu_count++;	/* counted for the warning below */
			continue;
		}
		set_cpu_logical_map(cpu_count, hwid);
		cpu_node[cpu_count] = node;
		cpu_count++;
	}

	if (!bootcpu_valid) {
		pr_err("missing boot CPU MPIDR, not enabling secondaries\n");
		nr_cpu_ids = 1;
		return;
	}
	if (cpu_count > nr_cpu_ids)
		pr_warn("Number of cores (%d) exceeds configured maximum of %u - clipping\n",
			cpu_count, nr_cpu_ids);
	nr_cpu_ids = min(cpu_count, nr_cpu_ids);
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		set_cpu_possible(cpu, true);
}

/* After setup_per_cpu_areas: the boot CPU moves to its own copy. */
void __init smp_prepare_boot_cpu(void)
{
	set_my_cpu_offset(per_cpu_offset(0));
	__this_cpu_write(cpu_number, 0);
	init_task.cpu = 0;
}

/* Before bringing up the others: each CPU's number in its per-CPU copy. */
void __init smp_prepare_cpus(unsigned int max_cpus)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		per_cpu(cpu_number, cpu) = cpu;
}

void __init smp_cpus_done(unsigned int max_cpus)
{
	pr_info("SMP: Total of %d processors activated.\n", num_online_cpus());
	pr_info("CPU: All CPU(s) started at EL%d\n", is_hyp_mode_available() ? 2 : 1);
}
