/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/stacktrace.h: walking the chain of AAPCS64 frame
 * records (x29 points at {caller's x29, return address}) that every
 * function built with -fno-omit-frame-pointer leaves on the stack, and that
 * kernel_entry (entry.S) adds for the interrupted context of an exception.
 * Implemented in arch/arm64/kernel/stacktrace.c.
 */
#ifndef __ASM_STACKTRACE_H
#define __ASM_STACKTRACE_H

#include <linux/types.h>

struct pt_regs;

/* Most frames a walk reports: a bound in case the chain is corrupt. */
#define STACKTRACE_MAX_DEPTH 64

/* Called for each pc of a walk, innermost first; return false to stop. */
typedef bool (*stack_trace_consume_fn)(void *cookie, unsigned long pc);

/*
 * Report pc, then the return address of each frame record from fp on.
 * Records are only read inside [stack_lo, stack_hi), 8-byte aligned and
 * each above the previous one (the stack grows down), so a corrupt chain
 * ends the walk instead of faulting or looping. Returns the frames reported.
 */
int unwind_frames(unsigned long fp, unsigned long pc, unsigned long stack_lo,
		  unsigned long stack_hi, stack_trace_consume_fn fn, void *cookie);

/* Walk from an exception's registers, or (regs NULL) from the caller. */
void arch_stack_walk(stack_trace_consume_fn fn, void *cookie, struct pt_regs *regs);

/* "Call trace:" and one " func+0x../0x.." line per frame. */
void dump_backtrace(struct pt_regs *regs, const char *loglvl);

#endif
