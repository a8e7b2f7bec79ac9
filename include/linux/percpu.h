/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/percpu.h: per-CPU variables, with Linux's names.
 *
 *	DEFINE_PER_CPU(int, x);		one x per CPU
 *	this_cpu_read(x), this_cpu_write(x, v), this_cpu_add(x, n), this_cpu_inc(x)
 *	this_cpu_ptr(&x)		this CPU's copy (use with interrupts or
 *					preemption off, or the task may move)
 *	per_cpu(x, cpu), per_cpu_ptr(&x, cpu)	another CPU's copy
 *
 * DEFINE_PER_CPU puts the variable in .data..percpu, the template;
 * setup_per_cpu_areas() (mm/percpu.c) gives each possible CPU a copy and
 * records how far it is from the template in __per_cpu_offset[cpu]. A CPU
 * finds its own offset in TPIDR_EL1 (asm/percpu.h). The boot CPU runs on
 * the template itself (offset 0) until then; what it wrote there is
 * copied to every CPU.
 *
 * The this_cpu_* operations mask interrupts for their duration, so they
 * are safe against this CPU's interrupt handlers and against migration.
 */
#ifndef __LINUX_PERCPU_H
#define __LINUX_PERCPU_H

#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/types.h>
#include <asm/percpu.h>

#define NR_CPUS CONFIG_NR_CPUS

#define PER_CPU_SECTION ".data..percpu"
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name) __section(PER_CPU_SECTION) __typeof__(type) name
#define DEFINE_PER_CPU_ALIGNED(type, name) \
	__section(PER_CPU_SECTION) __aligned(64) __typeof__(type) name

extern unsigned long __per_cpu_offset[NR_CPUS];
extern char __per_cpu_start[], __per_cpu_end[];

#define per_cpu_offset(cpu) (__per_cpu_offset[cpu])
#define per_cpu_ptr(ptr, cpu) \
	((__typeof__(ptr))((unsigned long)(ptr) + per_cpu_offset(cpu)))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), cpu))
#define raw_cpu_ptr(ptr) ((__typeof__(ptr))((unsigned long)(ptr) + __my_cpu_offset()))
#define this_cpu_ptr(ptr) raw_cpu_ptr(ptr)

#define __this_cpu_read(var) READ_ONCE(*raw_cpu_ptr(&(var)))
#define __this_cpu_write(var, val) WRITE_ONCE(*raw_cpu_ptr(&(var)), (val))

#define this_cpu_read(var) ({						\
	unsigned long __pcpu_flags;					\
	__typeof__(var) __pcpu_val;					\
	local_irq_save(__pcpu_flags);					\
	__pcpu_val = __this_cpu_read(var);				\
	local_irq_restore(__pcpu_flags);				\
	__pcpu_val;							\
})

#define this_cpu_write(var, val) do {					\
	unsigned long __pcpu_flags;					\
	local_irq_save(__pcpu_flags);					\
	__this_cpu_write(var, val);					\
	local_irq_restore(__pcpu_flags);				\
} while (0)

#define this_cpu_add(var, n) do {					\
	unsigned long __pcpu_flags;					\
	local_irq_save(__pcpu_flags);					\
	*raw_cpu_ptr(&(var)) += (n);					\
	local_irq_restore(__pcpu_flags);				\
} while (0)

#define this_cpu_inc(var) this_cpu_add(var, 1)
#define this_cpu_dec(var) this_cpu_add(var, -1)

/* mm/percpu.c: a copy of the template for each possible CPU. */
void setup_per_cpu_areas(void);

#endif
