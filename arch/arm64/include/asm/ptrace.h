/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/ptrace.h: struct pt_regs, the register frame
 * kernel_entry (entry.S) saves on the stack at every exception and
 * kernel_exit restores. Assembly reaches its fields through asm-offsets.
 */
#ifndef __ASM_PTRACE_H
#define __ASM_PTRACE_H

#include <asm/sysreg.h>

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct pt_regs {
	u64 regs[31];		/* x0..x30 (x30 is lr) */
	u64 sp;			/* the interrupted context's stack pointer */
	u64 pc;			/* ELR_EL1: where to return */
	u64 pstate;		/* SPSR_EL1 */
	u64 stackframe[2];	/* frame record (x29, pc) linking the unwinder
				   through the exception */
};

#define user_mode(regs) (((regs)->pstate & 0xf) == 0)
#define instruction_pointer(regs) ((regs)->pc)
#endif

#endif
