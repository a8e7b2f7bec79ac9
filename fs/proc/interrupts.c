// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/interrupts.c: /proc/interrupts, each interrupt's count on each
 * CPU; the text comes from kernel/irq/proc.c, as in Linux.
 */
#include <linux/irq.h>
#include "internal.h"

int proc_interrupts_show(char *buf, size_t size)
{
	return show_interrupts(buf, size);
}
