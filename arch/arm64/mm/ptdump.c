// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/ptdump.c: the kernel page tables (TTBR1) as text, in the
 * shape of Linux's /sys/kernel/debug/kernel_page_tables: one line per run
 * of neighbouring entries of the same level and attributes,
 *
 *   0xffff000040000000-0xffff000080000000           1G PUD       RW NX SHD AF        BLK UXN    MEM/NORMAL
 *
 * and a ---[ name ]--- line where each region of asm/memory.h starts.
 * Printed at boot with the `ptdump` bootarg. The same walk counts mappings
 * that are both writable and executable at EL1: debug_checkwx() (from
 * mark_rodata_ro) reports them as Linux's CONFIG_DEBUG_WX does.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/fixmap.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/sections.h>

struct addr_marker {
	unsigned long start;
	const char *name;
};

/* In address order; the last one stops the search. */
static const struct addr_marker address_markers[] = {
	{ PAGE_OFFSET, "Linear Mapping start" },
	{ PAGE_END, "Linear Mapping end" },
	{ MODULES_VADDR, "Modules start" },
	{ MODULES_END, "Modules end" },
	{ (unsigned long)_text, "Kernel image start" },	/* KIMAGE_VADDR + kaslr_offset() */
	{ (unsigned long)_end, "Kernel image end" },
	{ IOREMAP_START, "ioremap start" },
	{ IOREMAP_END, "ioremap end" },
	{ FIXADDR_START, "Fixmap start" },
	{ FIXADDR_TOP, "Fixmap end" },
	{ ~0UL, NULL },
};

/* Each attribute: the text when (desc & mask) == val, else the other text. */
struct prot_bits {
	u64 mask, val;
	const char *set, *clear;
};

/* Linux v5.15's table, in its order: the same columns, the same widths. */
static const struct prot_bits pte_bits[] = {
	{ PTE_VALID, PTE_VALID, " ", "F" },
	{ PTE_USER, PTE_USER, "USR", "   " },
	{ PTE_RDONLY, PTE_RDONLY, "ro", "RW" },
	{ PTE_PXN, PTE_PXN, "NX", "x " },
	{ PTE_SHARED, PTE_SHARED, "SHD", "   " },
	{ PTE_AF, PTE_AF, "AF", "  " },
	{ PTE_NG, PTE_NG, "NG", "  " },
	{ PTE_CONT, PTE_CONT, "CON", "   " },
	{ PTE_TABLE_BIT, PTE_TABLE_BIT, "   ", "BLK" },	/* page, or block */
	{ PTE_UXN, PTE_UXN, "UXN", "   " },
	{ PTE_GP, PTE_GP, "GP", "  " },
	{ PTE_ATTRINDX_MASK, PTE_ATTRINDX(MT_DEVICE_nGnRnE), "DEVICE/nGnRnE", NULL },
	{ PTE_ATTRINDX_MASK, PTE_ATTRINDX(MT_DEVICE_nGnRE), "DEVICE/nGnRE", NULL },
	{ PTE_ATTRINDX_MASK, PTE_ATTRINDX(MT_NORMAL_NC), "MEM/NORMAL-NC", NULL },
	{ PTE_ATTRINDX_MASK, PTE_ATTRINDX(MT_NORMAL), "MEM/NORMAL", NULL },
	{ PTE_ATTRINDX_MASK, PTE_ATTRINDX(MT_NORMAL_TAGGED), "MEM/NORMAL-TAGGED", NULL },
};

#define PROT_BITS_MASK (PTE_VALID | PTE_USER | PTE_RDONLY | PTE_SHARED | PTE_AF | PTE_NG | \
			PTE_CONT | PTE_TABLE_BIT | PTE_PXN | PTE_UXN | PTE_GP | PTE_ATTRINDX_MASK)

struct ptdump_state {
	bool print;
	int level;		/* of the run; -1 before the first entry */
	u64 prot;		/* its attributes, 0 if unmapped */
	unsigned long start;	/* its first address */
	const struct addr_marker *marker;	/* the region it is in */
	unsigned long wx_pages;
};

static bool ptdump_enabled __ro_after_init;

static int __init early_ptdump(char *arg)
{
	ptdump_enabled = true;
	return 0;
}
early_param("ptdump", early_ptdump);

static const char *level_name(int level)
{
	static const char *const names[4] = { "PGD", "PUD", "PMD", "PTE" };

	/* Like Linux: the top table is the PGD whatever its hardware level. */
	return level == PGTABLE_START_LEVEL ? "PGD" : names[level];
}

static void print_run(struct ptdump_state *st, unsigned long end)
{
	static const char units[] = "KMGTPE";
	unsigned long size = (end - st->start) >> 10;
	const char *unit = units;
	char line[192];
	int n;

	while (!(size & 1023) && unit[1]) {
		size >>= 10;
		unit++;
	}
	n = snprintf(line, sizeof(line), "0x%016lx-0x%016lx   %9lu%c %s", st->start, end, size,
		     *unit, level_name(st->level));
	if (st->prot & PTE_VALID) {
		for (size_t i = 0; i < ARRAY_SIZE(pte_bits) && n < (int)sizeof(line); i++) {
			const struct prot_bits *b = &pte_bits[i];
			const char *s = (st->prot & b->mask) == b->val ? b->set : b->clear;

			if (s)
				n += snprintf(line + n, sizeof(line) - n, " %s", s);
		}
	}
	pr_info("%s\n", line);
}

/* The run so far ends at addr. */
static void end_run(struct ptdump_state *st, unsigned long addr)
{
	u64 prot = st->prot;

	if ((prot & PTE_VALID) && !(prot & PTE_RDONLY) && !(prot & PTE_PXN)) {
		unsigned long pages = (addr - st->start) >> PAGE_SHIFT;

		if (!st->wx_pages || st->print)
			pr_warn("arm64/mm: Found insecure W+X mapping at address 0x%016lx\n",
				st->start);
		st->wx_pages += pages;
	}
	if (st->print)
		print_run(st, addr);
}

/* The entry at addr, of this level, is desc; level -1 marks the end. */
static void note_page(struct ptdump_state *st, unsigned long addr, int level, u64 desc)
{
	u64 prot = (desc & PTE_VALID) ? desc & PROT_BITS_MASK : 0;

	if (st->level < 0) {
		st->start = addr;
		st->level = level;
		st->prot = prot;
		while (st->marker[1].name && addr >= st->marker[1].start)
			st->marker++;
		if (st->print)
			pr_info("---[ %s ]---\n", st->marker->name);
		return;
	}
	if (level == st->level && prot == st->prot &&
	    (!st->marker[1].name || addr < st->marker[1].start))
		return;		/* the run goes on */

	end_run(st, addr);
	while (level >= 0 && st->marker[1].name && addr >= st->marker[1].start) {
		st->marker++;
		if (st->print)
			pr_info("---[ %s ]---\n", st->marker->name);
	}
	st->start = addr;
	st->level = level;
	st->prot = prot;
}

static void walk_level(struct ptdump_state *st, const u64 *table, int level, unsigned long va)
{
	unsigned long size = 1UL << ARM64_HW_PGTABLE_LEVEL_SHIFT(level);
	int entries = level == PGTABLE_START_LEVEL ? PTRS_PER_PGD : PTRS_PER_PTE;

	for (int i = 0; i < entries; i++, va += size) {
		u64 desc = READ_ONCE(table[i]);

		if ((desc & PTE_VALID) && level < 3 && (desc & PTE_TABLE_BIT))
			walk_level(st, pgtable_va(desc & PTE_ADDR_MASK), level + 1, va);
		else
			note_page(st, va, level, desc);
	}
}

/* Walk all of TTBR1's space in pgd; print it if asked. Returns W+X pages. */
static unsigned long ptdump_walk(pgd_t *pgd, bool print)
{
	struct ptdump_state st = { .print = print, .level = -1, .marker = address_markers };

	walk_level(&st, pgd, PGTABLE_START_LEVEL, ~0UL << VA_BITS);
	note_page(&st, 0, -1, 0);	/* the top of the address space: 2^64 */
	return st.wx_pages;
}

unsigned long ptdump_count_wx(pgd_t *pgd)
{
	return ptdump_walk(pgd, false);
}

void debug_checkwx(void)
{
	unsigned long wx;

	if (ptdump_enabled)
		pr_info("ptdump: kernel page tables (TTBR1: %s)\n",
			init_mm_pgd == swapper_pg_dir ? "swapper_pg_dir" : "init_pg_dir");
	wx = ptdump_walk(init_mm_pgd, ptdump_enabled);
	if (wx)
		pr_warn("Checked W+X mappings: FAILED, %lu W+X pages found\n", wx);
	else
		pr_info("Checked W+X mappings: passed, no W+X pages found\n");
}
