// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_fdt.c: host unit tests of drivers/of/fdt.c.
 *
 * The real fdt.c, on the host's libfdt, reads device trees that QEMU's
 * virt board generated (gen_fixtures.py, run by `make check`, writes them
 * to $UNIT_FIXTURES; its FIXTURES table says what each one holds). The
 * tests check what the kernel learns from them: the machine name, the
 * command line and initrd from /chosen, every memory node and reg entry
 * under several #address-cells/#size-cells, reservations (/memreserve/,
 * /reserved-memory with and without no-map), the stdout-path node and its
 * options, reg addresses translated through bus ranges, and the blob checks
 * of early_init_dt_verify() with libfdt's error names.
 *
 * Every fixture is loaded into an exact-size heap buffer, so a read past
 * the blob's end is an AddressSanitizer error.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>
#include <generated/autoconf.h>
#include <linux/compiler.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include "stubs/printk_capture.h"

#define NONE MEMBLOCK_NONE
#define NOMAP MEMBLOCK_NOMAP

/* Facts gen_fixtures.py put in the fixtures. */
#define INITRD_SIZE 100000
#define BOOTARGS "console=ttyAMA0 earlycon foo=\"a b\" bar"

static void *blob;		/* the fixture loaded last */
static size_t blob_size;

static void *read_fixture(const char *name, size_t *size)
{
	const char *dir = getenv("UNIT_FIXTURES");
	char path[4096];
	FILE *f;
	void *buf;
	long n;

	if (!dir)
		fail_msg("UNIT_FIXTURES is not set: run through `make check`");
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (generate it with `make fixtures`)", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc(n);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, n, f), n);
	fclose(f);
	*size = n;
	return buf;
}

/* Load a fixture and make it the kernel's device tree. */
static void use(const char *name)
{
	free(blob);
	blob = read_fixture(name, &blob_size);
	initial_boot_params = NULL;
	assert_int_equal(early_init_dt_verify(blob, blob_size), 0);
	assert_ptr_equal(initial_boot_params, blob);
}

static int setup(void **state)
{
	memblock.memory.cnt = 0;
	memblock.reserved.cnt = 0;
	phys_initrd_start = 0;
	phys_initrd_size = 0;
	printk_capture_reset();
	return 0;
}

static int teardown_group(void **state)
{
	free(blob);
	blob = NULL;
	return 0;
}

static void expect(const struct memblock_type *type, const struct memblock_region *want,
		   unsigned long n)
{
	int ok = type->cnt == n;

	for (unsigned long i = 0; ok && i < n; i++)
		ok = type->regions[i].base == want[i].base &&
		     type->regions[i].size == want[i].size &&
		     type->regions[i].flags == want[i].flags;
	if (!ok) {
		for (unsigned long i = 0; i < type->cnt; i++)
			print_message("  %s[%lu] = [%#llx, %#llx) flags %#x\n", type->name, i,
				      type->regions[i].base,
				      type->regions[i].base + type->regions[i].size,
				      type->regions[i].flags);
		fail_msg("%s: %lu regions, expected %lu (or different ones)", type->name,
			 type->cnt, n);
	}
}

#define EXPECT(type, ...)							\
	do {									\
		const struct memblock_region want_[] = { __VA_ARGS__ };	\
		expect(&memblock.type, want_, ARRAY_SIZE(want_));		\
	} while (0)
#define EXPECT_EMPTY(type) expect(&memblock.type, NULL, 0)
#define R(base, size, flags) { (base), (size), (flags) }

static int node(const char *path)
{
	int off = fdt_path_offset(blob, path);

	if (off < 0)
		fail_msg("fixture has no %s: %s", path, fdt_strerror(off));
	return off;
}

/* --- early_init_dt_verify, error names ------------------------------------ */

static const char *const all_fixtures[] = {
	"virt.dtb", "virt-kernel.dtb", "virt-gicv3.dtb", "virt-4g.dtb", "virt-numa.dtb",
	"cells-1-1.dtb", "cells-2-2.dtb", "cells-2-1.dtb", "reserved.dtb", "bus.dtb",
	"stdout-options.dtb", "stdout-alias.dtb", "stdout-alias-plain.dtb",
	"stdout-legacy.dtb", "initrd64.dtb", "initrd-backwards.dtb", "bootargs-empty.dtb",
	"model.dtb", "no-model.dtb", "no-model-no-compatible.dtb", "chosen-at-0.dtb",
	"no-chosen.dtb",
};

static void test_verify_good(void **state)
{
	for (size_t i = 0; i < ARRAY_SIZE(all_fixtures); i++)
		use(all_fixtures[i]);
}

/* A copy of virt.dtb in an exact-size buffer, to damage. */
static void *damaged_copy(size_t *size)
{
	return read_fixture("virt.dtb", size);
}

static void set_be32(void *fdt, size_t off, uint32_t v)
{
	uint32_t be = cpu_to_fdt32(v);

	memcpy((char *)fdt + off, &be, 4);
}

static void test_verify_bad_magic(void **state)
{
	size_t size;
	void *fdt = damaged_copy(&size);

	use("virt.dtb");
	((unsigned char *)fdt)[0] ^= 0xff;
	assert_int_equal(early_init_dt_verify(fdt, size), -FDT_ERR_BADMAGIC);
	assert_ptr_equal(initial_boot_params, blob);	/* the good one is kept */
	assert_string_equal(fdt_error_name(-FDT_ERR_BADMAGIC), "FDT_ERR_BADMAGIC");
	assert_non_null(strstr(fdt_error_words(-FDT_ERR_BADMAGIC), "0xd00dfeed"));

	/* all zeroes: no device tree at all */
	memset(fdt, 0, size);
	assert_int_equal(early_init_dt_verify(fdt, size), -FDT_ERR_BADMAGIC);
	free(fdt);
}

static void test_verify_truncated(void **state)
{
	size_t size;
	void *full = damaged_copy(&size);
	void *cut;

	/* the size we are told is smaller than the header's totalsize */
	assert_int_equal(early_init_dt_verify(full, size - 1), -FDT_ERR_TRUNCATED);
	assert_int_equal(early_init_dt_verify(full, 20), -FDT_ERR_TRUNCATED);

	/* really cut short: only the first half is there (ASan watches) */
	cut = malloc(size / 2);
	assert_non_null(cut);
	memcpy(cut, full, size / 2);
	assert_int_equal(early_init_dt_verify(cut, size / 2), -FDT_ERR_TRUNCATED);
	free(cut);

	/* totalsize claims more than the buffer holds */
	set_be32(full, 4, size + 4096);
	assert_int_equal(early_init_dt_verify(full, size), -FDT_ERR_TRUNCATED);
	assert_string_equal(fdt_error_name(-FDT_ERR_TRUNCATED), "FDT_ERR_TRUNCATED");
	free(full);
}

static void test_verify_bad_structure(void **state)
{
	size_t size;
	void *fdt = damaged_copy(&size);
	uint32_t struct_off = fdt_off_dt_struct(fdt);
	uint32_t struct_size = fdt_size_dt_struct(fdt);

	/* garbage where the root node's FDT_BEGIN_NODE tag is */
	set_be32(fdt, struct_off, 0xdeadbeef);
	assert_int_equal(early_init_dt_verify(fdt, size), -FDT_ERR_BADSTRUCTURE);
	free(fdt);

	/* the root's FDT_END_NODE made a NOP: nesting never closes */
	fdt = damaged_copy(&size);
	assert_int_equal(fdt32_to_cpu(*(fdt32_t *)((char *)fdt + struct_off + struct_size - 4)),
			 FDT_END);
	assert_int_equal(fdt32_to_cpu(*(fdt32_t *)((char *)fdt + struct_off + struct_size - 8)),
			 FDT_END_NODE);
	set_be32(fdt, struct_off + struct_size - 8, FDT_NOP);
	assert_int_equal(early_init_dt_verify(fdt, size), -FDT_ERR_BADSTRUCTURE);
	assert_string_equal(fdt_error_name(-FDT_ERR_BADSTRUCTURE), "FDT_ERR_BADSTRUCTURE");
	free(fdt);

	/* an unsupported version */
	fdt = damaged_copy(&size);
	set_be32(fdt, 20, 1);		/* version */
	set_be32(fdt, 24, 1);		/* last_comp_version */
	assert_int_equal(early_init_dt_verify(fdt, size), -FDT_ERR_BADVERSION);
	free(fdt);
}

static void test_error_names(void **state)
{
	/* the names are libfdt's own (fdt_strerror), both signs accepted */
	for (int err = 1; err <= FDT_ERR_BADFLAGS; err++) {
		const char *words = fdt_error_words(-err);

		assert_string_equal(fdt_error_name(-err), fdt_strerror(-err));
		assert_string_equal(fdt_error_name(err), fdt_strerror(-err));
		assert_true(strlen(words) > 3);
		assert_string_not_equal(words, "unknown libfdt error");
	}
	/* newer than the host's fdt_strerror table */
	assert_string_equal(fdt_error_name(-FDT_ERR_ALIGNMENT), "FDT_ERR_ALIGNMENT");
	assert_non_null(strstr(fdt_error_words(-FDT_ERR_ALIGNMENT), "aligned"));
	/* not an error libfdt has */
	assert_string_equal(fdt_error_name(-(FDT_ERR_MAX + 1)), "FDT_ERR_UNKNOWN");
	assert_string_equal(fdt_error_words(-(FDT_ERR_MAX + 1)), "unknown libfdt error");
	assert_string_equal(fdt_error_name(0), "FDT_ERR_UNKNOWN");
}

/* --- the machine, /chosen ------------------------------------------------------ */

static void test_machine_name(void **state)
{
	use("virt.dtb");
	assert_string_equal(of_flat_dt_get_machine_name(), "linux,dummy-virt");
	use("model.dtb");
	assert_string_equal(of_flat_dt_get_machine_name(), "headstart test board");
	use("no-model.dtb");		/* the first compatible string */
	assert_string_equal(of_flat_dt_get_machine_name(), "acme,board");
	use("no-model-no-compatible.dtb");
	assert_string_equal(of_flat_dt_get_machine_name(), "<unknown>");
}

static void test_bootargs(void **state)
{
	char cmdline[COMMAND_LINE_SIZE];

	use("virt-kernel.dtb");
	early_init_dt_scan_chosen(cmdline, sizeof(cmdline));
	assert_string_equal(cmdline, BOOTARGS);

	use("chosen-at-0.dtb");
	early_init_dt_scan_chosen(cmdline, sizeof(cmdline));
	assert_string_equal(cmdline, "from=chosen@0");

	/* cut to the buffer, always terminated */
	use("virt-kernel.dtb");
	memset(cmdline, 'x', sizeof(cmdline));
	early_init_dt_scan_chosen(cmdline, 8);
	assert_string_equal(cmdline, "console");
	assert_int_equal(cmdline[8], 'x');
}

static void test_bootargs_fallback(void **state)
{
	char cmdline[COMMAND_LINE_SIZE];

	/* no bootargs in /chosen: CONFIG_CMDLINE */
	use("virt.dtb");
	assert_true(fdt_getprop(blob, node("/chosen"), "bootargs", NULL) == NULL);
	early_init_dt_scan_chosen(cmdline, sizeof(cmdline));
	assert_string_equal(cmdline, CONFIG_CMDLINE);

	/* empty bootargs: the same */
	use("bootargs-empty.dtb");
	early_init_dt_scan_chosen(cmdline, sizeof(cmdline));
	assert_string_equal(cmdline, CONFIG_CMDLINE);

	/* no /chosen at all: the same, and no initrd */
	use("no-chosen.dtb");
	early_init_dt_scan_chosen(cmdline, sizeof(cmdline));
	assert_string_equal(cmdline, CONFIG_CMDLINE);
	assert_int_equal(phys_initrd_size, 0);
}

static void test_initrd(void **state)
{
	char cmdline[COMMAND_LINE_SIZE];
	const fdt32_t *prop;
	int len;

	/* placed by QEMU: check against the size we gave it */
	use("virt-kernel.dtb");
	early_init_dt_scan_chosen(cmdline, sizeof(cmdline));
	assert_int_equal(phys_initrd_size, INITRD_SIZE);
	assert_true(phys_initrd_start >= 0x40000000 &&
		    phys_initrd_start + phys_initrd_size <= 0x50000000);
	prop = fdt_getprop(blob, node("/chosen"), "linux,initrd-start", &len);
	assert_non_null(prop);
	assert_int_equal(len, 4);	/* QEMU wrote one cell */
	assert_int_equal(phys_initrd_start, fdt32_to_cpu(prop[0]));

	/* two cells, above 4 GiB */
	setup(NULL);
	use("initrd64.dtb");
	early_init_dt_scan_chosen(cmdline, sizeof(cmdline));
	assert_int_equal(phys_initrd_start, 0x100000000ULL);
	assert_int_equal(phys_initrd_size, 0x200000);

	/* end below start: no initrd */
	setup(NULL);
	use("initrd-backwards.dtb");
	early_init_dt_scan_chosen(cmdline, sizeof(cmdline));
	assert_int_equal(phys_initrd_start, 0);
	assert_int_equal(phys_initrd_size, 0);

	/* none at all */
	setup(NULL);
	use("virt.dtb");
	early_init_dt_scan_chosen(cmdline, sizeof(cmdline));
	assert_int_equal(phys_initrd_start, 0);
	assert_int_equal(phys_initrd_size, 0);
}

/* --- memory ------------------------------------------------------------------ */

static void test_memory_qemu(void **state)
{
	use("virt.dtb");
	assert_int_equal(early_init_dt_scan_memory(), 1);
	EXPECT(memory, R(0x40000000, 0x10000000, NONE));

	setup(NULL);
	use("virt-gicv3.dtb");
	assert_int_equal(early_init_dt_scan_memory(), 1);
	EXPECT(memory, R(0x40000000, 0x40000000, NONE));

	setup(NULL);
	use("virt-4g.dtb");		/* the size needs its high cell */
	assert_int_equal(early_init_dt_scan_memory(), 1);
	EXPECT(memory, R(0x40000000, 0x100000000ULL, NONE));
	assert_int_equal(memblock_end_of_DRAM(), 0x140000000ULL);
}

static void test_memory_two_nodes(void **state)
{
	/* QEMU's NUMA tree: two nodes, which touch, so memblock joins them */
	use("virt-numa.dtb");
	assert_int_equal(early_init_dt_scan_memory(), 2);
	EXPECT(memory, R(0x40000000, 0x20000000, NONE));
	assert_int_equal(memblock_phys_mem_size(), 0x20000000);
}

static void check_layout(const char *fixture, int high)
{
	setup(NULL);
	use(fixture);
	/* memory@40000000 (two entries), memory@60000000, [memory@100000000];
	 * memory@80000000 is disabled */
	assert_int_equal(early_init_dt_scan_memory(), high ? 4 : 3);
	if (high)
		EXPECT(memory, R(0x40000000, 0x8000000, NONE), R(0x50000000, 0x8000000, NONE),
		       R(0x60000000, 0x10000000, NONE), R(0x100000000ULL, 0x10000000, NONE));
	else
		EXPECT(memory, R(0x40000000, 0x8000000, NONE), R(0x50000000, 0x8000000, NONE),
		       R(0x60000000, 0x10000000, NONE));
}

static void test_memory_cells(void **state)
{
	check_layout("cells-1-1.dtb", 0);
	assert_int_equal(fdt_address_cells(blob, 0), 1);
	assert_int_equal(fdt_size_cells(blob, 0), 1);
	check_layout("cells-2-2.dtb", 1);
	assert_int_equal(fdt_address_cells(blob, 0), 2);
	assert_int_equal(fdt_size_cells(blob, 0), 2);
	check_layout("cells-2-1.dtb", 1);
	assert_int_equal(fdt_address_cells(blob, 0), 2);
	assert_int_equal(fdt_size_cells(blob, 0), 1);
}

static void test_memory_under_a_bus(void **state)
{
	/* /soc/memory@80000000 through /soc's ranges; /opaque has none */
	use("bus.dtb");
	assert_int_equal(early_init_dt_scan_memory(), 2);
	EXPECT(memory, R(0x40000000, 0x10000000, NONE), R(0x80000000, 0x1000000, NONE));
}

static void test_device_is_available(void **state)
{
	size_t size;
	void *fdt = read_fixture("virt.dtb", &size);
	static const struct {
		const char *status;
		bool available;
	} cases[] = {
		{ NULL, true }, { "okay", true }, { "ok", true },
		{ "disabled", false }, { "fail", false }, { "reserved", false },
	};
	int pl011;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		void *copy = malloc(size + 256);

		assert_non_null(copy);
		assert_int_equal(fdt_open_into(fdt, copy, size + 256), 0);
		pl011 = fdt_path_offset(copy, "/pl011@9000000");
		assert_true(pl011 > 0);
		if (cases[i].status)
			assert_int_equal(fdt_setprop_string(copy, pl011, "status",
							    cases[i].status), 0);
		assert_int_equal(early_init_dt_verify(copy, size + 256), 0);
		pl011 = fdt_path_offset(copy, "/pl011@9000000");
		if (of_fdt_device_is_available(pl011) != cases[i].available)
			fail_msg("status \"%s\": available = %d", cases[i].status ?: "(none)",
				 !cases[i].available);
		free(copy);
	}
	initial_boot_params = NULL;
	free(fdt);
}

/* --- reservations ------------------------------------------------------------- */

static void test_reserved(void **state)
{
	use("reserved.dtb");
	assert_int_equal(fdt_num_mem_rsv(blob), 2);
	assert_int_equal(early_init_dt_scan_memory(), 1);
	early_init_fdt_scan_reserved_mem();
	/* no-map firmware@4c000000: cut out of memory as a region of its
	 * own, flagged NOMAP, and not reserved; the disabled off@4e000000
	 * changes nothing */
	EXPECT(memory, R(0x40000000, 0x0c000000, NONE), R(0x4c000000, 0x200000, NOMAP),
	       R(0x4c200000, 0x13e00000, NONE));
	/* /memreserve/ 0x48000000 and 0x4f000000; buffer@4a000000; both
	 * entries of multi@4d000000; the size-only pool is ignored */
	EXPECT(reserved, R(0x48000000, 0x10000, NONE), R(0x4a000000, 0x400000, NONE),
	       R(0x4d000000, 0x1000, NONE), R(0x4d100000, 0x1000, NONE),
	       R(0x4f000000, 0x2000, NONE));
}

static void test_no_reservations(void **state)
{
	use("virt.dtb");
	early_init_dt_scan_memory();
	early_init_fdt_scan_reserved_mem();
	EXPECT(memory, R(0x40000000, 0x10000000, NONE));
	EXPECT_EMPTY(reserved);
}

/* --- stdout-path ---------------------------------------------------------------- */

static void check_stdout(const char *fixture, const char *options)
{
	const char *opts = "unset";
	phys_addr_t addr;
	u64 size;
	int off;

	use(fixture);
	off = of_stdout_node(&opts);
	if (off != node("/pl011@9000000"))
		fail_msg("%s: stdout node %d, expected the pl011's", fixture, off);
	assert_string_equal(opts, options);
	assert_int_equal(of_address_to_resource(off, 0, &addr, &size), 0);
	assert_int_equal(addr, 0x9000000);
	assert_int_equal(size, 0x1000);
}

static void test_stdout_path(void **state)
{
	const char *opts = "unset";

	check_stdout("virt.dtb", "");
	check_stdout("stdout-options.dtb", "115200n8");
	check_stdout("stdout-alias.dtb", "115200n8");
	check_stdout("stdout-alias-plain.dtb", "");
	check_stdout("stdout-legacy.dtb", "");
	check_stdout("cells-1-1.dtb", "");	/* reg in 1/1 cells */

	use("no-chosen.dtb");
	assert_true(of_stdout_node(&opts) < 0);
	assert_string_equal(opts, "");
}

/* --- reg translation --------------------------------------------------------------- */

static void check_reg(const char *path, int index, phys_addr_t want_addr, u64 want_size)
{
	phys_addr_t addr = 0;
	u64 size = 0;

	if (of_address_to_resource(node(path), index, &addr, &size))
		fail_msg("%s reg[%d]: not translated", path, index);
	if (addr != want_addr || size != want_size)
		fail_msg("%s reg[%d]: %#llx size %#llx, expected %#llx size %#llx", path,
			 index, addr, size, want_addr, want_size);
}

static void check_no_reg(const char *path, int index)
{
	phys_addr_t addr = 0;
	u64 size = 0;

	if (!of_address_to_resource(node(path), index, &addr, &size))
		fail_msg("%s reg[%d]: translated to %#llx, expected a failure", path, index,
			 addr);
}

static void test_translate(void **state)
{
	use("bus.dtb");
	/* first, second and third range of /soc */
	check_reg("/soc/uart@0", 0, 0x9000000, 0x1000);
	check_reg("/soc/dev@100010", 0, 0x20000010, 0x10);
	check_reg("/soc/memory@80000000", 0, 0x80000000, 0x1000000);
	/* two levels: /soc/sub@100000 -> /soc -> root */
	check_reg("/soc/sub@100000/leaf@8", 0, 0x20000008, 4);
	/* QEMU's own platform bus ranges */
	check_reg("/platform-bus@c000000/dev@1000", 0, 0xc001000, 0x100);
	/* root nodes: no translation; second entry of a reg */
	check_reg("/flash@0", 0, 0x0, 0x4000000);
	check_reg("/flash@0", 1, 0x4000000, 0x4000000);
	/* outside every range; a bus without ranges; no such entry */
	check_no_reg("/soc/outside@200000", 0);
	check_no_reg("/opaque/thing@5", 0);
	check_no_reg("/soc/uart@0", 1);
	check_no_reg("/flash@0", 2);
	check_no_reg("/chosen", 0);		/* no reg at all */
}

static void test_translate_empty_ranges(void **state)
{
	/* QEMU's GIC has "ranges;": its children are identity-mapped */
	use("virt.dtb");
	check_reg("/intc@8000000/v2m@8020000", 0, 0x8020000, 0x1000);
	check_reg("/intc@8000000", 1, 0x8010000, 0x10000);
	use("virt-gicv3.dtb");
	check_reg("/intc@8000000/its@8080000", 0, 0x8080000, 0x20000);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup(fn, setup)
	const struct CMUnitTest tests[] = {
		T(test_verify_good),
		T(test_verify_bad_magic),
		T(test_verify_truncated),
		T(test_verify_bad_structure),
		T(test_error_names),
		T(test_machine_name),
		T(test_bootargs),
		T(test_bootargs_fallback),
		T(test_initrd),
		T(test_memory_qemu),
		T(test_memory_two_nodes),
		T(test_memory_cells),
		T(test_memory_under_a_bus),
		T(test_device_is_available),
		T(test_reserved),
		T(test_no_reservations),
		T(test_stdout_path),
		T(test_translate),
		T(test_translate_empty_ranges),
	};

	return cmocka_run_group_tests_name("drivers/of/fdt.c", tests, NULL, teardown_group);
}
