/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/delay.h: busy-waiting for short times, on the generic
 * counter (kernel/time/delay.c), so it is exact whatever the CPU's speed
 * and works with interrupts off.
 */
#ifndef __LINUX_DELAY_H
#define __LINUX_DELAY_H

void ndelay(unsigned long nsecs);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);
/* Sleep (other tasks run) for at least msecs ms: kernel/sched/core.c. */
void msleep(unsigned int msecs);

#endif
