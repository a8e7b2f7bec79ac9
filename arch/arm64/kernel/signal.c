// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/signal.c: a user process did something it may not
 * (an abort on a bad address, an undefined instruction, a brk...). Say so
 * the way Linux does (show_unhandled_signals) and make the signal fatal:
 *
 *   sh[12]: unhandled level 3 translation fault (11) at 0x0000000000000000,
 *   esr 0x0000000092000006, in sh[400000+2000]
 *
 * (one line), where "in <file>[<start>+<size>]" names the mapping the pc
 * was in. The process dies with the signal on its way back to EL0; the
 * kernel and other processes carry on.
 */
#include <linux/kernel.h>
#include <linux/mm_user.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <asm/ptrace.h>

void arm64_force_sig_fault(int sig, const char *desc, unsigned long far, u64 esr,
			   struct pt_regs *regs)
{
	struct task_struct *tsk = current;
	struct vm_area_struct *vma = tsk->mm ? find_vma(tsk->mm, regs->pc) : NULL;
	char where[64] = "";

	if (vma && vma->vm_start <= regs->pc && vma->vm_name[0])
		snprintf(where, sizeof(where), ", in %s[%lx+%lx]", vma->vm_name, vma->vm_start,
			 vma->vm_end - vma->vm_start);
	pr_info("%s[%d]: unhandled %s (%d) at 0x%016lx, esr 0x%016llx%s\n", tsk->comm, tsk->pid,
		desc, sig, far, esr, where);
	force_sig(sig);
}
