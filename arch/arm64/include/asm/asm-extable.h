/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/asm-extable.h: the exception table. Each entry
 * pairs an instruction that may fault on a user address with where to go
 * instead when it does; both are stored as 32-bit offsets from the entry
 * itself (as Linux does), so the table needs no relocation. vmlinux.lds.S
 * gathers the entries between __start___ex_table and __stop___ex_table;
 * fixup_exception() (arch/arm64/mm/extable.c) searches them.
 */
#ifndef __ASM_ASM_EXTABLE_H
#define __ASM_ASM_EXTABLE_H

#ifdef __ASSEMBLY__

/*
 * _asm_extable - record that a fault at insn continues at fixup.
 * Emits nothing into the current section.
 */
	.macro	_asm_extable, insn, fixup
	.pushsection	__ex_table, "a"
	.balign	4
	.long	(\insn - .), (\fixup - .)
	.popsection
	.endm

/*
 * user_ldst - one user access that may fault: `user_ldst 9f, ldtrb w3, [x1]`
 * runs the instruction and sends a fault in it to label 9.
 */
	.macro	user_ldst, fixup, insn:vararg
8888:	\insn
	_asm_extable 8888b, \fixup
	.endm

#else

#include <linux/types.h>

struct exception_table_entry {
	int insn;	/* the faulting instruction, relative to this field */
	int fixup;	/* where to resume, relative to this field */
};

struct pt_regs;

/* A kernel-mode fault at regs->pc with a table entry: resume at its fixup. */
bool fixup_exception(struct pt_regs *regs);
/* The entry for pc, or NULL. */
const struct exception_table_entry *search_exception_tables(unsigned long pc);

#endif

#endif
