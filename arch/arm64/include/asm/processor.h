/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/processor.h: the per-task CPU state the kernel
 * keeps outside pt_regs, in task_struct.thread:
 *   cpu_context  what cpu_switch_to (entry.S) saves and loads: the
 *                callee-saved x19..x28, the frame pointer, sp and the
 *                return address (pc). A switch is a function call, so the
 *                caller-saved registers need no room here.
 *   fpsimd       v0..v31, fpsr, fpcr of a user task (fpsimd.S), switched
 *                eagerly: the kernel itself never uses them
 *                (-mgeneral-regs-only).
 *   tp_value     TPIDR_EL0, the user's thread pointer (TLS).
 *   fault_address, fault_code  the last user fault's FAR and ESR, for
 *                the signal frame (arch/arm64/kernel/signal.c).
 * The user's general registers live in the pt_regs at the top of the
 * task's kernel stack (task_pt_regs).
 */
#ifndef __ASM_PROCESSOR_H
#define __ASM_PROCESSOR_H

#include <asm/memory.h>

/* User space: [0, TASK_SIZE), what TTBR0 translates with T0SZ = VA_BITS. */
#define TASK_SIZE (_AC(1, UL) << VA_BITS)
/*
 * The top of the initial user stack, and how far it may grow. A 16 MiB
 * hole above it stays unmapped, so that the last pages of user space
 * (e.g. 0x0000fffffffff000) are a reliably bad user pointer and a stack
 * underflow faults.
 */
#define STACK_TOP (TASK_SIZE - SZ_16M)
#define STACK_RLIMIT SZ_8M
/* Where mmap() starts looking for room (Linux's legacy layout: a third up). */
#define TASK_UNMAPPED_BASE (PAGE_ALIGN(TASK_SIZE / 3))
#define PAGE_ALIGN(x) (((x) + PAGE_SIZE - 1) & PAGE_MASK)

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct cpu_context {
	unsigned long x19, x20, x21, x22, x23, x24, x25, x26, x27, x28;
	unsigned long fp;
	unsigned long sp;
	unsigned long pc;
};

struct user_fpsimd_state {
	__uint128_t vregs[32];
	u32 fpsr;
	u32 fpcr;
	u32 __reserved[2];
};

struct thread_struct {
	struct cpu_context cpu_context;
	unsigned long tp_value;
	unsigned long fault_address;	/* of the last user fault: sigcontext */
	unsigned long fault_code;	/* its ESR: the signal frame's esr_context */
	struct user_fpsimd_state fpsimd;	/* 16-byte aligned (vregs) */
};

/* fpsimd.S: store / load the FP/SIMD registers of this CPU. */
void fpsimd_save_state(struct user_fpsimd_state *state);
void fpsimd_load_state(const struct user_fpsimd_state *state);

static inline void cpu_relax(void)
{
	__asm__ volatile("yield" : : : "memory");
}
#endif

#endif
