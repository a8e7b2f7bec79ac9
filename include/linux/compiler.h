/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/compiler.h: compiler attributes with Linux's names, and the
 * READ_ONCE/WRITE_ONCE accessors for memory another agent may change.
 */
#ifndef __LINUX_COMPILER_H
#define __LINUX_COMPILER_H

#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __noreturn __attribute__((__noreturn__))
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __section(s) __attribute__((__section__(s)))
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __weak __attribute__((__weak__))

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define barrier() __asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#define offsetof(type, member) __builtin_offsetof(type, member)

#endif
