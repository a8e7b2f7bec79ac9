/* SPDX-License-Identifier: GPL-2.0 */
/*
 * harness_probe.S - a stand-in "kernel" for the harness's own tests
 * (test_harness.py), so the console class and the boot stub can be checked
 * without a headstart build.
 *
 * Loaded anywhere in RAM and entered like a kernel (by bootstub.S), it
 * prints what it was entered with, one line each, on the PL011 at
 * 0x09000000 (QEMU virt):
 *	probe: x0=<16 hex>   ... up to x3
 *	probe: EL<n>
 *	probe: midr=<16 hex>
 *	probe: mpidr=<16 hex>
 *	probe: id_aa64pfr0=<16 hex>  and pfr1, isar0, isar1, mmfr2: the
 *	       ID registers AT_HWCAP and /proc/cpuinfo's Features derive from
 * then the NUL-terminated text at PROBE_MESSAGE (patched in by the test,
 * may hold several lines), then powers off through PSCI SYSTEM_OFF, or
 * spins forever if bit 0 of PROBE_FLAGS is set (to test the hang detector).
 * Position independent: only PC-relative addressing.
 */

#define UART_BASE	0x09000000
#define UART_DR		0x00
#define UART_FR		0x18
#define UART_FR_TXFF	(1 << 5)
#define PSCI_SYSTEM_OFF	0x84000008

#define PROBE_FLAGS	0x40		/* u64: bit 0 = hang instead of power off */
#define PROBE_MESSAGE	0x48		/* char[184], NUL-terminated */
#define PROBE_CODE	0x100

	.text
	.globl	_start
_start:
	b	probe_main

	.org	PROBE_FLAGS
	.globl	probe_flags
probe_flags:
	.quad	0
	.globl	probe_message
probe_message:
	.space	PROBE_CODE - PROBE_MESSAGE

	.org	PROBE_CODE
/*
 * Register use:
 *   x19..x22  the x0..x3 we were entered with
 *   x23       CurrentEL
 *   x24, x25  MIDR_EL1, MPIDR_EL1
 *   x26..x28  ID_AA64PFR0_EL1, ID_AA64PFR1_EL1, ID_AA64ISAR0_EL1
 *   x19, x20  (reused once x0..x3 are printed) ID_AA64ISAR1_EL1, ID_AA64MMFR2_EL1
 */
probe_main:
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	mov	x22, x3
	mrs	x23, CurrentEL
	mrs	x24, midr_el1
	mrs	x25, mpidr_el1
	mrs	x26, id_aa64pfr0_el1
	mrs	x27, id_aa64pfr1_el1
	mrs	x28, id_aa64isar0_el1

	.macro	print_reg, label, reg
	adr	x0, \label
	bl	puts
	mov	x0, \reg
	bl	puthex
	mov	w0, #'\n'
	bl	putc
	.endm

	print_reg str_x0, x19
	print_reg str_x1, x20
	print_reg str_x2, x21
	print_reg str_x3, x22

	adr	x0, str_el
	bl	puts
	ubfx	x0, x23, #2, #2
	add	w0, w0, #'0'
	bl	putc
	mov	w0, #'\n'
	bl	putc

	print_reg str_midr, x24
	print_reg str_mpidr, x25

	mrs	x19, id_aa64isar1_el1
	mrs	x20, s3_0_c0_c7_2		// ID_AA64MMFR2_EL1
	print_reg str_pfr0, x26
	print_reg str_pfr1, x27
	print_reg str_isar0, x28
	print_reg str_isar1, x19
	print_reg str_mmfr2, x20

	adr	x0, probe_message
	bl	puts

	adr	x0, probe_flags
	ldr	x0, [x0]
	tbnz	x0, #0, hang

	/* QEMU's PSCI conduit is SMC with virtualization=on (EL2), else HVC. */
	ldr	x0, =PSCI_SYSTEM_OFF
	cmp	x23, #(2 << 2)
	b.eq	1f
	hvc	#0
	b	hang
1:	smc	#0
hang:
	wfe
	b	hang

/* putc(w0): one byte to the UART.  Corrupts x1, x2. */
putc:
	mov	x1, #UART_BASE
2:	ldr	w2, [x1, #UART_FR]
	tbnz	w2, #5, 2b			// TXFF: FIFO full
	strb	w0, [x1, #UART_DR]
	ret

/* puts(x0): a NUL-terminated string.  Corrupts x0..x4. */
puts:
	mov	x4, x30
	mov	x3, x0
3:	ldrb	w0, [x3], #1
	cbz	w0, 4f
	bl	putc
	b	3b
4:	ret	x4

/* puthex(x0): 16 lower-case hex digits.  Corrupts x0..x6. */
puthex:
	mov	x4, x30
	mov	x5, x0
	mov	x6, #60
5:	lsr	x0, x5, x6
	and	x0, x0, #0xf
	cmp	x0, #10
	add	x1, x0, #'0'
	add	x0, x0, #('a' - 10)
	csel	x0, x1, x0, lo
	bl	putc
	subs	x6, x6, #4
	b.ge	5b
	ret	x4

str_x0:	.asciz	"probe: x0="
str_x1:	.asciz	"probe: x1="
str_x2:	.asciz	"probe: x2="
str_x3:	.asciz	"probe: x3="
str_el:	.asciz	"probe: EL"
str_midr:	.asciz	"probe: midr="
str_mpidr:	.asciz	"probe: mpidr="
str_pfr0:	.asciz	"probe: id_aa64pfr0="
str_pfr1:	.asciz	"probe: id_aa64pfr1="
str_isar0:	.asciz	"probe: id_aa64isar0="
str_isar1:	.asciz	"probe: id_aa64isar1="
str_mmfr2:	.asciz	"probe: id_aa64mmfr2="
	.balign	8
	.ltorg
