// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/of/fdt.c: what the kernel learns from the flattened device tree,
 * through libfdt: the machine's model, /chosen (command line, console,
 * initrd), the RAM ranges of every memory node, and the reservations.
 * Called from setup_arch(); arch-independent, and built into the host unit
 * tests (tools/testing/unit) against QEMU's own device trees.
 */
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <libfdt.h>

void *initial_boot_params __ro_after_init;
phys_addr_t phys_initrd_start __ro_after_init;
phys_addr_t phys_initrd_size __ro_after_init;

static const struct {
	int err;
	const char *name;
	const char *words;
} fdt_errors[] = {
	{ FDT_ERR_NOTFOUND, "FDT_ERR_NOTFOUND", "node or property not found" },
	{ FDT_ERR_EXISTS, "FDT_ERR_EXISTS", "node or property already exists" },
	{ FDT_ERR_NOSPACE, "FDT_ERR_NOSPACE", "no space left in the blob" },
	{ FDT_ERR_BADOFFSET, "FDT_ERR_BADOFFSET", "offset out of range or not at a tag" },
	{ FDT_ERR_BADPATH, "FDT_ERR_BADPATH", "badly formatted path" },
	{ FDT_ERR_BADPHANDLE, "FDT_ERR_BADPHANDLE", "invalid phandle" },
	{ FDT_ERR_BADSTATE, "FDT_ERR_BADSTATE", "blob is still being built" },
	{ FDT_ERR_TRUNCATED, "FDT_ERR_TRUNCATED",
	  "blob is truncated: data runs past its end" },
	{ FDT_ERR_BADMAGIC, "FDT_ERR_BADMAGIC",
	  "no device tree here: the magic 0xd00dfeed is missing" },
	{ FDT_ERR_BADVERSION, "FDT_ERR_BADVERSION", "unsupported device tree version" },
	{ FDT_ERR_BADSTRUCTURE, "FDT_ERR_BADSTRUCTURE",
	  "corrupt structure block: bad tag or nesting" },
	{ FDT_ERR_BADLAYOUT, "FDT_ERR_BADLAYOUT", "blocks in an unsupported order" },
	{ FDT_ERR_INTERNAL, "FDT_ERR_INTERNAL", "libfdt internal error" },
	{ FDT_ERR_BADNCELLS, "FDT_ERR_BADNCELLS", "bad #address-cells or #size-cells" },
	{ FDT_ERR_BADVALUE, "FDT_ERR_BADVALUE", "property has an unexpected value" },
	{ FDT_ERR_BADOVERLAY, "FDT_ERR_BADOVERLAY", "bad overlay" },
	{ FDT_ERR_NOPHANDLES, "FDT_ERR_NOPHANDLES", "no phandles left" },
	{ FDT_ERR_BADFLAGS, "FDT_ERR_BADFLAGS", "bad flags" },
	{ FDT_ERR_ALIGNMENT, "FDT_ERR_ALIGNMENT",
	  "blob is not 8-byte aligned as the boot protocol requires" },
};

const char *fdt_error_name(int err)
{
	for (size_t i = 0; i < ARRAY_SIZE(fdt_errors); i++)
		if (fdt_errors[i].err == -err || fdt_errors[i].err == err)
			return fdt_errors[i].name;
	return "FDT_ERR_UNKNOWN";
}

const char *fdt_error_words(int err)
{
	for (size_t i = 0; i < ARRAY_SIZE(fdt_errors); i++)
		if (fdt_errors[i].err == -err || fdt_errors[i].err == err)
			return fdt_errors[i].words;
	return "unknown libfdt error";
}

int __init early_init_dt_verify(void *fdt, u32 size)
{
	int err = fdt_check_header(fdt);

	if (!err)
		err = fdt_check_full(fdt, size);
	if (!err)
		initial_boot_params = fdt;
	return err;
}

u64 of_read_number(const void *cells, int count)
{
	const fdt32_t *cell = cells;
	u64 v = 0;

	while (count--)
		v = (v << 32) | fdt32_to_cpu(*cell++);
	return v;
}

bool of_fdt_device_is_available(int node)
{
	const char *status = fdt_getprop(initial_boot_params, node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

const char *__init of_flat_dt_get_machine_name(void)
{
	const char *name = fdt_getprop(initial_boot_params, 0, "model", NULL);

	if (!name)	/* no model: the first compatible string, as Linux does */
		name = fdt_getprop(initial_boot_params, 0, "compatible", NULL);
	return name ? name : "<unknown>";
}

void __init early_init_dt_scan_chosen(char *cmdline, size_t len)
{
	const void *fdt = initial_boot_params;
	int node = fdt_path_offset(fdt, "/chosen");
	const char *args = NULL;
	const void *prop;
	int plen;

	if (node < 0)
		node = fdt_path_offset(fdt, "/chosen@0");
	if (node >= 0) {
		args = fdt_getprop(fdt, node, "bootargs", NULL);

		prop = fdt_getprop(fdt, node, "linux,initrd-start", &plen);
		if (prop) {
			u64 start = of_read_number(prop, plen / 4);

			prop = fdt_getprop(fdt, node, "linux,initrd-end", &plen);
			if (prop && of_read_number(prop, plen / 4) > start) {
				phys_initrd_start = start;
				phys_initrd_size = of_read_number(prop, plen / 4) - start;
			}
		}
	}
	if (!args || !args[0])
		args = CONFIG_CMDLINE;
	strlcpy(cmdline, args, len);
}

/* #address-cells / #size-cells of a node, for its children's reg. */
static int addr_cells(int node)
{
	int n = fdt_address_cells(initial_boot_params, node);

	return n < 0 ? 2 : n;
}

static int size_cells(int node)
{
	int n = fdt_size_cells(initial_boot_params, node);

	return n < 0 ? 1 : n;
}

/*
 * Translate addr, an address in the bus space of node `bus` (a parent),
 * up to the root through each level's `ranges`. An empty `ranges` is the
 * identity; no `ranges` at all means the bus is not memory mapped.
 */
static int translate_address(int bus, u64 *addr)
{
	const void *fdt = initial_boot_params;

	while (bus > 0) {
		int parent = fdt_parent_offset(fdt, bus);
		int ca = addr_cells(bus), pa = addr_cells(parent), cs = size_cells(bus);
		int entry = ca + pa + cs, len;
		const fdt32_t *ranges = fdt_getprop(fdt, bus, "ranges", &len);
		bool found = false;

		if (!ranges)
			return -1;
		for (int i = 0; len > 0 && i + entry <= len / 4; i += entry) {
			u64 child = of_read_number(ranges + i, ca);
			u64 parent_addr = of_read_number(ranges + i + ca, pa);
			u64 size = of_read_number(ranges + i + ca + pa, cs);

			if (*addr >= child && *addr - child < size) {
				*addr = *addr - child + parent_addr;
				found = true;
				break;
			}
		}
		if (len > 0 && !found)
			return -1;
		bus = parent;
	}
	return 0;
}

int of_address_to_resource(int node, int index, phys_addr_t *addr, u64 *size)
{
	const void *fdt = initial_boot_params;
	int parent = fdt_parent_offset(fdt, node);
	int ac = addr_cells(parent), sc = size_cells(parent), len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
	u64 a;

	if (!reg || (index + 1) * (ac + sc) * 4 > len)
		return -1;
	reg += index * (ac + sc);
	a = of_read_number(reg, ac);
	*size = of_read_number(reg + ac, sc);
	if (translate_address(parent, &a))
		return -1;
	*addr = a;
	return 0;
}

int __init early_init_dt_scan_memory(void)
{
	const void *fdt = initial_boot_params;
	int node, found = 0;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0; node = fdt_next_node(fdt, node, NULL)) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		phys_addr_t base;
		u64 size;

		if (!type || strcmp(type, "memory") || !of_fdt_device_is_available(node))
			continue;
		for (int i = 0; !of_address_to_resource(node, i, &base, &size); i++) {
			if (!size)
				continue;
			memblock_add(base, size);
			found++;
		}
	}
	return found;
}

void __init early_init_fdt_scan_reserved_mem(void)
{
	const void *fdt = initial_boot_params;
	int n = fdt_num_mem_rsv(fdt), node, child;

	for (int i = 0; i < n; i++) {	/* /memreserve/ entries */
		u64 base, size;

		if (!fdt_get_mem_rsv(fdt, i, &base, &size) && size)
			memblock_reserve(base, size);
	}

	node = fdt_path_offset(fdt, "/reserved-memory");
	if (node < 0)
		return;
	fdt_for_each_subnode(child, fdt, node) {
		phys_addr_t base;
		u64 size;
		bool nomap = fdt_getprop(fdt, child, "no-map", NULL) != NULL;

		if (!of_fdt_device_is_available(child))
			continue;
		for (int i = 0; !of_address_to_resource(child, i, &base, &size); i++) {
			/* As Linux: no-map is cut out of memory, not reserved. */
			if (nomap)
				memblock_mark_nomap(base, size);
			else
				memblock_reserve(base, size);
		}
	}
}

int of_stdout_node(const char **options)
{
	const void *fdt = initial_boot_params;
	int chosen = fdt_path_offset(fdt, "/chosen");
	const char *path, *colon;
	int len;

	*options = "";
	if (chosen < 0)
		return -1;
	path = fdt_getprop(fdt, chosen, "stdout-path", &len);
	if (!path)
		path = fdt_getprop(fdt, chosen, "linux,stdout-path", &len);
	if (!path)
		return -1;
	colon = strchr(path, ':');
	if (colon)
		*options = colon + 1;
	/* A path, or an alias (libfdt resolves names not starting with '/'). */
	return fdt_path_offset_namelen(fdt, path, colon ? colon - path : (int)strlen(path));
}
