/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/vdso-sigreturn.S: the code of the [vdso] page
 * (vdso.c) every process gets: __kernel_rt_sigreturn, where a signal
 * handler returns (x30) unless it gave SA_RESTORER, as on Linux. It is
 * data here: vdso.c copies these bytes into a user page.
 */
#include <linux/linkage.h>

#define __NR_rt_sigreturn 139

	.section .rodata, "a"
	.balign	16
	.globl	vdso_page_start, vdso_rt_sigreturn, vdso_page_end
vdso_page_start:
	nop				// unwinders look one instruction back
vdso_rt_sigreturn:			// __kernel_rt_sigreturn
	mov	x8, #__NR_rt_sigreturn
	svc	#0
vdso_page_end:
