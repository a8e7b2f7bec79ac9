/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sys/syscall.h: system call numbers and the raw `svc #0` stubs.
 *
 * The numbers are the kernel's table, Linux's generic one
 * (include/uapi/asm-generic/unistd.h), which arm64 uses, so the same binary
 * runs on headstart and on Linux (or qemu-aarch64). The ABI: number in x8, arguments in x0..x5, result in x0,
 * a failure as -errno (-4095..-1); every other register is preserved.
 * __syscallN() return that raw value; lib/syscalls.c turns it into -1/errno.
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

/* The numbers: the kernel\'s own table (no __SYSCALL: numbers only). */
#include <uapi/asm-generic/unistd.h>

/* Highest errno a system call returns as -errno (Linux: MAX_ERRNO). */
#define __MAX_ERRNO		4095

#define __SVC_CLOBBERS		"memory", "cc"

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
			 : __SVC_CLOBBERS);
	return x0;
}

static inline long __syscall3(long n, long a, long b, long c)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;

	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : __SVC_CLOBBERS);
	return x0;
}

static inline long __syscall0(long n)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0");

	__asm__ volatile("svc #0" : "=r"(x0) : "r"(x8) : __SVC_CLOBBERS);
	return x0;
}

#define __syscall1(n, a)		__syscall3(n, a, 0, 0)
#define __syscall2(n, a, b)		__syscall3(n, a, b, 0)
#define __syscall4(n, a, b, c, d)	__syscall6(n, a, b, c, d, 0, 0)
#define __syscall5(n, a, b, c, d, e)	__syscall6(n, a, b, c, d, e, 0)

/* True when a raw result is -errno rather than a value. */
static inline int __syscall_failed(long ret)
{
	return (unsigned long)ret > -(unsigned long)(__MAX_ERRNO + 1);
}

/* syscall(2): any number, six arguments, -1 and errno on failure. */
long syscall(long n, ...);

#endif /* _SYS_SYSCALL_H */
