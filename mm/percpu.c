// SPDX-License-Identifier: GPL-2.0
/*
 * mm/percpu.c: one copy of the per-CPU template (.data..percpu, see
 * include/linux/percpu.h) for each possible CPU, from memblock, and their
 * offsets in __per_cpu_offset[]. Linux's allocator also serves
 * alloc_percpu(); here the static variables are all there is.
 */
#include <linux/const.h>
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/percpu.h>
#include <linux/string.h>
#include <asm/memory.h>

unsigned long __per_cpu_offset[NR_CPUS] __ro_after_init;

void __init setup_per_cpu_areas(void)
{
	size_t size = ALIGN(__per_cpu_end - __per_cpu_start, 64);
	unsigned int cpu;
	phys_addr_t base;
	char *area;

	if (!size)
		size = 64;
	base = memblock_phys_alloc(size * nr_cpu_ids, PAGE_SIZE);
	if (!base)
		panic("Failed to allocate %zu bytes for the per-CPU areas", size * nr_cpu_ids);
	area = __va(base);
	for_each_possible_cpu(cpu) {
		char *copy = area + cpu * size;

		memcpy(copy, __per_cpu_start, __per_cpu_end - __per_cpu_start);
		__per_cpu_offset[cpu] = copy - __per_cpu_start;
	}
}
