/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spintable_stub.S - -bios firmware for QEMU virt that parks the secondary
 * CPUs in a spin-table loop, so the kernel's enable-method = "spin-table"
 * (arch/arm64/kernel/smp_spin_table.c) can be tested where real firmware
 * would use PSCI.
 *
 * QEMU starts only CPU 0 at the -bios image (0x0 in flash), at EL1, or EL2
 * with -M virt,virtualization=on; the others are off until a PSCI CPU_ON.
 * So the stub, on CPU 0:
 *   1. zeroes each CPU's release word: release_base + 8 * Aff0,
 *   2. starts CPUs 1 .. nr_cpus-1 (MPIDR Aff0 = n) at secondary_park with
 *      PSCI CPU_ON (hvc at EL1, smc at EL2: QEMU's conduit for each),
 *   3. enters the kernel at `entry` with x0 = the DTB, x1..x3 = 0.
 * Each secondary, in secondary_park, optionally drops from EL2 to EL1
 * first (flag DROP_TO_EL1: CPUs entering the kernel at different ELs),
 * then waits with wfe until its release word is non-zero and jumps there,
 * MMU and caches off, as a spin-table CPU is specified to.
 *
 * The DTB is the test's (tools/testing/boot/test_smp.py): every cpu node
 * says enable-method = "spin-table" and cpu-release-addr = its word.
 *
 * Parameter block at offset STUB_PARAMS (0x100), little-endian u64s,
 * patched in by bootstub.py for each boot:
 *	+0x00	kernel entry (physical address), 0: park
 *	+0x08	x0 for the kernel (DTB physical address)
 *	+0x10	nr_cpus: how many CPUs to start (CPU 0 included)
 *	+0x18	release_base: physical address of CPU 0's release word
 *	+0x20	flags: bit 0 DROP_TO_EL1
 *
 * Register use on CPU 0 (x0..x3 are the PSCI call's, clobbered by it):
 *	x19 parameter block	x20 nr_cpus	x21 release_base	x22 n
 */

#define STUB_PARAMS		0x100
#define PSCI_CPU_ON_64		0xc4000003
#define FLAG_DROP_TO_EL1	0
#define CURRENTEL_EL2		(2 << 2)
#define HCR_EL2_RW		(1 << 31)
#define SPSR_EL1H_MASKED	0x3c5		/* EL1h, DAIF set */

	.text
	.globl	_start
	.type	_start, %function
_start:
	adr	x19, stub_params
	ldr	x9, [x19, #0x00]		// kernel entry
	cbz	x9, park
	ldp	x20, x21, [x19, #0x10]		// nr_cpus, release_base

	/* 1. Every release word zero (RAM starts zeroed; be sure). */
	mov	x22, #0
1:	cmp	x22, x20
	b.hs	2f
	str	xzr, [x21, x22, lsl #3]
	add	x22, x22, #1
	b	1b
2:	dsb	sy

	/* 2. CPUs 1 .. nr_cpus-1 into secondary_park. */
	mov	x22, #1
3:	cmp	x22, x20
	b.hs	6f
	movz	x0, #(PSCI_CPU_ON_64 >> 16), lsl #16
	movk	x0, #(PSCI_CPU_ON_64 & 0xffff)
	mov	x1, x22				// target MPIDR: Aff0 = n
	adr	x2, secondary_park		// entry point (physical: MMU off)
	mov	x3, #0				// context id
	mrs	x9, CurrentEL
	cmp	x9, #CURRENTEL_EL2
	b.eq	4f
	hvc	#0
	b	5f
4:	smc	#0
5:	add	x22, x22, #1
	b	3b

	/* 3. The kernel, as a boot loader enters it. */
6:	ldr	x9, [x19, #0x00]
	ldr	x0, [x19, #0x08]
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	br	x9
park:
	wfe
	b	park
	.size	_start, . - _start

/*
 * A secondary CPU, started by CPU_ON at the caller's EL, MMU off.
 *	x9 parameter block	x10 flags, then scratch	x11 its release word
 */
	.type	secondary_park, %function
secondary_park:
	adr	x9, stub_params
	ldr	x10, [x9, #0x20]
	tbz	x10, #FLAG_DROP_TO_EL1, 1f
	mrs	x10, CurrentEL
	cmp	x10, #CURRENTEL_EL2
	b.ne	1f
	mov	x10, #HCR_EL2_RW		// EL1 is AArch64
	msr	hcr_el2, x10
	mov	x10, #SPSR_EL1H_MASKED
	msr	spsr_el2, x10
	adr	x10, 1f
	msr	elr_el2, x10
	eret					// on at 1f, at EL1
1:	mrs	x10, mpidr_el1
	and	x10, x10, #0xff			// Aff0
	ldr	x11, [x9, #0x18]
	add	x11, x11, x10, lsl #3		// its release word
2:	wfe
	ldr	x10, [x11]
	cbz	x10, 2b
	br	x10				// the kernel's holding pen
	.size	secondary_park, . - secondary_park

	.org	STUB_PARAMS
	.globl	stub_params
	.type	stub_params, %object
stub_params:
	.quad	0				// kernel entry
	.quad	0				// x0: DTB
	.quad	1				// nr_cpus
	.quad	0				// release_base
	.quad	0				// flags
	.size	stub_params, . - stub_params
