/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/traps.h: reporting exceptions (traps.c): the
 * registers in Linux's layout, the oops (die), and the handlers the vector
 * C code (entry-common.c) and the fault code (mm/fault.c) call.
 */
#ifndef __ASM_TRAPS_H
#define __ASM_TRAPS_H

#include <linux/compiler.h>
#include <linux/dump_stack.h>
#include <linux/types.h>

struct pt_regs;

/*
 * A KUnit case that provoked this exception on purpose (kunit_expect_fault)
 * resumes in its runner; otherwise returns. Every fatal path calls it first.
 */
#ifdef CONFIG_KUNIT
void kunit_catch(struct pt_regs *regs, u64 esr);
#else
static inline void kunit_catch(struct pt_regs *regs, u64 esr) { }
#endif

/* "CPU: ...", "pstate: ...", "pc : ...", "lr : ...", "sp : ...", x29..x0. */
void __show_regs(struct pt_regs *regs);
/* __show_regs() and the "Call trace:". */
void show_regs(struct pt_regs *regs);

/* "Internal error: <str>: <esr> [#n] SMP", the registers, then panic. */
__noreturn void die(const char *str, struct pt_regs *regs, u64 esr);

/* EL1 synchronous exceptions by class (entry-common.c dispatches). */
void do_el1_undef(struct pt_regs *regs, u64 esr);
void do_el1_brk64(struct pt_regs *regs, u64 esr);
void do_mem_abort(unsigned long far, u64 esr, struct pt_regs *regs);
/* EL0: a trapped system instruction or WFI (skipped, as in v5.15). */
void do_sysinstr(u64 esr, struct pt_regs *regs);

/* Nothing handles this vector: "Unhandled <vector> exception ..." and panic. */
__noreturn void __panic_unhandled(struct pt_regs *regs, const char *vector, u64 esr);
/* An SError: "SError Interrupt on CPU0, code ..." and panic. */
__noreturn void arm64_serror_panic(struct pt_regs *regs, u64 esr);

/* The fault test.crash= asks for (crash_test.c); nothing without it. */
void crash_test_run(void);

#endif
