/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/vdso/note.S: the vDSO's ELF note, as Linux's: owner
 * "Linux", type 0, the kernel's version as a 32-bit LINUX_VERSION_CODE
 * (major << 16 | minor << 8 | patch). `readelf -n vdso.so` shows it.
 */
	.pushsection .note.Linux, "a", %note
	.balign	4
	.long	2f - 1f			// name size
	.long	4f - 3f			// descriptor size
	.long	0			// type
1:	.asciz	"Linux"
2:	.balign	4
3:	.long	LINUX_VERSION_CODE
4:	.balign	4
	.popsection
