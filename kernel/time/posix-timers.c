// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/posix-timers.c: clock_gettime, clock_settime, clock_getres,
 * gettimeofday, settimeofday, nanosleep, clock_nanosleep.
 *
 * The clocks are the timekeeper's (kernel/time/timekeeping.c), which the
 * vDSO reads too, so a clock_gettime through the vDSO and one through this
 * system call agree: CLOCK_MONOTONIC counts from start_kernel; _RAW and
 * CLOCK_BOOTTIME are the same (no NTP, no suspend); CLOCK_REALTIME is
 * that plus the wall time the RTC gave at boot (drivers/rtc/rtc-pl031.c),
 * or 1970-01-01 plus the uptime when there is no RTC, moved by
 * clock_settime and settimeofday. The _COARSE clocks stand at the last
 * tick's time, as on Linux. Sleeps on CLOCK_REALTIME with TIMER_ABSTIME
 * are converted to a relative sleep once (a later clock_settime does not
 * move them). A sleep a signal interrupts without running a handler
 * (SIGSTOP, SIGCONT) goes on to its deadline: relative ones through
 * restart_syscall (include/linux/restart_block.h), absolute ones made
 * again as they were; after a handler they fail with -EINTR, SA_RESTART
 * or not, the time left in rmtp (as on Linux).
 * The CPU-time clocks
 * count the process's ticks (utime + stime), so they advance in steps of
 * 1/HZ s. Sleeps run on the task's one-shot hrtimer
 * (schedule_hrtimeout_ns), counter-exact, not rounded to ticks.
 */
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/timekeeper_internal.h>
#include <linux/timekeeping.h>
#include <uapi/linux/time.h>
#include <asm/uaccess.h>

#define NSEC_PER_SEC			1000000000LL

/*
 * The latest wall time clock_settime and settimeofday accept (Linux's
 * TIME_SETTOD_SEC_MAX, in year 2232): 30 years of uptime short of where
 * signed 64-bit nanoseconds end (KTIME_SEC_MAX, year 2262). Later: -EINVAL.
 */
#define KTIME_SEC_MAX			(0x7fffffffffffffffLL / NSEC_PER_SEC)
#define TIME_UPTIME_SEC_MAX		(30LL * 365 * 24 * 3600)
#define TIME_SETTOD_SEC_MAX		(KTIME_SEC_MAX - TIME_UPTIME_SEC_MAX)

static int clock_get_ns(int which, u64 *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_coarse_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_MONOTONIC_COARSE:
		*ns = ktime_get_coarse_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = (current->utime + current->stime) * (NSEC_PER_SEC / HZ);
		return 0;
	default:
		return -EINVAL;
	}
}

static int put_timespec_ns(u64 ns, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec ts = { .tv_sec = ns / NSEC_PER_SEC, .tv_nsec = ns % NSEC_PER_SEC };

	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* A valid timespec from user space, in ns: 0, -EFAULT or -EINVAL. */
static int get_timespec_ns(const struct __kernel_timespec __user *uts, u64 *ns)
{
	struct __kernel_timespec ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if ((u64)ts.tv_sec > ~0ULL / NSEC_PER_SEC - 1)	/* "for ever" */
		ts.tv_sec = ~0ULL / NSEC_PER_SEC - 1;
	*ns = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

SYSCALL_DEFINE2(clock_gettime, int, which_clock, struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int err = clock_get_ns(which_clock, &ns);

	return err ? err : put_timespec_ns(ns, tp);
}

/*
 * Only CLOCK_REALTIME can be set (-EINVAL for the others, as Linux), and
 * only by root: -EPERM once the arguments are valid (Linux's CAP_SYS_TIME,
 * checked by security_settime64 after the timespec).
 */
SYSCALL_DEFINE2(clock_settime, int, which_clock, const struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int err;

	if (which_clock != CLOCK_REALTIME) {
		err = clock_get_ns(which_clock, &ns);
		return err ? err : -EINVAL;
	}
	err = get_timespec_ns(tp, &ns);
	if (err)
		return err;
	if (ns / NSEC_PER_SEC >= TIME_SETTOD_SEC_MAX)
		return -EINVAL;
	if (current->cred.euid != 0)
		return -EPERM;
	do_settimeofday_ns(ns);
	return 0;
}

/* The counter's resolution rounded up to a ns; the tick for CPU-time clocks. */
SYSCALL_DEFINE2(clock_getres, int, which_clock, struct __kernel_timespec __user *, tp)
{
	u64 ns;
	int err = clock_get_ns(which_clock, &ns);

	if (err)
		return err;
	if (which_clock == CLOCK_PROCESS_CPUTIME_ID || which_clock == CLOCK_THREAD_CPUTIME_ID ||
	    which_clock == CLOCK_REALTIME_COARSE || which_clock == CLOCK_MONOTONIC_COARSE)
		ns = NSEC_PER_SEC / HZ;
	else
		ns = 1;
	return tp ? put_timespec_ns(ns, tp) : 0;
}

static struct timezone sys_tz;		/* kept for settimeofday, unused (UTC) */

SYSCALL_DEFINE2(gettimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	u64 ns = ktime_get_real_ns();
	struct __kernel_old_timeval v = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC / 1000 };

	if (tv && copy_to_user(tv, &v, sizeof(v)))
		return -EFAULT;
	if (tz && copy_to_user(tz, &sys_tz, sizeof(sys_tz)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(settimeofday, struct __kernel_old_timeval __user *, tv,
		struct timezone __user *, tz)
{
	struct __kernel_old_timeval v;
	struct timezone z;

	/*
	 * Linux's order: the time read and its microseconds checked, the zone
	 * read, then the seconds checked (do_sys_settimeofday64), then root.
	 */
	if (tv && copy_from_user(&v, tv, sizeof(v)))
		return -EFAULT;
	if (tv && (v.tv_usec < 0 || v.tv_usec >= 1000000))
		return -EINVAL;
	if (tz && copy_from_user(&z, tz, sizeof(z)))
		return -EFAULT;
	if (tv && (v.tv_sec < 0 || v.tv_sec >= TIME_SETTOD_SEC_MAX))
		return -EINVAL;
	if (current->cred.euid != 0)
		return -EPERM;		/* as clock_settime: before the zone's range */
	if (tz) {
		if (z.tz_minuteswest < -15 * 60 || z.tz_minuteswest > 15 * 60)
			return -EINVAL;
		sys_tz = z;
		update_vsyscall_tz(z.tz_minuteswest, z.tz_dsttime);	/* the vDSO's copy */
	}
	if (tv)
		do_settimeofday_ns((u64)v.tv_sec * NSEC_PER_SEC + v.tv_usec * 1000ULL);
	return 0;
}

/*
 * Sleep until CLOCK_MONOTONIC reaches expires. A signal ends the sleep with
 * the time left in *rmtp and -ERESTART_RESTARTBLOCK: a handler makes that
 * -EINTR (arch/arm64/kernel/signal.c); without one (SIGSTOP, then SIGCONT)
 * restart_syscall goes on sleeping to the same deadline (nanosleep_restart).
 */
static long do_nanosleep(u64 expires, struct __kernel_timespec __user *rmtp);

/* CLOCK_MONOTONIC ns from now on; "for ever" stays for ever. */
static u64 deadline_after(u64 ns)
{
	u64 now = ktime_get_ns();

	return now + ns < now ? ~0ULL : now + ns;
}

static long nanosleep_restart(struct restart_block *rb)
{
	return do_nanosleep(rb->nanosleep.expires, rb->nanosleep.rmtp);
}

static long do_nanosleep(u64 expires, struct __kernel_timespec __user *rmtp)
{
	struct restart_block *rb = &current->restart_block;
	u64 now = ktime_get_ns(), left = 0;
	long ret;

	if (expires <= now)
		return 0;
	ret = schedule_hrtimeout_ns(expires - now, TASK_INTERRUPTIBLE, &left);
	if (ret != -EINTR)
		return ret;
	if (rmtp && put_timespec_ns(left, rmtp))
		return -EFAULT;
	rb->fn = nanosleep_restart;
	rb->nanosleep.expires = expires;
	rb->nanosleep.rmtp = rmtp;
	return -ERESTART_RESTARTBLOCK;
}

SYSCALL_DEFINE2(nanosleep, struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	u64 ns;
	int err = get_timespec_ns(rqtp, &ns);

	return err ? err : do_nanosleep(deadline_after(ns), rmtp);
}

SYSCALL_DEFINE4(clock_nanosleep, int, which_clock, int, flags,
		const struct __kernel_timespec __user *, rqtp,
		struct __kernel_timespec __user *, rmtp)
{
	u64 ns, now = 0;
	int err;

	if (which_clock != CLOCK_REALTIME && which_clock != CLOCK_MONOTONIC &&
	    which_clock != CLOCK_BOOTTIME)
		return which_clock == CLOCK_THREAD_CPUTIME_ID ? -EINVAL : -EOPNOTSUPP;
	err = get_timespec_ns(rqtp, &ns);
	if (err)
		return err;
	if (flags & TIMER_ABSTIME) {
		/* Restarted as it was, to the same time on its clock: Linux's way. */
		clock_get_ns(which_clock, &now);
		if (ns <= now)
			return 0;
		err = do_nanosleep(deadline_after(ns - now), NULL);
		return err == -ERESTART_RESTARTBLOCK ? -ERESTARTNOHAND : err;
	}
	return do_nanosleep(deadline_after(ns), rmtp);
}
