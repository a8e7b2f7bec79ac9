/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/smp.h: which CPU am I, and the CPUs' bring-up
 * (arch/arm64/kernel/smp.c), with Linux's names.
 *
 * smp_processor_id() is this CPU's number, read from the per-CPU variable
 * cpu_number through TPIDR_EL1 (as Linux's arm64 does). It is stable only
 * while the task cannot move: interrupts masked, preemption disabled or a
 * spinlock held.
 */
#ifndef __LINUX_SMP_H
#define __LINUX_SMP_H

#include <linux/cpumask.h>
#include <linux/percpu.h>

struct task_struct;

DECLARE_PER_CPU(unsigned int, cpu_number);

#define raw_smp_processor_id() this_cpu_read(cpu_number)
#define smp_processor_id() raw_smp_processor_id()

/* arch/arm64/kernel/smp.c */
void smp_setup_processor_id(void);	/* start_kernel: the boot CPU is CPU0 */
void smp_init_cpus(void);		/* setup_arch: /cpus -> possible CPUs */
void smp_prepare_boot_cpu(void);	/* after setup_per_cpu_areas */
void smp_prepare_cpus(unsigned int max_cpus);
void smp_cpus_done(unsigned int max_cpus);
void smp_init(void);			/* kernel/smp.c: bring up the others */

extern unsigned int setup_max_cpus;	/* maxcpus=, nosmp */

#endif
