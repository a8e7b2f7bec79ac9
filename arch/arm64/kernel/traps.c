// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/traps.c: what the kernel says when an exception it did
 * not want happens: the registers in Linux's layout, the oops ("Internal
 * error: Oops ..."), BUG/WARN (brk #0x800, lib/bug.c), undefined
 * instructions, unhandled vectors and SErrors. The vector handlers in
 * entry-common.c call in here; data and instruction aborts go through
 * arch/arm64/mm/fault.c first.
 */
#include <linux/bug.h>
#include <linux/console.h>
#include <linux/dump_stack.h>
#include <linux/hardirq.h>
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <kunit/test.h>
#include <asm/asm-extable.h>
#include <asm/esr.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>
#include <asm/sysreg.h>
#include <asm/traps.h>

/* PSTATE (SPSR) bits beyond the DAIF ones of asm/sysreg.h. */
#define PSR_N_BIT	BIT(31)
#define PSR_Z_BIT	BIT(30)
#define PSR_C_BIT	BIT(29)
#define PSR_V_BIT	BIT(28)
#define PSR_TCO_BIT	BIT(25)
#define PSR_DIT_BIT	BIT(24)
#define PSR_UAO_BIT	BIT(23)
#define PSR_PAN_BIT	BIT(22)
#define PSR_SSBS_BIT	BIT(12)
#define PSR_BTYPE_SHIFT	10
#define PSR_BTYPE_MASK	(UL(3) << PSR_BTYPE_SHIFT)

#ifdef CONFIG_KUNIT
void kunit_catch(struct pt_regs *regs, u64 esr)
{
	if (!kunit_fault_caught(esr))
		return;
	/* Back to the case's runner, with the interrupt mask the case had. */
	irq_exit_all();
	write_sysreg(regs->pstate & (PSR_D_BIT | PSR_A_BIT | PSR_I_BIT | PSR_F_BIT), daif);
	longjmp(&kunit_current->abort, 1);
}
#endif

/* "pstate: 60000005 (nZCv daif -PAN -UAO -TCO -DIT -SSBS BTYPE=--)" */
static void print_pstate(struct pt_regs *regs)
{
	static const char *const btypes[] = { "--", "j-", "-c", "jc" };
	u64 p = regs->pstate;

	printk(KERN_DEFAULT "pstate: %08llx (%c%c%c%c %c%c%c%c %cPAN %cUAO %cTCO %cDIT %cSSBS BTYPE=%s)\n",
	       p,
	       p & PSR_N_BIT ? 'N' : 'n', p & PSR_Z_BIT ? 'Z' : 'z',
	       p & PSR_C_BIT ? 'C' : 'c', p & PSR_V_BIT ? 'V' : 'v',
	       p & PSR_D_BIT ? 'D' : 'd', p & PSR_A_BIT ? 'A' : 'a',
	       p & PSR_I_BIT ? 'I' : 'i', p & PSR_F_BIT ? 'F' : 'f',
	       p & PSR_PAN_BIT ? '+' : '-', p & PSR_UAO_BIT ? '+' : '-',
	       p & PSR_TCO_BIT ? '+' : '-', p & PSR_DIT_BIT ? '+' : '-',
	       p & PSR_SSBS_BIT ? '+' : '-', btypes[(p & PSR_BTYPE_MASK) >> PSR_BTYPE_SHIFT]);
}

static void print_symbol_line(const char *label, unsigned long addr, bool user)
{
	char sym[KSYM_SYMBOL_LEN];

	if (user) {
		printk(KERN_DEFAULT "%s: %016lx\n", label, addr);
		return;
	}
	sprint_symbol(sym, sizeof(sym), addr);
	printk(KERN_DEFAULT "%s: %s\n", label, sym);
}

void __show_regs(struct pt_regs *regs)
{
	dump_stack_print_info(KERN_DEFAULT);
	print_pstate(regs);
	print_symbol_line("pc ", regs->pc, user_mode(regs));
	print_symbol_line("lr ", regs->regs[30], user_mode(regs));
	printk(KERN_DEFAULT "sp : %016llx\n", regs->sp);
	/* x29 down to x0, three to a line as v5.15: "x29: <hex> x28: <hex> x27: <hex>". */
	for (int i = 29; i >= 2; i -= 3)
		printk(KERN_DEFAULT "x%-2d: %016llx x%-2d: %016llx x%-2d: %016llx\n", i,
		       regs->regs[i], i - 1, regs->regs[i - 1], i - 2, regs->regs[i - 2]);
}

void show_regs(struct pt_regs *regs)
{
	__show_regs(regs);
	if (!user_mode(regs))
		dump_backtrace(regs, KERN_DEFAULT);
}

/* "Code: <4 words before pc> (<the word at pc>)", if pc is kernel code. */
static void dump_kernel_instr(struct pt_regs *regs)
{
	char line[sizeof(" (12345678)") * 5 + 1];
	int n = 0;

	if (user_mode(regs) || !kallsyms_lookup(regs->pc, NULL, NULL) ||
	    !kallsyms_lookup(regs->pc - 16, NULL, NULL))
		return;
	for (int i = -4; i <= 0; i++) {
		u32 insn = ((const u32 *)regs->pc)[i];

		n += snprintf(line + n, sizeof(line) - n, i ? "%08x " : "(%08x) ", insn);
	}
	printk(KERN_EMERG "Code: %s\n", line);
}

static int die_counter;

void die(const char *str, struct pt_regs *regs, u64 esr)
{
	kunit_catch(regs, esr);

	console_verbose();
	console_ensure_output();
	printk(KERN_EMERG "Internal error: %s: %016llx [#%d] SMP\n", str, esr, ++die_counter);
	printk(KERN_EMERG "Modules linked in:\n");
	show_regs(regs);
	dump_kernel_instr(regs);
	printk(KERN_EMERG "---[ end trace %016x ]---\n", 0);
	if (in_interrupt())
		panic("%s: Fatal exception in interrupt", str);
	panic("%s: Fatal exception", str);
}

/*
 * A system instruction from EL0 that trapped (EC 0x18) or a WFI (EC 0x01:
 * SCTLR_EL1.nTWI is clear, as in v5.15). As v5.15's sys64_hooks, a WFI is
 * skipped: a user program may not idle the CPU, but it carries on. Nothing
 * else is emulated here, so everything else is an undefined instruction.
 */
void do_sysinstr(u64 esr, struct pt_regs *regs)
{
	if ((esr & ESR_ELx_WFx_MASK) == ESR_ELx_WFx_WFI_VAL) {
		regs->pc += 4;		/* v5.15 wfi_handler: skip the instruction */
		return;
	}
	/* v5.15's do_undefinstr: no ESR in the report or the signal frame. */
	arm64_force_sig_fault(SIGILL, ILL_ILLOPC, "undefined instruction", regs->pc, 0, regs);
}

void do_el1_undef(struct pt_regs *regs, u64 esr)
{
	/* An instruction that may be missing (psci's smc/hvc probe) has a fixup. */
	if (fixup_exception(regs))
		return;
	die("Oops - Undefined instruction", regs, esr);
}

/*
 * brk in the kernel: BUG_BRK_IMM is a BUG or a WARN (asm/bug.h). A WARN
 * returns past its brk; everything else is fatal.
 */
void do_el1_brk64(struct pt_regs *regs, u64 esr)
{
	u64 imm = esr & ESR_ELx_BRK64_ISS_COMMENT_MASK;

	if (imm == BUG_BRK_IMM) {
		switch (report_bug(regs->pc, regs)) {
		case BUG_TRAP_TYPE_WARN:
			regs->pc += 4;		/* step over the brk */
			return;
		case BUG_TRAP_TYPE_BUG:
			die("Oops - BUG", regs, esr);
		case BUG_TRAP_TYPE_NONE:
			break;
		}
	}
	die("Oops - BRK", regs, esr);
}

void __panic_unhandled(struct pt_regs *regs, const char *vector, u64 esr)
{
	kunit_catch(regs, esr);

	console_verbose();
	printk(KERN_CRIT "Unhandled %s exception on CPU%d, ESR 0x%016llx -- %s\n", vector, 0,
	       esr, esr_get_class_string(esr));
	__show_regs(regs);
	panic("Unhandled exception");
}

void arm64_serror_panic(struct pt_regs *regs, u64 esr)
{
	kunit_catch(regs, esr);

	console_verbose();
	printk(KERN_EMERG "SError Interrupt on CPU%d, code 0x%016llx -- %s\n", 0, esr,
	       esr_get_class_string(esr));
	__show_regs(regs);
	panic("Asynchronous SError Interrupt");
}
