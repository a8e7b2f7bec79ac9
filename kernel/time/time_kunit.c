// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/time_kunit.c: KUnit checks of the tick and time
 * (kunit.filter_glob=timer): jiffies advance at HZ measured against the
 * generic counter, one-shot events fire once and not early, udelay waits
 * at least as long as asked.
 */
#include <linux/clockchips.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <kunit/test.h>
#include <clocksource/arm_arch_timer.h>
#include <asm/arch_timer.h>

static void timer_counter_frequency_is_known(struct kunit *test)
{
	KUNIT_EXPECT_GT(test, arch_timer_get_rate(), 0);
	KUNIT_EXPECT_EQ(test, arch_timer_get_rate(), arch_timer_get_cntfrq());
	KUNIT_ASSERT_TRUE(test, tick_get_device() != NULL);
	KUNIT_EXPECT_EQ(test, tick_get_device()->freq, arch_timer_get_rate());
}

/* Wait for jiffies to move; the counter just after, and the new jiffies. */
static unsigned long wait_next_tick(u64 *count)
{
	unsigned long j = jiffies;

	while (jiffies == j)
		;
	*count = arch_timer_read_counter();
	return jiffies;
}

/*
 * Over about 200 ms of counter time, measured from one tick interrupt to
 * another (so both ends see the same interrupt latency), jiffies move by
 * the counter's elapsed time times HZ, give or take one.
 */
static void timer_jiffies_advance_at_hz(struct kunit *test)
{
	u64 rate = arch_timer_get_rate(), span = rate / 5, c0, c1;
	unsigned long j0, j1, irqs0, ticks;

	j0 = wait_next_tick(&c0);
	irqs0 = kstat_irqs(arch_timer_irq());
	while (arch_timer_read_counter() - c0 < span)
		;
	j1 = wait_next_tick(&c1);
	ticks = ((c1 - c0) * HZ + rate / 2) / rate;
	KUNIT_EXPECT_GE(test, j1 - j0 + 1, ticks);
	KUNIT_EXPECT_LE(test, j1 - j0, ticks + 1);
	/* Ticks came from interrupts, not all from one late catch-up. */
	KUNIT_EXPECT_GE(test, kstat_irqs(arch_timer_irq()) - irqs0, ticks / 2);
}

static void timer_jiffies_stop_with_interrupts_masked(struct kunit *test)
{
	unsigned long j0;

	local_irq_disable();
	j0 = jiffies;
	mdelay(3000 / HZ);	/* three ticks' time */
	KUNIT_EXPECT_EQ(test, jiffies, j0);
	local_irq_enable();
	udelay(100);		/* the pending tick is taken: all due ticks counted */
	KUNIT_EXPECT_GE(test, jiffies, j0 + 2);
}

static struct oneshot_probe {
	struct hrtimer timer;
	volatile int fired;
	u64 when;
} probe;

static enum hrtimer_restart oneshot_fn(struct hrtimer *timer)
{
	probe.fired++;
	probe.when = arch_timer_read_counter();
	return HRTIMER_NORESTART;
}

static void timer_oneshot_fires_once_not_early(struct kunit *test)
{
	u64 rate = arch_timer_get_rate(), start;

	probe.fired = 0;
	hrtimer_init(&probe.timer, oneshot_fn);
	start = arch_timer_read_counter();
	hrtimer_start_ns(&probe.timer, 7 * 1000 * 1000);	/* 7 ms, between ticks */
	mdelay(40);
	KUNIT_EXPECT_EQ(test, probe.fired, 1);
	KUNIT_EXPECT_GE(test, probe.when - start, rate * 7 / 1000);
	KUNIT_EXPECT_FALSE(test, hrtimer_cancel(&probe.timer));	/* already done */

	/* Cancelled before it is due: never fires. */
	probe.fired = 0;
	hrtimer_start_ns(&probe.timer, 20 * 1000 * 1000);
	KUNIT_EXPECT_TRUE(test, hrtimer_cancel(&probe.timer));
	mdelay(40);
	KUNIT_EXPECT_EQ(test, probe.fired, 0);
}

static void timer_udelay_waits_long_enough(struct kunit *test)
{
	u64 rate = arch_timer_get_rate(), c0, c1;

	c0 = arch_timer_read_counter();
	udelay(1500);
	c1 = arch_timer_read_counter();
	KUNIT_EXPECT_GE(test, c1 - c0, rate * 1500 / 1000000);
	c0 = arch_timer_read_counter();
	mdelay(12);
	c1 = arch_timer_read_counter();
	KUNIT_EXPECT_GE(test, c1 - c0, rate * 12 / 1000);
	KUNIT_EXPECT_LT(test, c1 - c0, rate);		/* and not absurdly long */
}

static struct kunit_case timer_cases[] = {
	KUNIT_CASE(timer_counter_frequency_is_known),
	KUNIT_CASE(timer_jiffies_advance_at_hz),
	KUNIT_CASE(timer_jiffies_stop_with_interrupts_masked),
	KUNIT_CASE(timer_oneshot_fires_once_not_early),
	KUNIT_CASE(timer_udelay_waits_long_enough),
	{}
};

static struct kunit_suite timer_suite = {
	.name = "timer",
	.test_cases = timer_cases,
};
kunit_test_suite(timer_suite);
