// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/loadavg.c: /proc/loadavg, as Linux writes it:
 *
 *   0.42 0.17 0.06 2/31 1234
 *
 * the 1, 5 and 15 minute load averages (kernel/sched/loadavg.c), the
 * tasks running now / all tasks, and the last pid handed out.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>
#include "internal.h"

#define LOAD_INT(x) ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)

int proc_loadavg_show(char *buf, size_t size)
{
	unsigned long avnrun[3];

	get_avenrun(avnrun, FIXED_1 / 200, 0);	/* rounded to two decimals */
	return snprintf(buf, size, "%lu.%02lu %lu.%02lu %lu.%02lu %u/%d %d\n",
			LOAD_INT(avnrun[0]), LOAD_FRAC(avnrun[0]),
			LOAD_INT(avnrun[1]), LOAD_FRAC(avnrun[1]),
			LOAD_INT(avnrun[2]), LOAD_FRAC(avnrun[2]),
			nr_running(), nr_threads, last_pid_allocated());
}
