/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/smp.h: the logical map, CPU number -> MPIDR
 * affinity (the /cpus reg of each CPU; CPU0 is the boot CPU), as in Linux.
 */
#ifndef __ASM_SMP_H
#define __ASM_SMP_H

#include <linux/percpu.h>
#include <linux/types.h>

#define INVALID_HWID (~0UL)

extern u64 __cpu_logical_map[NR_CPUS];
#define cpu_logical_map(cpu) __cpu_logical_map[cpu]

static inline void set_cpu_logical_map(unsigned int cpu, u64 hwid)
{
	__cpu_logical_map[cpu] = hwid;
}

/* The /cpus/cpu@N node of a logical CPU, or -1. */
int of_get_cpu_node(unsigned int cpu);

#endif
