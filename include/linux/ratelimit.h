/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/ratelimit.h: "at most burst messages every interval
 * jiffies", as Linux's __ratelimit(). What is held back is counted, and the
 * first call of the next interval reports it once:
 *
 *	arm64_show_signal: 5 callbacks suppressed
 *
 * (the function that asked, from __func__). A state is shared by every
 * CPU; a call that finds another CPU deciding is simply held back, since
 * that CPU is printing already.
 */
#ifndef _LINUX_RATELIMIT_H
#define _LINUX_RATELIMIT_H

#include <linux/jiffies.h>
#include <linux/spinlock_types.h>

/* Linux's defaults: ten messages every five seconds. */
#define DEFAULT_RATELIMIT_INTERVAL	(5 * HZ)
#define DEFAULT_RATELIMIT_BURST		10

struct ratelimit_state {
	raw_spinlock_t lock;
	int interval;		/* jiffies; 0: no limit */
	int burst;		/* messages allowed per interval */
	int printed;		/* allowed so far in this interval */
	int missed;		/* held back so far in this interval */
	unsigned long begin;	/* jiffies when this interval began; 0: none yet */
};

#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init)		\
	struct ratelimit_state name = {					\
		.lock = __RAW_SPIN_LOCK_INITIALIZER(name.lock),		\
		.interval = (interval_init),				\
		.burst = (burst_init),					\
	}

/* Non-zero: go ahead and print. func names the caller in the report. */
int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state) ___ratelimit(state, __func__)

#endif
