/* SPDX-License-Identifier: GPL-2.0 */
/* time.h: clocks and sleeping (Linux's struct timespec and clock ids). */
#ifndef _TIME_H
#define _TIME_H

typedef long time_t;

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

#define CLOCK_REALTIME	0
#define CLOCK_MONOTONIC	1
#define CLOCK_BOOTTIME	7

int clock_gettime(int clock, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);

/* Nanoseconds on CLOCK_MONOTONIC, for measuring intervals. */
long long monotonic_ns(void);

#endif /* _TIME_H */
