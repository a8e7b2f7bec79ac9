// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/uptime.c: /proc/uptime, "seconds-up idle-seconds" with two
 * decimals, as Linux writes it. Idle time is what the idle task (pid 0)
 * ran, the only time no task ran.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include "internal.h"

int proc_uptime_show(char *buf, size_t size)
{
	u64 up = get_jiffies_64();
	u64 idle = init_task.utime + init_task.stime;	/* the idle task's ticks */

	return snprintf(buf, size, "%llu.%02llu %llu.%02llu\n", up / HZ, up % HZ * 100 / HZ,
			idle / HZ, idle % HZ * 100 / HZ);
}
