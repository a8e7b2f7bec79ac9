// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/timekeeping_kunit.c: KUnit checks of the timekeeper and the
 * vvar page (kunit.filter_glob=timekeeping): the counter conversion is
 * exact where it can be and cannot overflow between updates; the vvar page
 * read the vDSO's way gives what ktime_get_ns gives; the clocks never go
 * back across ticks; the coarse clocks trail by at most a tick; setting
 * the wall time moves CLOCK_REALTIME only.
 */
#include <linux/jiffies.h>
#include <linux/timekeeper_internal.h>
#include <linux/timekeeping.h>
#include <kunit/test.h>
#include <asm/arch_timer.h>
#include <vdso/datapage.h>
#include <vdso/helpers.h>

#define NSEC_PER_SEC 1000000000ULL

static void timekeeping_mult_shift(struct kunit *test)
{
	static const u32 rates[] = { 62500000, 1000000000, 19200000, 24000000, 1 };
	u32 mult, shift;

	tk_calc_mult_shift(62500000, &mult, &shift);	/* QEMU virt: 16 ns a tick, exactly */
	KUNIT_EXPECT_EQ(test, (u64)mult, 16ULL << shift);
	for (unsigned int i = 0; i < ARRAY_SIZE(rates); i++) {
		u64 hz = rates[i], one_second;

		tk_calc_mult_shift(hz, &mult, &shift);
		KUNIT_EXPECT_GT(test, mult, 0);
		/* The longest gap between updates, converted, fits 63 bits. */
		KUNIT_EXPECT_LE(test, (u64)TK_MAX_DEFER_SEC * hz, (1ULL << 63) / mult);
		/* A second of ticks is a second, to a nanosecond. */
		one_second = (hz * mult) >> shift;
		KUNIT_EXPECT_LE(test, one_second, NSEC_PER_SEC + 1);
		KUNIT_EXPECT_GE(test, one_second + 1, NSEC_PER_SEC);
	}
}

/* CLOCK_MONOTONIC from the vvar page, as lib/vdso/gettimeofday.c computes it. */
static u64 vvar_monotonic_ns(void)
{
	const struct vdso_data *vd = &vdso_data[CS_HRES_COARSE];
	const struct vdso_timestamp *base = &vd->basetime[CLOCK_MONOTONIC];
	u64 cycles, sec, ns;
	u32 seq;

	do {
		seq = vdso_read_begin(vd);
		cycles = arch_timer_read_counter() - vd->cycle_last;
		if ((s64)cycles < 0)
			cycles = 0;
		ns = (base->nsec + cycles * vd->mult) >> vd->shift;
		sec = base->sec;
	} while (vdso_read_retry(vd, seq));
	return sec * NSEC_PER_SEC + ns;
}

static void timekeeping_vvar_agrees(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, vdso_data[CS_HRES_COARSE].clock_mode, VDSO_CLOCKMODE_ARCHTIMER);
	for (int i = 0; i < 1000; i++) {
		u64 a = ktime_get_ns(), v = vvar_monotonic_ns(), b = ktime_get_ns();

		KUNIT_EXPECT_LE(test, a, v);
		KUNIT_EXPECT_LE(test, v, b);
		if (a > v || v > b)
			break;
	}
}

/* Three ticks of readings: never back, the coarse clock never ahead nor a tick behind. */
static void timekeeping_monotonic_across_ticks(struct kunit *test)
{
	unsigned long end = jiffies + 3;
	u64 last = ktime_get_ns(), now, coarse;
	int back = 0, coarse_off = 0;

	while (time_before(jiffies, end)) {
		coarse = ktime_get_coarse_ns();
		now = ktime_get_ns();
		back += now < last;
		coarse_off += coarse > now || now - coarse > 2 * NSEC_PER_SEC / HZ;
		last = now;
	}
	KUNIT_EXPECT_EQ(test, back, 0);
	KUNIT_EXPECT_EQ(test, coarse_off, 0);
}

static void timekeeping_settime_moves_realtime_only(struct kunit *test)
{
	u64 real0 = ktime_get_real_ns(), mono0 = ktime_get_ns(), real1, mono1;
	const u64 target = 2000000000ULL * NSEC_PER_SEC;	/* 2033 */

	do_settimeofday_ns(target);
	real1 = ktime_get_real_ns();
	mono1 = ktime_get_ns();
	do_settimeofday_ns(real0 + (ktime_get_ns() - mono0));	/* put it back */
	KUNIT_EXPECT_GE(test, real1, target);
	KUNIT_EXPECT_LT(test, real1 - target, NSEC_PER_SEC / 100);
	KUNIT_EXPECT_LT(test, mono1 - mono0, NSEC_PER_SEC / 100);
	KUNIT_EXPECT_LT(test, ktime_get_real_ns() - real0, NSEC_PER_SEC);
}

static struct kunit_case timekeeping_cases[] = {
	KUNIT_CASE(timekeeping_mult_shift),
	KUNIT_CASE(timekeeping_vvar_agrees),
	KUNIT_CASE(timekeeping_monotonic_across_ticks),
	KUNIT_CASE(timekeeping_settime_moves_realtime_only),
	{}
};

static struct kunit_suite timekeeping_suite = {
	.name = "timekeeping",
	.test_cases = timekeeping_cases,
};
kunit_test_suite(timekeeping_suite);
