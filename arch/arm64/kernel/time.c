// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/time.c: time_init(), called by start_kernel once the
 * interrupt controller is up: start the generic timer, which starts the
 * tick (drivers/clocksource/arm_arch_timer.c, kernel/time/tick-sched.c), and
 * the clocks on its counter (kernel/time/timekeeping.c).
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/timekeeping.h>
#include <clocksource/arm_arch_timer.h>
#include <asm/time.h>

void __init time_init(void)
{
	if (arch_timer_of_init())
		panic("Unable to initialise architected timer.");
	timekeeping_init(arch_timer_get_rate());	/* the clocks read the counter */
}
