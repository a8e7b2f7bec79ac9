/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/lib/setjmp.S: setjmp()/longjmp() for the kernel (asm/setjmp.h).
 * Only the callee-saved registers need keeping: x19..x28, the frame
 * pointer x29, the return address x30 and sp. Kernel C uses no FP/SIMD
 * registers (-mgeneral-regs-only), so d8..d15 are not saved.
 */

#include <linux/linkage.h>

	.text
/* int setjmp(struct jmp_buf *jb)	x0 = jb; returns 0 */
SYM_FUNC_START(setjmp)
	stp	x19, x20, [x0, #0]
	stp	x21, x22, [x0, #16]
	stp	x23, x24, [x0, #32]
	stp	x25, x26, [x0, #48]
	stp	x27, x28, [x0, #64]
	stp	x29, x30, [x0, #80]
	mov	x1, sp
	str	x1, [x0, #96]
	mov	x0, #0
	ret
SYM_FUNC_END(setjmp)

/* void longjmp(struct jmp_buf *jb, int val)	x0 = jb, w1 = val (0 becomes 1) */
SYM_FUNC_START(longjmp)
	ldp	x19, x20, [x0, #0]
	ldp	x21, x22, [x0, #16]
	ldp	x23, x24, [x0, #32]
	ldp	x25, x26, [x0, #48]
	ldp	x27, x28, [x0, #64]
	ldp	x29, x30, [x0, #80]
	ldr	x2, [x0, #96]
	mov	sp, x2
	cmp	w1, #0
	csinc	w0, w1, wzr, ne			// setjmp returns val, or 1 for 0
	ret					// to setjmp's caller
SYM_FUNC_END(longjmp)
