// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/stacktrace.c: the frame-pointer unwinder behind
 * "Call trace:" in oopses and WARNs (traps.c) and dump_stack().
 *
 * Every C function keeps a frame record {previous x29, x30} and points x29
 * at it; kernel_entry adds one for the interrupted code ({x29, ELR}), so a
 * walk from an exception handler continues into the code that trapped.
 * head.S ends the chain with a {0, 0} record at the top of the init stack.
 */
#include <linux/dump_stack.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>

int unwind_frames(unsigned long fp, unsigned long pc, unsigned long stack_lo,
		  unsigned long stack_hi, stack_trace_consume_fn fn, void *cookie)
{
	unsigned long prev_fp = 0;
	int depth = 0;

	/* The first pc is reported even if 0 (a call through a NULL pointer). */
	while (depth < STACKTRACE_MAX_DEPTH) {
		const unsigned long *record;

		depth++;
		if (!fn(cookie, pc))
			break;
		/* The record must lie on the stack, above the one before. */
		if (!fp || fp % 8 || fp < stack_lo || fp > stack_hi - 16 || fp <= prev_fp)
			break;
		record = (const unsigned long *)fp;
		prev_fp = fp;
		fp = record[0];
		pc = record[1];
		if (!pc)		/* the {0, 0} record that ends the chain */
			break;
	}
	return depth;
}

/* The bounds of the stack we run on: the task's, THREAD_SIZE aligned. */
static void current_stack(unsigned long *lo, unsigned long *hi)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);

	*lo = sp & ~(THREAD_SIZE - 1);
	*hi = *lo + THREAD_SIZE;
}

void arch_stack_walk(stack_trace_consume_fn fn, void *cookie, struct pt_regs *regs)
{
	unsigned long lo, hi;

	current_stack(&lo, &hi);
	if (regs)
		unwind_frames(regs->regs[29], regs->pc, lo, hi, fn, cookie);
	else {	/* start at our caller, from our own frame record */
		const unsigned long *record = __builtin_frame_address(0);

		unwind_frames(record[0], record[1], lo, hi, fn, cookie);
	}
}

static bool print_frame(void *cookie, unsigned long pc)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), pc);
	printk_lvl(cookie, " %s\n", sym);
	return true;
}

void dump_backtrace(struct pt_regs *regs, const char *loglvl)
{
	printk_lvl(loglvl, "Call trace:\n");
	arch_stack_walk(print_frame, (void *)loglvl, regs);
}
