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
 * x0. Every exception from EL0 leaves through exit_to_user_mode().
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
	long ret;

	if (nr < __NR_syscalls)
		ret = sys_call_table[nr](regs);
	else
		ret = __arm64_sys_ni_syscall(regs);
	/*
	 * A sleep cut short by a signal: no handler ever runs here, and the
	 * signals that interrupt end the task, so there is nothing to restart.
	 */
	if (ret == -ERESTARTSYS)
		ret = -EINTR;
	return ret;
}

void el0_svc(struct pt_regs *regs)
{
	local_irq_enable();
	regs->regs[0] = invoke_syscall(regs, regs->regs[8]);
	exit_to_user_mode(regs);
}

/*
 * The last stop before kernel_exit to EL0, with interrupts masked on
 * return: reschedule while the time slice is over, act on signals (which
 * here means dying), and check again, since either may take a while.
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
