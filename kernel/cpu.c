// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/cpu.c: the per-CPU "starting" callbacks drivers register
 * (include/linux/cpuhotplug.h), and cpu_up(), which gives a CPU its idle
 * task and asks the architecture to start it. CPUs are only brought up,
 * at boot; there is no hot-unplug.
 */
#include <linux/cpuhotplug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>

static struct {
	const char *name;
	int (*startup)(unsigned int cpu);
} cpuhp_states[CPUHP_AP_ONLINE_MAX];

int cpuhp_setup_state_nocalls(enum cpuhp_state state, const char *name,
			      int (*startup)(unsigned int cpu))
{
	if (state >= CPUHP_AP_ONLINE_MAX || cpuhp_states[state].startup)
		return -EINVAL;
	cpuhp_states[state].name = name;
	cpuhp_states[state].startup = startup;
	return 0;
}

void notify_cpu_starting(unsigned int cpu)
{
	for (int state = 0; state < CPUHP_AP_ONLINE_MAX; state++) {
		int (*startup)(unsigned int) = cpuhp_states[state].startup;

		if (startup && startup(cpu))
			pr_err("CPU%u: %s failed to start\n", cpu, cpuhp_states[state].name);
	}
}

int __init cpu_up(unsigned int cpu)
{
	struct task_struct *idle;

	if (cpu >= nr_cpu_ids || !cpu_possible(cpu))
		return -EINVAL;
	if (cpu_online(cpu))
		return 0;
	idle = fork_idle(cpu);
	if (!idle) {
		pr_err("CPU%u: no memory for its idle task\n", cpu);
		return -ENOMEM;
	}
	return __cpu_up(cpu, idle);
}
