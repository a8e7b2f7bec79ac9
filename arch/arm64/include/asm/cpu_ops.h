/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/cpu_ops.h: how a CPU is started, as its
 * /cpus/cpu@N node's enable-method says (arch/arm64/kernel/cpu_ops.c):
 * "psci" (arch/arm64/kernel/psci.c) or "spin-table"
 * (arch/arm64/kernel/smp_spin_table.c).
 *
 *	cpu_init	read the method's DT properties for the CPU (boot time)
 *	cpu_prepare	make the CPU ready to be started (spin-table: send
 *			it from the firmware's loop into our holding pen)
 *	cpu_boot	start it: it enters head.S and, through
 *			secondary_startup, secondary_start_kernel()
 */
#ifndef __ASM_CPU_OPS_H
#define __ASM_CPU_OPS_H

struct cpu_operations {
	const char *name;
	int (*cpu_init)(unsigned int cpu);
	int (*cpu_prepare)(unsigned int cpu);
	int (*cpu_boot)(unsigned int cpu);
};

int init_cpu_ops(int cpu);
const struct cpu_operations *get_cpu_ops(int cpu);

extern const struct cpu_operations cpu_psci_ops;
extern const struct cpu_operations smp_spin_table_ops;

/* head.S: the entry points a secondary CPU is started at (physical). */
void secondary_entry(void);
void secondary_holding_pen(void);
extern volatile u64 secondary_holding_pen_release;

#endif
