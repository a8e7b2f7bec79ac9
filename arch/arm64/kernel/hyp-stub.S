/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/hyp-stub.S: the hypervisor stub, a minimal EL2 vector
 * table that init_kernel_el (head.S) installs in VBAR_EL2 before dropping
 * to EL1, as Linux v5.15 does. It lets a kernel that booted at EL2 get back
 * there later: `hvc #0` with a stub call number in x0 (asm/virt.h):
 *
 *   HVC_SET_VECTORS    x1 = physical address of new EL2 vectors (a
 *                      hypervisor such as KVM takes over EL2 this way)
 *   HVC_SOFT_RESTART   x1 = physical address to branch to at EL2, with
 *                      x2..x4 passed on as x0..x2 (kexec's cpu_soft_restart)
 *   HVC_RESET_VECTORS  back to the stub: nothing to do while it is in place
 *
 * Any other number returns HVC_STUB_ERR in x0 (v5.15's HVC_VHE_RESTART
 * too: headstart never runs its kernel at EL2, see head.rst). The stub
 * runs with EL2's MMU off and no stack: it may only use x0..x4. A known
 * call returns 0 in x0. Tested by arch/arm64/kernel/hyp_stub_kunit.c.
 */

#include <linux/linkage.h>
#include <asm/assembler.h>
#include <asm/virt.h>

	.text
	.pushsection	.hyp.text, "ax"

	.align	11				// VBAR_EL2 needs 2 KiB alignment

SYM_CODE_START(__hyp_stub_vectors)
	ventry	el2_sync_invalid		// Synchronous EL2t
	ventry	el2_irq_invalid			// IRQ EL2t
	ventry	el2_fiq_invalid			// FIQ EL2t
	ventry	el2_error_invalid		// Error EL2t

	ventry	elx_sync			// Synchronous EL2h
	ventry	el2_irq_invalid			// IRQ EL2h
	ventry	el2_fiq_invalid			// FIQ EL2h
	ventry	el2_error_invalid		// Error EL2h

	ventry	elx_sync			// Synchronous 64-bit EL1
	ventry	el1_irq_invalid			// IRQ 64-bit EL1
	ventry	el1_fiq_invalid			// FIQ 64-bit EL1
	ventry	el1_error_invalid		// Error 64-bit EL1

	ventry	el1_sync_invalid		// Synchronous 32-bit EL1
	ventry	el1_irq_invalid			// IRQ 32-bit EL1
	ventry	el1_fiq_invalid			// FIQ 32-bit EL1
	ventry	el1_error_invalid		// Error 32-bit EL1
SYM_CODE_END(__hyp_stub_vectors)

	.align	11

/*
 * elx_sync: an hvc from EL1 (or a synchronous exception at EL2).
 *	x0 = stub call number, x1..x4 = its arguments
 */
SYM_CODE_START_LOCAL(elx_sync)
	cmp	x0, #HVC_SET_VECTORS
	b.ne	1f
	msr	vbar_el2, x1			// new vectors from the next exception on
	b	9f

1:	cmp	x0, #HVC_SOFT_RESTART
	b.ne	2f
	mov	x0, x2				// arg0
	mov	x2, x4				// arg2
	mov	x4, x1				// the entry point
	mov	x1, x3				// arg1
	br	x4				// no return

2:	cmp	x0, #HVC_RESET_VECTORS
	b.eq	9f				// the stub is in place: nothing to reset

	/* An unknown call, e.g. a hypervisor's, made against the stub. */
	mov_q	x0, HVC_STUB_ERR
	eret

9:	mov	x0, xzr
	eret
SYM_CODE_END(elx_sync)

/*
 * The exceptions the stub does not expect: spin where a debugger sees
 * which one it was.
 */
	.macro	invalid_vector, label
SYM_CODE_START_LOCAL(\label)
	b	\label
SYM_CODE_END(\label)
	.endm

	invalid_vector	el2_sync_invalid
	invalid_vector	el2_irq_invalid
	invalid_vector	el2_fiq_invalid
	invalid_vector	el2_error_invalid
	invalid_vector	el1_sync_invalid
	invalid_vector	el1_irq_invalid
	invalid_vector	el1_fiq_invalid
	invalid_vector	el1_error_invalid

	.popsection

/*
 * __hyp_set_vectors: hand EL2 to new vectors (a hypervisor's).
 *	x0 = physical address of the vector table, 2 KiB aligned
 * Only when is_hyp_mode_available(): otherwise there is no stub to answer
 * the hvc. The new vectors start with whatever SP_EL2 the stub left.
 * Returns 0.
 */
SYM_FUNC_START(__hyp_set_vectors)
	mov	x1, x0
	mov	x0, #HVC_SET_VECTORS
	hvc	#0
	ret
SYM_FUNC_END(__hyp_set_vectors)

/*
 * __hyp_reset_vectors: ask EL2 to go back to the stub's vectors (whoever
 * owns VBAR_EL2 now must implement HVC_RESET_VECTORS). Returns 0.
 */
SYM_FUNC_START(__hyp_reset_vectors)
	mov	x0, #HVC_RESET_VECTORS
	hvc	#0
	ret
SYM_FUNC_END(__hyp_reset_vectors)
