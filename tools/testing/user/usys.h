/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/user/usys.h: just enough of a C runtime for the kernel's
 * own user-space tests: system calls by number through `svc #0` (Linux's
 * arm64 ABI: number in x8, arguments in x0..x5, result in x0), and output
 * helpers. No libc: these programs test the kernel, not usr/.
 */
#ifndef USYS_H
#define USYS_H

typedef unsigned long size_t;
typedef long ssize_t;

/* The numbers: the kernel's own table (no __SYSCALL: numbers only). */
#include <uapi/asm-generic/unistd.h>

static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	register long x5 __asm__("x5") = f;

	__asm__ volatile("svc #0"
			 : "+r"(x0)
			 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
			 : "memory");
	return x0;
}

#define syscall0(n) __syscall6(n, 0, 0, 0, 0, 0, 0)
#define syscall1(n, a) __syscall6(n, (long)(a), 0, 0, 0, 0, 0)
#define syscall2(n, a, b) __syscall6(n, (long)(a), (long)(b), 0, 0, 0, 0)
#define syscall3(n, a, b, c) __syscall6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define syscall4(n, a, b, c, d) __syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define syscall6(n, a, b, c, d, e, f) \
	__syscall6(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))

struct timespec { long tv_sec, tv_nsec; };
struct rusage {
	struct { long tv_sec, tv_usec; } ru_utime, ru_stime;
	long rest[14];
};

static inline long sys_write(int fd, const void *buf, size_t n) { return syscall3(__NR_write, fd, buf, n); }
static inline __attribute__((noreturn)) void sys_exit(int code)
{
	syscall1(__NR_exit_group, code);
	for (;;)
		;
}
static inline long sys_fork(void) { return syscall6(__NR_clone, 17 /* SIGCHLD */, 0, 0, 0, 0, 0); }
static inline long sys_wait4(int pid, int *status, int options, struct rusage *ru)
{
	return syscall4(__NR_wait4, pid, status, options, ru);
}
static inline long sys_getpid(void) { return syscall0(__NR_getpid); }
static inline long sys_getppid(void) { return syscall0(__NR_getppid); }
static inline long sys_yield(void) { return syscall0(__NR_sched_yield); }
static inline long sys_kill(int pid, int sig) { return syscall2(__NR_kill, pid, sig); }

static inline long now_ns(void)
{
	struct timespec ts;

	syscall2(__NR_clock_gettime, 1 /* CLOCK_MONOTONIC */, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static inline long cpu_ns(void)
{
	struct timespec ts;

	syscall2(__NR_clock_gettime, 2 /* CLOCK_PROCESS_CPUTIME_ID */, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static inline size_t ustrlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static inline int ustrcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

/* Output goes to fd 1 (the console init got from the kernel). */
static inline void puts_(const char *s) { sys_write(1, s, ustrlen(s)); }

static inline void put_long(long v)
{
	char buf[24];
	int i = sizeof(buf);
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	do {
		buf[--i] = '0' + u % 10;
		u /= 10;
	} while (u);
	if (v < 0)
		buf[--i] = '-';
	sys_write(1, buf + i, sizeof(buf) - i);
}

#endif
