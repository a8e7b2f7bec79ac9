/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/bug.h: BUG() and WARN() as one `brk #0x800`
 * each, with an entry in the __bug_table section (vmlinux.lds.S) that
 * tells the brk handler (traps.c -> lib/bug.c) the file, the line and
 * whether to continue. All offsets are relative to the entry, so the table
 * needs no relocation. The "memory" clobber: the handler runs code (and
 * a WARN returns), so nothing cached in registers survives the brk.
 */
#ifndef __ASM_BUG_H
#define __ASM_BUG_H

#include <linux/compiler.h>
#include <asm/brk-imm.h>

#define BUGFLAG_WARNING		(1 << 0)	/* report and continue */
#define BUGFLAG_NO_CUT_HERE	(1 << 3)	/* the caller printed "cut here" */

#define __BUG_STR(x) #x
#define __BUG_XSTR(x) __BUG_STR(x)

/*
 * The entry: { brk - entry, file - entry, line, flags }, struct bug_entry
 * in include/linux/bug.h. The file name goes to a mergeable string section.
 */
#define __BUG_FLAGS(flags)							\
	__asm__ volatile(							\
		"1:	brk	#" __BUG_XSTR(BUG_BRK_IMM) "\n"			\
		"	.pushsection .rodata.str1.1, \"aMS\", @progbits, 1\n"	\
		"3:	.string \"" __FILE__ "\"\n"				\
		"	.popsection\n"						\
		"	.pushsection __bug_table, \"a\"\n"			\
		"	.balign	4\n"						\
		"2:	.long	1b - 2b\n"					\
		"	.long	3b - 2b\n"					\
		"	.short	%c0\n"						\
		"	.short	%c1\n"						\
		"	.popsection\n"						\
		: : "i"(__LINE__), "i"(flags) : "memory")

#define BUG() do {								\
	__BUG_FLAGS(0);								\
	__builtin_unreachable();						\
} while (0)

#define __WARN_FLAGS(flags) __BUG_FLAGS(BUGFLAG_WARNING | (flags))

#endif
