// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/loadavg.c: the load averages, as Linux computes them. Every
 * LOAD_FREQ ticks (5 s) the number of active tasks -- runnable (running
 * or waiting for a CPU) plus those in uninterruptible sleep -- is folded
 * into three exponentially decaying averages:
 *
 *   load = load * e + active * (1 - e),   e = exp(-5 s / 1, 5, 15 min)
 *
 * in fixed point with FSHIFT fraction bits, rounded as Linux's calc_load.
 * The counting is done from the tick with interrupts masked.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/loadavg.h>

static unsigned long avenrun[3];
static unsigned long calc_load_update = LOAD_FREQ;

void get_avenrun(unsigned long *loads, unsigned long offset, int shift)
{
	for (int i = 0; i < 3; i++)
		loads[i] = (READ_ONCE(avenrun[i]) + offset) << shift;
}

static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

static int count_uninterruptible(struct task_struct *p, void *arg)
{
	if (!p->exit_state && (READ_ONCE(p->state) & TASK_UNINTERRUPTIBLE))
		++*(unsigned long *)arg;
	return 0;
}

void calc_global_load(void)
{
	unsigned long active = 0;

	if (time_before(jiffies, calc_load_update))
		return;
	for_each_task(count_uninterruptible, &active);
	active = (active + nr_running()) * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
	calc_load_update += LOAD_FREQ;
}
