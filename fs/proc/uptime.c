// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/uptime.c: /proc/uptime, "seconds-up idle-seconds" with two
 * decimals, as Linux writes it. Idle time is what the CPUs' idle tasks
 * ran, added up over the CPUs as Linux does (kernel_cpustat's idle ticks),
 * so on N CPUs it grows up to N times as fast as the uptime.
 */
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/kernel_stat.h>
#include <linux/sched.h>
#include "internal.h"

int proc_uptime_show(char *buf, size_t size)
{
	u64 up = get_jiffies_64(), idle = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		idle += READ_ONCE(per_cpu(kernel_cpustat, cpu).cpustat[CPUTIME_IDLE]);

	return snprintf(buf, size, "%llu.%02llu %llu.%02llu\n", up / HZ, up % HZ * 100 / HZ,
			idle / HZ, idle % HZ * 100 / HZ);
}
