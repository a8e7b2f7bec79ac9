// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/smp_spin_table.c: enable-method = "spin-table". The
 * firmware parks each secondary CPU in a loop that waits (in wfe) for a
 * non-zero address at the CPU's cpu-release-addr, then jumps there with
 * the MMU off (Documentation/arm64/booting.rst; e.g. the Raspberry Pi 3's
 * armstub, or the test boot stub in tools/testing/boot/spintable_stub.S).
 *
 * cpu_prepare writes the physical address of head.S's
 * secondary_holding_pen there and sends an event: the CPU enters the pen,
 * drops to EL1, and waits again, now in our code, until
 * secondary_holding_pen_release holds its MPIDR. cpu_boot writes that,
 * cleans it to memory (the CPU reads it with its caches off) and sends an
 * event; the CPU goes on to secondary_startup.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <asm/barrier.h>
#include <asm/cacheflush.h>
#include <asm/cpu_ops.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/smp.h>
#include <libfdt.h>

static phys_addr_t cpu_release_addr[NR_CPUS] __ro_after_init;
/* Read by CPUs in head.S's holding pen with their MMU off: not in .bss. */
volatile u64 secondary_holding_pen_release __section(".data") = INVALID_HWID;

/* The pen's release word, written for the CPU whose MPIDR it holds. */
static void write_pen_release(u64 val)
{
	unsigned long start = (unsigned long)&secondary_holding_pen_release;

	secondary_holding_pen_release = val;
	dcache_clean_inval_poc(start, start + sizeof(secondary_holding_pen_release));
}

static int __init smp_spin_table_cpu_init(unsigned int cpu)
{
	const void *fdt = initial_boot_params;
	int node = of_get_cpu_node(cpu), len;
	const fdt32_t *prop = node < 0 ? NULL : fdt_getprop(fdt, node, "cpu-release-addr", &len);

	/* Two cells, always: a 64-bit address. */
	if (!prop || len != 8 || !of_read_number(prop, 2)) {
		pr_err("CPU %d: missing or invalid cpu-release-addr property\n", cpu);
		return -1;
	}
	cpu_release_addr[cpu] = of_read_number(prop, 2);
	return 0;
}

static int __init smp_spin_table_cpu_prepare(unsigned int cpu)
{
	phys_addr_t addr = cpu_release_addr[cpu];
	volatile u64 *release_addr;
	bool in_ram = memblock_is_map_memory(addr);

	if (!addr)
		return -ENODEV;
	/* Usually reserved RAM, in the linear map; else map it. */
	release_addr = in_ram ? __va(addr) : ioremap(addr, sizeof(*release_addr));
	if (!release_addr)
		return -ENOMEM;
	/*
	 * The CPU reads the word with its MMU and caches off: write it
	 * little-endian, and clean it to memory before the event.
	 */
	*release_addr = __pa_symbol(secondary_holding_pen);
	dcache_clean_inval_poc((unsigned long)release_addr,
			       (unsigned long)release_addr + sizeof(*release_addr));
	sev();
	return 0;
}

static int smp_spin_table_cpu_boot(unsigned int cpu)
{
	write_pen_release(cpu_logical_map(cpu));
	sev();
	return 0;
}

const struct cpu_operations smp_spin_table_ops = {
	.name = "spin-table",
	.cpu_init = smp_spin_table_cpu_init,
	.cpu_prepare = smp_spin_table_cpu_prepare,
	.cpu_boot = smp_spin_table_cpu_boot,
};
