// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_kallsyms.c: host unit tests of the symbol lookup
 * oopses use, kernel/kallsyms.c, built for the host as it is.
 *
 * The tables below have the shape scripts/kallsyms generates (sorted
 * addresses, NUL-separated names, an empty name where a code region ends):
 * two regions, .text and .init.text, with a gap between them. Checked:
 * the first byte, a middle byte and the last byte of each function, the
 * region ends and the gap, addresses before the first symbol, the
 * "name+0xoff/0xsize" text, and lookups by name; and all of that again
 * with the image running 0x2000081000 above its link address (KASLR plus a
 * physical misalignment: kaslr_offset() = kimage_vaddr - KIMAGE_VADDR).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset);
int sprint_symbol(char *buf, size_t size, unsigned long addr);
unsigned long kallsyms_lookup_name(const char *name);

#define KIMAGE_VADDR 0xffff800008000000UL	/* the build's: 48-bit VA */
#define T 0xffff800008010000UL		/* .text */
#define I 0xffff800008090000UL		/* .init.text */

/* head.S's relocated _text; what the kernel's kaslr_offset() reads. */
uint64_t kimage_vaddr = KIMAGE_VADDR;

const unsigned int kallsyms_num_syms = 7;
const unsigned long kallsyms_addresses[] = {
	T + 0x000,	/* primary_entry */
	T + 0x040,	/* el1h_64_sync */
	T + 0x0a8,	/* do_mem_abort */
	T + 0x200,	/* end of .text */
	I + 0x000,	/* start_kernel */
	I + 0x090,	/* setup_arch */
	I + 0x100,	/* end of .init.text */
	0,
};
const unsigned int kallsyms_name_offsets[] = { 0, 14, 27, 40, 41, 54, 65, 0 };
const char kallsyms_names[] =
	"primary_entry\0"
	"el1h_64_sync\0"
	"do_mem_abort\0"
	"\0"
	"start_kernel\0"
	"setup_arch\0"
	"\0";

static void expect(unsigned long addr, const char *name, unsigned long size, unsigned long off)
{
	unsigned long got_size = 0xdead, got_off = 0xdead;
	const char *got = kallsyms_lookup(addr, &got_size, &got_off);

	if (!name) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, name);
	assert_int_equal(got_size, size);
	assert_int_equal(got_off, off);
}

static void test_lookup_inside_functions(void **state)
{
	expect(T, "primary_entry", 0x40, 0);
	expect(T + 0x3f, "primary_entry", 0x40, 0x3f);
	expect(T + 0x40, "el1h_64_sync", 0x68, 0);
	expect(T + 0x68, "el1h_64_sync", 0x68, 0x28);
	expect(T + 0xa8 + 0x14, "do_mem_abort", 0x158, 0x14);
	expect(T + 0x1ff, "do_mem_abort", 0x158, 0x157);
	expect(I + 0x8f, "start_kernel", 0x90, 0x8f);
	expect(I + 0x90, "setup_arch", 0x70, 0);
	expect(I + 0xff, "setup_arch", 0x70, 0x6f);
}

static void test_lookup_outside_code(void **state)
{
	expect(0, NULL, 0, 0);
	expect(T - 4, NULL, 0, 0);		/* before the first symbol */
	expect(T + 0x200, NULL, 0, 0);		/* the end of .text ... */
	expect(I - 4, NULL, 0, 0);		/* ... and the gap after it */
	expect(I + 0x100, NULL, 0, 0);		/* past .init.text */
	expect(~0UL, NULL, 0, 0);
	/* The size and offset pointers may be NULL. */
	assert_string_equal(kallsyms_lookup(T + 4, NULL, NULL), "primary_entry");
}

static void test_sprint_symbol(void **state)
{
	char buf[128];

	assert_int_equal(sprint_symbol(buf, sizeof(buf), T + 0xa8 + 0x14),
			 strlen("do_mem_abort+0x14/0x158"));
	assert_string_equal(buf, "do_mem_abort+0x14/0x158");
	sprint_symbol(buf, sizeof(buf), I);
	assert_string_equal(buf, "start_kernel+0x0/0x90");
	sprint_symbol(buf, sizeof(buf), 0);
	assert_string_equal(buf, "0x0");
	sprint_symbol(buf, sizeof(buf), T + 0x204);
	assert_string_equal(buf, "0xffff800008010204");
	/* Cut to the buffer, NUL-terminated, like snprintf. */
	sprint_symbol(buf, 8, T + 0x40);
	assert_string_equal(buf, "el1h_64");
}

static void test_lookup_name(void **state)
{
	assert_int_equal(kallsyms_lookup_name("setup_arch"), I + 0x90);
	assert_int_equal(kallsyms_lookup_name("primary_entry"), T);
	assert_int_equal(kallsyms_lookup_name("setup"), 0);
	assert_int_equal(kallsyms_lookup_name(""), 0);	/* not a region end */
}

/* Running higher: runtime addresses in, runtime addresses out. */
#define OFF 0x2000081000UL

static void test_lookup_at_offset(void **state)
{
	char buf[128];

	kimage_vaddr = KIMAGE_VADDR + OFF;
	expect(T + OFF, "primary_entry", 0x40, 0);
	expect(I + OFF + 0xff, "setup_arch", 0x70, 0x6f);
	expect(T, NULL, 0, 0);			/* the link address: below the image */
	expect(I + OFF + 0x100, NULL, 0, 0);
	sprint_symbol(buf, sizeof(buf), T + OFF + 0xa8 + 0x14);
	assert_string_equal(buf, "do_mem_abort+0x14/0x158");
	assert_int_equal(kallsyms_lookup_name("setup_arch"), I + OFF + 0x90);
	assert_int_equal(kallsyms_lookup_name("setup"), 0);
	kimage_vaddr = KIMAGE_VADDR;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup_inside_functions),
		cmocka_unit_test(test_lookup_outside_code),
		cmocka_unit_test(test_sprint_symbol),
		cmocka_unit_test(test_lookup_name),
		cmocka_unit_test(test_lookup_at_offset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
