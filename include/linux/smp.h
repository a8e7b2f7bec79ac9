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
/* Start a secondary CPU on its idle task; 0 once it is online. */
int __cpu_up(unsigned int cpu, struct task_struct *idle);
int cpu_up(unsigned int cpu);		/* kernel/cpu.c */
extern struct cpumask __cpu_present_mask;	/* ready to be started */
#define cpu_present_mask ((const struct cpumask *)&__cpu_present_mask)
#define for_each_present_cpu(cpu) for_each_cpu(cpu, cpu_present_mask)
void smp_init(void);			/* kernel/smp.c: bring up the others */

extern unsigned int setup_max_cpus;	/* maxcpus=, nosmp */

/*
 * Run func(info) on other CPUs, in their IPI handler (interrupts masked),
 * kernel/smp.c. With wait, return once every one has finished; waiting
 * needs interrupts on here (two CPUs waiting on each other with them off
 * would deadlock), so it is refused (-EBUSY) otherwise.
 * smp_call_function_single without wait returns once the call is queued
 * (info must outlive it); it may first wait for this CPU's previous such
 * call, so it too wants interrupts on.
 */
typedef void (*smp_call_func_t)(void *info);
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
/* Every online CPU but this one (wait only; nothing is done without it). */
void smp_call_function(smp_call_func_t func, void *info, int wait);
/* Every online CPU, this one too, at the same time (here with interrupts masked). */
void on_each_cpu(smp_call_func_t func, void *info, int wait);
/* The IPI_CALL_FUNC handler: run what was queued for this CPU. */
void generic_smp_call_function_interrupt(void);
/* The IPI_RESCHEDULE handler (kernel/sched/core.c). */
void scheduler_ipi(void);

#endif
