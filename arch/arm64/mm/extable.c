// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/extable.c: the exception table (asm/asm-extable.h). Each
 * instruction that reaches user memory (arch/arm64/lib/uaccess.S) has an
 * entry; fault.c asks here whether a kernel fault happened in one, and if
 * so resumes at its fixup instead of oopsing. The table is a few dozen
 * entries, so it is searched in order rather than sorted at build time as
 * Linux does.
 */
#include <asm/asm-extable.h>
#include <asm/ptrace.h>

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

static unsigned long ex_insn(const struct exception_table_entry *e)
{
	return (unsigned long)&e->insn + e->insn;
}

static unsigned long ex_fixup(const struct exception_table_entry *e)
{
	return (unsigned long)&e->fixup + e->fixup;
}

const struct exception_table_entry *search_exception_tables(unsigned long pc)
{
	for (const struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++)
		if (ex_insn(e) == pc)
			return e;
	return NULL;
}

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = search_exception_tables(regs->pc);

	if (!e)
		return false;
	regs->pc = ex_fixup(e);
	return true;
}
