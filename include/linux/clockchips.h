/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/clockchips.h: clock event devices, timers that interrupt
 * at a given counter value. A driver (drivers/clocksource/) registers
 * one; the tick layer (kernel/time/tick.c) programs it for the periodic
 * tick and for one-shot events (include/linux/hrtimer.h).
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

/* Hand a device to the tick layer, which starts the HZ tick on it. */
void clockevents_register_device(struct clock_event_device *dev);
/*
 * A secondary CPU's own periodic tick on its own timer (the same device
 * struct: its registers are per CPU). It only charges the tick to the task
 * it interrupted; jiffies and hrtimers are the boot CPU's.
 */
void tick_starting_cpu(struct clock_event_device *dev);

/* The device the tick runs on, or NULL before time_init(). */
struct clock_event_device *tick_get_device(void);

#endif
