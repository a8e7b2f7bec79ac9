// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/tick-common.c: each CPU's tick device, and which CPU keeps
 * jiffies. Linux's, in the mode it calls high resolution: the device's
 * interrupt runs hrtimer_interrupt() (hrtimer.c), and the periodic tick
 * is an hrtimer on each CPU's queue (tick-sched.c).
 *
 * The first CPU to set up its device, the boot CPU, takes the duty of
 * advancing jiffies and the clocks (tick_do_timer_cpu) and keeps it:
 * there is no CPU hotplug and no tickless idle to hand it over.
 */
#include <linux/clockchips.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include "tick-internal.h"

int tick_do_timer_cpu = TICK_DO_TIMER_BOOT;
u64 tick_period;

/*
 * Every CPU's device, Linux's tick_cpu_device. Here they are one struct
 * (the arch timer's registers are banked per CPU, its functions shared).
 */
static DEFINE_PER_CPU(struct clock_event_device *, tick_cpu_device);

struct clock_event_device *tick_get_device(void)
{
	return __this_cpu_read(tick_cpu_device) ?: per_cpu(tick_cpu_device, 0);
}

void tick_check_new_device(struct clock_event_device *dev)
{
	unsigned int cpu = smp_processor_id();

	if (tick_do_timer_cpu == TICK_DO_TIMER_BOOT) {
		tick_period = DIV_ROUND_UP(dev->freq, HZ);
		tick_init_jiffy_update(dev->read_counter());
		tick_do_timer_cpu = cpu;
	}
	__this_cpu_write(tick_cpu_device, dev);
	dev->event_handler = hrtimer_interrupt;
	tick_setup_sched_timer();
}
