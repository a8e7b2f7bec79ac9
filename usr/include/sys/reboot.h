/* SPDX-License-Identifier: GPL-2.0 */
/* sys/reboot.h: reboot(2) with Linux's magic numbers (uapi/linux/reboot.h). */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793	/* 0x28121969 */
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC

/* Passes both magic numbers; returns only on failure (-1, errno). */
int reboot(unsigned int cmd);

#endif /* _SYS_REBOOT_H */
