/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/ptrace.h: struct pt_regs, the register frame
 * kernel_entry (entry.S) saves on the stack at every exception and
 * kernel_exit restores. Assembly reaches its fields through asm-offsets.
 */
#ifndef __ASM_PTRACE_H
#define __ASM_PTRACE_H

#include <asm/sysreg.h>

/* syscallno when the exception was not an svc, or the call is settled. */
#define NO_SYSCALL (-1)

#ifndef __ASSEMBLY__
#include <linux/types.h>

struct pt_regs {
	u64 regs[31];		/* x0..x30 (x30 is lr) */
	u64 sp;			/* the interrupted context's stack pointer */
	u64 pc;			/* ELR_EL1: where to return */
	u64 pstate;		/* SPSR_EL1 */
	/* An svc's first argument and number, to restart it (signal.c), as Linux. */
	u64 orig_x0;
	s32 syscallno;		/* NO_SYSCALL but in an svc (kernel_entry sets it) */
	u32 unused2;
	u64 stackframe[2];	/* frame record (x29, pc) linking the unwinder
				   through the exception */
};

#define user_mode(regs) (((regs)->pstate & 0xf) == 0)
#define instruction_pointer(regs) ((regs)->pc)

static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->syscallno != NO_SYSCALL;
}

static inline void forget_syscall(struct pt_regs *regs)
{
	regs->syscallno = NO_SYSCALL;
}

/*
 * A pstate from user space (rt_sigreturn): EL0t, AArch64, no exception
 * masked. Bits user space may not set are cleared; false if it asked for
 * more than EL0 may have.
 */
#define PSR_USER_BITS	(0xf0000000UL | (1UL << 24) | (1UL << 25) | (1UL << 12) | (3UL << 10))
static inline bool valid_user_regs(struct pt_regs *regs)
{
	bool ok = (regs->pstate & 0x3df) == 0;	/* M[4:0] = EL0t, D, A, I, F clear */

	regs->pstate &= PSR_USER_BITS;
	return ok;
}
#endif

#endif
