/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/vdso/gettimeofday.h: the arm64 half of the vDSO's
 * clock code (lib/vdso/gettimeofday.c holds the rest): the system calls
 * it falls back to, the counter it reads and where its data is.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

#include <uapi/linux/time.h>
#include <vdso/datapage.h>

#define __NR_gettimeofday	169
#define __NR_clock_gettime	113
#define __NR_clock_getres	114

/* The vvar page, one page below the vDSO's first (vdso.lds.S). */
extern struct vdso_data _vdso_data[CS_BASES] __attribute__((visibility("hidden")));

/* A system call with two arguments, as glibc would make it: svc #0, x8 = nr. */
static __always_inline long vdso_syscall2(long nr, long a0, long a1)
{
	register long x0 __asm__("x0") = a0;	/* argument 0, then the result */
	register long x1 __asm__("x1") = a1;
	register long x8 __asm__("x8") = nr;

	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x8) : "memory");
	return x0;
}

static __always_inline int gettimeofday_fallback(struct __kernel_old_timeval *tv,
						 struct timezone *tz)
{
	return vdso_syscall2(__NR_gettimeofday, (long)tv, (long)tz);
}

static __always_inline long clock_gettime_fallback(int clock, struct __kernel_timespec *ts)
{
	return vdso_syscall2(__NR_clock_gettime, clock, (long)ts);
}

static __always_inline int clock_getres_fallback(int clock, struct __kernel_timespec *ts)
{
	return vdso_syscall2(__NR_clock_getres, clock, (long)ts);
}

/*
 * CNTVCT_EL0, which CNTKCTL_EL1.EL0VCTEN lets EL0 read on every CPU
 * (drivers/clocksource/arm_arch_timer.c). The isb keeps the read from
 * being done early, before the vvar fields it will be combined with.
 */
static __always_inline u64 __arch_get_hw_counter(s32 clock_mode)
{
	u64 cnt;

	if (clock_mode == VDSO_CLOCKMODE_NONE)
		return 0;
	__asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(cnt) : : "memory");
	return cnt;
}

static __always_inline const struct vdso_data *__arch_get_vdso_data(void)
{
	return _vdso_data;
}

#endif
