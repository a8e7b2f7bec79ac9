// SPDX-License-Identifier: GPL-2.0
/*
 * nanosleep: sleeps end on time, measured on CLOCK_MONOTONIC: never early,
 * and late by at most 20 ms or 20% (whichever is more); bad arguments give
 * EINVAL or EFAULT; the clock itself never goes back.
 */
#include <errno.h>
#include <sys/syscall.h>
#include <time.h>

#include "ktap.h"

#define KERNEL_PTR	0xffff800008000000UL

static void sleep_case(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
	long long req = ms * 1000000LL, t0, late, slack;
	long r;

	slack = req / 5 > 20000000 ? req / 5 : 20000000;
	t0 = monotonic_ns();
	r = __syscall2(__NR_nanosleep, (long)&ts, 0);
	late = monotonic_ns() - t0 - req;
	if (!ktap_result(r == 0 && late >= 0 && late <= slack, "nanosleep_%ldms_wakes_on_time", ms))
		ktap_diag("returned %ld, woke %lld us %s", r, (late < 0 ? -late : late) / 1000,
			  late < 0 ? "early" : "late");
	else
		ktap_diag("%ld ms: woke %lld us late", ms, late / 1000);
}

int main(void)
{
	static const long ms[] = { 1, 10, 100, 500 };
	struct timespec bad[] = { { 0, 1000000000 }, { 0, -1 }, { -1, 0 } };
	struct timespec zero = { 0, 0 }, a, b;
	long long t0;
	long r;
	int i, ok;

	ktap_start("nanosleep", 9);
	for (i = 0; i < 4; i++)
		sleep_case(ms[i]);

	t0 = monotonic_ns();
	r = __syscall2(__NR_nanosleep, (long)&zero, 0);
	ktap_result(r == 0 && monotonic_ns() - t0 < 20000000, "nanosleep_zero_returns_at_once");

	for (ok = 1, i = 0; i < 3; i++) {
		r = __syscall2(__NR_nanosleep, (long)&bad[i], 0);
		if (r != -EINVAL) {
			ktap_diag("{%ld, %ld} gave %ld", bad[i].tv_sec, bad[i].tv_nsec, r);
			ok = 0;
		}
	}
	ktap_result(ok, "bad_timespec_is_einval");

	r = __syscall2(__NR_nanosleep, KERNEL_PTR, 0);
	if (r == -EINVAL && ktap_qemu_user())	/* see efault.c */
		ktap_skip("qemu-user gives EINVAL for a bad nanosleep pointer",
			  "kernel_pointer_is_efault");
	else
		ktap_result(r == -EFAULT, "kernel_pointer_is_efault");

	r = __syscall2(__NR_clock_gettime, 1000, (long)&a);
	ktap_result(r == -EINVAL, "unknown_clock_is_einval");

	for (ok = 1, i = 0; i < 10000 && ok; i++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		clock_gettime(CLOCK_MONOTONIC, &b);
		ok = b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec);
		ok &= a.tv_nsec >= 0 && a.tv_nsec < 1000000000;
	}
	ktap_result(ok, "clock_monotonic_never_goes_back");
	return ktap_finish();
}
