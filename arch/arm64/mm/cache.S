/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/mm/cache.S: data cache maintenance by virtual address, callable
 * from C and from head.S with the MMU off (the addresses are then physical).
 */

#include <linux/linkage.h>
#include <asm/assembler.h>

	.text
/*
 * dcache_inval_poc(start, end)
 *
 * Invalidate [start, end) to the point of coherency, so that the next read
 * comes from memory. Lines only partly in the range are cleaned first.
 *	x0 - start, x1 - end
 * Corrupts x0..x3.
 */
SYM_FUNC_START(dcache_inval_poc)
	dcache_inval_poc x0, x1, x2, x3
	ret
SYM_FUNC_END(dcache_inval_poc)

/*
 * dcache_clean_inval_poc(start, end)
 *
 * Clean and invalidate [start, end) to the point of coherency: what the
 * caches hold reaches memory, e.g. before it is read with the MMU off.
 *	x0 - start, x1 - end
 * Corrupts x0..x3.
 */
SYM_FUNC_START(dcache_clean_inval_poc)
	dcache_line_size x2, x3
	sub	x3, x2, #1
	bic	x0, x0, x3
1:	dc	civac, x0
	add	x0, x0, x2
	cmp	x0, x1
	b.lo	1b
	dsb	sy
	ret
SYM_FUNC_END(dcache_clean_inval_poc)
