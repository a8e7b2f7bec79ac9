// SPDX-License-Identifier: GPL-2.0
/*
 * lib/ratelimit.c: ___ratelimit(), the decision behind __ratelimit()
 * (include/linux/ratelimit.h). An interval starts at the first call and
 * lasts rs->interval jiffies; its first rs->burst calls may print, the
 * rest are counted in rs->missed, and the call that opens the next
 * interval says how many were held back before it decides for itself.
 */
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/spinlock.h>

int ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	unsigned long flags;
	int allowed;

	if (!rs->interval)
		return 1;
	/* Contended: another CPU is deciding, and printing; hold this one back. */
	local_irq_save(flags);
	if (!raw_spin_trylock(&rs->lock)) {
		local_irq_restore(flags);
		return 0;
	}
	if (!rs->begin)
		rs->begin = jiffies;
	if (time_after(jiffies, rs->begin + rs->interval)) {
		if (rs->missed)
			printk(KERN_WARNING "%s: %d callbacks suppressed\n", func, rs->missed);
		rs->missed = 0;
		rs->printed = 0;
		rs->begin = jiffies;
	}
	allowed = rs->burst && rs->printed < rs->burst;
	if (allowed)
		rs->printed++;
	else
		rs->missed++;
	raw_spin_unlock(&rs->lock);
	local_irq_restore(flags);
	return allowed;
}
