/* SPDX-License-Identifier: GPL-2.0 */
/* limits.h: the integer limits of LP64 arm64, and the path limit. */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT	8
#define INT_MAX		0x7fffffff
#define INT_MIN		(-INT_MAX - 1)
#define UINT_MAX	0xffffffffU
#define LONG_MAX	0x7fffffffffffffffL
#define LONG_MIN	(-LONG_MAX - 1)
#define ULONG_MAX	0xffffffffffffffffUL
#define PATH_MAX	4096

#endif /* _LIMITS_H */
