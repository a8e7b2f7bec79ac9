// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/asm-offsets.c: structure sizes and offsets for assembly.
 * Never linked: the build compiles it to assembly and scripts/mkasm-offsets
 * turns the markers into include/generated/asm-offsets.h, so entry.S and
 * head.S never carry hand-kept numbers.
 */
#include <linux/kbuild.h>
#include <linux/compiler.h>
#include <linux/sched.h>
#include <asm/ptrace.h>
#include <asm/smp.h>

int main(void);
int main(void)
{
	DEFINE(S_X0, offsetof(struct pt_regs, regs[0]));
	DEFINE(S_X2, offsetof(struct pt_regs, regs[2]));
	DEFINE(S_LR, offsetof(struct pt_regs, regs[30]));
	DEFINE(S_SP, offsetof(struct pt_regs, sp));
	DEFINE(S_PC, offsetof(struct pt_regs, pc));
	DEFINE(S_PSTATE, offsetof(struct pt_regs, pstate));
	DEFINE(S_ORIG_X0, offsetof(struct pt_regs, orig_x0));
	DEFINE(S_SYSCALLNO, offsetof(struct pt_regs, syscallno));
	DEFINE(S_STACKFRAME, offsetof(struct pt_regs, stackframe));
	DEFINE(PT_REGS_SIZE, sizeof(struct pt_regs));
	DEFINE(TSK_STACK, offsetof(struct task_struct, stack));
	DEFINE(TSK_CPU, offsetof(struct task_struct, cpu));
	DEFINE(CPU_BOOT_TASK, offsetof(struct secondary_data, task));
	DEFINE(TSK_TI_FLAGS, offsetof(struct task_struct, thread_info.flags));
	DEFINE(THREAD_CPU_CONTEXT, offsetof(struct task_struct, thread.cpu_context));
	DEFINE(FPSIMD_FPSR, offsetof(struct user_fpsimd_state, fpsr));
	return 0;
}
