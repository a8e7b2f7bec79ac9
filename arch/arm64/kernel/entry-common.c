// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/entry-common.c: the C handlers entry.S calls, one per
 * vector, named as in Linux (el1h_64_sync_handler...). Each gets the
 * pt_regs kernel_entry saved; returning resumes the interrupted code.
 *
 *   EL1h sync   dispatched on ESR_EL1.EC: aborts to mm/fault.c, brk
 *               (BUG/WARN) and undefined instructions to traps.c
 *   IRQ         handle_arch_irq, the root interrupt controller's handler,
 *               on this CPU's IRQ stack (do_interrupt_handler)
 *   FIQ/SError  reported, then panic (nothing here uses them)
 *   EL1t        never used (the kernel runs on SP_EL1): unhandled
 *   EL0 sync    svc to el0_svc (syscall.c); aborts to mm/fault.c;
 *               other exceptions signal the process (signal.c)
 *   EL0 IRQ     as at EL1; then exit_to_user_mode (reschedule, signals)
 *   EL0 FIQ/SError  unhandled
 *   AArch32 EL0 never supported: unhandled
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <asm/esr.h>
#include <asm/irq.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>
#include <asm/traps.h>
#include <linux/preempt.h>
#include <linux/sched.h>

void el0_svc(struct pt_regs *regs);		/* syscall.c */
void exit_to_user_mode(struct pt_regs *regs);	/* syscall.c */

#define DECLARE_HANDLER(name) void name(struct pt_regs *regs)

#define UNHANDLED(el, regsize, vector)						\
	DECLARE_HANDLER(el##_##regsize##_##vector##_handler);			\
	void noinline el##_##regsize##_##vector##_handler(struct pt_regs *regs)	\
	{									\
		__panic_unhandled(regs, #regsize "-bit " #el " " #vector,	\
				  read_sysreg(esr_el1));			\
	}

DECLARE_HANDLER(el1h_64_sync_handler);
void noinline el1h_64_sync_handler(struct pt_regs *regs)
{
	u64 esr = read_sysreg(esr_el1);
	unsigned long far;

	switch (ESR_ELx_EC(esr)) {
	case ESR_ELx_EC_DABT_CUR:
	case ESR_ELx_EC_IABT_CUR:
		/*
		 * Interrupts as the interrupted code had them (Linux's
		 * local_daif_inherit): a uaccess fault from a system call may
		 * then sleep for the mm's mmap_lock (arch/arm64/mm/fault.c).
		 */
		far = read_sysreg(far_el1);
		if (!(regs->pstate & PSR_I_BIT))
			local_irq_enable();
		do_mem_abort(far, esr, regs);
		local_irq_disable();
		break;
	case ESR_ELx_EC_BRK64:
		do_el1_brk64(regs, esr);
		break;
	case ESR_ELx_EC_UNKNOWN:
		do_el1_undef(regs, esr);
		break;
	default:
		__panic_unhandled(regs, "64-bit el1h sync", esr);
	}
}

/*
 * As Linux v5.15: an interrupt of code on a task's stack runs its handler
 * on the CPU's IRQ stack; one that came while already on it (a handler
 * that faulted, say) stays there.
 */
static void do_interrupt_handler(struct pt_regs *regs, void (*handler)(struct pt_regs *))
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	unsigned long stack = (unsigned long)current->stack;

	if (sp >= stack && sp < stack + THREAD_SIZE && this_cpu_read(irq_stack_ptr))
		call_on_irq_stack(regs, handler);
	else
		handler(regs);
}

DECLARE_HANDLER(el1h_64_irq_handler);
void noinline el1h_64_irq_handler(struct pt_regs *regs)
{
	do_interrupt_handler(regs, arch_handle_irq);
	/* Kernel preemption: only where the interrupted code allowed it. */
	if (need_resched() && !preempt_count() && !(regs->pstate & PSR_I_BIT))
		preempt_schedule_irq();
}

DECLARE_HANDLER(el1h_64_fiq_handler);
void noinline el1h_64_fiq_handler(struct pt_regs *regs)
{
	__panic_unhandled(regs, "64-bit el1h fiq", read_sysreg(esr_el1));
}

DECLARE_HANDLER(el1h_64_error_handler);
void noinline el1h_64_error_handler(struct pt_regs *regs)
{
	arm64_serror_panic(regs, read_sysreg(esr_el1));
}

UNHANDLED(el1t, 64, sync)
UNHANDLED(el1t, 64, irq)
UNHANDLED(el1t, 64, fiq)
UNHANDLED(el1t, 64, error)

DECLARE_HANDLER(el0t_64_sync_handler);
void noinline el0t_64_sync_handler(struct pt_regs *regs)
{
	u64 esr = read_sysreg(esr_el1);
	unsigned long far = read_sysreg(far_el1);

	switch (ESR_ELx_EC(esr)) {
	case ESR_ELx_EC_SVC64:
		el0_svc(regs);		/* leaves through exit_to_user_mode */
		return;
	case ESR_ELx_EC_DABT_LOW:
	case ESR_ELx_EC_IABT_LOW:
		local_irq_enable();
		do_mem_abort(far, esr, regs);
		break;
	case ESR_ELx_EC_SYS64:
	case ESR_ELx_EC_WFx:
		local_irq_enable();
		do_sysinstr(esr, regs);
		break;
	/* The reports' words are v5.15's (do_sp_pc_abort, send_user_sigtrap, ...). */
	case ESR_ELx_EC_PC_ALIGN:
		arm64_force_sig_fault(SIGBUS, BUS_ADRALN, "SP/PC alignment exception", regs->pc, esr,
				      regs);
		break;
	case ESR_ELx_EC_SP_ALIGN:
		arm64_force_sig_fault(SIGBUS, BUS_ADRALN, "SP/PC alignment exception", regs->sp, esr,
				      regs);
		break;
	case ESR_ELx_EC_BRK64:		/* no ESR: v5.15 leaves the last fault's there */
		arm64_force_sig_fault(SIGTRAP, TRAP_BRKPT, "User debug trap", regs->pc, 0, regs);
		break;
	case ESR_ELx_EC_UNKNOWN:	/* do_undefinstr: no ESR (force_signal_inject's 0) */
		arm64_force_sig_fault(SIGILL, ILL_ILLOPC, "undefined instruction", regs->pc, 0, regs);
		break;
	default:			/* bad_el0_sync */
		arm64_force_sig_fault(SIGILL, ILL_ILLOPC, "Bad EL0 synchronous exception", regs->pc,
				      esr, regs);
		break;
	}
	exit_to_user_mode(regs);
}
UNHANDLED(el0t, 64, fiq)
UNHANDLED(el0t, 64, error)

DECLARE_HANDLER(el0t_64_irq_handler);
void noinline el0t_64_irq_handler(struct pt_regs *regs)
{
	do_interrupt_handler(regs, arch_handle_irq);
	exit_to_user_mode(regs);
}

UNHANDLED(el0t, 32, sync)
UNHANDLED(el0t, 32, irq)
UNHANDLED(el0t, 32, fiq)
UNHANDLED(el0t, 32, error)
