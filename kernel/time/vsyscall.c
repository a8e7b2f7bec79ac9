// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/vsyscall.c: the vvar page (include/vdso/datapage.h) kept
 * equal to the timekeeper. update_vsyscall runs wherever the timekeeper
 * changes (kernel/time/timekeeping.c: each tick on the boot CPU,
 * clock_settime), under timekeeper_lock, so there is one writer at a time;
 * the vDSO's readers on any CPU retry across a write (include/vdso/helpers.h).
 */
#include <linux/timekeeper_internal.h>
#include <vdso/datapage.h>
#include <vdso/helpers.h>

static void vdso_set_base(struct vdso_timestamp *ts, u64 sec, u64 nsec)
{
	ts->sec = sec;
	ts->nsec = nsec;
}

void update_vsyscall(const struct timekeeper *tk)
{
	struct vdso_data *vd = vdso_data;
	u64 mono_sec, mono_nsec, real_sec, real_nsec;

	tk_clock_base(tk, false, &mono_sec, &mono_nsec);
	tk_clock_base(tk, true, &real_sec, &real_nsec);

	vdso_write_begin(vd);
	for (int cs = CS_HRES_COARSE; cs < CS_BASES; cs++) {
		vd[cs].clock_mode = tk->mult ? VDSO_CLOCKMODE_ARCHTIMER : VDSO_CLOCKMODE_NONE;
		vd[cs].cycle_last = tk->cycle_last;
		vd[cs].mult = tk->mult;
		vd[cs].shift = tk->shift;
		vd[cs].hrtimer_res = 1;
	}
	vdso_set_base(&vd[CS_HRES_COARSE].basetime[CLOCK_REALTIME], real_sec, real_nsec);
	vdso_set_base(&vd[CS_HRES_COARSE].basetime[CLOCK_MONOTONIC], mono_sec, mono_nsec);
	vdso_set_base(&vd[CS_HRES_COARSE].basetime[CLOCK_BOOTTIME], mono_sec, mono_nsec);
	vdso_set_base(&vd[CS_RAW].basetime[CLOCK_MONOTONIC_RAW], mono_sec, mono_nsec);
	/* The coarse clocks: the time now, in plain nanoseconds. */
	vdso_set_base(&vd[CS_HRES_COARSE].basetime[CLOCK_REALTIME_COARSE], real_sec,
		      real_nsec >> tk->shift);
	vdso_set_base(&vd[CS_HRES_COARSE].basetime[CLOCK_MONOTONIC_COARSE], mono_sec,
		      mono_nsec >> tk->shift);
	vdso_write_end(vd);
}

void update_vsyscall_tz(int minuteswest, int dsttime)
{
	struct vdso_data *vd = vdso_data;

	/* Not under the sequence count, as Linux: two ints, read together rarely. */
	WRITE_ONCE(vd[CS_HRES_COARSE].tz_minuteswest, minuteswest);
	WRITE_ONCE(vd[CS_HRES_COARSE].tz_dsttime, dsttime);
}
