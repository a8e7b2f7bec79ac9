/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/psci.h: the Power State Coordination Interface, found
 * through /psci in the device tree (drivers/firmware/psci/psci.c).
 */
#ifndef __LINUX_PSCI_H
#define __LINUX_PSCI_H

#define PSCI_0_2_FN_PSCI_VERSION 0x84000000
#define PSCI_0_2_FN_CPU_ON 0xc4000003
#define PSCI_0_2_FN_SYSTEM_OFF 0x84000008
#define PSCI_0_2_FN_SYSTEM_RESET 0x84000009

#define PSCI_VERSION_MAJOR(v) (((v) >> 16) & 0x7fff)
#define PSCI_VERSION_MINOR(v) ((v) & 0xffff)

/* Find /psci and its conduit; sets pm_power_off. 0 or -ENODEV. */
int psci_dt_init(void);

#endif
