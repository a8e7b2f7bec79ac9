/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/lib/memcpy.S: memcpy for arm64, 128 bytes a turn with
 * ldp/stp, replacing lib/string.c's generic loop (asm/string.h says so,
 * as Linux's __HAVE_ARCH_MEMCPY does). Copying the initramfs into the root
 * filesystem is the longest copy of the boot; this brings it from about
 * 0.6 to 0.14 instructions a byte.
 *
 * Like Linux's, it loads and stores without regard to alignment: kernel C
 * code runs with the MMU on, on Normal memory, where SCTLR_EL1.A = 0 lets
 * unaligned accesses through. Never use it on Device memory.
 *
 * Each turn reads its 64 bytes before writing them, so a copy to a lower,
 * overlapping address works too (lib/string.c's memmove relies on that).
 */

#include <linux/linkage.h>

	.text
/*
 * void *memcpy(void *dst, const void *src, size_t n)
 *	x0: dst, returned unchanged	x1: src, advances	x2: bytes left
 *	x3: dst cursor			x4..x7, x9..x12: the data in flight
 */
SYM_FUNC_START(memcpy)
	mov	x3, x0
	subs	x2, x2, #128
	b.lo	2f
1:	ldp	x4, x5, [x1], #64		// 64 bytes in...
	ldp	x6, x7, [x1, #-48]
	ldp	x9, x10, [x1, #-32]
	ldp	x11, x12, [x1, #-16]
	stp	x4, x5, [x3], #64		// ...64 bytes out
	stp	x6, x7, [x3, #-48]
	stp	x9, x10, [x3, #-32]
	stp	x11, x12, [x3, #-16]
	ldp	x4, x5, [x1], #64		// and again
	ldp	x6, x7, [x1, #-48]
	ldp	x9, x10, [x1, #-32]
	ldp	x11, x12, [x1, #-16]
	stp	x4, x5, [x3], #64
	stp	x6, x7, [x3, #-48]
	stp	x9, x10, [x3, #-32]
	stp	x11, x12, [x3, #-16]
	subs	x2, x2, #128
	b.hs	1b
2:	adds	x2, x2, #128 - 8		// fewer than 128 left: 8 at a time
	b.lo	4f
3:	ldr	x4, [x1], #8
	str	x4, [x3], #8
	subs	x2, x2, #8
	b.hs	3b
4:	adds	x2, x2, #8			// fewer than 8: byte by byte
	b.eq	6f
5:	ldrb	w4, [x1], #1
	strb	w4, [x3], #1
	subs	x2, x2, #1
	b.ne	5b
6:	ret
SYM_FUNC_END(memcpy)
