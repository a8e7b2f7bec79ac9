/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/cpumask.h: sets of CPUs, with Linux's names. CPUs are
 * numbered 0 .. nr_cpu_ids - 1 in the order /cpus lists them (the boot CPU
 * is 0); a set is one word, so NR_CPUS is at most 64.
 *
 *	cpu_possible_mask	described by /cpus (and allowed by nr_cpus=)
 *	cpu_online_mask		running the kernel now
 */
#ifndef __LINUX_CPUMASK_H
#define __LINUX_CPUMASK_H

#include <linux/compiler.h>
#include <linux/percpu.h>
#include <linux/types.h>

struct cpumask {
	unsigned long bits;
};
typedef struct cpumask cpumask_t;

BUILD_BUG_ON(NR_CPUS > 64);

extern unsigned int nr_cpu_ids;
extern struct cpumask __cpu_possible_mask, __cpu_online_mask;
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask ((const struct cpumask *)&__cpu_online_mask)

static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m)
{
	__atomic_fetch_or(&m->bits, 1UL << cpu, __ATOMIC_RELAXED);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *m)
{
	__atomic_fetch_and(&m->bits, ~(1UL << cpu), __ATOMIC_RELAXED);
}

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *m)
{
	return cpu < NR_CPUS && (READ_ONCE(m->bits) >> cpu) & 1;
}

static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	unsigned long bits = READ_ONCE(m->bits);
	unsigned int n = 0;

	for (; bits; bits &= bits - 1)	/* no popcount: it is a SIMD instruction */
		n++;
	return n;
}

static inline void cpumask_clear(struct cpumask *m)
{
	m->bits = 0;
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	dst->bits = READ_ONCE(src->bits);
}

/* The next CPU in m after cpu (-1 to start), or nr_cpu_ids if none. */
static inline unsigned int cpumask_next(int cpu, const struct cpumask *m)
{
	unsigned long rest = READ_ONCE(m->bits);

	rest = cpu + 1 >= 64 ? 0 : rest & (~0UL << (cpu + 1));
	return rest ? (unsigned int)__builtin_ctzl(rest) : nr_cpu_ids;
}

#define for_each_cpu(cpu, mask)						\
	for ((cpu) = cpumask_next(-1, mask); (cpu) < nr_cpu_ids;	\
	     (cpu) = cpumask_next(cpu, mask))
#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)

/* The words of the set, and printk("%*pbl", cpumask_pr_args(m)): "0,2-3". */
#define cpumask_bits(maskp) (&(maskp)->bits)
#define cpumask_pr_args(maskp) nr_cpu_ids, cpumask_bits(maskp)

#define num_online_cpus() cpumask_weight(cpu_online_mask)
#define num_possible_cpus() cpumask_weight(cpu_possible_mask)
#define cpu_online(cpu) cpumask_test_cpu((cpu), cpu_online_mask)
#define cpu_possible(cpu) cpumask_test_cpu((cpu), cpu_possible_mask)

static inline void set_cpu_possible(unsigned int cpu, bool possible)
{
	if (possible)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
}

static inline void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

#endif
