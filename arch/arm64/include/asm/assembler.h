/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/assembler.h: macros shared by the assembly files.
 * Assembly only. The adr_l family reaches symbols PC-relatively (adrp +
 * offset), which is what makes the kernel run wherever it is loaded while
 * the MMU is off: no absolute address is used before __primary_switch.
 */
#ifndef __ASM_ASSEMBLER_H
#define __ASM_ASSEMBLER_H

#ifndef __ASSEMBLY__
#error "asm/assembler.h is for assembly files only"
#endif

#include <asm/pgtable-hwdef.h>
#include <asm/sysreg.h>

/*
 * adr_l - the address of a symbol, PC-relative, within +/- 4 GiB
 *	@dst: destination register
 *	@sym: the symbol
 */
	.macro	adr_l, dst, sym
	adrp	\dst, \sym
	add	\dst, \dst, :lo12:\sym
	.endm

/*
 * ldr_l - load a 64-bit value from a symbol, PC-relative
 *	@dst: destination register
 *	@sym: the symbol
 */
	.macro	ldr_l, dst, sym
	adrp	\dst, \sym
	ldr	\dst, [\dst, :lo12:\sym]
	.endm

/*
 * str_l - store a 64-bit register to a symbol, PC-relative
 *	@src: the register to store
 *	@sym: the symbol
 *	@tmp: a scratch register (corrupted)
 */
	.macro	str_l, src, sym, tmp
	adrp	\tmp, \sym
	str	\src, [\tmp, :lo12:\sym]
	.endm

/*
 * Per-CPU variables (include/linux/percpu.h): TPIDR_EL1 holds this CPU's
 * offset from the template.
 *
 * set_this_cpu_offset - make \off this CPU's offset
 * ldr_this_cpu - load this CPU's copy of the 64-bit variable \sym
 *	@dst: destination; @sym: the variable; @tmp: scratch (corrupted)
 */
	.macro	set_this_cpu_offset, off
	msr	tpidr_el1, \off
	.endm

	.macro	ldr_this_cpu, dst, sym, tmp
	adr_l	\dst, \sym
	mrs	\tmp, tpidr_el1
	ldr	\dst, [\dst, \tmp]
	.endm

/*
 * mov_q - load a 64-bit constant with the fewest movz/movk
 *	@reg: destination register
 *	@val: the constant (an assembler expression)
 */
	.macro	mov_q, reg, val
	.if (((\val) >> 31) == 0 || ((\val) >> 31) == 0x1ffffffff)
	movz	\reg, :abs_g1_s:\val
	.else
	.if (((\val) >> 47) == 0 || ((\val) >> 47) == 0x1ffff)
	movz	\reg, :abs_g2_s:\val
	.else
	movz	\reg, :abs_g3:\val
	movk	\reg, :abs_g2_nc:\val
	.endif
	movk	\reg, :abs_g1_nc:\val
	.endif
	movk	\reg, :abs_g0_nc:\val
	.endm

/*
 * dcache_line_size - the smallest data cache line, from CTR_EL0.DminLine
 *	@reg: returns the size in bytes
 *	@tmp: scratch (corrupted)
 */
	.macro	dcache_line_size, reg, tmp
	mrs	\tmp, ctr_el0
	ubfx	\tmp, \tmp, #16, #4		// DminLine: log2(words)
	mov	\reg, #4
	lsl	\reg, \reg, \tmp
	.endm

/*
 * dcache_inval_poc - invalidate [start, end) in the data cache to the point
 * of coherency, discarding whatever a cache may hold for memory written with
 * the MMU (and so the caches) off. Partial lines at the edges are cleaned
 * and invalidated, so neighbouring data is not lost.
 *	@start, @end: the range (corrupted)
 *	@tmp1, @tmp2: scratch (corrupted)
 */
	.macro	dcache_inval_poc, start, end, tmp1, tmp2
	dcache_line_size \tmp1, \tmp2
	sub	\tmp2, \tmp1, #1
	tst	\end, \tmp2			// end on a line boundary?
	bic	\end, \end, \tmp2
	b.eq	.Linval_start\@
	dc	civac, \end			// no: clean+invalidate the partial line
.Linval_start\@:
	tst	\start, \tmp2
	bic	\start, \start, \tmp2
	b.eq	.Linval_loop\@
	dc	civac, \start			// partial first line
	add	\start, \start, \tmp1
.Linval_loop\@:
	cmp	\start, \end
	b.hs	.Linval_done\@
	dc	ivac, \start
	add	\start, \start, \tmp1
	b	.Linval_loop\@
.Linval_done\@:
	dsb	sy
	.endm

/*
 * phys_to_pte - the output-address field of a descriptor for a physical
 * address (identity with 48-bit PAs and the 4K granule)
 *	@pte: destination
 *	@phys: the physical address (page aligned)
 */
	.macro	phys_to_pte, pte, phys
	mov	\pte, \phys
	.endm

/*
 * phys_to_ttbr - a TTBR value for a table's physical address (identity
 * with 48-bit PAs; v5.15 folds bits 51:48 in with 52-bit PAs)
 *	@ttbr: destination
 *	@phys: the physical address of the table
 */
	.macro	phys_to_ttbr, ttbr, phys
	mov	\ttbr, \phys
	.endm

/*
 * set_sctlr - write SCTLR_ELx, e.g. to turn the MMU on, then discard the
 * local I-cache. v5.15's reason for the ic iallu: instructions may have
 * been fetched speculatively from the PoC before code was patched at the
 * PoU (alternatives). headstart patches no code and the boot protocol has
 * the image clean to the PoC, so no stale line is expected here: kept to
 * match v5.15, and cheap.
 *	@sreg: sctlr_el1 or sctlr_el2
 *	@reg: the value
 */
	.macro	set_sctlr, sreg, reg
	msr	\sreg, \reg
	isb
	ic	iallu
	dsb	nsh
	isb
	.endm

	.macro	set_sctlr_el1, reg
	set_sctlr sctlr_el1, \reg
	.endm

	.macro	set_sctlr_el2, reg
	set_sctlr sctlr_el2, \reg
	.endm

/*
 * ventry - one 128-byte slot of a vector table: a branch to label
 */
	.macro	ventry, label
	.align	7
	b	\label
	.endm

/*
 * tcr_compute_pa_size - put the CPU's physical address size into TCR.IPS
 *	@tcr: the TCR value being built (updated)
 *	@pos: IPS field position
 *	@tmp0, @tmp1: scratch (corrupted)
 * Capped at 48 bits: the 4K granule without FEAT_LPA2 has no more.
 */
	.macro	tcr_compute_pa_size, tcr, pos, tmp0, tmp1
	mrs	\tmp0, id_aa64mmfr0_el1
	ubfx	\tmp0, \tmp0, #ID_AA64MMFR0_EL1_PARANGE_SHIFT, #3
	mov	\tmp1, #ID_AA64MMFR0_EL1_PARANGE_48
	cmp	\tmp0, \tmp1
	csel	\tmp0, \tmp1, \tmp0, hi
	bfi	\tcr, \tmp0, \pos, #3
	.endm

/*
 * tcr_set_t0sz - replace TCR.T0SZ (the size of the TTBR0 space)
 *	@valreg: the TCR value (updated)
 *	@t0sz: register holding the new T0SZ
 */
	.macro	tcr_set_t0sz, valreg, t0sz
	bfi	\valreg, \t0sz, #TCR_T0SZ_OFFSET, #TCR_TxSZ_WIDTH
	.endm

#endif
