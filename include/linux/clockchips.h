/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/clockchips.h: clock event devices, timers that interrupt
 * at a given counter value. A driver (drivers/clocksource/) registers
 * one on each CPU; the tick layer (kernel/time/tick-common.c) makes it
 * that CPU's: kernel/time/hrtimer.c programs it for the CPU's first
 * hrtimer, the periodic tick being one (kernel/time/tick-sched.c).
 */
#ifndef __LINUX_CLOCKCHIPS_H
#define __LINUX_CLOCKCHIPS_H

#include <linux/types.h>

struct clock_event_device {
	const char *name;
	/* Called from the device's interrupt; set by the tick layer. */
	void (*event_handler)(struct clock_event_device *dev);
	/* Interrupt when the counter reaches cycle (absolute). */
	void (*set_next_cycle)(u64 cycle, struct clock_event_device *dev);
	void (*set_state_shutdown)(struct clock_event_device *dev);
	u64 (*read_counter)(void);
	u32 freq;		/* counter ticks a second */
	unsigned int irq;
};

/*
 * On each CPU, interrupts masked: hand this CPU's device to the tick
 * layer, which runs this CPU's hrtimers and its HZ tick on it. A driver
 * whose registers are banked per CPU may pass the same struct on each.
 */
void clockevents_register_device(struct clock_event_device *dev);

/* This CPU's tick device (the boot CPU's before this CPU has one), or NULL before time_init(). */
struct clock_event_device *tick_get_device(void);

#endif
