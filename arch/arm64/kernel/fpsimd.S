/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/fpsimd.S: saving and loading a user task's FP/SIMD
 * registers (struct user_fpsimd_state, asm/processor.h) at a context
 * switch (kernel/sched/core.c), fork (process.c) and exec. The kernel is
 * built -mgeneral-regs-only, so the registers hold the user's values for
 * as long as the task runs.
 */

#include <linux/linkage.h>
#include <generated/asm-offsets.h>

	.arch_extension fp
	.arch_extension simd

/*
 * void fpsimd_save_state(struct user_fpsimd_state *state)
 * Corrupts: x8, x9
 */
SYM_FUNC_START(fpsimd_save_state)
	stp	q0, q1, [x0, #16 * 0]
	stp	q2, q3, [x0, #16 * 2]
	stp	q4, q5, [x0, #16 * 4]
	stp	q6, q7, [x0, #16 * 6]
	stp	q8, q9, [x0, #16 * 8]
	stp	q10, q11, [x0, #16 * 10]
	stp	q12, q13, [x0, #16 * 12]
	stp	q14, q15, [x0, #16 * 14]
	stp	q16, q17, [x0, #16 * 16]
	stp	q18, q19, [x0, #16 * 18]
	stp	q20, q21, [x0, #16 * 20]
	stp	q22, q23, [x0, #16 * 22]
	stp	q24, q25, [x0, #16 * 24]
	stp	q26, q27, [x0, #16 * 26]
	stp	q28, q29, [x0, #16 * 28]
	stp	q30, q31, [x0, #16 * 30]
	mrs	x8, fpsr
	mrs	x9, fpcr
	str	w8, [x0, #FPSIMD_FPSR]
	str	w9, [x0, #FPSIMD_FPSR + 4]
	ret
SYM_FUNC_END(fpsimd_save_state)

/*
 * void fpsimd_load_state(const struct user_fpsimd_state *state)
 * Corrupts: x8, x9
 */
SYM_FUNC_START(fpsimd_load_state)
	ldp	q0, q1, [x0, #16 * 0]
	ldp	q2, q3, [x0, #16 * 2]
	ldp	q4, q5, [x0, #16 * 4]
	ldp	q6, q7, [x0, #16 * 6]
	ldp	q8, q9, [x0, #16 * 8]
	ldp	q10, q11, [x0, #16 * 10]
	ldp	q12, q13, [x0, #16 * 12]
	ldp	q14, q15, [x0, #16 * 14]
	ldp	q16, q17, [x0, #16 * 16]
	ldp	q18, q19, [x0, #16 * 18]
	ldp	q20, q21, [x0, #16 * 20]
	ldp	q22, q23, [x0, #16 * 22]
	ldp	q24, q25, [x0, #16 * 24]
	ldp	q26, q27, [x0, #16 * 26]
	ldp	q28, q29, [x0, #16 * 28]
	ldp	q30, q31, [x0, #16 * 30]
	ldr	w8, [x0, #FPSIMD_FPSR]
	ldr	w9, [x0, #FPSIMD_FPSR + 4]
	msr	fpsr, x8
	msr	fpcr, x9
	ret
SYM_FUNC_END(fpsimd_load_state)
