/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/sched/loadavg.h: the load averages (kernel/sched/loadavg.c),
 * Linux's fixed-point numbers with FSHIFT fraction bits, which
 * /proc/loadavg and sysinfo(2) report.
 */
#ifndef __LINUX_SCHED_LOADAVG_H
#define __LINUX_SCHED_LOADAVG_H

#define FSHIFT		11		/* bits of fraction */
#define FIXED_1		(1 << FSHIFT)	/* 1.0 */
#define LOAD_FREQ	(5 * HZ + 1)	/* every 5 seconds and a tick, as Linux */
#define EXP_1		1884		/* FIXED_1 / exp(5 s / 1 min) */
#define EXP_5		2014		/* FIXED_1 / exp(5 s / 5 min) */
#define EXP_15		2037		/* FIXED_1 / exp(5 s / 15 min) */

/* The 1, 5 and 15 minute averages, each plus offset, shifted left by shift. */
void get_avenrun(unsigned long *loads, unsigned long offset, int shift);
/* Every tick, on the CPU that counts jiffies: folds the count in every LOAD_FREQ. */
void calc_global_load(void);

/* kernel/fork.c: the pid the last fork was given. */
int last_pid_allocated(void);

#endif
