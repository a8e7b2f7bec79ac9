// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/syscall.c: system calls and the way back to EL0.
 *
 * `svc #0` at EL0 arrives in el0t_64_sync_handler (entry-common.c) with
 * the user's registers saved in pt_regs: the number in x8, arguments in
 * x0..x5 (Linux's arm64 ABI). el0_svc() runs the table's handler
 * (arch/arm64/kernel/sys.c: __arm64_sys_<name>, -ENOSYS for numbers nobody
 * implements or beyond the table) with interrupts on, so a long call can
 * be preempted and a sleeping one lets others run, and puts the result in
 * x0 (-ERESTART* results are settled by do_signal: restarted, or -EINTR).
 * Every exception from EL0 leaves through exit_to_user_mode().
 */
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <uapi/asm-generic/unistd.h>
#include <asm/ptrace.h>

void el0_svc(struct pt_regs *regs);
void exit_to_user_mode(struct pt_regs *regs);

static long invoke_syscall(struct pt_regs *regs, unsigned long nr)
{
	if (nr < __NR_syscalls)
		return sys_call_table[nr](regs);
	return __arm64_sys_ni_syscall(regs);
}

void el0_svc(struct pt_regs *regs)
{
	/* Kept to restart the call if a signal interrupts it (signal.c). */
	regs->orig_x0 = regs->regs[0];
	regs->syscallno = regs->regs[8];
	local_irq_enable();
	regs->regs[0] = invoke_syscall(regs, regs->regs[8]);
	exit_to_user_mode(regs);
}

/*
 * The last stop before kernel_exit to EL0, with interrupts masked on
 * return: reschedule while the time slice is over, deliver signals (run
 * a handler, stop, or die: arch/arm64/kernel/signal.c), and check again,
 * since either may take a while.
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	unsigned long flags;

	local_irq_disable();
	while ((flags = READ_ONCE(current->thread_info.flags)) & _TIF_WORK_MASK) {
		if (flags & _TIF_NEED_RESCHED)
			schedule();
		if (flags & _TIF_SIGPENDING) {
			local_irq_enable();
			do_signal(regs);
		}
		local_irq_disable();
	}
}
