/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/setjmp.h: save a point in a function and jump back
 * to it later (arch/arm64/lib/setjmp.S). KUnit uses it to end a test case
 * from anywhere, including from an exception handler when the case
 * provoked the exception on purpose.
 */
#ifndef __ASM_SETJMP_H
#define __ASM_SETJMP_H

#include <linux/compiler.h>
#include <linux/types.h>

/* x19..x30, sp: the callee-saved state of the procedure call standard. */
struct jmp_buf {
	u64 regs[13];
};

/* Returns 0 when saving, or the value given to longjmp() when jumped to. */
int __attribute__((returns_twice)) setjmp(struct jmp_buf *jb);
__noreturn void longjmp(struct jmp_buf *jb, int val);

#endif
