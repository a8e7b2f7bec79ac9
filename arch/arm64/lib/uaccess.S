/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/lib/uaccess.S: the copies behind asm/uaccess.h. Callers have
 * already checked the user range with access_ok(); these only move bytes.
 *
 * User memory is read with ldtr and written with sttr: from EL1 they are
 * checked as if EL0 made them, so they fault on kernel addresses and on
 * user pages EL0 may not write. Each one has an exception-table entry
 * (asm/asm-extable.h): on a fault the word-at-a-time loop falls back to the
 * byte loop at the same place, and a fault there ends the copy, so the
 * count returned is exact.
 */

#include <linux/linkage.h>
#include <asm/asm-extable.h>

	.text
/*
 * unsigned long __arch_copy_from_user(void *to, const void __user *from,
 *				       unsigned long n)
 * Returns the number of bytes not copied (0 on success).
 * Corrupts: x0..x3
 */
SYM_FUNC_START(__arch_copy_from_user)
1:	cmp	x2, #8
	b.lo	2f
	user_ldst 2f, ldtr x3, [x1]		// a fault: go byte by byte
	str	x3, [x0], #8
	add	x1, x1, #8
	sub	x2, x2, #8
	b	1b
2:	cbz	x2, 9f
	user_ldst 9f, ldtrb w3, [x1]
	strb	w3, [x0], #1
	add	x1, x1, #1
	sub	x2, x2, #1
	b	2b
9:	mov	x0, x2				// bytes left
	ret
SYM_FUNC_END(__arch_copy_from_user)

/*
 * unsigned long __arch_copy_to_user(void __user *to, const void *from,
 *				     unsigned long n)
 * Returns the number of bytes not copied (0 on success).
 * Corrupts: x0..x3
 */
SYM_FUNC_START(__arch_copy_to_user)
1:	cmp	x2, #8
	b.lo	2f
	ldr	x3, [x1]
	user_ldst 2f, sttr x3, [x0]		// a fault: go byte by byte
	add	x0, x0, #8
	add	x1, x1, #8
	sub	x2, x2, #8
	b	1b
2:	cbz	x2, 9f
	ldrb	w3, [x1], #1
	user_ldst 9f, sttrb w3, [x0]
	add	x0, x0, #1
	sub	x2, x2, #1
	b	2b
9:	mov	x0, x2				// bytes left
	ret
SYM_FUNC_END(__arch_copy_to_user)

/*
 * unsigned long __arch_clear_user(void __user *to, unsigned long n)
 * Returns the number of bytes not cleared (0 on success).
 * Corrupts: x0, x1
 */
SYM_FUNC_START(__arch_clear_user)
1:	cmp	x1, #8
	b.lo	2f
	user_ldst 2f, sttr xzr, [x0]
	add	x0, x0, #8
	sub	x1, x1, #8
	b	1b
2:	cbz	x1, 9f
	user_ldst 9f, sttrb wzr, [x0]
	add	x0, x0, #1
	sub	x1, x1, #1
	b	2b
9:	mov	x0, x1				// bytes left
	ret
SYM_FUNC_END(__arch_clear_user)

/*
 * long __arch_strncpy_from_user(char *dst, const char __user *src, long n)
 * Copies bytes up to and including the first NUL, at most n of them.
 * Returns how many were copied, or -1 if a user access faulted.
 * Corrupts: x0..x5
 */
SYM_FUNC_START(__arch_strncpy_from_user)
	mov	x4, #0				// copied so far
1:	cmp	x4, x2
	b.hs	2f				// n reached, no NUL
	add	x5, x1, x4
	user_ldst 9f, ldtrb w3, [x5]
	strb	w3, [x0, x4]
	add	x4, x4, #1
	cbnz	w3, 1b				// until the NUL
2:	mov	x0, x4
	ret
9:	mov	x0, #-1
	ret
SYM_FUNC_END(__arch_strncpy_from_user)
