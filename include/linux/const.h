/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/const.h: constants usable from both C and assembly.
 * _AC(1, UL) is 1UL in C and plain 1 in assembly.
 */
#ifndef __LINUX_CONST_H
#define __LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y) X
#else
#define __AC(X, Y) (X##Y)
#define _AC(X, Y) __AC(X, Y)
#endif

#define UL(x) (_AC(x, UL))
#define ULL(x) (_AC(x, ULL))

#define BIT(nr) (UL(1) << (nr))
/* A mask of bits h..l inclusive, as in Linux's <linux/bits.h>. */
#define GENMASK(h, l) (((~UL(0)) - (UL(1) << (l)) + 1) & (~UL(0) >> (63 - (h))))

#ifndef __ASSEMBLY__	/* the linker script has its own ALIGN() */
#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((a) - 1)) == 0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#endif

#endif
