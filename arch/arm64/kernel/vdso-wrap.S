/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/vdso-wrap.S: the vDSO image (arch/arm64/kernel/vdso/
 * vdso.so, built before the kernel's objects) inside the kernel, page
 * aligned, between vdso_start and vdso_end: vdso.c maps these pages, as
 * they are, into every process.
 */
	.section .rodata, "a"
	.balign	(1 << CONFIG_ARM64_PAGE_SHIFT)
	.globl	vdso_start, vdso_end
vdso_start:
	.incbin	VDSO_SO_PATH
	.balign	(1 << CONFIG_ARM64_PAGE_SHIFT)
vdso_end:
	.previous
