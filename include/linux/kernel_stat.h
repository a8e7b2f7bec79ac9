/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/kernel_stat.h: CPU time per CPU, as Linux's kernel_cpustat:
 * each CPU's ticks by kind, charged by the tick (kernel/sched/cputime.c)
 * and shown by /proc/stat (fs/proc/stat.c). In ticks (HZ a second).
 */
#ifndef _LINUX_KERNEL_STAT_H
#define _LINUX_KERNEL_STAT_H

#include <linux/percpu.h>
#include <linux/types.h>

/* Linux's order, which is /proc/stat's column order. */
enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS];
};

DECLARE_PER_CPU(struct kernel_cpustat, kernel_cpustat);

struct task_struct;
/* The tick, on every CPU: one tick to p's CPU as user, system or idle. */
void account_process_tick(struct task_struct *p, bool user, bool idle);

extern unsigned long total_forks;	/* processes and threads forked since boot */

#endif
