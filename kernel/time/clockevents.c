// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/clockevents.c: clock event devices, timers that interrupt at
 * a counter value. A driver registers its device on each CPU it runs on
 * (drivers/clocksource/arm_arch_timer.c: the boot CPU at time_init, each
 * other CPU as it starts); the tick layer takes it (tick-common.c).
 */
#include <linux/clockchips.h>
#include <linux/hrtimer.h>
#include "tick-internal.h"

/* Interrupts masked, on the CPU whose device this is. */
void clockevents_register_device(struct clock_event_device *dev)
{
	tick_check_new_device(dev);
}

u64 ns_to_cycles(u64 ns)
{
	struct clock_event_device *dev = tick_get_device();
	u64 freq = dev ? dev->freq : 0;

	/* Split so that ns * freq cannot overflow for any practical delay. */
	return ns / 1000000000ULL * freq + (ns % 1000000000ULL) * freq / 1000000000ULL;
}
