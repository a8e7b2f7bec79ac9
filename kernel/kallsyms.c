// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/kallsyms.c: find the kernel function an address belongs to, in
 * the table scripts/kallsyms generated from `nm -n vmlinux` and the final
 * link built in (scripts/link-vmlinux.sh). Oopses, WARN and the backtrace
 * (arch/arm64/kernel/traps.c, stacktrace.c) print "name+0xoff/0xsize".
 * The table holds link-time addresses; the image runs kaslr_offset()
 * higher (a relocated or randomized kernel), so lookups move by that.
 * tools/testing/unit/test_kallsyms.c builds this file on the host against
 * tables of its own.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/memory.h>

/*
 * Generated, sorted by address; an entry with the empty name marks the
 * end of a code region (no symbol from there to the next entry).
 */
extern const unsigned int kallsyms_num_syms;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset)
{
	unsigned int lo = 0, hi = kallsyms_num_syms, i;
	const char *name;

	addr -= kaslr_offset();		/* runtime address to link time */
	/* The last entry whose address is <= addr: index lo - 1 at the end. */
	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || lo == kallsyms_num_syms)	/* before the first, past the end */
		return NULL;
	i = lo - 1;
	name = &kallsyms_names[kallsyms_name_offsets[i]];
	if (!*name)				/* in a gap between regions */
		return NULL;
	if (symbolsize)
		*symbolsize = kallsyms_addresses[i + 1] - kallsyms_addresses[i];
	if (offset)
		*offset = addr - kallsyms_addresses[i];
	return name;
}

int sprint_symbol(char *buf, size_t size, unsigned long addr)
{
	unsigned long symsize, off;
	const char *name = kallsyms_lookup(addr, &symsize, &off);

	if (!name)
		return snprintf(buf, size, "0x%lx", addr);
	return snprintf(buf, size, "%s+0x%lx/0x%lx", name, off, symsize);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned int i = 0; i < kallsyms_num_syms; i++)
		if (*name && !strcmp(&kallsyms_names[kallsyms_name_offsets[i]], name))
			return kallsyms_addresses[i] + kaslr_offset();
	return 0;
}
