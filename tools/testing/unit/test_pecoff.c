// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_pecoff.c: the PE/COFF half of the built Image's
 * dual header (arch/arm64/kernel/efi-header.S, laid out by vmlinux.lds.S),
 * field by field against vmlinux's symbols, as test_image.c checks the
 * arm64 half. What UEFI firmware's PE loader relies on:
 *
 *   "MZ" at 0 and e_lfanew (offset 0x3c, the arm64 header's res5) pointing
 *   at "PE\0\0"; COFF header: AArch64, 2 sections, an executable image;
 *   PE32+ optional header: entry point efi_pe_entry, SectionAlignment 64 KiB,
 *   FileAlignment 0x200, SizeOfImage _end - _text, SizeOfHeaders up to
 *   _stext, subsystem EFI application, no data directories in use;
 *   .text = [_stext, __initdata_begin) read/execute, .data =
 *   [__initdata_begin, _end) read/write with _edata - __initdata_begin of
 *   it in the file; every RVA and size aligned as the format requires, and
 *   every section's file bytes inside the file.
 *
 * Skipped (reported as such) when the build has CONFIG_EFI off.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "built_image.h"

/* Offset from _text: a relative virtual address (RVA) in PE terms. */
static uint64_t rva(const char *name)
{
	return sym(name) - sym("_text");
}

static uint64_t le(size_t off, int n)
{
	uint64_t v = 0;

	if (off + n > image_len)
		fail_msg("field at %#zx runs past the %zu-byte Image", off, image_len);
	while (n--)
		v = (v << 8) | image[off + n];
	return v;
}

static int load(void **state)
{
	return built_image_load();
}

static int unload(void **state)
{
	built_image_free();
	return 0;
}

#define SECTION_ALIGN 0x10000
#define FILE_ALIGN 0x200

/* Offsets into the file, from the PE signature. */
static size_t pe(void)
{
	if (!efi_config)
		skip();
	return le(0x3c, 4);
}
#define COFF(off) (pe() + 4 + (off))
#define OPT(off) (pe() + 24 + (off))
#define SECTION(i, off) (OPT(le(COFF(16), 2)) + 40 * (i) + (off))

static void test_mz_and_pe_signatures(void **state)
{
	size_t off = pe();

	assert_memory_equal(image, "MZ", 2);
	/* e_lfanew is the arm64 header's res5, right after the magic */
	assert_memory_equal(image + 56, "ARM\x64", 4);
	assert_int_equal(off, 64);
	assert_memory_equal(image + off, "PE\0\0", 4);
	assert_int_equal(off % 8, 0);
}

static void test_coff_header(void **state)
{
	assert_int_equal(le(COFF(0), 2), 0xaa64);		/* Machine: AArch64 */
	assert_int_equal(le(COFF(2), 2), 2);			/* NumberOfSections */
	assert_int_equal(le(COFF(8), 4), 0);			/* no COFF symbols */
	assert_int_equal(le(COFF(12), 4), 0);
	/* SizeOfOptionalHeader: 112 bytes of fields, 6 data directories */
	assert_int_equal(le(COFF(16), 2), 112 + 6 * 8);
	/* Characteristics: EXECUTABLE_IMAGE, LINE_NUMS_STRIPPED, DEBUG_STRIPPED */
	assert_int_equal(le(COFF(18), 2), 0x0206);
}

static void test_optional_header(void **state)
{
	assert_int_equal(le(OPT(0), 2), 0x20b);			/* PE32+ */
	assert_int_equal(le(OPT(4), 4), rva("__initdata_begin") - rva("_stext"));
	assert_int_equal(le(OPT(8), 4), rva("_end") - rva("__initdata_begin"));
	assert_int_equal(le(OPT(12), 4), 0);
	assert_int_equal(le(OPT(16), 4), rva("efi_pe_entry"));	/* AddressOfEntryPoint */
	assert_int_equal(le(OPT(20), 4), rva("_stext"));		/* BaseOfCode */
	assert_int_equal(le(OPT(24), 8), 0);			/* ImageBase */
	assert_int_equal(le(OPT(32), 4), SECTION_ALIGN);
	assert_int_equal(le(OPT(36), 4), FILE_ALIGN);
	assert_int_equal(le(OPT(56), 4), rva("_end"));		/* SizeOfImage */
	assert_int_equal(le(OPT(60), 4), rva("_stext"));		/* SizeOfHeaders */
	assert_int_equal(le(OPT(68), 2), 10);			/* EFI application */
	assert_int_equal(le(OPT(108), 4), 6);			/* NumberOfRvaAndSizes */
	for (int i = 0; i < 6; i++)				/* all unused, relocs too */
		assert_int_equal(le(OPT(112 + 8 * i), 8), 0);
}

static void check_section(int i, const char *name, const char *start, const char *end,
			  const char *file_end, uint32_t flags)
{
	uint64_t vsize = le(SECTION(i, 8), 4), va = le(SECTION(i, 12), 4);
	uint64_t rawsize = le(SECTION(i, 16), 4), rawptr = le(SECTION(i, 20), 4);

	assert_memory_equal(image + SECTION(i, 0), name, 8);
	assert_int_equal(va, rva(start));
	assert_int_equal(vsize, rva(end) - rva(start));
	assert_int_equal(rawptr, va);			/* the file is the memory image */
	assert_int_equal(rawsize, rva(file_end) - rva(start));
	assert_int_equal(le(SECTION(i, 36), 4), flags);
	/* what a PE loader requires */
	assert_int_equal(va % SECTION_ALIGN, 0);
	assert_int_equal(rawptr % FILE_ALIGN, 0);
	assert_int_equal(rawsize % FILE_ALIGN, 0);
	assert_true(rawptr + rawsize <= image_len);
	assert_true(va + vsize <= le(OPT(56), 4));
}

static void test_sections(void **state)
{
	/* CNT_CODE | MEM_EXECUTE | MEM_READ; CNT_INITIALIZED_DATA | MEM_READ | MEM_WRITE */
	check_section(0, ".text\0\0\0", "_stext", "__initdata_begin", "__initdata_begin",
		      0x60000020);
	check_section(1, ".data\0\0\0", "__initdata_begin", "_end", "_edata", 0xc0000040);
	/* .data's file part ends the file; the entry point is in .text */
	assert_int_equal(image_len, rva("_edata"));
	assert_true(rva("efi_pe_entry") >= rva("_stext") &&
		    rva("efi_pe_entry") < rva("__initdata_begin"));
	assert_int_equal(rva("_end") % SECTION_ALIGN, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mz_and_pe_signatures),
		cmocka_unit_test(test_coff_header),
		cmocka_unit_test(test_optional_header),
		cmocka_unit_test(test_sections),
	};

	return cmocka_run_group_tests_name("arch/arm64/boot/Image PE/COFF header", tests, load,
					   unload);
}
