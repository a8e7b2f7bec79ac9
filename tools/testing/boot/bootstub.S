/* SPDX-License-Identifier: GPL-2.0 */
/*
 * bootstub.S - a minimal "firmware" for QEMU's -bios, used by the boot tests.
 *
 * QEMU virt maps the -bios file at 0x0 (flash) and starts CPU 0 there, at
 * EL1, or at EL2 with -M virt,virtualization=on, MMU and caches off, all
 * exceptions masked.  Unlike -kernel, nothing else is set up for us and
 * QEMU does not touch a device tree we load ourselves, which is the point:
 * the tests choose the DTB, its address and every argument register.
 *
 * The stub loads x0..x3 and the kernel entry point from a parameter block
 * that the test harness (bootstub.py) patches into the binary for each
 * boot, and branches to the kernel without changing EL or any other state.
 * The Image and the DTB are put in RAM by QEMU's generic loader
 * (-device loader,file=...,addr=...,force-raw=on). QEMU itself keeps the
 * first MiB of RAM for its own DTB, where the loader may not write: to
 * run an Image from there, the test loads it elsewhere and the stub first
 * copies it to the entry address (copy size nonzero).
 *
 * Parameter block, at offset BOOTSTUB_PARAMS (0x40), little-endian u64s:
 *	+0x00	kernel entry (physical address of the Image's first byte)
 *	+0x08	x0 (DTB physical address, or 0)
 *	+0x10	x1
 *	+0x18	x2
 *	+0x20	x3
 *	+0x28	copy source: where the loader put the Image
 *	+0x30	copy size in bytes, a multiple of 8 (0: no copy)
 * An entry of 0 means "not patched": the stub parks instead of jumping
 * into its own flash.
 */

#define BOOTSTUB_PARAMS	0x40

	.text
	.globl	_start
	.type	_start, %function
_start:
	adr	x9, bootstub_params
	ldr	x10, [x9, #0x00]		// kernel entry
	cbz	x10, park
	ldp	x11, x12, [x9, #0x28]		// copy source, size
	cbnz	x12, copy			// (after the block: room is short)
enter:
	ldp	x0, x1, [x9, #0x08]		// DTB, x1
	ldp	x2, x3, [x9, #0x18]		// x2, x3
	br	x10
park:
	wfe
	b	park
	.size	_start, . - _start

	.org	BOOTSTUB_PARAMS
	.globl	bootstub_params
	.type	bootstub_params, %object
bootstub_params:
	.quad	0				// kernel entry
	.quad	0				// x0
	.quad	0				// x1
	.quad	0				// x2
	.quad	0				// x3
	.quad	0				// copy source
	.quad	0				// copy size
	.size	bootstub_params, . - bootstub_params

	.text
copy:	mov	x13, x10			// MMU and caches off: plain
1:	ldr	x14, [x11], #8			// loads and stores reach RAM
	str	x14, [x13], #8
	subs	x12, x12, #8
	b.ne	1b
	b	enter
