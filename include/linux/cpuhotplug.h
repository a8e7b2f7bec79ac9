/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/cpuhotplug.h: what each CPU sets up for itself as it
 * starts, with Linux's names. A driver whose hardware has a per-CPU part
 * (the GIC's CPU interface and redistributor, the bcm2836's mailbox
 * interrupt, the timer's PPI) registers a "starting" callback; a secondary
 * CPU runs them all, in state order, from notify_cpu_starting() in
 * secondary_start_kernel(), with interrupts masked. The boot CPU set its
 * own part up when the driver probed (Linux's _nocalls variant: no
 * callback is run at registration).
 */
#ifndef __LINUX_CPUHOTPLUG_H
#define __LINUX_CPUHOTPLUG_H

enum cpuhp_state {
	CPUHP_AP_IRQ_GIC_STARTING,
	CPUHP_AP_IRQ_BCM2836_STARTING,
	CPUHP_AP_ARM_ARCH_TIMER_STARTING,
	CPUHP_AP_ONLINE_MAX,
};

/* kernel/cpu.c */
int cpuhp_setup_state_nocalls(enum cpuhp_state state, const char *name,
			      int (*startup)(unsigned int cpu));
void notify_cpu_starting(unsigned int cpu);

#endif
