// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/cmdline.c: /proc/cmdline, the command line the boot loader gave
 * (the DT's /chosen/bootargs), and a newline, as Linux shows it.
 */
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include "internal.h"

int proc_cmdline_show(char *buf, size_t size)
{
	return snprintf(buf, size, "%s\n", boot_command_line);
}
