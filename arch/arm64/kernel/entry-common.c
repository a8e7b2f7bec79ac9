// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/entry-common.c: the C handlers entry.S calls, one per
 * vector, named as in Linux (el1h_64_sync_handler...). Nothing is expected
 * to trap yet, so each reports the exception with the registers that
 * explain it and panics; later work gives them real jobs.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <kunit/test.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>

/*
 * A KUnit case that provoked this exception on purpose ends here: back to
 * the case's runner, with the interrupt mask the case had.
 */
static void kunit_catch(struct pt_regs *regs, u64 esr)
{
	if (!kunit_fault_caught(esr))
		return;
	write_sysreg(regs->pstate & (PSR_D_BIT | PSR_A_BIT | PSR_I_BIT | PSR_F_BIT), daif);
	longjmp(&kunit_current->abort, 1);
}

static __noreturn void __panic_unhandled(struct pt_regs *regs, const char *vector)
{
	u64 esr = read_sysreg(esr_el1);

	kunit_catch(regs, esr);

	pr_emerg("Unhandled %s exception: ESR 0x%016llx (EC 0x%02llx) FAR 0x%016llx\n", vector,
		 esr, esr >> 26, read_sysreg(far_el1));
	pr_emerg("pc : %016llx lr : %016llx sp : %016llx pstate : %08llx\n", regs->pc,
		 regs->regs[30], regs->sp, regs->pstate);
	for (int i = 29; i >= 0; i -= 2) {
		if (i == 0)
			pr_emerg("x0 : %016llx\n", regs->regs[0]);
		else
			pr_emerg("x%-2d: %016llx x%-2d: %016llx\n", i, regs->regs[i], i - 1,
				 regs->regs[i - 1]);
	}
	panic("Unhandled exception");
}

#define UNHANDLED(el, regsize, vector, name)					\
	void noinline el##_##regsize##_##vector##_handler(struct pt_regs *regs);	\
	void noinline el##_##regsize##_##vector##_handler(struct pt_regs *regs)	\
	{									\
		__panic_unhandled(regs, name);					\
	}

UNHANDLED(el1t, 64, sync, "EL1t synchronous")
UNHANDLED(el1t, 64, irq, "EL1t IRQ")
UNHANDLED(el1t, 64, fiq, "EL1t FIQ")
UNHANDLED(el1t, 64, error, "EL1t SError")
UNHANDLED(el1h, 64, sync, "EL1h synchronous")
UNHANDLED(el1h, 64, irq, "EL1h IRQ")
UNHANDLED(el1h, 64, fiq, "EL1h FIQ")
UNHANDLED(el1h, 64, error, "EL1h SError")
UNHANDLED(el0t, 64, sync, "64-bit EL0 synchronous")
UNHANDLED(el0t, 64, irq, "64-bit EL0 IRQ")
UNHANDLED(el0t, 64, fiq, "64-bit EL0 FIQ")
UNHANDLED(el0t, 64, error, "64-bit EL0 SError")
UNHANDLED(el0t, 32, sync, "32-bit EL0 synchronous")
UNHANDLED(el0t, 32, irq, "32-bit EL0 IRQ")
UNHANDLED(el0t, 32, fiq, "32-bit EL0 FIQ")
UNHANDLED(el0t, 32, error, "32-bit EL0 SError")
