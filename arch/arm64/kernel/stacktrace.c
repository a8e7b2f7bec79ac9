// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/stacktrace.c: the frame-pointer unwinder behind
 * "Call trace:" in oopses and WARNs (traps.c) and dump_stack().
 *
 * Every C function keeps a frame record {previous x29, x30} and points x29
 * at it; kernel_entry adds one for the interrupted code ({x29, ELR}), so a
 * walk from an exception handler continues into the code that trapped.
 * head.S ends the chain with a {0, 0} record at the top of the init stack.
 * In an interrupt handler the walk starts on the CPU's IRQ stack and goes
 * on, through call_on_irq_stack's record (entry.S), on the task's stack.
 */
#include <linux/dump_stack.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <asm/irq.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>

/*
 * The walk over up to two stacks, innermost first: a record chain may leave
 * stack s only for stack s + 1 (the IRQ stack for the task's, through
 * call_on_irq_stack's record), never back.
 */
static int unwind_stacks(unsigned long fp, unsigned long pc, const unsigned long (*bounds)[2],
			 int nr, stack_trace_consume_fn fn, void *cookie)
{
	unsigned long prev_fp = 0;
	int depth = 0, s = 0;

	/* The first pc is reported even if 0 (a call through a NULL pointer). */
	while (depth < STACKTRACE_MAX_DEPTH) {
		const unsigned long *record;

		depth++;
		if (!fn(cookie, pc))
			break;
		if (!fp || fp % 8)
			break;
		if (fp < bounds[s][0] || fp > bounds[s][1] - 16) {
			/* Off this stack: onto the next one, or the end. */
			if (s + 1 >= nr || fp < bounds[s + 1][0] || fp > bounds[s + 1][1] - 16)
				break;
			s++;
			prev_fp = 0;
		} else if (fp <= prev_fp) {
			break;		/* on one stack, each record is above the one before */
		}
		record = (const unsigned long *)fp;
		prev_fp = fp;
		fp = record[0];
		pc = record[1];
		if (!pc)		/* the {0, 0} record that ends the chain */
			break;
	}
	return depth;
}

int unwind_frames(unsigned long fp, unsigned long pc, unsigned long stack_lo,
		  unsigned long stack_hi, stack_trace_consume_fn fn, void *cookie)
{
	const unsigned long bounds[1][2] = { { stack_lo, stack_hi } };

	return unwind_stacks(fp, pc, bounds, 1, fn, cookie);
}

/*
 * The stacks we may walk: the one we run on, and if that is this CPU's IRQ
 * stack, the task's stack after it. Task stacks are THREAD_SIZE aligned.
 */
static int current_stacks(unsigned long bounds[2][2])
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);
	unsigned long irq = (unsigned long)this_cpu_read(irq_stack_ptr);
	unsigned long task = (unsigned long)current->stack;

	if (on_irq_stack(sp)) {
		bounds[0][0] = irq;
		bounds[0][1] = irq + IRQ_STACK_SIZE;
		bounds[1][0] = task;
		bounds[1][1] = task + THREAD_SIZE;
		return 2;
	}
	bounds[0][0] = sp & ~(THREAD_SIZE - 1);
	bounds[0][1] = bounds[0][0] + THREAD_SIZE;
	return 1;
}

void arch_stack_walk(stack_trace_consume_fn fn, void *cookie, struct pt_regs *regs)
{
	unsigned long bounds[2][2];
	int nr = current_stacks(bounds);

	if (regs)
		unwind_stacks(regs->regs[29], regs->pc, bounds, nr, fn, cookie);
	else {	/* start at our caller, from our own frame record */
		const unsigned long *record = __builtin_frame_address(0);

		unwind_stacks(record[0], record[1], bounds, nr, fn, cookie);
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
