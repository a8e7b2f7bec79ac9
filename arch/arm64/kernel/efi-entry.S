/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/efi-entry.S: efi_enter_kernel, the EFI stub's last
 * step (as in Linux v5.15). The stub has exited boot services but still
 * runs on the firmware's identity map with the MMU and D-cache on;
 * booting.rst wants primary_entry entered with both off and the image
 * cleaned to the point of coherency. So: clean the whole image (the copy
 * the stub may have made, BSS and page-table area included, so no dirty
 * line is later evicted over what head.S writes with the MMU off), clean
 * this routine, turn the MMU and D-cache off at the current EL, and branch
 * to primary_entry with x0 = FDT, x1 = x2 = x3 = 0.
 *
 * Register use:
 *  x19  the image's primary_entry (in the copy the kernel runs from)
 *  x20  the FDT's physical address
 */
#include <linux/linkage.h>
#include <asm/assembler.h>
#include <asm/sysreg.h>

	__INIT

/* efi_enter_kernel(image_addr = x0, fdt_addr = x1): does not return */
SYM_CODE_START(efi_enter_kernel)
	adr_l	x2, primary_entry
	adr_l	x3, _text
	sub	x2, x2, x3			// primary_entry's offset in the image
	add	x19, x0, x2			// x19 = entry point of the copy
	mov	x20, x1				// x20 = FDT

	adr_l	x1, _end
	sub	x1, x1, x3			// x1 = image size, BSS and tables too
	add	x1, x0, x1
	bl	dcache_clean_inval_poc		// clean [x0, x0 + size)
	ic	ialluis				// no stale instructions of the copy
	dsb	ish
	isb

	adr	x0, 0f				// and the rest of this routine,
	adr	x1, 3f				// which runs with the MMU off
	bl	dcache_clean_inval_poc
0:
	mrs	x0, CurrentEL
	cmp	x0, #CurrentEL_EL2
	b.ne	1f
	mrs	x0, sctlr_el2
	bic	x0, x0, #1 << 0			// SCTLR.M: MMU off
	bic	x0, x0, #1 << 2			// SCTLR.C: D-cache off
	msr	sctlr_el2, x0
	isb
	b	2f
1:	mrs	x0, sctlr_el1
	bic	x0, x0, #1 << 0			// SCTLR.M: MMU off
	bic	x0, x0, #1 << 2			// SCTLR.C: D-cache off
	msr	sctlr_el1, x0
	isb
2:	mov	x0, x20				// x0 = FDT, as booting.rst says
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x19
3:
SYM_CODE_END(efi_enter_kernel)
