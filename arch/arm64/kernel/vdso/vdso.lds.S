/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/vdso/vdso.lds.S: the layout of the vDSO, a shared
 * object linked at VDSO_LBASE (0) that exec maps into every process
 * (arch/arm64/kernel/vdso.c), the vvar page just below it.
 *
 * One read-and-execute PT_LOAD holds everything: the ELF and program
 * headers, the dynamic symbol table with its hash and version sections
 * (what a dynamic linker, glibc's included, reads to find the functions),
 * the note, the code and .dynamic. Nothing is writable and nothing needs
 * relocating: no .data, .bss or GOT survives (the vDSO/Kbuild link checks).
 * Exported: the four functions of the VERSION block, at LINUX_2.6.39, the
 * names and version Linux gives them on arm64.
 */
#include <asm/memory.h>
#include <asm/vdso.h>

OUTPUT_FORMAT("elf64-littleaarch64", "elf64-bigaarch64", "elf64-littleaarch64")
OUTPUT_ARCH(aarch64)

SECTIONS
{
	/* The vvar page: the page(s) right below the first byte of the vDSO. */
	PROVIDE(_vdso_data = . - __VVAR_PAGES * PAGE_SIZE);
	. = VDSO_LBASE + SIZEOF_HEADERS;

	.hash		: { *(.hash) }			:text
	.gnu.hash	: { *(.gnu.hash) }
	.dynsym		: { *(.dynsym) }
	.dynstr		: { *(.dynstr) }
	.gnu.version	: { *(.gnu.version) }
	.gnu.version_d	: { *(.gnu.version_d) }
	.gnu.version_r	: { *(.gnu.version_r) }

	/DISCARD/	: {
		*(.note.GNU-stack .note.gnu.property)
	}
	.note		: { *(.note.*) }		:text	:note

	. = ALIGN(16);
	/* Padding between functions: nop. */
	.text		: { *(.text*) }			:text	=0xd503201f

	.dynamic	: { *(.dynamic) }		:text	:dynamic

	.rodata		: { *(.rodata*) }		:text

	_end = .;

	/DISCARD/	: {
		*(.data .data.* .sdata* .bss .sbss .dynbss)
		*(.eh_frame .eh_frame_hdr .comment)
	}
}

/* Explicit headers: one PT_LOAD (R+X, never W), the dynamic section, the note. */
PHDRS
{
	text		PT_LOAD		FLAGS(5) FILEHDR PHDRS;	/* PF_R | PF_X */
	dynamic		PT_DYNAMIC	FLAGS(4);		/* PF_R */
	note		PT_NOTE		FLAGS(4);		/* PF_R */
}

VERSION
{
	LINUX_2.6.39 {
	global:
		__kernel_rt_sigreturn;
		__kernel_gettimeofday;
		__kernel_clock_gettime;
		__kernel_clock_getres;
	local: *;
	};
}

/* For the kernel (gen_vdso_offsets.sh): where signal handlers return. */
VDSO_sigtramp = __kernel_rt_sigreturn;
