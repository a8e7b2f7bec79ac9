// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/cputime.c: where each CPU's time goes, tick by tick, as
 * Linux's tick-based accounting (without CONFIG_VIRT_CPU_ACCOUNTING): the
 * tick charges one tick to the task it interrupted (utime or stime) and to
 * its CPU's kernel_cpustat (user, system or idle). /proc/stat adds them up.
 * Simpler than Linux: no nice, irq, softirq, iowait, steal or guest time
 * (those columns stay 0); a tick in an interrupt handler counts as system.
 */
#include <linux/kernel_stat.h>
#include <linux/sched.h>

DEFINE_PER_CPU(struct kernel_cpustat, kernel_cpustat);

/* Interrupts masked; only this CPU writes its own counters. */
void account_process_tick(struct task_struct *p, bool user, bool idle)
{
	u64 *cpustat = this_cpu_ptr(&kernel_cpustat)->cpustat;

	if (user)
		p->utime++;
	else
		p->stime++;
	if (idle)
		cpustat[CPUTIME_IDLE]++;
	else
		cpustat[user ? CPUTIME_USER : CPUTIME_SYSTEM]++;
}
