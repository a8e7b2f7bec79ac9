// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/lib/nofault.c: reading a device register, or a word of what
 * the device tree calls RAM, that may not be there. The load has an
 * exception-table entry (asm/asm-extable.h): a translation fault, an
 * address size fault or an external abort on it resumes at the fixup
 * (arch/arm64/mm/fault.c) instead of oopsing, and the caller is told.
 */
#include <linux/errno.h>
#include <asm/io.h>

int readl_nofault(const void *addr, u32 *val)
{
	int err;
	u32 v;

	__asm__ volatile(
		"	mov	%w0, #0\n"
		"1:	ldr	%w1, [%2]\n"
		"	b	3f\n"
		"2:	mov	%w0, %3\n"
		"	mov	%w1, #0\n"
		"3:\n"
		"	.pushsection __ex_table, \"a\"\n"
		"	.balign	4\n"
		"	.long	(1b - .), (2b - .)\n"
		"	.popsection\n"
		: "=&r"(err), "=&r"(v)
		: "r"(addr), "i"(-EFAULT)
		: "memory");
	*val = v;
	return err;
}
