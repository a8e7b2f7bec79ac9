// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/stat.c: /proc/stat in Linux's layout: CPU time in USER_HZ
 * clock ticks, all CPUs (`cpu`) and each one (`cpuN`), in the columns
 * user nice system idle iowait irq softirq steal guest guest_nice; then
 * interrupts handled (`intr`, the total then each number from 0), context
 * switches, the boot time in seconds since 1970, processes forked since
 * boot, tasks running and blocked, and Linux's softirq line (all zero:
 * there are no softirqs). busybox top, ps and vmstat read it.
 */
#include <linux/cpumask.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include "internal.h"

#define NSEC_PER_SEC 1000000000ULL

static int show_cpu(char *buf, size_t size, const char *name, const u64 *t)
{
	int len = snprintf(buf, size, "%s", name);

	/* Linux's column order, not the enum's: irq and softirq after iowait. */
	static const int column[] = { CPUTIME_USER, CPUTIME_NICE, CPUTIME_SYSTEM, CPUTIME_IDLE,
				      CPUTIME_IOWAIT, CPUTIME_IRQ, CPUTIME_SOFTIRQ,
				      CPUTIME_STEAL, CPUTIME_GUEST, CPUTIME_GUEST_NICE };

	for (unsigned int i = 0; i < ARRAY_SIZE(column) && len < (int)size; i++)
		len += snprintf(buf + len, size - len, " %llu", t[column[i]] * USER_HZ / HZ);
	if (len < (int)size)
		len += snprintf(buf + len, size - len, "\n");
	return len;
}

int proc_stat_show(char *buf, size_t size)
{
	u64 sum[NR_STATS] = { 0 }, intr = 0;
	unsigned int cpu, irq, last_irq = 0;
	char name[16];
	int len;

	for_each_possible_cpu(cpu)
		for (int i = 0; i < NR_STATS; i++)
			sum[i] += READ_ONCE(per_cpu(kernel_cpustat, cpu).cpustat[i]);
	len = show_cpu(buf, size, "cpu ", sum);
	for_each_possible_cpu(cpu) {
		if (len >= (int)size)
			break;
		snprintf(name, sizeof(name), "cpu%u", cpu);
		len += show_cpu(buf + len, size - len, name, per_cpu(kernel_cpustat, cpu).cpustat);
	}
	for (irq = 0; irq < NR_IRQS; irq++) {
		unsigned long n = kstat_irqs(irq);

		intr += n;
		if (n)
			last_irq = irq;
	}
	if (len < (int)size)
		len += snprintf(buf + len, size - len, "intr %llu", intr);
	for (irq = 0; irq <= last_irq && len < (int)size; irq++)
		len += snprintf(buf + len, size - len, " %lu", kstat_irqs(irq));
	if (len < (int)size)
		len += snprintf(buf + len, size - len,
				"\nctxt %llu\nbtime %llu\nprocesses %lu\nprocs_running %u\n"
				"procs_blocked 0\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n",
				nr_context_switches(),
				(ktime_get_real_ns() - ktime_get_ns()) / NSEC_PER_SEC,
				READ_ONCE(total_forks), nr_running());
	return min(len, (int)size - 1);
}
