// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/vdso/vgettimeofday.c: the vDSO's time functions, under
 * the names and version (LINUX_2.6.39, vdso.lds.S) glibc looks up on
 * arm64. The work is lib/vdso/gettimeofday.c's, which the build includes
 * ahead of this file (vdso/Kbuild), with asm/vdso/gettimeofday.h.
 */
#include <asm/vdso/gettimeofday.h>

int __kernel_clock_gettime(int clock, struct __kernel_timespec *ts);
int __kernel_gettimeofday(struct __kernel_old_timeval *tv, struct timezone *tz);
int __kernel_clock_getres(int clock, struct __kernel_timespec *res);

int __kernel_clock_gettime(int clock, struct __kernel_timespec *ts)
{
	return __cvdso_clock_gettime(clock, ts);
}

int __kernel_gettimeofday(struct __kernel_old_timeval *tv, struct timezone *tz)
{
	return __cvdso_gettimeofday(tv, tz);
}

int __kernel_clock_getres(int clock, struct __kernel_timespec *res)
{
	return __cvdso_clock_getres(clock, res);
}
