// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/delay.c: udelay() and friends, by watching the generic
 * counter (include/linux/delay.h). They spin, so keep them short; with
 * interrupts on, handlers may run meanwhile and the wait is not longer
 * for it.
 */
#include <linux/delay.h>
#include <linux/types.h>
#include <clocksource/arm_arch_timer.h>
#include <asm/arch_timer.h>

static void __delay_cycles(u64 cycles)
{
	u64 start = arch_timer_read_counter();

	while (arch_timer_read_counter() - start < cycles)
		__asm__ volatile("yield" : : : "memory");
}

void ndelay(unsigned long nsecs)
{
	u64 rate = arch_timer_get_rate();

	/* Round up: never return early. */
	__delay_cycles((nsecs / 1000000000ULL) * rate +
		       DIV_ROUND_UP((nsecs % 1000000000ULL) * rate, 1000000000ULL));
}

void udelay(unsigned long usecs)
{
	u64 rate = arch_timer_get_rate();

	__delay_cycles((usecs / 1000000ULL) * rate +
		       DIV_ROUND_UP((usecs % 1000000ULL) * rate, 1000000ULL));
}

void mdelay(unsigned long msecs)
{
	while (msecs--)
		udelay(1000);
}
