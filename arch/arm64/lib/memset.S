/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/lib/memset.S: memset for arm64, replacing lib/string.c's
 * generic loop (asm/string.h says so, as Linux's __HAVE_ARCH_MEMSET does).
 *
 * Large zero fills (mem_map, page tables, __GFP_ZERO pages) use DC ZVA,
 * which zeroes one whole block (DCZID_EL0.BS: 4 << BS bytes, 64 on the
 * Cortex-A57) per instruction, as Linux's memset does; unless DCZID_EL0.DZP
 * forbids it. Everything else is stored 64 bytes a turn with stp.
 *
 * Like memcpy.S, it stores without regard to alignment, and DC ZVA needs
 * Normal memory: kernel C code on Normal memory only, never Device memory.
 */

#include <linux/linkage.h>

/* Zero fills at least this long use DC ZVA (well above the largest block). */
#define ZVA_MIN		4096

	.text
/*
 * void *memset(void *s, int c, size_t n)
 *	x0: s, returned unchanged	w1: c		x2: bytes left
 *	x3: cursor	x4: c in every byte of a word
 *	x5: DC ZVA block size	x6: scratch, then the end of the blocks
 */
SYM_FUNC_START(memset)
	mov	x3, x0
	and	w1, w1, #0xff
	mov	x4, #0x0101010101010101
	mul	x4, x4, x1
	cbnz	x4, 1f
	cmp	x2, #ZVA_MIN
	b.hs	.Lzva
1:	subs	x2, x2, #64			// 64 bytes a turn
	b.lo	3f
2:	stp	x4, x4, [x3], #64
	stp	x4, x4, [x3, #-48]
	stp	x4, x4, [x3, #-32]
	stp	x4, x4, [x3, #-16]
	subs	x2, x2, #64
	b.hs	2b
3:	adds	x2, x2, #64 - 8			// fewer than 64: 8 at a time
	b.lo	5f
4:	str	x4, [x3], #8
	subs	x2, x2, #8
	b.hs	4b
5:	adds	x2, x2, #8			// fewer than 8: byte by byte
	b.eq	7f
6:	strb	w4, [x3], #1
	subs	x2, x2, #1
	b.ne	6b
7:	ret

.Lzva:
	mrs	x6, dczid_el0
	tbnz	w6, #4, 1b			// DZP: DC ZVA is not allowed
	and	w6, w6, #0xf
	mov	x5, #4
	lsl	x5, x5, x6			// block size, 4 << BS bytes
	cmp	x5, #ZVA_MIN / 2
	b.hs	1b				// blocks too big for this length
	/* Up to the first block boundary: 1, 2, 4, 8 bytes, then 16 a turn. */
	neg	x6, x3
	sub	x7, x5, #1
	and	x6, x6, x7			// bytes to the boundary
	sub	x2, x2, x6
	tbz	x6, #0, 8f
	strb	wzr, [x3], #1
8:	tbz	x6, #1, 9f
	strh	wzr, [x3], #2
9:	tbz	x6, #2, 10f
	str	wzr, [x3], #4
10:	tbz	x6, #3, 11f
	str	xzr, [x3], #8
11:	lsr	x6, x6, #4
	cbz	x6, 13f
12:	stp	xzr, xzr, [x3], #16
	subs	x6, x6, #1
	b.ne	12b
	/* Whole blocks, four a turn while there are four. */
13:	bic	x6, x2, x7			// bytes in whole blocks
	sub	x2, x2, x6
	add	x6, x3, x6			// x6: end of the blocks
	sub	x7, x6, x5, lsl #2		// x7: the last four-block start
14:	cmp	x3, x7
	b.hi	15f
	dc	zva, x3
	add	x3, x3, x5
	dc	zva, x3
	add	x3, x3, x5
	dc	zva, x3
	add	x3, x3, x5
	dc	zva, x3
	add	x3, x3, x5
	b	14b
15:	cmp	x3, x6
	b.hs	1b				// the tail, < one block, by stores
	dc	zva, x3
	add	x3, x3, x5
	b	15b
SYM_FUNC_END(memset)
