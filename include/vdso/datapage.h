/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/vdso/datapage.h: the vvar page, the one page of data the kernel
 * shares read-only with every process, beside the [vdso] code that reads
 * it (arch/arm64/kernel/vdso/). It holds what clock_gettime needs to turn
 * the counter EL0 reads (CNTVCT_EL0) into time without a system call:
 *
 *	ns = (basetime.nsec + (counter - cycle_last) * mult) >> shift
 *	time = basetime.sec + ns / NSEC_PER_SEC, ns % NSEC_PER_SEC
 *
 * basetime.nsec is shifted left by `shift` (sub-nanosecond precision kept
 * between updates); the coarse clocks' basetime is plain nanoseconds, the
 * time at the last tick. The kernel rewrites it at every tick and at
 * clock_settime (kernel/time/vsyscall.c) inside a sequence count: `seq`
 * odd while it writes; a reader retries when seq was odd or changed
 * (include/vdso/helpers.h).
 *
 * As Linux's: an array of CS_BASES, [CS_HRES_COARSE] for every clock but
 * CLOCK_MONOTONIC_RAW, which reads [CS_RAW]. Both hold the same counter
 * conversion here (no NTP: the raw and adjusted clocks never differ).
 */
#ifndef __VDSO_DATAPAGE_H
#define __VDSO_DATAPAGE_H

#include <uapi/linux/time.h>

#ifndef __ASSEMBLY__

#include <linux/types.h>

#define VDSO_BASES	(CLOCK_BOOTTIME + 1)
/* The clocks the vDSO answers; any other clock id is a system call. */
#define VDSO_HRES	((1U << CLOCK_REALTIME) | (1U << CLOCK_MONOTONIC) | \
			 (1U << CLOCK_BOOTTIME))
#define VDSO_COARSE	((1U << CLOCK_REALTIME_COARSE) | (1U << CLOCK_MONOTONIC_COARSE))
#define VDSO_RAW	(1U << CLOCK_MONOTONIC_RAW)

#define CS_HRES_COARSE	0
#define CS_RAW		1
#define CS_BASES	(CS_RAW + 1)

/* clock_mode: whether the counter may be read from EL0 at all. */
#define VDSO_CLOCKMODE_NONE	0	/* no: every call is a system call */
#define VDSO_CLOCKMODE_ARCHTIMER 1	/* CNTVCT_EL0 */

struct vdso_timestamp {
	u64 sec;
	u64 nsec;
};

struct vdso_data {
	u32 seq;			/* odd: an update is under way */
	s32 clock_mode;			/* VDSO_CLOCKMODE_* */
	u64 cycle_last;			/* the counter when basetime was taken */
	u32 mult;			/* counter ticks to ns << shift */
	u32 shift;
	struct vdso_timestamp basetime[VDSO_BASES];	/* by clock id */
	s32 tz_minuteswest;		/* settimeofday's time zone */
	s32 tz_dsttime;
	u32 hrtimer_res;		/* clock_getres of the fine clocks, ns */
	u32 __unused;
};

#ifndef BUILD_VDSO
/* The kernel's view of the vvar page (arch/arm64/kernel/vdso.c): CS_BASES of them. */
extern struct vdso_data *vdso_data;
#endif

#endif /* !__ASSEMBLY__ */
#endif
