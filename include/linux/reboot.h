/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/reboot.h: stopping the machine (kernel/reboot.c).
 * pm_power_off is set by the PSCI driver when firmware can power off.
 */
#ifndef __LINUX_REBOOT_H
#define __LINUX_REBOOT_H

#include <linux/compiler.h>
#include <linux/types.h>

extern void (*pm_power_off)(void);
/* Set by the PSCI driver when firmware can reset the machine (SYSTEM_RESET). */
extern void (*pm_restart)(void);

/* Set by the `poweroff` boot argument: power off rather than idle or halt. */
extern bool poweroff_on_halt;

__noreturn void kernel_power_off(void);
/* This CPU stops for good (the others are not told: see kernel_halt). */
__noreturn void machine_halt(void);
/* "reboot: System halted": the other CPUs stopped, then this one. */
__noreturn void kernel_halt(void);
/* "reboot: Restarting system", then PSCI SYSTEM_RESET (or halt). */
__noreturn void kernel_restart(void);

#endif
