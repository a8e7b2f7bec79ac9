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

#define PSCI_RET_SUCCESS		0
#define PSCI_RET_NOT_SUPPORTED		-1
#define PSCI_RET_INVALID_PARAMS		-2
#define PSCI_RET_DENIED			-3
#define PSCI_RET_ALREADY_ON		-4
#define PSCI_RET_INVALID_ADDRESS	-9

/* The calls the kernel makes; NULL when the firmware has none. */
struct psci_operations {
	/* Start the CPU with this MPIDR at entry_point (physical): 0 or -errno. */
	int (*cpu_on)(unsigned long cpuid, unsigned long entry_point);
};
extern struct psci_operations psci_ops;

/* Find /psci and its conduit; sets pm_power_off. 0 or -ENODEV. */
int psci_dt_init(void);

#endif
