/* SPDX-License-Identifier: GPL-2.0 */
/*
 * svc_regs.S: does a system call keep every register but x0?
 *
 *	unsigned long svc_regs_changed(long nr, long *result);
 *
 * Loads x1..x30 (x8 = nr) with known values, issues `svc #0`, stores x0 in
 * *result and returns a mask with bit n set for each xn that came back
 * different. Linux's arm64 ABI preserves them all (pt_regs are restored on
 * return); a kernel that leaks or forgets one breaks compiled code in ways
 * that are hard to trace. Called from enosys.c.
 *
 * Frame: [sp] x29, x30; [sp + 16..95] x19..x28; [sp + 96] nr;
 * [sp + 104] result pointer; [sp + 112] x0 after the call.
 */
#include <linkage.h>

/*
 * pattern - put 0xbeef00000000000n in a register
 * @reg: the register; @n: its number
 * Corrupts: only @reg.
 */
.macro	pattern, reg, n
	mov	\reg, #\n
	movk	\reg, #0xbeef, lsl #48
.endm

	.text
SYM_FUNC_START(svc_regs_changed)
	stp	x29, x30, [sp, #-128]!
	mov	x29, sp
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	stp	x0, x1, [sp, #96]		// nr, result pointer

	mov	x8, x0
	.irp	n, 1,2,3,4,5,6,7,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	pattern	x\n, \n
	.endr
	mov	x0, #0				// the call's first argument
	svc	#0

	str	x0, [sp, #112]			// keep the result; x0 is scratch now
	ldr	x0, [sp, #96]
	cmp	x8, x0				// x8 first: it becomes the mask
	cset	x8, ne
	lsl	x8, x8, #8
	.irp	n, 1,2,3,4,5,6,7,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30
	pattern	x0, \n
	cmp	x\n, x0
	cset	x0, ne
	orr	x8, x8, x0, lsl #\n
	.endr

	ldp	x0, x1, [sp, #104]		// result pointer, result
	str	x1, [x0]
	mov	x0, x8				// return the mask
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #128
	ret
SYM_FUNC_END(svc_regs_changed)
