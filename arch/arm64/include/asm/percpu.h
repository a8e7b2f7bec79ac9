/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/percpu.h: where this CPU's per-CPU data is. As in
 * Linux, TPIDR_EL1 (a register EL0 cannot read) holds this CPU's offset,
 * __per_cpu_offset[cpu]: the distance from the per-CPU template in the
 * image (.data..percpu) to the CPU's own copy (mm/percpu.c). head.S's
 * init_cpu_task sets it for each CPU before any C runs.
 */
#ifndef __ASM_PERCPU_H
#define __ASM_PERCPU_H

static inline void set_my_cpu_offset(unsigned long off)
{
	__asm__ volatile("msr tpidr_el1, %0" : : "r"(off) : "memory");
}

static inline unsigned long __my_cpu_offset(void)
{
	unsigned long off;

	__asm__ volatile("mrs %0, tpidr_el1" : "=r"(off));
	return off;
}

#endif
