// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/process.c: the architecture's part of making tasks.
 * copy_thread() (from kernel/fork.c) prepares a new task so that the first
 * cpu_switch_to into it lands in ret_from_fork (entry.S); start_thread()
 * (from fs/binfmt_elf.c) points the user registers at a new program.
 */
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>

#define CLONE_SETTLS 0x00080000

void ret_from_fork(void);	/* entry.S */

int copy_thread(struct task_struct *p, const struct kernel_clone_args *args)
{
	struct pt_regs *childregs = task_pt_regs(p);

	memset(&p->thread.cpu_context, 0, sizeof(p->thread.cpu_context));
	if (args->fn) {
		/* A kernel thread: ret_from_fork calls fn(fn_arg). */
		memset(childregs, 0, sizeof(*childregs));
		p->thread.cpu_context.x19 = (unsigned long)args->fn;
		p->thread.cpu_context.x20 = (unsigned long)args->fn_arg;
	} else {
		/* The parent's user registers, as its svc saved them; fork returns 0. */
		*childregs = *task_pt_regs(current);
		childregs->regs[0] = 0;
		if (args->stack)
			childregs->sp = args->stack;
		fpsimd_save_state(&p->thread.fpsimd);	/* current's live registers */
		p->thread.tp_value = (args->flags & CLONE_SETTLS) ? args->tls
								  : read_sysreg(tpidr_el0);
	}
	p->thread.cpu_context.pc = (unsigned long)ret_from_fork;
	p->thread.cpu_context.sp = (unsigned long)childregs;
	return 0;
}

/* exec: all registers zero but pc and sp; EL0t with every exception unmasked. */
void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp)
{
	static const struct user_fpsimd_state zero_fpsimd;

	memset(regs, 0, sizeof(*regs));
	regs->pc = pc;
	regs->sp = sp;
	regs->pstate = 0;		/* PSR_MODE_EL0t */
	current->thread.tp_value = 0;
	write_sysreg(0, tpidr_el0);
	fpsimd_load_state(&zero_fpsimd);	/* nothing left of the old program */
}
