// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_image.c: the arm64 Image header of the built
 * kernel, field by field, against vmlinux's own symbols.
 *
 * Reads $UNIT_OBJTREE/arch/arm64/boot/Image and the symbol table of
 * $UNIT_OBJTREE/vmlinux (through $UNIT_NM, aarch64-linux-gnu-nm by
 * default), and checks the header head.S emits and vmlinux.lds.S fills in
 * (Documentation/arch/arm64/booting.rst in Linux; asm/image.h here):
 *
 *   code0        CONFIG_EFI: the "MZ" ccmp of efi_signature_nop; else a nop
 *   code1        a `b` whose target is primary_entry, relative to _text + 4
 *   text_offset  0
 *   image_size   _end - _text (BSS and the early page tables included)
 *   flags        0xa: little-endian, 4K pages, placeable anywhere
 *   res2..res4   0
 *   magic        "ARM\x64"
 *   res5         CONFIG_EFI: 64, the PE/COFF header's offset (checked field
 *                by field in test_pecoff.c); else 0
 *
 * and that the file holds exactly the loadable bytes, _text to _edata.
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

struct header {
	uint32_t code0, code1;
	uint64_t text_offset, image_size, flags, res2, res3, res4;
	uint32_t magic, res5;
};

static struct header hdr;

static uint64_t le(const unsigned char *p, int n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 8) | p[n];
	return v;
}

static int load(void **state)
{
	if (built_image_load())
		return -1;
	if (image_len < 64) {
		print_error("arch/arm64/boot/Image is only %zu bytes\n", image_len);
		return -1;
	}
	hdr.code0 = le(image + 0, 4);
	hdr.code1 = le(image + 4, 4);
	hdr.text_offset = le(image + 8, 8);
	hdr.image_size = le(image + 16, 8);
	hdr.flags = le(image + 24, 8);
	hdr.res2 = le(image + 32, 8);
	hdr.res3 = le(image + 40, 8);
	hdr.res4 = le(image + 48, 8);
	hdr.magic = le(image + 56, 4);
	hdr.res5 = le(image + 60, 4);
	return 0;
}

static int unload(void **state)
{
	built_image_free();
	return 0;
}

static void test_code0(void **state)
{
	/* ccmp x18, #0, #0xd, pl: bytes "MZ\x40\xfa"; nop otherwise */
	assert_int_equal(hdr.code0, efi_config ? 0xfa405a4d : 0xd503201f);
	if (efi_config)
		assert_memory_equal(image, "MZ", 2);
}

static void test_code1_branches_to_primary_entry(void **state)
{
	int64_t imm26, target = sym("primary_entry") - (sym("_text") + 4);

	/* B <label>: 0b000101 imm26, offset = imm26 * 4 from this instruction */
	if ((hdr.code1 & 0xfc000000) != 0x14000000)
		fail_msg("code1 %#010x is not a B instruction", hdr.code1);
	imm26 = hdr.code1 & 0x03ffffff;
	if (imm26 & 0x02000000)
		imm26 -= 0x04000000;
	assert_int_equal(imm26 * 4, target);
	/* the header is the image's start: _head is _text */
	assert_int_equal(sym("_head"), sym("_text"));
}

static void test_reserved_fields(void **state)
{
	assert_int_equal(hdr.res2, 0);
	assert_int_equal(hdr.res3, 0);
	assert_int_equal(hdr.res4, 0);
	assert_int_equal(hdr.res5, efi_config ? 64 : 0);
}

static void test_text_offset(void **state)
{
	assert_int_equal(hdr.text_offset, 0);
}

static void test_image_size(void **state)
{
	uint64_t text = sym("_text");

	assert_int_equal(hdr.image_size, sym("_end") - text);
	/* and it covers everything head.S writes before the MMU is on */
	assert_true(sym("init_pg_end") - text <= hdr.image_size);
	assert_true(sym("__bss_stop") - text <= hdr.image_size);
	/* the linker script's symbol for it agrees */
	assert_int_equal(hdr.image_size, sym("_kernel_size_le"));
	assert_true(hdr.image_size >= image_len);
}

static void test_flags(void **state)
{
	/* bit 0: 0 = little-endian; bits 2:1: 1 = 4K pages; bit 3: anywhere */
	assert_int_equal(hdr.flags & 1, 0);
	assert_int_equal((hdr.flags >> 1) & 3, 1);
	assert_int_equal((hdr.flags >> 3) & 1, 1);
	assert_int_equal(hdr.flags, 0xa);
	assert_int_equal(hdr.flags, sym("_kernel_flags_le"));
}

static void test_magic(void **state)
{
	assert_memory_equal(image + 56, "ARM\x64", 4);
	assert_int_equal(hdr.magic, 0x644d5241);
}

static void test_file_size(void **state)
{
	/* objcopy -O binary: _text up to the end of .data; BSS and the page
	 * tables (NOLOAD) are not in the file */
	assert_int_equal(image_len, sym("_edata") - sym("_text"));
	assert_true(sym("_edata") <= sym("__bss_start"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_code0),
		cmocka_unit_test(test_code1_branches_to_primary_entry),
		cmocka_unit_test(test_reserved_fields),
		cmocka_unit_test(test_text_offset),
		cmocka_unit_test(test_image_size),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_magic),
		cmocka_unit_test(test_file_size),
	};

	return cmocka_run_group_tests_name("arch/arm64/boot/Image header", tests, load, unload);
}
