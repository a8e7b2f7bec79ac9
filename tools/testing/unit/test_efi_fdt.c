// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_efi_fdt.c: host unit tests of the EFI stub's
 * device-tree writer, drivers/firmware/efi/libstub/fdt-rewrite.c.
 *
 * Input blobs are built here with the host's libfdt (a QEMU-virt-like tree:
 * /memory, /chosen with bootargs and stdout-path, a /memreserve/ entry, a
 * device node); the real fdt-rewrite.c copies them; libfdt reads the result
 * back: fdt_check_full() passes, /memory and the reservations are gone,
 * /chosen holds what the stub passes the kernel with the right sizes and
 * values, everything else is kept (bootargs and an initrd of the blob's
 * own too, when the stub has none). Bad blobs and short buffers fail
 * cleanly (every buffer is exactly sized, so an overrun is an ASan error).
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
#include "../../../drivers/firmware/efi/libstub/efistub.h"

#define CHECK(x) assert_int_equal((x), 0)

/*
 * A tree like QEMU virt's; chosen: 0 none, 1 with bootargs, 2 without;
 * dt_initrd: /chosen has linux,initrd-start/-end already.
 */
static void *make_tree(int chosen, bool dt_initrd)
{
	void *fdt = malloc(4096);
	int root, n;

	CHECK(fdt_create_empty_tree(fdt, 4096));
	CHECK(fdt_add_mem_rsv(fdt, 0x40000000, 0x1000));
	root = 0;
	CHECK(fdt_setprop_string(fdt, root, "model", "linux,dummy-virt"));
	CHECK(fdt_setprop_u32(fdt, root, "#address-cells", 2));
	CHECK(fdt_setprop_u32(fdt, root, "#size-cells", 2));
	n = fdt_add_subnode(fdt, root, "pl011@9000000");
	assert_true(n >= 0);
	CHECK(fdt_setprop_string(fdt, n, "compatible", "arm,pl011"));
	CHECK(fdt_setprop_u64(fdt, n, "reg", 0x9000000));
	n = fdt_add_subnode(fdt, root, "memory@40000000");
	assert_true(n >= 0);
	CHECK(fdt_setprop_u64(fdt, n, "reg", 0x40000000));
	CHECK(fdt_appendprop_u64(fdt, n, "reg", 0x10000000));
	CHECK(fdt_setprop_string(fdt, n, "device_type", "memory"));
	/* a second bank, and a node that only looks like memory by its name */
	n = fdt_add_subnode(fdt, root, "ram@80000000");
	assert_true(n >= 0);
	CHECK(fdt_setprop_string(fdt, n, "device_type", "memory"));
	n = fdt_add_subnode(fdt, n, "child");
	assert_true(n >= 0);
	n = fdt_add_subnode(fdt, root, "memory-controller");
	assert_true(n >= 0);
	CHECK(fdt_setprop_string(fdt, n, "device_type", "memory-controller"));
	if (chosen) {
		n = fdt_add_subnode(fdt, root, "chosen");
		assert_true(n >= 0);
		CHECK(fdt_setprop_string(fdt, n, "stdout-path", "/pl011@9000000"));
		if (chosen == 1)
			CHECK(fdt_setprop_string(fdt, n, "bootargs", "from the dtb"));
		if (dt_initrd) {
			CHECK(fdt_setprop_u64(fdt, n, "linux,initrd-start", 0x1111));
			CHECK(fdt_setprop_u64(fdt, n, "linux,initrd-end", 0x2222));
		}
		/* a subnode: the stub's properties must still come before it */
		n = fdt_add_subnode(fdt, n, "framebuffer@0");
		assert_true(n >= 0);
		CHECK(fdt_setprop_string(fdt, n, "status", "okay"));
	}
	CHECK(fdt_pack(fdt));
	return fdt;
}

static const struct efi_fdt_params full = {
	.bootargs = "console=ttyAMA0 earlycon",
	.initrd_start = 0x48000000, .initrd_end = 0x48123456,
	.system_table = 0x4fe00018,
	.mmap_start = 0x4c000000, .mmap_size = 0x1230, .mmap_desc_size = 48,
	.mmap_desc_ver = 1,
};

/* Rewrite into an exactly sized buffer; fails the test on error. */
static void *rewrite(const void *fdt, const struct efi_fdt_params *p,
		     struct efi_fdt_mmap_slots *slots)
{
	unsigned long size = efi_fdt_rewrite_size(fdt, p);
	void *out = malloc(size);

	assert_int_equal(efi_fdt_rewrite(fdt, out, size, p, slots), 0);
	assert_true(fdt_totalsize(out) <= size);
	assert_int_equal(fdt_check_full(out, fdt_totalsize(out)), 0);
	return out;
}

static uint64_t prop_u64(const void *fdt, const char *path, const char *name)
{
	int len, n = fdt_path_offset(fdt, path);
	const void *p;

	assert_true(n >= 0);
	p = fdt_getprop(fdt, n, name, &len);
	if (!p)
		fail_msg("%s has no %s", path, name);
	assert_int_equal(len, 8);
	return fdt64_ld(p);	/* only 4-byte aligned in the blob */
}

static uint32_t prop_u32(const void *fdt, const char *path, const char *name)
{
	int len, n = fdt_path_offset(fdt, path);
	const fdt32_t *p;

	assert_true(n >= 0);
	p = fdt_getprop(fdt, n, name, &len);
	if (!p)
		fail_msg("%s has no %s", path, name);
	assert_int_equal(len, 4);
	return fdt32_to_cpu(*p);
}

static const char *prop_str(const void *fdt, const char *path, const char *name)
{
	int n = fdt_path_offset(fdt, path);

	assert_true(n >= 0);
	return fdt_getprop(fdt, n, name, NULL);
}

static void check_uefi_props(const void *out, const struct efi_fdt_params *p)
{
	assert_int_equal(prop_u64(out, "/chosen", "linux,uefi-system-table"), p->system_table);
	assert_int_equal(prop_u64(out, "/chosen", "linux,uefi-mmap-start"), p->mmap_start);
	assert_int_equal(prop_u32(out, "/chosen", "linux,uefi-mmap-size"), p->mmap_size);
	assert_int_equal(prop_u32(out, "/chosen", "linux,uefi-mmap-desc-size"),
			 p->mmap_desc_size);
	assert_int_equal(prop_u32(out, "/chosen", "linux,uefi-mmap-desc-ver"),
			 p->mmap_desc_ver);
}

static void test_chosen_filled_memory_dropped(void **state)
{
	void *in = make_tree(1, false);
	struct efi_fdt_mmap_slots slots;
	void *out = rewrite(in, &full, &slots);

	assert_string_equal(prop_str(out, "/chosen", "bootargs"), full.bootargs);
	assert_int_equal(prop_u64(out, "/chosen", "linux,initrd-start"), full.initrd_start);
	assert_int_equal(prop_u64(out, "/chosen", "linux,initrd-end"), full.initrd_end);
	check_uefi_props(out, &full);
	/* what the stub does not own is kept */
	assert_string_equal(prop_str(out, "/chosen", "stdout-path"), "/pl011@9000000");
	assert_string_equal(prop_str(out, "/", "model"), "linux,dummy-virt");
	assert_string_equal(prop_str(out, "/pl011@9000000", "compatible"), "arm,pl011");
	assert_true(fdt_path_offset(out, "/memory-controller") >= 0);
	assert_string_equal(prop_str(out, "/chosen/framebuffer@0", "status"), "okay");
	/* RAM comes from the UEFI memory map: no memory nodes, no reservations */
	assert_int_equal(fdt_node_offset_by_prop_value(out, -1, "device_type", "memory", 7),
			 -FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(out, "/ram@80000000/child"), -FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_num_mem_rsv(out), 0);
	free(out);
	free(in);
}

static void test_chosen_created_when_missing(void **state)
{
	void *in = make_tree(0, false);
	struct efi_fdt_mmap_slots slots;
	void *out = rewrite(in, &full, &slots);

	assert_string_equal(prop_str(out, "/chosen", "bootargs"), full.bootargs);
	check_uefi_props(out, &full);
	free(out);
	free(in);
}

static void test_empty_cmdline_keeps_dtb_bootargs(void **state)
{
	struct efi_fdt_params p = full;
	struct efi_fdt_mmap_slots slots;
	void *in = make_tree(1, false), *out;

	p.bootargs = "";
	out = rewrite(in, &p, &slots);
	assert_string_equal(prop_str(out, "/chosen", "bootargs"), "from the dtb");
	free(out);
	free(in);
}

/* An initrd a loader put in the DT (GRUB 2.06) stays when the stub has none. */
static void test_no_initrd_keeps_dtb_initrd(void **state)
{
	struct efi_fdt_params p = full;
	struct efi_fdt_mmap_slots slots;
	void *in = make_tree(2, true), *out;

	p.initrd_start = p.initrd_end = 0;
	out = rewrite(in, &p, &slots);
	assert_int_equal(prop_u64(out, "/chosen", "linux,initrd-start"), 0x1111);
	assert_int_equal(prop_u64(out, "/chosen", "linux,initrd-end"), 0x2222);
	assert_string_equal(prop_str(out, "/chosen", "bootargs"), p.bootargs);
	check_uefi_props(out, &p);
	free(out);
	free(in);
}

/* ...and is replaced, not duplicated, when the stub loaded one. */
static void test_stub_initrd_replaces_dtb_initrd(void **state)
{
	struct efi_fdt_mmap_slots slots;
	void *in = make_tree(2, true), *out;
	int n, count = 0, off;

	out = rewrite(in, &full, &slots);
	assert_int_equal(prop_u64(out, "/chosen", "linux,initrd-start"), full.initrd_start);
	n = fdt_path_offset(out, "/chosen");
	fdt_for_each_property_offset(off, out, n) {
		const char *name;

		fdt_getprop_by_offset(out, off, &name, NULL);
		count += !strcmp(name, "linux,initrd-start");
	}
	assert_int_equal(count, 1);
	free(out);
	free(in);
}

/* The memory map is only known after the blob is written: the slots. */
static void test_mmap_slots_update_in_place(void **state)
{
	struct efi_fdt_params p = full, final = full;
	struct efi_fdt_mmap_slots slots;
	void *in = make_tree(1, false), *out;

	p.mmap_start = p.mmap_size = p.mmap_desc_size = p.mmap_desc_ver = 0;
	out = rewrite(in, &p, &slots);
	final.mmap_start = 0x123456789000ULL;
	final.mmap_size = 0x2a30;
	final.mmap_desc_size = 40;
	final.mmap_desc_ver = 1;
	efi_fdt_set_be64(slots.start, final.mmap_start);
	efi_fdt_set_be32(slots.size, final.mmap_size);
	efi_fdt_set_be32(slots.desc_size, final.mmap_desc_size);
	efi_fdt_set_be32(slots.desc_ver, final.mmap_desc_ver);
	assert_int_equal(fdt_check_full(out, fdt_totalsize(out)), 0);
	check_uefi_props(out, &final);
	free(out);
	free(in);
}

static void test_bad_blobs_are_refused(void **state)
{
	void *in = make_tree(1, false);
	unsigned long size = efi_fdt_rewrite_size(in, &full);
	struct efi_fdt_mmap_slots slots;
	void *out = malloc(size), *bad = malloc(fdt_totalsize(in));

	/* not an FDT */
	memcpy(bad, in, fdt_totalsize(in));
	((uint8_t *)bad)[0] ^= 0xff;
	assert_int_equal(efi_fdt_rewrite(bad, out, size, &full, &slots), -1);
	/* a structure block that ends before FDT_END */
	memcpy(bad, in, fdt_totalsize(in));
	fdt_set_size_dt_struct(bad, fdt_size_dt_struct(in) - 4);
	assert_int_equal(efi_fdt_rewrite(bad, out, size, &full, &slots), -1);
	/* a property name offset past the strings block */
	memcpy(bad, in, fdt_totalsize(in));
	fdt_set_size_dt_strings(bad, 1);
	assert_int_equal(efi_fdt_rewrite(bad, out, size, &full, &slots), -1);
	/* an output buffer too small: refused, nothing written past it */
	assert_int_equal(efi_fdt_rewrite(in, out, fdt_totalsize(in) / 2, &full, &slots), -1);
	free(bad);
	free(out);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chosen_filled_memory_dropped),
		cmocka_unit_test(test_chosen_created_when_missing),
		cmocka_unit_test(test_empty_cmdline_keeps_dtb_bootargs),
		cmocka_unit_test(test_no_initrd_keeps_dtb_initrd),
		cmocka_unit_test(test_stub_initrd_replaces_dtb_initrd),
		cmocka_unit_test(test_mmap_slots_update_in_place),
		cmocka_unit_test(test_bad_blobs_are_refused),
	};

	return cmocka_run_group_tests_name("EFI stub device tree (fdt-rewrite.c)", tests,
					   NULL, NULL);
}
