/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/vmlinux.lds.S: the layout of vmlinux, preprocessed into
 * vmlinux.lds. Linked at KIMAGE_VADDR; loaded anywhere 2 MiB-aligned, or
 * 4 KiB-aligned with CONFIG_RELOCATABLE, when head.S moves it by applying
 * the relocations kept in .rela.dyn (only needed at boot: init data).
 *
 *   _text            .head.text     the Image header, then primary_entry's branch
 *   _stext           .text          code, with .idmap.text in its own page
 *   _etext
 *                    .rodata        read-only data, libfdt's GOT
 *   __start_ro_after_init           __ro_after_init data, then
 *                    reserved_pg_dir all-invalid table (TTBR0 after boot),
 *                    swapper_pg_dir  the kernel's final tables (mmu.c):
 *   __end_ro_after_init             read-only from mark_rodata_ro()
 *   __init_begin     .init.text     boot-only code (head.S, start_kernel),
 *                                   freed by free_initmem()
 *   __initdata_begin .init.data     boot-only data, the early_param table
 *                    .rela.dyn      the image's own relocations (RELOCATABLE)
 *   __init_end
 *   _sdata           .data          data, the init task's stack
 *                    .mmuoff.data.write  written with the MMU off (2 KiB apart)
 *   _edata
 *   __bss_start      .bss           zeroed by __primary_switched
 *   __bss_stop
 *   idmap_pg_dir     page tables built by head.S (not in the Image file)
 *   init_pg_dir
 *   _end
 *
 * Every alignment the boot path relies on is checked by an ASSERT at the end.
 */

#include <asm/image.h>
#include <asm/kernel-pgtable.h>
#include <asm/memory.h>

/*
 * The .data section of the PE/COFF header (efi-header.S) must have a size
 * in the file that is a multiple of its FileAlignment, the smallest PE
 * allows: _edata is padded to it.
 */
PECOFF_FILE_ALIGNMENT = 0x200;

#ifdef CONFIG_EFI
#define PECOFF_EDATA_PADDING	\
	.pecoff_edata_padding : { BYTE(0); . = ALIGN(PECOFF_FILE_ALIGNMENT); }
#else
#define PECOFF_EDATA_PADDING
#endif

OUTPUT_ARCH(aarch64)
ENTRY(_text)

SECTIONS
{
	/DISCARD/ : {
		*(.comment) *(.note*) *(.eh_frame) *(.interp)
		*(.dynsym) *(.dynstr) *(.dynamic) *(.hash) *(.gnu.hash)
	}

	. = KIMAGE_VADDR;

	.head.text : {
		_text = .;
		KEEP(*(.head.text))
	}

	.text : ALIGN(SEGMENT_ALIGN) {
		_stext = .;
		. = ALIGN(SZ_4K);
		__idmap_text_start = .;
		*(.idmap.text)
		__idmap_text_end = .;
		*(.text .text.*)
		*(.hyp.text)			/* the hyp stub (hyp-stub.S) */
		*(.fixup)
	}

	. = ALIGN(SEGMENT_ALIGN);
	_etext = .;

	.rodata : ALIGN(SZ_4K) {
		__start_rodata = .;
		*(.rodata .rodata.*)
		/* BUG()/WARN() sites (asm/bug.h), searched by lib/bug.c. */
		. = ALIGN(4);
		__start___bug_table = .;
		KEEP(*(__bug_table))
		__stop___bug_table = .;
		/* User-access instructions and their fixups (asm/asm-extable.h). */
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		/* KUnit suites run after free_initmem (lib/kunit/test.c). */
		. = ALIGN(8);
		__kunit_late_suites_start = .;
		KEEP(*(.kunit_late_test_suites))
		__kunit_late_suites_end = .;
		*(.data.rel.ro .data.rel.ro.*)
	}
	.got : { *(.got) }
	.got.plt : { *(.got.plt) }
	__end_rodata = .;

	/*
	 * Written during boot, read-only from mark_rodata_ro() on (its own
	 * pages, mapped RW + NX until then): __ro_after_init data, and the
	 * kernel's top-level tables, which later changes reach through the
	 * fixmap (set_swapper_pgd), as in Linux.
	 */
	. = ALIGN(PAGE_SIZE);
	__start_ro_after_init = .;
	.data..ro_after_init : {
		*(.data..ro_after_init)
	}
	. = ALIGN(PAGE_SIZE);
	reserved_pg_dir = .;		/* cleared by paging_init */
	. += PAGE_SIZE;
	swapper_pg_dir = .;		/* built by paging_init */
	. += PAGE_SIZE;
	__end_ro_after_init = .;

	. = ALIGN(SEGMENT_ALIGN);
	__init_begin = .;
	.init.text : {
		_sinittext = .;
		*(.init.text .init.text.*)
		_einittext = .;
	}
	/*
	 * Init text is mapped RX and init data RW: separate segments. This is
	 * also where the PE/COFF .text section ends and .data begins.
	 */
	. = ALIGN(SEGMENT_ALIGN);
	__initdata_begin = .;
	.init.data : ALIGN(16) {
		*(.init.data .init.data.* .init.rodata .init.rodata.*)
		. = ALIGN(16);
		__setup_start = .;
		KEEP(*(.init.setup))
		__setup_end = .;
		. = ALIGN(8);
		__kunit_suites_start = .;
		KEEP(*(.kunit_test_suites))
		__kunit_suites_end = .;
	}
	/*
	 * -pie keeps one R_AARCH64_RELATIVE entry per absolute address in
	 * the image; head.S's __relocate_kernel finds them through these
	 * two link-time constants.
	 */
	.rela.dyn : ALIGN(8) {
		*(.rela .rela.*)
	}
	__rela_offset = ABSOLUTE(ADDR(.rela.dyn) - KIMAGE_VADDR);
	__rela_size = SIZEOF(.rela.dyn);
	. = ALIGN(SEGMENT_ALIGN);
	__init_end = .;

	_sdata = .;
	.data : {
		. = ALIGN(THREAD_SIZE);
		KEEP(*(.data..init_stack))
		/* The per-CPU template: each CPU gets a copy (mm/percpu.c). */
		. = ALIGN(64);
		__per_cpu_start = .;
		*(.data..percpu)
		. = ALIGN(64);
		__per_cpu_end = .;
		*(.data .data.*)
	}

	/*
	 * Data written with the MMU off and read with it on (__boot_cpu_mode):
	 * the writer invalidates its cache line, which may discard up to a
	 * Cache Writeback Granule (at most 2 KiB) around it, so nothing else
	 * may share that granule.
	 */
	.mmuoff.data.write : ALIGN(SZ_2K) {
		__mmuoff_data_start = .;
		*(.mmuoff.data.write)
		. = ALIGN(SZ_2K);	/* padding in the file: _edata ends it */
		__mmuoff_data_end = .;
	}
	PECOFF_EDATA_PADDING
	__pecoff_data_rawsize = ABSOLUTE(. - __initdata_begin);
	_edata = .;

	.bss (NOLOAD) : ALIGN(SZ_4K) {	/* page aligned, so also 64-byte */
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(64);
		__bss_stop = .;
	}

	/* Filled by head.S: never in the Image file, counted in image_size. */
	. = ALIGN(PAGE_SIZE);
	idmap_pg_dir = .;
	. += IDMAP_DIR_SIZE;
	idmap_pg_end = .;
	init_pg_dir = .;
	. += INIT_DIR_SIZE(KIMAGE_VADDR, _end);
	init_pg_end = .;

	. = ALIGN(SEGMENT_ALIGN);
	__pecoff_data_size = ABSOLUTE(. - __initdata_begin);
	_end = .;

	/* Debug information is kept in vmlinux (not loaded). */
	.debug_info 0 : { *(.debug_info) }
	.debug_abbrev 0 : { *(.debug_abbrev) }
	.debug_line 0 : { *(.debug_line) }
	.debug_line_str 0 : { *(.debug_line_str) }
	.debug_str 0 : { *(.debug_str) }
	.debug_aranges 0 : { *(.debug_aranges) }
	.debug_frame 0 : { *(.debug_frame) }
	.debug_loc 0 : { *(.debug_loc) }
	.debug_loclists 0 : { *(.debug_loclists) }
	.debug_ranges 0 : { *(.debug_ranges) }
	.debug_rnglists 0 : { *(.debug_rnglists) }
	.symtab 0 : { *(.symtab) }
	.strtab 0 : { *(.strtab) }
	.shstrtab 0 : { *(.shstrtab) }
}

/* The Image header's little-endian fields (head.S), see asm/image.h. */
_kernel_size_le = _end - _text;
_kernel_flags_le = __HEAD_FLAGS;

ASSERT(_text == KIMAGE_VADDR, "the image must start at KIMAGE_VADDR")
ASSERT(_text % SWAPPER_BLOCK_SIZE == 0,
       "the image must be 2 MiB aligned: head.S maps it with 2 MiB blocks")
ASSERT(_head == _text, "the Image header must be the first bytes of the image")
ASSERT(__idmap_text_start % SZ_4K == 0, ".idmap.text must start a page")
ASSERT(__idmap_text_end - __idmap_text_start <= SZ_4K,
       ".idmap.text must fit in one page (and so in one idmap block)")
ASSERT(vectors % SZ_2K == 0, "the vector table must be 2 KiB aligned")
ASSERT(__hyp_stub_vectors % SZ_2K == 0, "the hyp stub vectors must be 2 KiB aligned")
ASSERT(init_stack % THREAD_SIZE == 0, "the init stack must be THREAD_SIZE aligned")
ASSERT(idmap_pg_end == init_pg_dir,
       "head.S clears idmap_pg_dir..init_pg_end as one area")
ASSERT(idmap_pg_dir % PAGE_SIZE == 0 && init_pg_dir % PAGE_SIZE == 0,
       "page tables must be page aligned")
ASSERT(__initdata_begin % PAGE_SIZE == 0 && __init_begin % PAGE_SIZE == 0 &&
       _etext % PAGE_SIZE == 0 && _sdata % PAGE_SIZE == 0,
       "paging_init maps text, rodata, init text, init data, data by the page")
ASSERT(__start_ro_after_init % PAGE_SIZE == 0 && __end_ro_after_init % PAGE_SIZE == 0,
       "mark_rodata_ro write-protects __start_ro_after_init..__end_ro_after_init by the page")
ASSERT(_end % PAGE_SIZE == 0, "head.S finds _end with adrp: page aligned")
ASSERT(__bss_start % 64 == 0 && __bss_stop % 64 == 0, "head.S clears BSS 64 bytes at a time")
#ifdef CONFIG_EFI
/* The PE/COFF header (efi-header.S) describes this layout. */
ASSERT(_stext - _text == SEGMENT_ALIGN,
       "the PE/COFF headers must fill exactly the first SEGMENT_ALIGN bytes, up to _stext")
ASSERT(__initdata_begin % SEGMENT_ALIGN == 0,
       "the PE/COFF .data section must start on a SectionAlignment boundary")
ASSERT(__pecoff_data_rawsize % PECOFF_FILE_ALIGNMENT == 0,
       "the PE/COFF .data section's file size must be a multiple of FileAlignment")
ASSERT((__initdata_begin - _stext) % PECOFF_FILE_ALIGNMENT == 0,
       "the PE/COFF .text section's file size must be a multiple of FileAlignment")
ASSERT(_end % SEGMENT_ALIGN == 0, "SizeOfImage must be a multiple of SectionAlignment")
ASSERT(efi_pe_entry >= _stext && efi_pe_entry < __initdata_begin,
       "the EFI entry point must be in the PE/COFF .text section")
#endif
ASSERT(SIZEOF(.got.plt) == 0 || SIZEOF(.got.plt) == 0x18,
       "unexpected PLT entries: only R_AARCH64_RELATIVE relocations are applied")
#ifndef CONFIG_RELOCATABLE
ASSERT(SIZEOF(.rela.dyn) == 0, "dynamic relocations in a kernel that cannot apply them")
#endif
