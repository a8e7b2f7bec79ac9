/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/head.S: the kernel's first instructions, from the
 * Image header to start_kernel. Mirrors Linux's head.S; walked through step
 * by step in Documentation/arm64/head.rst.
 *
 * Boot requirements (Documentation/arm64/booting.rst), restated:
 *   MMU off, D-cache off, I-cache on or off,
 *   x0 = physical address of the flattened device tree blob (dtb),
 *   x1 = x2 = x3 = 0 (checked and warned about in C),
 *   at EL2 or EL1, interrupts masked, the image at a 2 MiB-aligned address
 *   of RAM (plus text_offset, which is 0), cleaned to the point of coherency.
 *
 * Nothing here knows where the image was loaded: every address is computed
 * PC-relatively (adrp/adr_l) until __primary_switch jumps to the link-time
 * virtual address of __primary_switched through the page tables built here.
 */

#include <linux/linkage.h>
#include <asm/assembler.h>
#include <asm/image.h>
#include <asm/kernel-pgtable.h>
#include <asm/memory.h>
#include <asm/sysreg.h>
#include <asm/virt.h>
#include <generated/asm-offsets.h>

/*
 * The Image header: 64 bytes at the very start of the file, read by the
 * boot loader. code0 is also the first instruction executed.
 */
	__HEAD
SYM_CODE_START(_head)
	b	primary_entry			// code0: branch to kernel start
	.long	0				// code1: reserved
	.quad	0				// text_offset: from a 2 MiB boundary
	.quad	_kernel_size_le			// image_size, from vmlinux.lds.S
	.quad	_kernel_flags_le		// flags, from vmlinux.lds.S
	.quad	0				// res2
	.quad	0				// res3
	.quad	0				// res4
	.ascii	ARM64_IMAGE_MAGIC		// magic
	.long	0				// res5: no PE/COFF header
SYM_CODE_END(_head)

/*
 * Register use on the primary boot path (callee-saved, so they survive
 * the calls below):
 *
 *  Register   Scope                                  Purpose
 *  x20        primary_entry() .. set_cpu_boot_mode_flag()
 *                                                    CPU boot mode (EL1/EL2)
 *  x21        primary_entry() .. __primary_switched()
 *                                                    FDT pointer passed at boot in x0
 *  x28        __create_page_tables()                 saved return address
 *
 * Argument registers (x0..x17) are scratch for each step.
 */
	__INIT
SYM_CODE_START(primary_entry)
	bl	preserve_boot_args		// x0..x3 -> boot_args, x21 = FDT
	adr	x0, _head			// where the loader put us (adr, not
	tst	x0, #(SWAPPER_BLOCK_SIZE - 1)	// adrp: exact even if misaligned)
	b.ne	__bad_load_address		// the 2 MiB block maps need this
	bl	init_kernel_el			// w0 = cpu_boot_mode, now at EL1
	mov	x20, x0
	bl	set_cpu_boot_mode_flag
	bl	__create_page_tables		// idmap_pg_dir, init_pg_dir
	/*
	 * Processor set-up (TLB, MAIR, TCR...): see arch/arm64/mm/proc.S.
	 * Returns the SCTLR_EL1 value that turns the MMU on, in x0.
	 */
	bl	__cpu_setup			// initialise processor
	b	__primary_switch
SYM_CODE_END(primary_entry)

/*
 * The image is not on a 2 MiB boundary, so the block mappings below
 * cannot map it. Say so on the fallback UART (CONFIG_DEBUG_UART_PHYS: with
 * the MMU off every access is Device memory, so its registers can be
 * written directly) and park. Only `adr` is used: adrp would be wrong
 * when the image is not even 4 KiB aligned.
 */
SYM_CODE_START_LOCAL(__bad_load_address)
	adr	x0, .Lbad_load_msg
	b	__early_die
SYM_CODE_END(__bad_load_address)
.Lbad_load_msg:
	.asciz	"headstart: the Image must be loaded at a 2 MiB-aligned physical address (see Documentation/arm64/booting.rst); halting\r\n"
	.balign	4

/*
 * __early_die: print the NUL-terminated string at x0 on the fallback
 * PL011 with the MMU off, then park the CPU for good.
 */
SYM_CODE_START(__early_die)
	mov_q	x1, CONFIG_DEBUG_UART_PHYS
1:	ldrb	w2, [x0], #1
	cbz	w2, 3f
2:	ldr	w3, [x1, #0x18]			// UARTFR
	tbnz	w3, #5, 2b			// wait while TXFF (FIFO full)
	str	w2, [x1]			// UARTDR
	b	1b
3:	wfe
	wfi
	b	3b
SYM_CODE_END(__early_die)

/*
 * Preserve the arguments passed by the boot loader in x0 .. x3, for
 * setup_arch() to check later.
 */
SYM_CODE_START_LOCAL(preserve_boot_args)
	mov	x21, x0				// x21 = FDT

	adr_l	x0, boot_args			// record the contents of
	stp	x21, x1, [x0]			// x0 .. x3 at kernel entry
	stp	x2, x3, [x0, #16]

	dmb	sy				// needed before dc ivac with
						// MMU off

	add	x1, x0, #0x20			// 4 x 8 bytes
	b	dcache_inval_poc		// tail call
SYM_CODE_END(preserve_boot_args)

/*
 * init_kernel_el: start at EL1 whatever the loader entered with.
 *
 * Entered at EL2 (a hypervisor-capable CPU, e.g. QEMU -M virt,virtualization=on):
 * make EL1 usable (AArch64, counters and timers not trapped, GICv3 system
 * registers allowed, no stage 2, no FP or coprocessor traps) and drop to
 * EL1 with eret. Entered at EL1: put SCTLR_EL1 in a known MMU-off state.
 * Either way returns to the caller at EL1 with DAIF masked.
 *
 * Returns: w0 = BOOT_CPU_MODE_EL1 or BOOT_CPU_MODE_EL2, the EL we entered at.
 */
SYM_FUNC_START(init_kernel_el)
	mrs	x0, CurrentEL
	cmp	x0, #CurrentEL_EL2
	b.eq	init_el2

init_el1:
	mov_q	x0, INIT_SCTLR_EL1_MMU_OFF
	msr	sctlr_el1, x0
	isb
	mov_q	x0, INIT_PSTATE_EL1
	msr	spsr_el1, x0
	msr	elr_el1, lr
	mov	w0, #BOOT_CPU_MODE_EL1
	eret

init_el2:
	mov_q	x0, INIT_SCTLR_EL2_MMU_OFF	// EL2 MMU off, little endian
	msr	sctlr_el2, x0
	isb

	mov_q	x0, HCR_HOST_NVHE_FLAGS		// EL1 is AArch64, no traps
	msr	hcr_el2, x0
	isb

	/* Generic timers: EL1 may use the physical counter and timer. */
	mrs	x0, cnthctl_el2
	orr	x0, x0, #(CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
	msr	cnthctl_el2, x0
	msr	cntvoff_el2, xzr		// virtual counter = physical

	/* GICv3 CPU interface: system registers usable from EL1. */
	mrs	x0, id_aa64pfr0_el1
	ubfx	x0, x0, #ID_AA64PFR0_EL1_GIC_SHIFT, #4
	cbz	x0, 1f				// no system register interface
	mrs	x0, icc_sre_el2
	orr	x0, x0, #ICC_SRE_EL2_SRE	// system registers at EL2
	orr	x0, x0, #ICC_SRE_EL2_ENABLE	// and at EL1
	msr	icc_sre_el2, x0
	isb
	msr	ich_hcr_el2, xzr		// no virtual CPU interface
1:
	/* Debug and PMU: every counter belongs to EL1, nothing trapped. */
	mrs	x1, id_aa64dfr0_el1
	ubfx	x1, x1, #8, #4			// PMUVer
	mov	x0, xzr
	cbz	x1, 2f				// no PMU
	cmp	x1, #0xf			// IMPLEMENTATION DEFINED PMU
	b.eq	2f
	mrs	x0, pmcr_el0
	ubfx	x0, x0, #11, #5			// PMCR_EL0.N: counters
2:	msr	mdcr_el2, x0			// MDCR_EL2.HPMN = N

	/* EL1 sees the real CPU's ID registers. */
	mrs	x0, midr_el1
	msr	vpidr_el2, x0
	mrs	x0, mpidr_el1
	msr	vmpidr_el2, x0

	msr	vttbr_el2, xzr			// no stage 2 translation
	mov_q	x0, CPTR_EL2_RES1		// FP/SIMD not trapped
	msr	cptr_el2, x0
	msr	hstr_el2, xzr			// no CP15 traps

	mov_q	x0, INIT_SCTLR_EL1_MMU_OFF	// EL1 starts with the MMU off
	msr	sctlr_el1, x0

	mov_q	x0, INIT_PSTATE_EL1		// EL1h, DAIF masked
	msr	spsr_el2, x0
	msr	elr_el2, lr			// "return" to our caller, at EL1
	mov	w0, #BOOT_CPU_MODE_EL2
	eret
SYM_FUNC_END(init_kernel_el)

/*
 * Record the EL the CPU booted at (w20) in __boot_cpu_mode, for C to
 * report ("CPU: All CPU(s) started at EL2").
 */
SYM_FUNC_START_LOCAL(set_cpu_boot_mode_flag)
	adr_l	x1, __boot_cpu_mode
	str	w20, [x1]
	dmb	sy
	dc	ivac, x1			// Invalidate potentially stale cache line
	ret
SYM_FUNC_END(set_cpu_boot_mode_flag)

/*
 * Macros that build page tables with the MMU off. They only use the
 * physical addresses given to them and PC-relative symbols.
 *
 * compute_indices - the entries of one table level that a range touches
 *	vstart:	virtual address of the start of the range
 *	vend:	virtual address of the end of the range (inclusive)
 *	shift:	#shift of the VA this level resolves (e.g. #PGDIR_SHIFT)
 *	order:	#log2 of the entries of one table at this level
 *	istart:	returns the index of vstart's entry in the first table
 *	iend:	returns the index of vend's entry, counting on through the
 *		consecutive tables of this level (so it can exceed the
 *		entries of one table)
 *	count:	in: how many tables of this level there are beyond the first
 *		(0 for the top level); out: the same for the next level down
 *
 * Preserves:	vstart, vend, shift, order
 * Corrupts:	-
 * Returns:	istart, iend, count
 */
	.macro	compute_indices, vstart, vend, shift, order, istart, iend, count
	ubfx	\istart, \vstart, \shift, \order	// index within its table
	ubfx	\iend, \vend, \shift, \order
	add	\iend, \iend, \count, lsl \order	// skip the earlier tables
	sub	\count, \iend, \istart			// next level: one table per
							// entry, minus the first
	.endm

/*
 * populate_entries - fill entries istart..iend of tbl with descriptors
 * pointing at consecutive physical addresses
 *	tbl:	physical address of the table
 *	rtbl:	physical address of the first output (next-level table or block)
 *	index:	first entry to fill
 *	eindex:	last entry to fill (inclusive)
 *	flags:	descriptor bits to set (type, attributes)
 *	inc:	how far apart the outputs are (PAGE_SIZE for tables,
 *		the block size for blocks)
 *	tmp1:	scratch
 *
 * Preserves:	tbl, eindex, flags, inc
 * Corrupts:	index, tmp1
 * Returns:	rtbl, advanced past the last output
 */
	.macro	populate_entries, tbl, rtbl, index, eindex, flags, inc, tmp1
.Lpe\@:	phys_to_pte \tmp1, \rtbl
	orr	\tmp1, \tmp1, \flags		// tmp1 = descriptor
	str	\tmp1, [\tbl, \index, lsl #3]
	add	\rtbl, \rtbl, \inc		// rtbl = pa of the next output
	add	\index, \index, #1
	cmp	\index, \eindex
	b.ls	.Lpe\@
	.endm

/*
 * map_memory - map [vstart, vend) to physical addresses from phys, with
 * SWAPPER_BLOCK_SIZE blocks, allocating the tables it needs one after the
 * other from tbl
 *	tbl:	physical address of the top-level table (the pgd); the
 *		next-level tables follow it page after page
 *	rtbl:	scratch, the next free table
 *	vstart:	virtual start address
 *	vend:	virtual end address (exclusive)
 *	flags:	block descriptor flags (SWAPPER_MM_MMUFLAGS)
 *	phys:	physical address vstart maps to
 *	order:	#log2 of the number of pgd entries
 *	istart, iend, tmp, count, sv: scratch
 *	extra_shift: if given, and vend does not fit below 1 << extra_shift,
 *		an extra level is put on top (the identity map of RAM that
 *		sits above what VA_BITS can address; T0SZ is widened to match)
 *
 * Preserves:	vstart, flags, phys
 * Corrupts:	tbl, rtbl, vend, istart, iend, tmp, count, sv
 */
	.macro	map_memory, tbl, rtbl, vstart, vend, flags, phys, order, istart, iend, tmp, count, sv, extra_shift
	sub	\vend, \vend, #1		// inclusive end
	add	\rtbl, \tbl, #PAGE_SIZE		// next free table
	mov	\count, #0

	.ifnb	\extra_shift
	tst	\vend, #~((1 << (\extra_shift)) - 1)
	b.eq	.Lno_extra\@			// fits: no extra level
	compute_indices \vstart, \vend, #\extra_shift, #(IDMAP_VA_BITS_MAX - (\extra_shift)), \istart, \iend, \count
	mov	\sv, \rtbl
	populate_entries \tbl, \rtbl, \istart, \iend, #PMD_TYPE_TABLE, #PAGE_SIZE, \tmp
	mov	\tbl, \sv
.Lno_extra\@:
	.endif

	compute_indices \vstart, \vend, #PGDIR_SHIFT, \order, \istart, \iend, \count
	mov	\sv, \rtbl
	populate_entries \tbl, \rtbl, \istart, \iend, #PMD_TYPE_TABLE, #PAGE_SIZE, \tmp
	mov	\tbl, \sv

#if SWAPPER_PGTABLE_LEVELS > 2
	compute_indices \vstart, \vend, #SWAPPER_TABLE_SHIFT, #PTRS_PER_TABLE_SHIFT, \istart, \iend, \count
	mov	\sv, \rtbl
	populate_entries \tbl, \rtbl, \istart, \iend, #PMD_TYPE_TABLE, #PAGE_SIZE, \tmp
	mov	\tbl, \sv
#endif

	compute_indices \vstart, \vend, #SWAPPER_BLOCK_SHIFT, #PTRS_PER_TABLE_SHIFT, \istart, \iend, \count
	bic	\rtbl, \phys, #(SWAPPER_BLOCK_SIZE - 1)
	populate_entries \tbl, \rtbl, \istart, \iend, \flags, #SWAPPER_BLOCK_SIZE, \tmp
	.endm

/*
 * __create_page_tables: build, with the MMU off,
 *   - idmap_pg_dir: the identity map (VA == PA) of .idmap.text, the code
 *     that runs while the MMU is being turned on, for TTBR0;
 *   - init_pg_dir: the whole image [_text, _end) at KIMAGE_VADDR, for
 *     TTBR1, in 2 MiB blocks (RWX until paging_init replaces it).
 * Also decides idmap_t0sz, the size of the TTBR0 space.
 */
SYM_FUNC_START_LOCAL(__create_page_tables)
	mov	x28, lr

	/*
	 * Invalidate the page-table areas: stale dirty lines from before
	 * the kernel was loaded must not be written back over what we
	 * write now with the caches off.
	 */
	adrp	x0, idmap_pg_dir
	adrp	x1, init_pg_end			// the two areas are adjacent
	bl	dcache_inval_poc

	/* Clear them. */
	adrp	x0, idmap_pg_dir
	adrp	x1, init_pg_end
1:	stp	xzr, xzr, [x0], #16
	stp	xzr, xzr, [x0], #16
	stp	xzr, xzr, [x0], #16
	stp	xzr, xzr, [x0], #16
	cmp	x0, x1
	b.lo	1b

	mov_q	x7, SWAPPER_MM_MMUFLAGS

	/*
	 * The identity map. If .idmap.text sits above what VA_BITS can
	 * reach, the TTBR0 space is widened to IDMAP_VA_BITS_MAX bits (T0SZ
	 * smaller) and map_memory adds a level on top.
	 */
	adrp	x0, idmap_pg_dir
	adrp	x3, __idmap_text_start		// __pa(__idmap_text_start)
	adr_l	x6, __idmap_text_end		// __pa(__idmap_text_end)
	mov	x5, #(64 - VA_BITS)		// default T0SZ
#if VA_BITS < IDMAP_VA_BITS_MAX
	lsr	x4, x6, #VA_BITS
	cbz	x4, 2f				// below 2^VA_BITS: default
	mov	x5, #(64 - IDMAP_VA_BITS_MAX)	// widen
2:
#endif
	adr_l	x4, idmap_t0sz
	str	x5, [x4]
	dmb	sy
	dc	ivac, x4			// written with the MMU off

#if VA_BITS < IDMAP_VA_BITS_MAX
	map_memory x0, x1, x3, x6, x7, x3, #(VA_BITS - PGDIR_SHIFT), x10, x11, x12, x13, x14, (PGDIR_SHIFT + PTRS_PER_TABLE_SHIFT)
#else
	map_memory x0, x1, x3, x6, x7, x3, #(VA_BITS - PGDIR_SHIFT), x10, x11, x12, x13, x14
#endif

	/* The kernel image at KIMAGE_VADDR, wherever it was loaded. */
	adrp	x0, init_pg_dir
	mov_q	x5, KIMAGE_VADDR		// __va(_text), fixed at link time
	adrp	x3, _text			// __pa(_text)
	adrp	x6, _end			// __pa(_end)
	sub	x6, x6, x3			// _end - _text
	add	x6, x6, x5			// __va(_end)
	map_memory x0, x1, x5, x6, x7, x3, #(VA_BITS - PGDIR_SHIFT), x10, x11, x12, x13, x14

	/*
	 * The tables were written with the caches off; invalidate again so
	 * no line fetched speculatively meanwhile hides them from the walker.
	 */
	dmb	sy
	adrp	x0, idmap_pg_dir
	adrp	x1, init_pg_end
	bl	dcache_inval_poc

	ret	x28
SYM_FUNC_END(__create_page_tables)

/*
 * __primary_switched: the first code that runs at its link-time virtual
 * address (__primary_switch jumps here with the MMU on).
 *	x0 = __pa(_text), to compute kimage_voffset
 *	x21 = FDT physical address
 */
SYM_FUNC_START_LOCAL(__primary_switched)
	adr_l	x4, init_task
	msr	sp_el0, x4			// current = &init_task

	adr_l	x5, init_stack			// the init task's stack, with room
	add	sp, x5, #THREAD_SIZE		// for one pt_regs at the top
	sub	sp, sp, #PT_REGS_SIZE
	stp	xzr, xzr, [sp, #S_STACKFRAME]	// terminating frame record
	add	x29, sp, #S_STACKFRAME

	adr_l	x8, vectors			// load VBAR_EL1 with virtual
	msr	vbar_el1, x8			// vector table address
	isb

	str_l	x21, __fdt_pointer, x5		// Save FDT pointer

	adr_l	x4, _text			// Save the offset between
	sub	x4, x4, x0			// the kernel virtual and
	str_l	x4, kimage_voffset, x5		// physical mappings

	/*
	 * Clear BSS (nothing above lives in it), 64 bytes a turn: it holds
	 * the log buffer, so this is the biggest loop before start_kernel.
	 * vmlinux.lds.S keeps both ends 64-byte aligned.
	 */
	adr_l	x0, __bss_start
	adr_l	x1, __bss_stop
	b	2f
1:	stp	xzr, xzr, [x0], #16
	stp	xzr, xzr, [x0], #16
	stp	xzr, xzr, [x0], #16
	stp	xzr, xzr, [x0], #16
2:	cmp	x0, x1
	b.lo	1b
	dsb	ishst				// zeroes visible to the table walker

	bl	start_kernel			// init/main.c; does not return
1:	wfi					// ...but never run on if it did
	b	1b
SYM_FUNC_END(__primary_switched)

/*
 * Code that runs while the MMU is turned on must be identity mapped: it is
 * fetched from its physical address just before and just after.
 */
	__IDMAP_TEXT

/*
 * __enable_mmu: install the tables and turn the MMU on.
 *	x0  = SCTLR_EL1 value turning the MMU on (from __cpu_setup)
 *	x1  = TTBR1_EL1 table (init_pg_dir)
 *	x2  = TTBR0_EL1 table (idmap_pg_dir)
 * Checks first that the CPU implements the 4 KiB granule; parks it if not.
 * Corrupts x3.
 */
SYM_FUNC_START(__enable_mmu)
	mrs	x3, id_aa64mmfr0_el1
	ubfx	x3, x3, #ID_AA64MMFR0_EL1_TGRAN4_SHIFT, #4
	cmp	x3, #ID_AA64MMFR0_EL1_TGRAN4_NI
	b.eq	__no_granule_support
	msr	ttbr0_el1, x2			// load TTBR0
	msr	ttbr1_el1, x1			// load TTBR1
	isb

	msr	sctlr_el1, x0			// MMU on
	isb
	/*
	 * Discard instructions fetched before the MMU was on: the I-cache
	 * may hold lines from before the image was loaded.
	 */
	ic	iallu
	dsb	nsh
	isb
	ret
SYM_FUNC_END(__enable_mmu)

/*
 * A CPU without the 4 KiB granule cannot run this kernel: say so on the
 * fallback UART (the MMU is still off) and park it.
 */
SYM_CODE_START_LOCAL(__no_granule_support)
	adr	x0, .Lno_granule_msg
	b	__early_die
SYM_CODE_END(__no_granule_support)
.Lno_granule_msg:
	.asciz	"headstart: this CPU does not implement the 4 KiB translation granule; halting\r\n"
	.balign	4

/*
 * __primary_switch: turn the MMU on and leave the identity map for the
 * kernel's virtual address.
 *	x0 = SCTLR_EL1 value from __cpu_setup
 */
SYM_FUNC_START_LOCAL(__primary_switch)
	adrp	x1, init_pg_dir
	adrp	x2, idmap_pg_dir
	bl	__enable_mmu

	ldr	x8, =__primary_switched		// link-time virtual address
	adrp	x0, _text			// __pa(_text)
	br	x8
SYM_FUNC_END(__primary_switch)
	.ltorg

/*
 * Data written with the MMU off: kept out of .bss, which
 * __primary_switched clears.
 */
	.pushsection ".data", "aw"
	.balign	8
SYM_DATA_START(boot_args)			// x0..x3 at kernel entry
	.quad	0, 0, 0, 0
SYM_DATA_END(boot_args)
SYM_DATA_START(idmap_t0sz)			// TCR_EL1.T0SZ for the idmap
	.quad	64 - VA_BITS
SYM_DATA_END(idmap_t0sz)
SYM_DATA_START(__boot_cpu_mode)			// BOOT_CPU_MODE_EL1/EL2
	.long	BOOT_CPU_MODE_EL1
SYM_DATA_END(__boot_cpu_mode)
	.popsection
