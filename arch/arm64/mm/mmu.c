// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/mmu.c: the kernel's page tables from C.
 *
 * head.S turns the MMU on with init_pg_dir: the image as RWX 2 MiB blocks.
 * paging_init() (from setup_arch, once memblock knows RAM) builds the final
 * tables in swapper_pg_dir:
 *   - the linear map of every memblock.memory range not flagged no-map, at
 *     PAGE_OFFSET + (pa - PHYS_OFFSET), RW and never executable, in the
 *     largest blocks that fit (1 GiB, 2 MiB, else 4 KiB pages); the alias
 *     of the kernel's text and rodata there is read-only too;
 *   - the image at KIMAGE_VADDR by section: text RX, rodata R, init text
 *     RX, init data and data/bss RW + NX; __ro_after_init data and
 *     swapper_pg_dir RW + NX until mark_rodata_ro() makes them R, after
 *     which swapper_pg_dir is only written through the fixmap
 *     (set_swapper_pgd);
 *   - the fixmap and ioremap window, by copying init_pg_dir's top-level
 *     entries for them (their lower tables are shared, so the earlycon's
 *     registers and the DTB stay mapped across the switch).
 * Then it switches TTBR1 with break-before-make, through the identity map
 * (see cpu_replace_ttbr1), and retires the identity map from TTBR0.
 *
 * Until the linear map is live, a table outside the image can only be
 * written through a fixmap slot (FIX_PGD..FIX_PTE, one per level, as Linux
 * does); afterwards every table is reached through the linear map. New
 * tables come from a small pool in .bss before paging_init, from memblock
 * while it runs and until the page allocator is up, and from the page
 * allocator after that.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/fixmap.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/sysreg.h>

u64 kimage_voffset __ro_after_init;
s64 memstart_addr __ro_after_init;

/*
 * The identity map's TTBR0 size (TCR_EL1.T0SZ) and how many entries its
 * top-level table has: head.S (__create_page_tables) changes them with the
 * MMU off when RAM sits above what VA_BITS reaches, __cpu_setup reads T0SZ.
 */
u64 idmap_t0sz = TCR_T0SZ(VA_BITS_MIN);
u64 idmap_ptrs_per_pgd = PTRS_PER_PGD;
pgd_t *init_mm_pgd = init_pg_dir;

/* In .idmap.text (proc.S): called by its physical address. */
extern void idmap_cpu_replace_ttbr1(phys_addr_t ttbr1);
extern char __initdata_begin[];		/* defined by vmlinux.lds.S */

static enum {
	PGTABLES_EARLY,		/* TTBR1 = init_pg_dir; new tables from the pool */
	PGTABLES_BUILDING,	/* paging_init at work; new tables from memblock */
	PGTABLES_LIVE,		/* TTBR1 = swapper_pg_dir, the linear map usable */
} pgtable_state;

/* Tables for fixmap and ioremap before paging_init: a few per region. */
#define EARLY_PGTABLE_PAGES 16
static u8 early_pgtables[EARLY_PGTABLE_PAGES][PAGE_SIZE] __aligned(PAGE_SIZE);
static int early_pgtables_used;

static bool pa_in_image(phys_addr_t pa)
{
	return pa >= __pa_symbol(_text) && pa < __pa_symbol(_end);
}

u64 *pgtable_va(phys_addr_t pa)
{
	if (pa_in_image(pa))
		return (u64 *)__phys_to_kimg(pa);
	return __va(pa);
}

static unsigned int level_index(unsigned long va, int level)
{
	return (va >> ARM64_HW_PGTABLE_LEVEL_SHIFT(level)) & (PTRS_PER_PTE - 1);
}

/*
 * Invalidate the TLB entries of one kernel page on every CPU. The operand
 * is VA[55:12] in bits 43:0; the bits above (TTL hint, ASID) stay zero.
 */
static void flush_tlb_kernel_page(unsigned long va)
{
	dsb(ishst);
	__asm__ volatile("tlbi vaae1is, %0" : : "r"((va >> PAGE_SHIFT) & GENMASK(43, 0))
			 : "memory");
	dsb(ish);
	isb();
}

static u64 *fixmap_pte(unsigned long va);

/* The fixmap slot paging_init writes tables of this level through. */
static const enum fixed_addresses level_slot[4] = { FIX_PGD, FIX_PUD, FIX_PMD, FIX_PTE };
static phys_addr_t level_slot_pa[4];

/* A pointer through which the table at pa (of this level) can be written. */
static u64 *map_table(phys_addr_t pa, int level)
{
	unsigned long va = __fix_to_virt(level_slot[level]);
	u64 *pte;

	if (pa_in_image(pa) || pgtable_state == PGTABLES_LIVE)
		return pgtable_va(pa);
	if (level_slot_pa[level] == pa)
		return (u64 *)va;
	pte = fixmap_pte(va);
	if (*pte & PTE_VALID) {		/* break before make */
		WRITE_ONCE(*pte, 0);
		flush_tlb_kernel_page(va);
	}
	WRITE_ONCE(*pte, pa | PAGE_KERNEL);
	dsb(ishst);
	isb();
	level_slot_pa[level] = pa;
	return (u64 *)va;
}

/* A zeroed page for a new table of the given level; its physical address. */
static phys_addr_t pgtable_alloc(int level)
{
	phys_addr_t pa;

	if (pgtable_state == PGTABLES_EARLY) {
		if (early_pgtables_used == EARLY_PGTABLE_PAGES)
			panic("early page-table pool (%d pages) exhausted", EARLY_PGTABLE_PAGES);
		/* .bss is zeroed, so the table starts out all invalid. */
		return __pa_symbol(early_pgtables[early_pgtables_used++]);
	}
	if (page_alloc_ready) {
		unsigned long va = get_zeroed_page(GFP_KERNEL);

		if (!va)
			panic("out of memory for a page table");
		return __pa(va);
	}
	pa = memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);
	if (!pa)
		panic("memblock: no page left for a page table");
	memset(map_table(pa, level), 0, PAGE_SIZE);
	return pa;
}

/* Is entry one of swapper_pg_dir's? (Linux's in_swapper_pgdir) */
static bool in_swapper_pgdir(void *entry)
{
	return ((unsigned long)entry & PAGE_MASK) == ((unsigned long)swapper_pg_dir & PAGE_MASK);
}

/*
 * swapper_pg_dir is read-only once mark_rodata_ro() has run, like the rest
 * of the __ro_after_init pages: write its entries through a temporary
 * mapping in the fixmap, as Linux v5.15 does. Used for every change after
 * the switch to it (before that, paging_init owns the FIX_PGD slot).
 */
static DEFINE_SPINLOCK(swapper_pgdir_lock);	/* the one FIX_PGD slot */

void set_swapper_pgd(pgd_t *pgdp, pgd_t pgd)
{
	unsigned long va = __fix_to_virt(FIX_PGD), flags;
	u64 *slot = fixmap_pte(va);
	pgd_t *fixmap_pgdp = (pgd_t *)(va + ((unsigned long)pgdp & ~PAGE_MASK));

	spin_lock_irqsave(&swapper_pgdir_lock, flags);
	WRITE_ONCE(*slot, __pa_symbol(swapper_pg_dir) | PAGE_KERNEL);
	dsb(ishst);
	isb();
	WRITE_ONCE(*fixmap_pgdp, pgd);
	WRITE_ONCE(*slot, 0);
	flush_tlb_kernel_page(va);	/* its dsb also publishes the new entry */
	spin_unlock_irqrestore(&swapper_pgdir_lock, flags);
}

static void set_table_entry(u64 *entry, u64 val)
{
	if (pgtable_state == PGTABLES_LIVE && in_swapper_pgdir(entry))
		set_swapper_pgd(entry, val);
	else
		WRITE_ONCE(*entry, val);
}

/* The level 3 entry for va, allocating tables on the way if asked. */
static u64 *walk_to_pte(pgd_t *pgd, unsigned long va, bool alloc)
{
	u64 *table = pgd;

	for (int level = PGTABLE_START_LEVEL; level < 3; level++) {
		u64 *entry = &table[level_index(va, level)];

		if (!(*entry & PTE_VALID)) {
			if (!alloc)
				return NULL;
			phys_addr_t pa = pgtable_alloc(level + 1);

			dsb(ishst);	/* the zeroes before the entry that points at them */
			set_table_entry(entry, pa | PMD_TYPE_TABLE);
		} else if (!(*entry & PTE_TABLE_BIT)) {
			if (!alloc)
				return NULL;
			panic("create_mapping: %lx is inside a block mapping", va);
		}
		table = map_table(*entry & PTE_ADDR_MASK, level + 1);
	}
	return &table[level_index(va, 3)];
}

static u64 *fixmap_pte(unsigned long va)
{
	return walk_to_pte(init_mm_pgd, va, true);
}

void create_mapping(pgd_t *pgd, unsigned long virt, phys_addr_t phys, size_t size, u64 prot)
{
	unsigned long end = ALIGN(virt + size, PAGE_SIZE);

	virt = ALIGN_DOWN(virt, PAGE_SIZE);
	phys = ALIGN_DOWN(phys, PAGE_SIZE);
	while (virt < end) {
		/*
		 * One walk per level 3 table (2 MiB), then its entries in a
		 * row, as Linux's alloc_init_pte() does: nothing in the loop
		 * moves the fixmap slot the table may be seen through.
		 */
		u64 *pte = walk_to_pte(pgd, virt, true);

		do {
			if (*pte & PTE_VALID) {	/* break before make */
				WRITE_ONCE(*pte, 0);
				flush_tlb_kernel_page(virt);
			}
			WRITE_ONCE(*pte, (phys & PTE_ADDR_MASK) | prot);
			pte++;
			virt += PAGE_SIZE;
			phys += PAGE_SIZE;
		} while (virt < end && (virt & (PMD_SIZE - 1)));
	}
	dsb(ishst);	/* visible to the table walker before use */
	isb();
}

void clear_mapping(pgd_t *pgd, unsigned long virt, size_t size)
{
	unsigned long end = ALIGN(virt + size, PAGE_SIZE);

	for (virt = ALIGN_DOWN(virt, PAGE_SIZE); virt < end; virt += PAGE_SIZE) {
		u64 *pte = walk_to_pte(pgd, virt, false);

		if (pte && (*pte & PTE_VALID)) {
			WRITE_ONCE(*pte, 0);
			flush_tlb_kernel_page(virt);
		}
	}
}

u64 lookup_mapping(pgd_t *pgd, unsigned long va, int *level)
{
	u64 *table = pgd;

	for (int l = PGTABLE_START_LEVEL; l <= 3; l++) {
		u64 entry = table[level_index(va, l)];

		if (!(entry & PTE_VALID) || l == 3 || !(entry & PTE_TABLE_BIT)) {
			*level = l;
			return entry;
		}
		table = map_table(entry & PTE_ADDR_MASK, l + 1);
	}
	return 0;
}

/*
 * Map [va, end) to pa onwards with prot in the table (of this level) at
 * table, in the tables of a tree that is not live: blocks where a whole
 * aligned block fits (1 GiB at level 1, 2 MiB at level 2), else the next
 * level down. end is exclusive and not 0; all three are page aligned.
 */
static void __init map_range(u64 *table, int level, unsigned long va, unsigned long end,
			     phys_addr_t pa, u64 prot)
{
	unsigned long size = 1UL << ARM64_HW_PGTABLE_LEVEL_SHIFT(level);

	do {
		unsigned long next = (va | (size - 1)) + 1;	/* the next entry's start */
		u64 *entry = &table[level_index(va, level)];

		if (next - 1 > end - 1)		/* past end, or wrapped to 0 */
			next = end;
		if (level == 3) {
			WRITE_ONCE(*entry, (pa & PTE_ADDR_MASK) | prot);
		} else if ((level == 1 || level == 2) && next - va == size && !(pa & (size - 1)) &&
			   !(*entry & PTE_VALID)) {
			WRITE_ONCE(*entry, (pa & PTE_ADDR_MASK) | (prot & ~PTE_TYPE_MASK) |
					   PMD_TYPE_SECT);
		} else {
			if (!(*entry & PTE_VALID))
				WRITE_ONCE(*entry, pgtable_alloc(level + 1) | PMD_TYPE_TABLE);
			else if (!(*entry & PTE_TABLE_BIT))
				panic("paging_init: %#lx: mapped twice", va);
			/* Each level has its own fixmap slot: `table` stays valid. */
			map_range(map_table(*entry & PTE_ADDR_MASK, level + 1), level + 1, va, next,
				  pa, prot);
		}
		pa += next - va;
		va = next;
	} while (va != end);
}

static void __init map_pgd_range(pgd_t *pgd, unsigned long va, unsigned long end,
				 phys_addr_t pa, u64 prot)
{
	va = ALIGN_DOWN(va, PAGE_SIZE);
	pa = ALIGN_DOWN(pa, PAGE_SIZE);
	end = ALIGN(end, PAGE_SIZE);
	if (va < end)
		map_range(pgd, PGTABLE_START_LEVEL, va, end, pa, prot);
}

/* [start, end) of RAM at its linear-map address. */
static void __init map_linear(pgd_t *pgd, phys_addr_t start, phys_addr_t end, u64 prot)
{
	start = ALIGN(start, PAGE_SIZE);
	end = ALIGN_DOWN(end, PAGE_SIZE);
	if (start < end)
		map_pgd_range(pgd, (unsigned long)__va(start), (unsigned long)__va(start) +
			      (end - start), start, prot);
}

static void __init map_mem(pgd_t *pgd)
{
	phys_addr_t kernel_start = __pa_symbol(_stext);
	phys_addr_t kernel_end = __pa_symbol(__init_begin);
	struct memblock_region *r;

	for_each_mem_region(r) {
		phys_addr_t start = r->base, end = r->base + r->size;

		if (r->flags & MEMBLOCK_NOMAP)	/* firmware's: never mapped */
			continue;
		if (start < kernel_start)
			map_linear(pgd, start, min(end, kernel_start), PAGE_KERNEL);
		if (end > kernel_end)
			map_linear(pgd, max(start, kernel_end), end, PAGE_KERNEL);
	}
	/* The linear alias of kernel text and rodata: read-only, not executable. */
	map_linear(pgd, kernel_start, kernel_end, PAGE_KERNEL_RO);
}

static void __init map_kernel_segment(pgd_t *pgd, void *start, void *end, u64 prot)
{
	map_pgd_range(pgd, (unsigned long)start, (unsigned long)end, __pa_symbol(start), prot);
}

static void __init map_kernel(pgd_t *pgd)
{
	map_kernel_segment(pgd, _text, _etext, PAGE_KERNEL_ROX);		/* header, text */
	map_kernel_segment(pgd, _etext, __start_ro_after_init, PAGE_KERNEL_RO);	/* rodata */
	/* __ro_after_init, swapper_pg_dir: writable until mark_rodata_ro() */
	map_kernel_segment(pgd, __start_ro_after_init, __init_begin, PAGE_KERNEL);
	map_kernel_segment(pgd, __init_begin, __initdata_begin, PAGE_KERNEL_ROX); /* init text */
	map_kernel_segment(pgd, __initdata_begin, __init_end, PAGE_KERNEL);	/* init data */
	map_kernel_segment(pgd, _sdata, _end, PAGE_KERNEL);		/* data, bss, tables */
}

#define pgd_index(va) (((va) >> PGDIR_SHIFT) & (PTRS_PER_PGD - 1))

/*
 * The fixmap and the ioremap window keep their lower tables: the new top
 * level points at the same ones init_pg_dir does.
 */
static void __init map_fixmap_and_ioremap(pgd_t *pgd)
{
	for (unsigned long i = pgd_index(IOREMAP_START); i <= pgd_index(FIXADDR_TOP - 1); i++) {
		if (pgd[i] & PTE_VALID)
			panic("paging_init: the fixmap shares a top-level entry with the image");
		pgd[i] = init_pg_dir[i];
	}
}

/* TTBR0 back to the identity map, for the switch. */
static void cpu_install_idmap(void)
{
	write_sysreg(__pa_symbol(idmap_pg_dir), ttbr0_el1);
	isb();
	__asm__ volatile("tlbi vmalle1" : : : "memory");
	dsb(nsh);
	isb();
}

/* TTBR0 to the all-invalid table: no identity map any more. */
void cpu_uninstall_idmap(void)
{
	write_sysreg(__pa_symbol(reserved_pg_dir), ttbr0_el1);
	isb();
	__asm__ volatile("tlbi vmalle1" : : : "memory");
	dsb(nsh);
	isb();
}

/*
 * Switch TTBR1 to pgd. The old and the new tables map the image with
 * different block sizes and permissions, so the TLB must never hold both:
 * break before make, for the whole of TTBR1 at once. The code doing it
 * must not run from TTBR1 meanwhile, so it runs from the identity map
 * (idmap_cpu_replace_ttbr1 in proc.S): TTBR1 = reserved_pg_dir, TLB
 * invalidated, TTBR1 = pgd. Exceptions are masked: the vectors, the stack
 * and everything else in TTBR1 are unmapped for those few instructions.
 */
static void __init cpu_replace_ttbr1(pgd_t *pgd)
{
	void (*replace)(phys_addr_t) = (void (*)(phys_addr_t))__pa_symbol(idmap_cpu_replace_ttbr1);
	u64 daif = read_sysreg(daif);

	__asm__ volatile("msr daifset, #0xf" : : : "memory");
	cpu_install_idmap();
	replace(__pa_symbol(pgd));
	write_sysreg(daif, daif);
}

/*
 * PHYS_OFFSET: the start of RAM rounded down so that 1 GiB blocks line up.
 * The linear map holds PAGE_END - PAGE_OFFSET bytes from there. With more
 * RAM than that, as Linux does: first drop what lies above both the
 * window and the kernel image; if it still does not fit, move the window
 * up (the kernel must stay inside it: its tables are reached through it)
 * and drop the RAM below instead.
 */
static void __init linear_map_base_init(void)
{
	const phys_addr_t linear_size = PAGE_END - PAGE_OFFSET;
	phys_addr_t end;

	memstart_addr = ALIGN_DOWN(memblock_start_of_DRAM(), ARM64_MEMSTART_ALIGN);
	if (memblock_end_of_DRAM() - PHYS_OFFSET <= linear_size)
		return;
	end = max(PHYS_OFFSET + linear_size, (phys_addr_t)__pa_symbol(_end));
	pr_warn("Memory: RAM above %#llx is beyond the linear map: ignored\n", end);
	memblock_remove(end, PHYS_ADDR_MAX - end);
	if (memblock_end_of_DRAM() - PHYS_OFFSET > linear_size) {
		memstart_addr = ALIGN(memblock_end_of_DRAM() - linear_size, ARM64_MEMSTART_ALIGN);
		pr_warn("Memory: RAM below %#llx is beyond the linear map: ignored\n",
			(phys_addr_t)memstart_addr);
		memblock_remove(0, memstart_addr);
	}
}

void __init paging_init(void)
{
	pgd_t *pgd = swapper_pg_dir;

	linear_map_base_init();

	/* Outside .bss: nothing has cleared them. */
	memset(swapper_pg_dir, 0, PAGE_SIZE);
	memset(reserved_pg_dir, 0, PAGE_SIZE);
	/* The fixmap slots' own table, from the pool, before it is needed. */
	for (int l = 0; l < 4; l++)
		fixmap_pte(__fix_to_virt(level_slot[l]));

	pgtable_state = PGTABLES_BUILDING;
	map_kernel(pgd);
	map_mem(pgd);
	for (int l = 0; l < 4; l++) {
		clear_mapping(init_pg_dir, __fix_to_virt(level_slot[l]), PAGE_SIZE);
		level_slot_pa[l] = 0;
	}
	map_fixmap_and_ioremap(pgd);

	dsb(ishst);
	cpu_replace_ttbr1(pgd);
	init_mm_pgd = pgd;
	pgtable_state = PGTABLES_LIVE;
	cpu_uninstall_idmap();
}

/*
 * New permissions for the image's pages [va, va + size): only the access
 * bits change, not the address, so no break-before-make is needed, only
 * the TLB flush (as Linux's update_mapping_prot).
 */
static void update_mapping_prot(unsigned long va, size_t size, u64 prot)
{
	for (unsigned long end = va + size; va < end; va += PAGE_SIZE) {
		u64 *pte = walk_to_pte(init_mm_pgd, va, false);

		if (!pte || !(*pte & PTE_VALID))
			panic("update_mapping_prot: %#lx is not mapped by a page", va);
		WRITE_ONCE(*pte, (*pte & PTE_ADDR_MASK) | prot);
		flush_tlb_kernel_page(va);
	}
}

/*
 * The end of boot (mark_readonly in init/main.c): __ro_after_init data and
 * swapper_pg_dir become read-only, like .rodata before them, which has
 * been since paging_init. Linux v5.15's arm64 prints nothing here; the
 * line is its x86 one, with the size of all that is read-only now.
 */
void mark_rodata_ro(void)
{
	unsigned long section_size = (unsigned long)__init_begin - (unsigned long)__start_rodata;

	update_mapping_prot((unsigned long)__start_ro_after_init,
			    __init_begin - __start_ro_after_init, PAGE_KERNEL_RO);
	pr_info("Write protecting the kernel read-only data: %luk\n", section_size >> 10);
	debug_checkwx();	/* no W+X mapping; the `ptdump` bootarg dumps them */
}
