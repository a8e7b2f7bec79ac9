// SPDX-License-Identifier: GPL-2.0
/*
 * poweroff: turn the machine off now, with reboot(2) (LINUX_REBOOT_CMD_POWER_OFF).
 * Like Linux's `poweroff -f`: init is not asked. Returns only on failure.
 */
#include <stdio.h>
#include <sys/reboot.h>

int main(void)
{
	reboot(LINUX_REBOOT_CMD_POWER_OFF);
	perror("poweroff");
	return 1;
}
