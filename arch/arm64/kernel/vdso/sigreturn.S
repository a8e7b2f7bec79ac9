/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/vdso/sigreturn.S: __kernel_rt_sigreturn, where a
 * signal handler returns (x30) unless it gave SA_RESTORER, as on Linux
 * (arch/arm64/kernel/signal.c points x30 here: VDSO_SYMBOL(base, sigtramp),
 * vdso.lds.S names it VDSO_sigtramp). Debuggers and unwinders recognise
 * the two instructions by their bytes; the nop before them makes
 * "return address - 1" still fall inside this code.
 */
#include <linux/linkage.h>

#define __NR_rt_sigreturn 139

	.text
	nop				// unwinders look one instruction back
SYM_CODE_START(__kernel_rt_sigreturn)
	mov	x8, #__NR_rt_sigreturn	// x8: the system call number
	svc	#0			// the kernel restores the frame at sp
SYM_CODE_END(__kernel_rt_sigreturn)
