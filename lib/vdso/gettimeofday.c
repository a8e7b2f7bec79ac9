// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vdso/gettimeofday.c: clock_gettime, gettimeofday and clock_getres
 * as the vDSO answers them, in user space, from the vvar page
 * (include/vdso/datapage.h) and the counter. The architecture's
 * vgettimeofday.c is compiled with this included ahead of it (-include,
 * as Linux's kbuild does); asm/vdso/gettimeofday.h gives the counter read,
 * the vvar page's address and the system calls to fall back to.
 *
 * The arithmetic is the kernel's (kernel/time/timekeeping.c) on the
 * kernel's numbers, so both give the same time. A clock the vvar page does
 * not describe (the CPU-time clocks, ids of other processes' clocks, ids
 * the kernel refuses), or no usable counter (clock_mode NONE), goes to the
 * system call, which answers or refuses it as always.
 */
#include <vdso/datapage.h>
#include <vdso/helpers.h>
#include <asm/vdso/gettimeofday.h>

#define VDSO_NSEC_PER_SEC	1000000000ULL
#define VDSO_LOW_RES_NSEC	(VDSO_NSEC_PER_SEC / CONFIG_HZ)	/* a tick: the coarse clocks */

/* A fine clock: its base plus the counter's progress since cycle_last. */
static __always_inline int do_hres(const struct vdso_data *vd, int clk,
				   struct __kernel_timespec *ts)
{
	const struct vdso_timestamp *base = &vd->basetime[clk];
	u64 cycles, sec, ns;
	s32 mode;
	u32 seq;

	do {
		seq = vdso_read_begin(vd);
		mode = READ_ONCE(vd->clock_mode);
		if (mode == VDSO_CLOCKMODE_NONE)
			return -1;
		cycles = __arch_get_hw_counter(mode) - vd->cycle_last;
		if ((s64)cycles < 0)	/* a CPU behind the updater's counter read */
			cycles = 0;
		ns = (base->nsec + cycles * vd->mult) >> vd->shift;
		sec = base->sec;
	} while (unlikely(vdso_read_retry(vd, seq)));

	ts->tv_sec = sec + ns / VDSO_NSEC_PER_SEC;
	ts->tv_nsec = ns % VDSO_NSEC_PER_SEC;
	return 0;
}

/* A coarse clock: the time of the last tick, as it stands. */
static __always_inline int do_coarse(const struct vdso_data *vd, int clk,
				     struct __kernel_timespec *ts)
{
	const struct vdso_timestamp *base = &vd->basetime[clk];
	u64 sec, ns;
	u32 seq;

	do {
		seq = vdso_read_begin(vd);
		if (READ_ONCE(vd->clock_mode) == VDSO_CLOCKMODE_NONE)
			return -1;
		sec = base->sec;
		ns = base->nsec;
	} while (unlikely(vdso_read_retry(vd, seq)));

	ts->tv_sec = sec;
	ts->tv_nsec = ns;
	return 0;
}

static __always_inline int __cvdso_clock_gettime(int clock, struct __kernel_timespec *ts)
{
	const struct vdso_data *vd = __arch_get_vdso_data();
	u32 msk;
	int ret;

	if ((u32)clock >= MAX_CLOCKS)
		return clock_gettime_fallback(clock, ts);
	msk = 1U << clock;
	if (msk & VDSO_HRES)
		ret = do_hres(&vd[CS_HRES_COARSE], clock, ts);
	else if (msk & VDSO_COARSE)
		ret = do_coarse(&vd[CS_HRES_COARSE], clock, ts);
	else if (msk & VDSO_RAW)
		ret = do_hres(&vd[CS_RAW], clock, ts);
	else
		ret = -1;
	return ret ? clock_gettime_fallback(clock, ts) : 0;
}

static __always_inline int __cvdso_gettimeofday(struct __kernel_old_timeval *tv,
						struct timezone *tz)
{
	const struct vdso_data *vd = __arch_get_vdso_data();

	if (likely(tv)) {
		struct __kernel_timespec ts;

		if (do_hres(&vd[CS_HRES_COARSE], CLOCK_REALTIME, &ts))
			return gettimeofday_fallback(tv, tz);
		tv->tv_sec = ts.tv_sec;
		tv->tv_usec = ts.tv_nsec / 1000;
	}
	if (unlikely(tz)) {
		tz->tz_minuteswest = READ_ONCE(vd[CS_HRES_COARSE].tz_minuteswest);
		tz->tz_dsttime = READ_ONCE(vd[CS_HRES_COARSE].tz_dsttime);
	}
	return 0;
}

static __always_inline int __cvdso_clock_getres(int clock, struct __kernel_timespec *res)
{
	const struct vdso_data *vd = __arch_get_vdso_data();
	u64 ns;
	u32 msk;

	if ((u32)clock >= MAX_CLOCKS || READ_ONCE(vd->clock_mode) == VDSO_CLOCKMODE_NONE)
		return clock_getres_fallback(clock, res);
	msk = 1U << clock;
	if (msk & (VDSO_HRES | VDSO_RAW))
		ns = READ_ONCE(vd[CS_HRES_COARSE].hrtimer_res);
	else if (msk & VDSO_COARSE)
		ns = VDSO_LOW_RES_NSEC;
	else
		return clock_getres_fallback(clock, res);
	if (likely(res)) {
		res->tv_sec = 0;
		res->tv_nsec = ns;
	}
	return 0;
}
