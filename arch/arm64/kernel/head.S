/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/head.S: the kernel's first instructions, from the
 * Image header to start_kernel. Follows Linux v5.15's arch/arm64/kernel/
 * head.S: the same symbols, in the same order, with the same register
 * contracts, except where the "Differences from v5.15 and why" table of
 * Documentation/arm64/head.rst says otherwise (tools/testing/unit/
 * test_head_v5_15.py checks the symbols and primary_entry's calls against
 * that table). Walked through step by step in head.rst.
 *
 * Boot requirements (Documentation/arm64/booting.rst), restated:
 *   MMU off, D-cache off, I-cache on or off,
 *   x0 = physical address of the flattened device tree blob (dtb),
 *   x1 = x2 = x3 = 0 (checked and warned about in C),
 *   at EL2 or EL1, interrupts masked, the image at a 2 MiB-aligned address
 *   of RAM (plus text_offset, which is 0), cleaned to the point of coherency.
 *   With CONFIG_RELOCATABLE any 4 KiB-aligned address of RAM works too.
 *
 * Nothing here knows where the image was loaded: every address is computed
 * PC-relatively (adrp/adr_l) until __primary_switch has applied the image's
 * own relocations (__relocate_kernel, CONFIG_RELOCATABLE) and jumps to the
 * virtual address of __primary_switched through the page tables built here:
 * KIMAGE_VADDR plus x23, the physical misalignment and KASLR offset.
 */

#include <linux/linkage.h>
#include <asm/assembler.h>
#include <asm/boot.h>
#include <asm/el2_setup.h>
#include <asm/elf.h>
#include <asm/image.h>
#include <asm/kernel-pgtable.h>
#include <asm/kvm_arm.h>
#include <asm/memory.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <asm/virt.h>
#include <generated/asm-offsets.h>

/* The physical address the image starts at: _text (text_offset is 0). */
#define __PHYS_OFFSET	_text
#include "efi-header.S"

/*
 * The Image header: 64 bytes at the very start of the file, read by the
 * boot loader. code0 is also the first instruction executed. With
 * CONFIG_EFI it is also the start of a PE/COFF file (efi-header.S).
 */
	__HEAD
SYM_CODE_START(_head)
	efi_signature_nop			// code0: "MZ" for PE loaders, or nop
	b	primary_entry			// code1: branch to kernel start
	.quad	0				// text_offset: from a 2 MiB boundary
	.quad	_kernel_size_le			// image_size, from vmlinux.lds.S
	.quad	_kernel_flags_le		// flags, from vmlinux.lds.S
	.quad	0				// res2
	.quad	0				// res3
	.quad	0				// res4
	.ascii	ARM64_IMAGE_MAGIC		// magic
	.long	.Lpe_header_offset		// res5: PE/COFF header offset (or 0)
	__EFI_PE_HEADER
SYM_CODE_END(_head)

	__INIT

	/*
	 * Register use on the primary boot path (callee-saved, so they
	 * survive the calls below), as in v5.15:
	 *
	 *  Register   Scope                                  Purpose
	 *  x21        primary_entry() .. start_kernel()      FDT pointer passed at boot in x0
	 *  x23        primary_entry() .. start_kernel()      physical misalignment/KASLR offset:
	 *                                                    bits [20:12] the image's physical
	 *                                                    offset within MIN_KIMG_ALIGN
	 *                                                    (RELOCATABLE), the bits above the
	 *                                                    KASLR offset (RANDOMIZE_BASE); the
	 *                                                    image runs at KIMAGE_VADDR + x23
	 *  x28        __create_page_tables()                 saved return address
	 *  x19/x20    __primary_switch()                     new and old SCTLR_EL1 (KASLR remap)
	 *  x24        -                                      unused: v5.15 keeps the RELR
	 *                                                    displacement there; headstart's
	 *                                                    relocations are RELA only
	 *
	 * Argument registers (x0..x17) are scratch for each step.
	 */
SYM_CODE_START(primary_entry)
	/*
	 * Not in v5.15: refuse an image that is not MIN_LOAD_ALIGN aligned
	 * (4 KiB when relocatable, else 2 MiB). This comes first because
	 * everything after it, preserve_boot_args included, reaches symbols
	 * with adrp, which is only right when the image sits at its link-time
	 * offset within a 4 KiB page; adr is exact anywhere. x4 because
	 * x0..x3 hold the boot arguments.
	 */
	adr	x4, _head			// where the loader put us
	tst	x4, #(MIN_LOAD_ALIGN - 1)
	b.ne	__bad_load_address		// adrp and the block maps need this

	bl	preserve_boot_args		// x0..x3 -> boot_args, x21 = FDT
	bl	init_kernel_el			// w0=cpu_boot_mode, now at EL1
	adrp	x23, __PHYS_OFFSET
	and	x23, x23, MIN_KIMG_ALIGN - 1	// offset from 2 MiB; no KASLR yet
	bl	set_cpu_boot_mode_flag
	bl	__create_page_tables		// idmap_pg_dir, init_pg_dir
	/*
	 * Processor set-up (TLB, MAIR, TCR...): see arch/arm64/mm/proc.S.
	 * On return the CPU is ready for the MMU to be turned on, TCR is
	 * set, and x0 holds the SCTLR_EL1 value that turns the MMU on.
	 */
	bl	__cpu_setup			// initialise processor
	b	__primary_switch
SYM_CODE_END(primary_entry)

/*
 * The image is not on a MIN_LOAD_ALIGN boundary: 4 KiB when relocatable
 * (adrp, which every step below uses, rounds to 4 KiB), else 2 MiB (the
 * block mappings below could not map it at KIMAGE_VADDR). Say so on the
 * fallback UART (CONFIG_DEBUG_UART_PHYS: with the MMU off every access is
 * Device memory, so its registers can be written directly) and park. Only
 * `adr` is used: adrp would be wrong when the image is not 4 KiB aligned.
 */
SYM_CODE_START_LOCAL(__bad_load_address)
	adr	x0, .Lbad_load_msg
	b	__early_die
SYM_CODE_END(__bad_load_address)
.Lbad_load_msg:
	.ascii	"headstart: the Image must be loaded at a "
	.ascii	MIN_LOAD_ALIGN_STR
	.asciz	"-aligned physical address (see Documentation/arm64/booting.rst); halting\r\n"
	.balign	4

/*
 * __early_die: print the NUL-terminated string at x0 on the fallback
 * UART (a PL011, or an 8250 with 32-bit registers: CONFIG_DEBUG_UART_*)
 * with the MMU off, then park the CPU for good.
 */
SYM_CODE_START(__early_die)
	mov_q	x1, CONFIG_DEBUG_UART_PHYS
1:	ldrb	w2, [x0], #1
	cbz	w2, 3f
#ifdef CONFIG_DEBUG_UART_8250
2:	ldr	w3, [x1, #0x14]			// LSR (UART_LSR << 2)
	tbz	w3, #5, 2b			// wait until THRE (room to send)
	str	w2, [x1]			// THR
#else
2:	ldr	w3, [x1, #0x18]			// UARTFR
	tbnz	w3, #5, 2b			// wait while TXFF (FIFO full)
	str	w2, [x1]			// UARTDR
#endif
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
 * Macros that build page tables with the MMU off. They only use the
 * physical addresses given to them and PC-relative symbols.
 *
 * create_table_entry - one table entry pointing at the next page
 *	tbl:	physical address of the table
 *	virt:	the virtual address the entry is for
 *	shift:	#imm shift of the VA this level resolves
 *	ptrs:	entries in the table (a register; corrupted)
 *	tmp1, tmp2: scratch
 *
 * Preserves:	virt
 * Corrupts:	ptrs, tmp1, tmp2
 * Returns:	tbl, advanced to the next-level table (tbl + PAGE_SIZE)
 */
	.macro	create_table_entry, tbl, virt, shift, ptrs, tmp1, tmp2
	add	\tmp1, \tbl, #PAGE_SIZE		// the next-level table
	phys_to_pte \tmp2, \tmp1
	orr	\tmp2, \tmp2, #PMD_TYPE_TABLE	// tmp2 = table descriptor
	lsr	\tmp1, \virt, #\shift
	sub	\ptrs, \ptrs, #1
	and	\tmp1, \tmp1, \ptrs		// index of virt's entry
	str	\tmp2, [\tbl, \tmp1, lsl #3]
	add	\tbl, \tbl, #PAGE_SIZE		// continue one level down
	.endm

/*
 * populate_entries - fill entries index..eindex of tbl with descriptors
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
 * compute_indices - the entries of one table level that a range touches
 *	vstart:	virtual address of the start of the range
 *	vend:	virtual address of the end of the range (inclusive)
 *	shift:	#shift of the VA this level resolves (e.g. #PGDIR_SHIFT)
 *	ptrs:	entries in one table at this level (register or #imm,
 *		a power of two)
 *	istart:	returns the index of vstart's entry in the first table
 *	iend:	returns the index of vend's entry, counting on through the
 *		consecutive tables of this level (so it can exceed ptrs)
 *	count:	in: how many tables of this level there are beyond the first
 *		(0 for the top level); out: the same for the next level down
 *
 * Preserves:	vstart, vend, shift, ptrs
 * Returns:	istart, iend, count
 */
	.macro	compute_indices, vstart, vend, shift, ptrs, istart, iend, count
	lsr	\iend, \vend, \shift
	mov	\istart, \ptrs
	sub	\istart, \istart, #1
	and	\iend, \iend, \istart		// iend = (vend >> shift) & (ptrs - 1)
	mov	\istart, \ptrs
	mul	\istart, \istart, \count
	add	\iend, \iend, \istart		// iend += count * ptrs: the range
						// spans that many tables
	lsr	\istart, \vstart, \shift
	mov	\count, \ptrs
	sub	\count, \count, #1
	and	\istart, \istart, \count	// istart = (vstart >> shift) & (ptrs - 1)

	sub	\count, \iend, \istart		// next level: one table per entry,
						// beyond the first
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
 *	pgds:	entries in the pgd (register or #imm)
 *	istart, iend, tmp, count, sv: scratch, all different
 *
 * Preserves:	vstart, flags
 * Corrupts:	tbl, rtbl, vend, istart, iend, tmp, count, sv
 */
	.macro	map_memory, tbl, rtbl, vstart, vend, flags, phys, pgds, istart, iend, tmp, count, sv
	sub	\vend, \vend, #1		// inclusive end
	add	\rtbl, \tbl, #PAGE_SIZE		// next free table
	mov	\sv, \rtbl
	mov	\count, #0
	compute_indices \vstart, \vend, #PGDIR_SHIFT, \pgds, \istart, \iend, \count
	populate_entries \tbl, \rtbl, \istart, \iend, #PMD_TYPE_TABLE, #PAGE_SIZE, \tmp
	mov	\tbl, \sv
	mov	\sv, \rtbl

#if SWAPPER_PGTABLE_LEVELS > 3
	compute_indices \vstart, \vend, #PUD_SHIFT, #PTRS_PER_PUD, \istart, \iend, \count
	populate_entries \tbl, \rtbl, \istart, \iend, #PMD_TYPE_TABLE, #PAGE_SIZE, \tmp
	mov	\tbl, \sv
	mov	\sv, \rtbl
#endif

#if SWAPPER_PGTABLE_LEVELS > 2
	compute_indices \vstart, \vend, #SWAPPER_TABLE_SHIFT, #PTRS_PER_PMD, \istart, \iend, \count
	populate_entries \tbl, \rtbl, \istart, \iend, #PMD_TYPE_TABLE, #PAGE_SIZE, \tmp
	mov	\tbl, \sv
#endif

	compute_indices \vstart, \vend, #SWAPPER_BLOCK_SHIFT, #PTRS_PER_PTE, \istart, \iend, \count
	bic	\count, \phys, #(SWAPPER_BLOCK_SIZE - 1)
	populate_entries \tbl, \count, \istart, \iend, \flags, #SWAPPER_BLOCK_SIZE, \tmp
	.endm

/*
 * __create_page_tables: build, with the MMU off,
 *   - idmap_pg_dir: the identity map (VA == PA) of .idmap.text, the code
 *     that runs while the MMU is being turned on, for TTBR0;
 *   - init_pg_dir: the whole image [_text, _end) at KIMAGE_VADDR, for
 *     TTBR1, in 2 MiB blocks (RWX until paging_init replaces it).
 * Also decides idmap_t0sz, the size of the TTBR0 space, and
 * idmap_ptrs_per_pgd (arch/arm64/mm/mmu.c).
 */
SYM_FUNC_START_LOCAL(__create_page_tables)
	mov	x28, lr

	/*
	 * Invalidate the page-table areas: stale dirty lines from before
	 * the kernel was loaded must not be written back over what we
	 * write now with the caches off. Unlike v5.15, whose idmap_pg_dir
	 * is zeroes in the Image file (and so clean to the PoC by the boot
	 * protocol), both areas lie after .bss here, outside the file.
	 */
	adrp	x0, idmap_pg_dir
	adrp	x1, init_pg_end			// the two areas are adjacent
	bl	dcache_inval_poc

	/* Clear them (a multiple of 64 bytes: whole pages). */
	adrp	x0, idmap_pg_dir
	adrp	x1, init_pg_end
	sub	x1, x1, x0
1:	stp	xzr, xzr, [x0], #16
	stp	xzr, xzr, [x0], #16
	stp	xzr, xzr, [x0], #16
	stp	xzr, xzr, [x0], #16
	subs	x1, x1, #64
	b.ne	1b

	mov_q	x7, SWAPPER_MM_MMUFLAGS

	/*
	 * Create the identity mapping.
	 */
	adrp	x0, idmap_pg_dir
	adrp	x3, __idmap_text_start		// __pa(__idmap_text_start)

	/*
	 * RAM may sit so high that VA_BITS cannot reach .idmap.text's
	 * physical address. The identity map then uses a wider TTBR0 space:
	 * T0SZ = 64 - the bits the address needs, which is the number of
	 * leading zeroes of __pa(__idmap_text_end). If that is smaller than
	 * the default, record it (for __cpu_setup) and, with VA_BITS < 48,
	 * put one more table level on top.
	 */
	adrp	x5, __idmap_text_end
	clz	x5, x5
	cmp	x5, TCR_T0SZ(VA_BITS_MIN)	// default T0SZ small enough?
	b.ge	1f				// .. then no extension

	adr_l	x6, idmap_t0sz
	str	x5, [x6]
	dmb	sy
	dc	ivac, x6			// Invalidate potentially stale cache line

#if (VA_BITS < 48)
#define EXTRA_SHIFT	(PGDIR_SHIFT + PAGE_SHIFT - 3)
#define EXTRA_PTRS	(1 << (PHYS_MASK_SHIFT - EXTRA_SHIFT))

	/*
	 * The extra level resolves the bits above VA_BITS: so VA_BITS must
	 * be exactly what the levels below resolve.
	 */
#if VA_BITS != EXTRA_SHIFT
#error "Mismatch between VA_BITS and page size/number of translation levels"
#endif

	mov	x4, EXTRA_PTRS
	create_table_entry x0, x3, EXTRA_SHIFT, x4, x5, x6
#else
	/*
	 * With VA_BITS == 48 no level is added, the pgd has more entries
	 * instead. Unreachable with 48-bit PAs (T0SZ 16 reaches them all),
	 * kept so the two cases read as in v5.15.
	 */
	mov	x4, #1 << (PHYS_MASK_SHIFT - PGDIR_SHIFT)
	str_l	x4, idmap_ptrs_per_pgd, x5
#endif
1:
	ldr_l	x4, idmap_ptrs_per_pgd
	adr_l	x6, __idmap_text_end		// __pa(__idmap_text_end)

	map_memory x0, x1, x3, x6, x7, x3, x4, x10, x11, x12, x13, x14

	/*
	 * Map the kernel image at KIMAGE_VADDR + x23, wherever it was loaded:
	 * x23 keeps the physical offset modulo 2 MiB, so one block maps both.
	 * Runs a second time, with the MMU off again, when KASLR moves it.
	 */
	adrp	x0, init_pg_dir
	mov_q	x5, KIMAGE_VADDR		// compile time __va(_text)
	add	x5, x5, x23			// + misalignment/KASLR offset
	mov	x4, PTRS_PER_PGD
	adrp	x6, _end			// runtime __pa(_end)
	adrp	x3, _text			// runtime __pa(_text)
	sub	x6, x6, x3			// _end - _text
	add	x6, x6, x5			// runtime __va(_end)

	map_memory x0, x1, x5, x6, x7, x3, x4, x10, x11, x12, x13, x14

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
	 * init_cpu_task - make tsk the current task of this CPU: sp_el0
	 * points at it, sp at the top of its stack below a pt_regs, and the
	 * frame pointer at a terminating frame record inside that pt_regs
	 * (where the unwinder stops, for every task alike).
	 *	tsk:	the task_struct
	 *	tmp1, tmp2: scratch
	 * Then TPIDR_EL1 = __per_cpu_offset[tsk->cpu], the CPU's per-CPU
	 * offset (include/linux/percpu.h; 0, the template, for the boot CPU
	 * until setup_per_cpu_areas). The boot CPU (__primary_switched) and
	 * every secondary (__secondary_switched) go through it. v5.15 also
	 * loads the shadow call stack here; headstart has none (see head.rst).
	 */
	.macro	init_cpu_task tsk, tmp1, tmp2
	msr	sp_el0, \tsk

	ldr	\tmp1, [\tsk, #TSK_STACK]
	add	sp, \tmp1, #THREAD_SIZE
	sub	sp, sp, #PT_REGS_SIZE

	stp	xzr, xzr, [sp, #S_STACKFRAME]
	add	x29, sp, #S_STACKFRAME

	adr_l	\tmp1, __per_cpu_offset
	ldrsw	\tmp2, [\tsk, #TSK_CPU]	// v5.15: ldr w\tmp2 (an int)
	ldr	\tmp1, [\tmp1, \tmp2, lsl #3]
	set_this_cpu_offset \tmp1
	.endm

/*
 * __primary_switched: the first code that runs at its virtual address,
 * KIMAGE_VADDR + x23 (__primary_switch calls it with the MMU on).
 *	x0 = __PHYS_OFFSET, the physical address of _text
 *	x21 = FDT physical address
 *	x23 = physical misalignment/KASLR offset
 * With CONFIG_RANDOMIZE_BASE it may return to __primary_switch, with the
 * KASLR offset added to x23, for the image to be mapped and relocated
 * again there; BSS is cleared again then.
 */
SYM_FUNC_START_LOCAL(__primary_switched)
	adr_l	x4, init_task
	init_cpu_task x4, x5, x6

	adr_l	x8, vectors			// load VBAR_EL1 with virtual
	msr	vbar_el1, x8			// vector table address
	isb

	stp	x29, x30, [sp, #-16]!
	mov	x29, sp

	str_l	x21, __fdt_pointer, x5		// Save FDT pointer

	ldr_l	x4, kimage_vaddr		// Save the offset between
	sub	x4, x4, x0			// the kernel virtual and
	str_l	x4, kimage_voffset, x5		// physical mappings

	/*
	 * Clear BSS (nothing above lives in it) with memset, whose DC ZVA
	 * zeroes 64 bytes an instruction (arch/arm64/lib/memset.S): BSS holds
	 * the log buffer, the biggest fill before start_kernel. v5.15 calls
	 * __pi_memset, its position-independent alias; headstart's memset
	 * needs none, it uses no literal and no absolute address.
	 */
	adr_l	x0, __bss_start
	mov	x1, xzr
	adr_l	x2, __bss_stop
	sub	x2, x2, x0
	bl	memset
	dsb	ishst				// zeroes visible to the table walker

#ifdef CONFIG_RANDOMIZE_BASE
	tst	x23, ~(MIN_KIMG_ALIGN - 1)	// second time here: randomized
	b.ne	0f
	mov	x0, x21				// the FDT's physical address
	bl	early_fdt_map			// mapped through the fixmap
	bl	kaslr_early_init		// x0 = offset from its kaslr-seed
	cbz	x0, 0f				// 0: no KASLR, carry on here
	orr	x23, x23, x0			// the offset, above the misalignment
	ldp	x29, x30, [sp], #16		// back to __primary_switch, which
	ret					// maps and relocates us there
0:
#endif
	ldp	x29, x30, [sp], #16
	bl	start_kernel			// init/main.c; does not return
1:	wfi					// ...but never run on if it did
	b	1b
SYM_FUNC_END(__primary_switched)

	.pushsection ".rodata", "a"
SYM_DATA_START(kimage_vaddr)			// _text, moved by __relocate_kernel
	.quad	_text
SYM_DATA_END(kimage_vaddr)
	.popsection

/*
 * Code that runs while the MMU is turned on must be identity mapped: it is
 * fetched from its physical address just before and just after. As in
 * v5.15, init_kernel_el and set_cpu_boot_mode_flag live here too, so that
 * the secondary and resume paths can call them with the MMU off or on.
 */
	__IDMAP_TEXT

/*
 * init_kernel_el: start at EL1 whatever the loader entered with.
 *
 * Entered at EL2 (a hypervisor-capable CPU, e.g. QEMU -M virt,virtualization=on):
 * make EL1 usable (init_el2_state, asm/el2_setup.h: AArch64, counters and
 * timers not trapped, GICv3 system registers allowed, no stage 2, no FP
 * traps), install the hyp stub's vectors in VBAR_EL2 so the kernel can
 * call back into EL2 later (arch/arm64/kernel/hyp-stub.S), and drop to
 * EL1 with eret. Entered at EL1: put SCTLR_EL1 in a known MMU-off state.
 * Either way returns to the caller at EL1 with DAIF masked.
 *
 * v5.15 also switches to VHE here when HCR_EL2.E2H is stuck at 1 (Apple
 * CPUs); headstart always runs its kernel at EL1 (see head.rst).
 *
 * Returns: w0 = BOOT_CPU_MODE_EL1 or BOOT_CPU_MODE_EL2, the EL we entered at.
 */
SYM_FUNC_START(init_kernel_el)
	mrs	x0, CurrentEL
	cmp	x0, #CurrentEL_EL2
	b.eq	init_el2

SYM_INNER_LABEL(init_el1, SYM_L_LOCAL)
	mov_q	x0, INIT_SCTLR_EL1_MMU_OFF
	msr	sctlr_el1, x0
	isb
	mov_q	x0, INIT_PSTATE_EL1
	msr	spsr_el1, x0
	msr	elr_el1, lr
	mov	w0, #BOOT_CPU_MODE_EL1
	eret

SYM_INNER_LABEL(init_el2, SYM_L_LOCAL)
	mov_q	x0, HCR_HOST_NVHE_FLAGS		// EL1 is AArch64, no traps
	msr	hcr_el2, x0
	isb

	init_el2_state				// also sets SPSR_EL2 for the eret

	/* Hypervisor stub */
	adr_l	x0, __hyp_stub_vectors
	msr	vbar_el2, x0
	isb

	mov_q	x0, INIT_SCTLR_EL1_MMU_OFF	// EL1 starts with the MMU off
	msr	sctlr_el1, x0

	msr	elr_el2, lr			// "return" to our caller, at EL1
	mov	w0, #BOOT_CPU_MODE_EL2
	eret
SYM_FUNC_END(init_kernel_el)

/*
 * Record the EL the CPU booted at, passed in w0, in __boot_cpu_mode: the
 * first word if it is EL1, the second if EL2, as asm/virt.h explains.
 */
SYM_FUNC_START_LOCAL(set_cpu_boot_mode_flag)
	adr_l	x1, __boot_cpu_mode
	cmp	w0, #BOOT_CPU_MODE_EL2
	b.ne	1f
	add	x1, x1, #4
1:	str	w0, [x1]			// Save CPU boot mode
	dmb	sy
	dc	ivac, x1			// Invalidate potentially stale cache line
	ret
SYM_FUNC_END(set_cpu_boot_mode_flag)

/*
 * Values written with the MMU off and read with it on. The writer
 * invalidates the line it wrote, which discards up to a Cache Writeback
 * Granule (2 KiB at most) around it: vmlinux.lds.S gives the section that
 * alignment so no other data shares those lines.
 */
	.pushsection ".mmuoff.data.write", "aw"
/*
 * The boot mode is needed long after boot (is_hyp_mode_available()); it is
 * not in .bss, which __primary_switched clears after it is written.
 * Word 0 starts as EL2 and word 1 as EL1: a CPU booted at EL1 overwrites
 * word 0, one booted at EL2 word 1, so both words are equal only if every
 * CPU booted at the same EL.
 */
SYM_DATA_START(__boot_cpu_mode)
	.long	BOOT_CPU_MODE_EL2
	.long	BOOT_CPU_MODE_EL1
SYM_DATA_END(__boot_cpu_mode)

/*
 * How far a secondary CPU got with its MMU off (CPU_* in asm/smp.h): 0
 * once __enable_mmu is past its checks, or why the CPU parked itself.
 * __cpu_up reads it when a CPU does not come online.
 */
SYM_DATA_START(__early_cpu_boot_status)
	.quad	0
SYM_DATA_END(__early_cpu_boot_status)
	.popsection

/*
 * The secondary CPUs' way in (Documentation/arm64/smp.rst). Each arrives
 * with the MMU off, at EL2 or EL1, at one of two physical entry points,
 * as its /cpus enable-method says (arch/arm64/kernel/cpu_ops.c):
 *
 *   psci:       PSCI CPU_ON starts it at secondary_entry;
 *   spin-table: the firmware's loop jumps to secondary_holding_pen (its
 *               address written at cpu-release-addr), where the CPU waits
 *               until secondary_holding_pen_release holds its MPIDR.
 *
 * Either way it drops to EL1 (init_kernel_el), records the EL it came in
 * at (set_cpu_boot_mode_flag: a boot loader that started CPUs at
 * different ELs is reported), and goes on to secondary_startup: processor
 * set-up, the MMU on with the kernel's final tables (swapper_pg_dir;
 * nothing is built), then __secondary_switched at its virtual address.
 * They are in .idmap.text, as in v5.15: secondary_startup runs on across
 * the MMU turning on.
 *
 * Register use on the secondary path:
 *
 *  Register   Scope                                  Purpose
 *  x0         secondary_holding_pen/secondary_entry .. set_cpu_boot_mode_flag()
 *                                                    CPU boot mode (EL1/EL2)
 *  x0         secondary_holding_pen (pen:)           this CPU's MPIDR affinity
 *  x3, x4     secondary_holding_pen (pen:)           the release word, its value
 *  x0, x1     secondary_startup                      SCTLR_EL1 value, swapper_pg_dir
 *  x2         __secondary_switched                   the CPU's idle task
 *                                                    (secondary_data.task)
 */
SYM_FUNC_START(secondary_holding_pen)
	bl	init_kernel_el			// w0=cpu_boot_mode
	bl	set_cpu_boot_mode_flag
	mrs	x0, mpidr_el1
	mov_q	x1, MPIDR_HWID_BITMASK
	and	x0, x0, x1
	adr_l	x3, secondary_holding_pen_release
pen:	ldr	x4, [x3]			// MMU off: read from memory
	cmp	x4, x0
	b.eq	secondary_startup		// released: it holds our MPIDR
	wfe					// the releasing CPU's sev ends it
	b	pen
SYM_FUNC_END(secondary_holding_pen)

	/*
	 * Secondary entry point that jumps straight into the kernel: PSCI
	 * CPU_ON's, for CPUs the kernel starts itself.
	 */
SYM_FUNC_START(secondary_entry)
	bl	init_kernel_el			// w0=cpu_boot_mode
	bl	set_cpu_boot_mode_flag
	b	secondary_startup
SYM_FUNC_END(secondary_entry)

SYM_FUNC_START_LOCAL(secondary_startup)
	/*
	 * Common entry point for secondary CPUs. v5.15 first calls
	 * switch_to_vhe and __cpu_secondary_check52bitva: no VHE and no
	 * 52-bit VAs here (head.rst).
	 */
	bl	__cpu_setup			// initialise processor
	adrp	x1, swapper_pg_dir		// the kernel's final tables
	bl	__enable_mmu
	ldr	x8, =__secondary_switched	// link-time virtual address
	br	x8
SYM_FUNC_END(secondary_startup)

/*
 * The secondary's first code at its virtual address: vectors, then its
 * idle task (from secondary_data, which __cpu_up filled) as current, with
 * its stack and per-CPU offset, as the boot CPU's are set up.
 */
SYM_FUNC_START_LOCAL(__secondary_switched)
	adr_l	x5, vectors
	msr	vbar_el1, x5
	isb

	adr_l	x0, secondary_data
	ldr	x2, [x0, #CPU_BOOT_TASK]
	cbz	x2, __secondary_too_slow	// the boot CPU gave up on us

	init_cpu_task x2, x1, x3

	bl	secondary_start_kernel		// arch/arm64/kernel/smp.c
1:	wfi					// does not return (v5.15: ASM_BUG)
	b	1b
SYM_FUNC_END(__secondary_switched)

/* Too late: __cpu_up timed out and no longer waits for us. Park. */
SYM_FUNC_START_LOCAL(__secondary_too_slow)
	wfe
	wfi
	b	__secondary_too_slow
SYM_FUNC_END(__secondary_too_slow)

/*
 * update_early_cpu_boot_status: store `status` in __early_cpu_boot_status
 * with the MMU off, and make it reach memory for the boot CPU, which reads
 * it with its caches on: the line is invalidated after the store (it
 * lies alone in .mmuoff.data.write).
 *	tmp1, tmp2: corrupted
 */
	.macro	update_early_cpu_boot_status status, tmp1, tmp2
	mov	\tmp2, #\status
	adr_l	\tmp1, __early_cpu_boot_status
	str	\tmp2, [\tmp1]
	dmb	sy
	dc	ivac, \tmp1
	.endm

/*
 * __enable_mmu: install the tables and turn the MMU on.
 *	x0  = SCTLR_EL1 value turning the MMU on (from __cpu_setup)
 *	x1  = TTBR1_EL1 table (init_pg_dir), physical address
 * TTBR0_EL1 gets idmap_pg_dir. Returns to the caller through lr, which
 * must be in .idmap.text: the next instruction is fetched with the MMU on.
 * Checks first that the CPU implements the 4 KiB granule; parks it if not.
 * Corrupts x2, x3.
 */
SYM_FUNC_START(__enable_mmu)
	mrs	x2, id_aa64mmfr0_el1
	ubfx	x2, x2, #ID_AA64MMFR0_TGRAN_SHIFT, 4
	cmp	x2, #ID_AA64MMFR0_TGRAN_SUPPORTED_MIN
	b.lt	__no_granule_support
	cmp	x2, #ID_AA64MMFR0_TGRAN_SUPPORTED_MAX
	b.gt	__no_granule_support
	update_early_cpu_boot_status 0, x2, x3
	adrp	x2, idmap_pg_dir
	phys_to_ttbr x1, x1
	phys_to_ttbr x2, x2
	msr	ttbr0_el1, x2			// load TTBR0
	msr	ttbr1_el1, x1			// load TTBR1
	isb

	set_sctlr_el1	x0			// MMU on

	ret
SYM_FUNC_END(__enable_mmu)

/*
 * A CPU without the 4 KiB granule cannot run this kernel: record why in
 * __early_cpu_boot_status, as v5.15 does, for the CPU that boots it (a
 * secondary: "CPU1: does not support 4K granule"); then, unlike v5.15,
 * also say so on the fallback UART (the MMU is still off), which is the
 * only report a boot CPU can give, and park it.
 */
SYM_CODE_START_LOCAL(__no_granule_support)
	update_early_cpu_boot_status \
		CPU_STUCK_IN_KERNEL | CPU_STUCK_REASON_NO_GRAN, x1, x2
	adr	x0, .Lno_granule_msg
	b	__early_die
SYM_CODE_END(__no_granule_support)
.Lno_granule_msg:
	.asciz	"headstart: this CPU does not implement the 4 KiB translation granule; halting\r\n"
	.balign	4

#ifdef CONFIG_RELOCATABLE
/*
 * __relocate_kernel: apply the image's own dynamic relocations, with the
 * MMU on and the image mapped at KIMAGE_VADDR + x23. The linker
 * (-pie, see arch/arm64/Makefile) left one R_AARCH64_RELATIVE entry in
 * .rela.dyn for every absolute address stored in the image: the place
 * (r_offset) and the value (r_addend), both link-time virtual addresses.
 * Each becomes *(r_offset + x23) = r_addend + x23. The places hold
 * nothing useful before this (--no-apply-dynamic-relocs): no absolute
 * address may be read before it runs. RELA entries carry their addends,
 * so running it again for a new x23 (KASLR) is correct.
 * scripts/link-vmlinux.sh checks that every entry is R_AARCH64_RELATIVE.
 *	x23 = physical misalignment/KASLR offset
 * Corrupts x9..x14.
 */
SYM_FUNC_START_LOCAL(__relocate_kernel)
	ldr	w9, =__rela_offset		// .rela.dyn - KIMAGE_VADDR
	ldr	w10, =__rela_size		// its size in bytes
	mov_q	x11, KIMAGE_VADDR
	add	x11, x11, x23			// where _text runs now
	add	x9, x9, x11			// first entry, at its VA
	add	x10, x9, x10			// end of the table
0:	cmp	x9, x10
	b.hs	1f
	ldp	x12, x13, [x9], #24		// r_offset, r_info
	ldr	x14, [x9, #-8]			// r_addend
	cmp	w13, #R_AARCH64_RELATIVE	// (the only type, checked at link
	b.ne	0b				// time; skip anything else)
	add	x14, x14, x23			// the value, moved
	str	x14, [x12, x23]			// the place, moved
	b	0b
1:	ret
SYM_FUNC_END(__relocate_kernel)
#endif

/*
 * __primary_switch: turn the MMU on, relocate the image where it runs and
 * leave the identity map for the kernel's virtual address. With KASLR,
 * __primary_switched comes back once with a random offset in x23: the MMU
 * goes off, init_pg_dir is rebuilt at the new address, the MMU on again,
 * the relocations applied again, and __primary_switched entered anew.
 *	x0 = SCTLR_EL1 value from __cpu_setup
 */
SYM_FUNC_START_LOCAL(__primary_switch)
#ifdef CONFIG_RANDOMIZE_BASE
	mov	x19, x0				// SCTLR_EL1 with the MMU on
	mrs	x20, sctlr_el1			// and as it is now, MMU off
#endif
	adrp	x1, init_pg_dir
	bl	__enable_mmu
#ifdef CONFIG_RELOCATABLE
	bl	__relocate_kernel
#ifdef CONFIG_RANDOMIZE_BASE
	ldr	x8, =__primary_switched
	adrp	x0, __PHYS_OFFSET
	blr	x8

	/*
	 * Back here: kaslr_early_init chose an offset, now in x23. Map the
	 * image again, at its new virtual address, with the MMU off.
	 */
	msr	sctlr_el1, x20			// MMU off (the value from before)
	isb
	bl	__create_page_tables		// init_pg_dir at KIMAGE_VADDR + x23

	tlbi	vmalle1				// forget the old mapping's entries
	dsb	nsh
	isb

	set_sctlr_el1	x19			// MMU on again

	bl	__relocate_kernel
#endif
#endif
	ldr	x8, =__primary_switched		// its virtual address, relocated
	adrp	x0, __PHYS_OFFSET		// __pa(_text)
	br	x8
SYM_FUNC_END(__primary_switch)
	.ltorg
