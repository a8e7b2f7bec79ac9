// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/sched_clock.c: local_clock(), nanoseconds since start_kernel
 * began, from the generic counter. printk stamps every line with it.
 */
#include <linux/init.h>
#include <linux/types.h>
#include <asm/arch_timer.h>

static u64 boot_count __ro_after_init;
static u32 count_freq __ro_after_init;

void __init sched_clock_init_early(void)
{
	boot_count = arch_timer_read_counter();
	count_freq = arch_timer_get_cntfrq();
}

u64 sched_clock_start_count(void)
{
	return boot_count;
}

u64 local_clock(void)
{
	u64 ticks;

	if (!count_freq)	/* firmware left CNTFRQ_EL0 unset: no time */
		return 0;
	ticks = arch_timer_read_counter() - boot_count;
	/* Split so that ticks * 1e9 cannot overflow. */
	return ticks / count_freq * 1000000000ULL +
	       ticks % count_freq * 1000000000ULL / count_freq;
}
