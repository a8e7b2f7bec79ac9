/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/bitops.h: bit searches, as Linux's of the same names.
 */
#ifndef __LINUX_BITOPS_H
#define __LINUX_BITOPS_H

#include <linux/types.h>

/* The position, from 1, of the highest bit set in x; 0 when x is 0. */
static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

#endif
