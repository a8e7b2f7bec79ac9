/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/uapi/linux/time.h: the clock ids and time structures of the
 * system call ABI (clock_gettime, gettimeofday...), as user space sees
 * them; the kernel's posix-timers.c and the vDSO both read them here.
 */
#ifndef _UAPI_LINUX_TIME_H
#define _UAPI_LINUX_TIME_H

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define MAX_CLOCKS			16

#define TIMER_ABSTIME			0x01

#ifndef __ASSEMBLY__

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;	/* minutes west of Greenwich */
	int tz_dsttime;		/* unused, as on Linux */
};

#endif
#endif
