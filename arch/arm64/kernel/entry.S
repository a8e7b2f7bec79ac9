/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/entry.S: the exception vector table (VBAR_EL1, set by
 * head.S) and the code that saves and restores a struct pt_regs around the
 * C handler of each vector (arch/arm64/kernel/entry-common.c). Follows
 * Linux v5.15's entry.S (kernel_ventry, kernel_entry/kernel_exit,
 * entry_handler, cpu_switch_to, ret_from_fork); what v5.15 has and this
 * file lacks is listed in Documentation/arm64/head.rst ("Differences from
 * v5.15 and why").
 */

#include <linux/linkage.h>
#include <asm/assembler.h>
#include <asm/memory.h>
#include <asm/ptrace.h>
#include <generated/asm-offsets.h>

/*
 * kernel_entry - save the interrupted context as a struct pt_regs on the
 * stack (the vector has already made room: sp -= PT_REGS_SIZE).
 *	el: 0 or 1, the exception level the exception came from
 * Corrupts x20..x23 (saved first); from EL0, loads SP_EL0 with the task
 * (`current`), in place of the user's stack pointer. Leaves x29 on a frame record that
 * links the unwinder to the interrupted code.
 */
	.macro	kernel_entry, el
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]

	.if	\el == 0
	mrs	x21, sp_el0			// user stack pointer
	ldr_this_cpu x20, __entry_task, x22	// SP_EL0 is `current` in the kernel
	msr	sp_el0, x20			// (kernel/sched/core.c sets this
						// CPU's __entry_task)
	.else
	add	x21, sp, #PT_REGS_SIZE		// sp before the exception
	.endif
	mrs	x22, elr_el1
	mrs	x23, spsr_el1
	stp	lr, x21, [sp, #S_LR]
	stp	x22, x23, [sp, #S_PC]
	mov	w21, #NO_SYSCALL		// el0_svc sets it for an svc
	str	w21, [sp, #S_SYSCALLNO]

	/* A frame record: (x29, pc) of the interrupted code, or the end. */
	.if	\el == 0
	stp	xzr, xzr, [sp, #S_STACKFRAME]
	.else
	stp	x29, x22, [sp, #S_STACKFRAME]
	.endif
	add	x29, sp, #S_STACKFRAME
	.endm

/*
 * kernel_exit - restore the context saved by kernel_entry and eret.
 *	el: 0 or 1, the level being returned to
 */
	.macro	kernel_exit, el
	ldp	x21, x22, [sp, #S_PC]		// ELR, SPSR
	.if	\el == 0
	ldr	x23, [sp, #S_SP]
	msr	sp_el0, x23
	.endif
	msr	elr_el1, x21
	msr	spsr_el1, x22
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	ldr	lr, [sp, #S_LR]
	add	sp, sp, #PT_REGS_SIZE		// restore sp
	eret
	.endm

/*
 * kernel_ventry - one 128-byte slot of the vector table: make room for
 * pt_regs and branch to the full handler. `.org` fails the build if a
 * slot ever outgrows its 128 bytes.
 */
	.macro	kernel_ventry, el, ht, regsize, label
	.balign	128
.Lventry_start\@:
	sub	sp, sp, #PT_REGS_SIZE
	b	el\el\ht\()_\regsize\()_\label
	.org	.Lventry_start\@ + 128
	.endm

/*
 * The vector table: 2 KiB aligned, 16 slots of 128 bytes, in the order the
 * architecture defines (current EL with SP_EL0, current EL with SP_ELx,
 * lower EL AArch64, lower EL AArch32; each sync, IRQ, FIQ, SError).
 */
	.text
	.balign	0x800
SYM_CODE_START(vectors)
	kernel_ventry	1, t, 64, sync		// Synchronous EL1t
	kernel_ventry	1, t, 64, irq		// IRQ EL1t
	kernel_ventry	1, t, 64, fiq		// FIQ EL1t
	kernel_ventry	1, t, 64, error		// Error EL1t

	kernel_ventry	1, h, 64, sync		// Synchronous EL1h
	kernel_ventry	1, h, 64, irq		// IRQ EL1h
	kernel_ventry	1, h, 64, fiq		// FIQ EL1h
	kernel_ventry	1, h, 64, error		// Error EL1h

	kernel_ventry	0, t, 64, sync		// Synchronous 64-bit EL0
	kernel_ventry	0, t, 64, irq		// IRQ 64-bit EL0
	kernel_ventry	0, t, 64, fiq		// FIQ 64-bit EL0
	kernel_ventry	0, t, 64, error		// Error 64-bit EL0

	kernel_ventry	0, t, 32, sync		// Synchronous 32-bit EL0
	kernel_ventry	0, t, 32, irq		// IRQ 32-bit EL0
	kernel_ventry	0, t, 32, fiq		// FIQ 32-bit EL0
	kernel_ventry	0, t, 32, error		// Error 32-bit EL0
SYM_CODE_END(vectors)

/*
 * entry_handler - the full handler of one vector: save pt_regs, call the C
 * function el<el><ht>_<regsize>_<label>_handler(regs), restore, return.
 */
	.macro	entry_handler, el, ht, regsize, label
SYM_CODE_START_LOCAL(el\el\ht\()_\regsize\()_\label)
	kernel_entry \el
	mov	x0, sp
	bl	el\el\ht\()_\regsize\()_\label\()_handler
	kernel_exit \el
SYM_CODE_END(el\el\ht\()_\regsize\()_\label)
	.endm

	entry_handler	1, t, 64, sync
	entry_handler	1, t, 64, irq
	entry_handler	1, t, 64, fiq
	entry_handler	1, t, 64, error

	entry_handler	1, h, 64, sync
	entry_handler	1, h, 64, irq
	entry_handler	1, h, 64, fiq
	entry_handler	1, h, 64, error

	entry_handler	0, t, 64, sync
	entry_handler	0, t, 64, irq
	entry_handler	0, t, 64, fiq
	entry_handler	0, t, 64, error

	entry_handler	0, t, 32, sync
	entry_handler	0, t, 32, irq
	entry_handler	0, t, 32, fiq
	entry_handler	0, t, 32, error

/*
 * void call_on_irq_stack(struct pt_regs *regs, void (*func)(struct pt_regs *))
 *
 * Call func(regs) on this CPU's IRQ stack (irq_stack_ptr), as Linux v5.15:
 * a frame record {x29, lr} on the task's stack first, so that unwinders
 * (stacktrace.c, gdb) walk from the IRQ stack back into the interrupted
 * task through it; sp comes back from x29 afterwards.
 *	x0: regs, passed on; x1: func
 *	x15, x16, x17: the IRQ stack's top (scratch, caller-saved)
 */
SYM_FUNC_START(call_on_irq_stack)
	stp	x29, x30, [sp, #-16]!		// frame record on the task stack
	mov	x29, sp
	ldr_this_cpu x16, irq_stack_ptr, x17
	mov	x15, #THREAD_SIZE		// IRQ_STACK_SIZE (asm/irq.h)
	add	x16, x16, x15			// its top: stacks grow down
	mov	sp, x16
	blr	x1				// func(regs) on the IRQ stack
	mov	sp, x29				// back on the task stack
	ldp	x29, x30, [sp], #16
	ret
SYM_FUNC_END(call_on_irq_stack)

/*
 * struct task_struct *cpu_switch_to(struct task_struct *prev,
 *				     struct task_struct *next)
 *
 * The context switch, called by kernel/sched/core.c with interrupts
 * masked: save prev's callee-saved registers, frame pointer, sp and
 * return address in prev->thread.cpu_context, load next's, make next
 * `current` (SP_EL0), and return into next, wherever it called this from
 * (or ret_from_fork, for a new task). Returns prev, in next's context.
 * Corrupts: x8..x10 (caller-saved)
 */
SYM_FUNC_START(cpu_switch_to)
	mov	x10, #THREAD_CPU_CONTEXT
	add	x8, x0, x10
	mov	x9, sp
	stp	x19, x20, [x8], #16		// store callee-saved registers
	stp	x21, x22, [x8], #16
	stp	x23, x24, [x8], #16
	stp	x25, x26, [x8], #16
	stp	x27, x28, [x8], #16
	stp	x29, x9, [x8], #16
	str	lr, [x8]
	add	x8, x1, x10
	ldp	x19, x20, [x8], #16		// restore callee-saved registers
	ldp	x21, x22, [x8], #16
	ldp	x23, x24, [x8], #16
	ldp	x25, x26, [x8], #16
	ldp	x27, x28, [x8], #16
	ldp	x29, x9, [x8], #16
	ldr	lr, [x8]
	mov	sp, x9
	msr	sp_el0, x1			// current = next
	ret
SYM_FUNC_END(cpu_switch_to)

/*
 * ret_from_fork: where a new task first runs, "returning" from the
 * cpu_switch_to that started it (copy_thread in process.c put it in
 * cpu_context.pc), with interrupts masked, x0 = the previous task and sp
 * at the new task's pt_regs.
 *	x19: a kernel thread's function, or 0 for a user task
 *	x20: its argument
 * A kernel thread's function only returns after a successful
 * kernel_execve() (pid 1 running /init): its pt_regs are then the user's.
 * A user task leaves through exit_to_user_mode and kernel_exit, into the
 * registers copy_thread wrote (the parent's, with x0 = 0).
 */
SYM_CODE_START(ret_from_fork)
	bl	schedule_tail			// x0 = prev
	cbz	x19, 1f				// not a kernel thread
	mov	x0, x20
	blr	x19				// kernel_init returns here once it
						// has exec'd /init: to user space
1:	mov	x0, sp
	bl	exit_to_user_mode		// signals, need_resched
	kernel_exit 0
SYM_CODE_END(ret_from_fork)
