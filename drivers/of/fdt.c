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

/*
 * The node index: every node's offset and its parent's position, recorded
 * in the same pass that verifies the blob (of_fdt_scan_structure). libfdt answers "who is my parent"
 * and "where is /chosen" by walking the structure block from the start,
 * byte by byte through every name (about 150,000 instructions each on QEMU
 * virt's tree); with the index they cost a search of this table. A tree
 * with more nodes than fit, or nested too deep, gets no index and every
 * helper below falls back to plain libfdt.
 */
#define OF_FDT_MAX_NODES 1024
#define OF_FDT_MAX_DEPTH 32

static struct {
	int offset;		/* of the node in the structure block */
	int parent;		/* index of the parent, -1 for the root */
	u32 phandle;		/* its phandle (or linux,phandle), 0 if none */
} fdt_index[OF_FDT_MAX_NODES];
static int fdt_index_count;	/* 0: no index */

static void of_fdt_index_build(const void *fdt)
{
	int stack[OF_FDT_MAX_DEPTH], depth = 0, node, n = 0;

	fdt_index_count = 0;
	for (node = 0; node >= 0 && depth >= 0; node = fdt_next_node(fdt, node, &depth)) {
		if (n == OF_FDT_MAX_NODES || depth >= OF_FDT_MAX_DEPTH)
			return;		/* too big: stay with libfdt */
		stack[depth] = n;
		fdt_index[n].offset = node;
		fdt_index[n].parent = depth ? stack[depth - 1] : -1;
		n++;
	}
	fdt_index_count = n;
}

/* The index entry of a node offset (offsets increase along the table). */
static int index_of(int offset)
{
	int lo = 0, hi = fdt_index_count - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2;

		if (fdt_index[mid].offset == offset)
			return mid;
		if (fdt_index[mid].offset < offset)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/*
 * Indexed nodes were checked by of_fdt_scan_structure(), so their names
 * and properties can be read straight from the blob, without libfdt's
 * byte-at-a-time bounds checks.
 */
static const char *struct_block(void)
{
	return (const char *)initial_boot_params + fdt_off_dt_struct(initial_boot_params);
}

static const char *indexed_name(int node)
{
	return struct_block() + node + FDT_TAGSIZE;
}

const void *of_fdt_getprop(int node, const char *name, int *lenp)
{
	const void *fdt = initial_boot_params;
	const char *blk, *strs;
	unsigned long off;

	if (!fdt_index_count || index_of(node) < 0)
		return fdt_getprop(fdt, node, name, lenp);
	blk = struct_block();
	strs = (const char *)fdt + fdt_off_dt_strings(fdt);
	off = ALIGN(node + FDT_TAGSIZE + strlen(blk + node + FDT_TAGSIZE) + 1, FDT_TAGSIZE);
	for (;;) {
		u32 tag = fdt32_ld((const fdt32_t *)(blk + off)), len;

		if (tag == FDT_NOP) {
			off += FDT_TAGSIZE;
			continue;
		}
		if (tag != FDT_PROP)	/* a child or the node's end: not there */
			break;
		len = fdt32_ld((const fdt32_t *)(blk + off + FDT_TAGSIZE));
		if (!strcmp(strs + fdt32_ld((const fdt32_t *)(blk + off + 2 * FDT_TAGSIZE)), name)) {
			if (lenp)
				*lenp = len;
			return blk + off + 3 * FDT_TAGSIZE;
		}
		off = ALIGN(off + 3 * FDT_TAGSIZE + len, FDT_TAGSIZE);
	}
	if (lenp)
		*lenp = -FDT_ERR_NOTFOUND;
	return NULL;
}

/* fdt_node_check_compatible(), through of_fdt_getprop(). */
static bool is_compatible(int node, const char *compatible)
{
	int len;
	const char *p = of_fdt_getprop(node, "compatible", &len);

	return p && fdt_stringlist_contains(p, len, compatible);
}

int of_fdt_parent(int node)
{
	int i = index_of(node);

	if (i < 0)
		return fdt_parent_offset(initial_boot_params, node);
	return i == 0 ? -FDT_ERR_NOTFOUND : fdt_index[fdt_index[i].parent].offset;
}

/* The child of the node at index `parent` named name[0..len) ("name" matches "name@unit"). */
static int index_child(int parent, const char *name, int len)
{
	for (int i = parent + 1; i < fdt_index_count; i++) {
		const char *n;

		if (fdt_index[i].parent != parent)
			continue;
		n = indexed_name(fdt_index[i].offset);
		if (!strncmp(n, name, len) && (!n[len] || (n[len] == '@' && !memchr(name, '@', len))))
			return i;
	}
	return -1;
}

int of_fdt_path_offset_namelen(const char *path, int len)
{
	const void *fdt = initial_boot_params;
	int i = 0, end = 0;

	if (!fdt_index_count || !len || path[0] != '/')	/* no index, or an alias */
		return fdt_path_offset_namelen(fdt, path, len);
	for (int start = 1; start < len; start = end + 1) {
		for (end = start; end < len && path[end] != '/'; end++)
			;
		if (end == start)	/* "//" or a trailing '/' */
			continue;
		i = index_child(i, path + start, end - start);
		if (i < 0)
			return -FDT_ERR_NOTFOUND;
	}
	return fdt_index[i].offset;
}

int of_fdt_path_offset(const char *path)
{
	return of_fdt_path_offset_namelen(path, strlen(path));
}

int of_fdt_next_node(int node)
{
	int i;

	if (!fdt_index_count)
		return fdt_next_node(initial_boot_params, node, NULL);
	if (node < 0)		/* as fdt_next_node(): -1 gives the root */
		return fdt_index[0].offset;
	i = index_of(node);
	if (i < 0 || i + 1 == fdt_index_count)
		return -FDT_ERR_NOTFOUND;
	return fdt_index[i + 1].offset;
}

int of_fdt_next_compatible(int node, const char *compatible)
{
	while ((node = of_fdt_next_node(node)) >= 0)
		if (is_compatible(node, compatible))
			return node;
	return node;
}

int of_fdt_node_by_phandle(u32 phandle)
{
	if (!fdt_index_count || phandle == 0 || phandle == (u32)-1)
		return fdt_node_offset_by_phandle(initial_boot_params, phandle);
	for (int i = 0; i < fdt_index_count; i++)	/* the phandle cache */
		if (fdt_index[i].phandle == phandle)
			return fdt_index[i].offset;
	return -FDT_ERR_NOTFOUND;
}

int of_fdt_next_child(int parent, int child)
{
	int p, i;

	if (!fdt_index_count)
		return child < 0 ? fdt_first_subnode(initial_boot_params, parent)
				 : fdt_next_subnode(initial_boot_params, child);
	p = index_of(parent);
	i = child < 0 ? p : index_of(child);
	if (p < 0 || i < 0)
		return -FDT_ERR_NOTFOUND;
	for (i++; i < fdt_index_count; i++)
		if (fdt_index[i].parent == p)
			return fdt_index[i].offset;
	return -FDT_ERR_NOTFOUND;
}

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

/* Records node `offset` at `depth` in the index, or gives the index up. */
static bool index_add(int *stack, int offset, int depth)
{
	int n = fdt_index_count;

	if (n == OF_FDT_MAX_NODES || depth >= OF_FDT_MAX_DEPTH)
		return false;
	stack[depth] = n;
	fdt_index[n].offset = offset;
	fdt_index[n].parent = depth ? stack[depth - 1] : -1;
	fdt_index[n].phandle = 0;
	fdt_index_count = n + 1;
	return true;
}

/*
 * One walk of the structure block (version 17 blobs, what every loader
 * passes) that checks what libfdt's fdt_check_full() checks, with the
 * same error for each fault, and builds the node index on the way.
 * libfdt would take two walks, each reading every node name through
 * fdt_offset_ptr() one byte at a time: about 1.7 million instructions
 * on QEMU virt's tree, against some 30,000 here. fdt_check_header() has
 * already put both blocks inside totalsize.
 */
static int __init of_fdt_scan_structure(const void *fdt)
{
	const char *blk = (const char *)fdt + fdt_off_dt_struct(fdt);
	const char *strs = (const char *)fdt + fdt_off_dt_strings(fdt);
	u32 size = fdt_size_dt_struct(fdt), strs_size = fdt_size_dt_strings(fdt);
	int stack[OF_FDT_MAX_DEPTH], depth = 0;
	bool indexing = true, expect_end = false;
	unsigned long off = 0;	/* wide: aligning it cannot wrap */

	fdt_index_count = 0;
	for (;;) {
		unsigned long at = off;
		u32 tag;

		if (size - off < FDT_TAGSIZE || off > size)
			goto truncated;
		tag = fdt32_ld((const fdt32_t *)(blk + off));
		off += FDT_TAGSIZE;
		if (expect_end && tag != FDT_END)	/* a second root */
			goto bad;
		switch (tag) {
		case FDT_BEGIN_NODE: {
			const char *name = blk + off, *nul = memchr(name, '\0', size - off);

			if (!nul)
				goto truncated;
			if (!depth && nul != name)	/* the root's name is empty */
				goto bad;
			if (indexing)
				indexing = index_add(stack, at, depth);
			depth++;
			off = ALIGN(off + (nul - name) + 1, FDT_TAGSIZE);
			break;
		}
		case FDT_END_NODE:
			if (!depth)
				goto bad;
			if (!--depth)
				expect_end = true;
			break;
		case FDT_PROP: {
			u32 len, nameoff;

			if (size - off < 2 * FDT_TAGSIZE)
				goto truncated;
			len = fdt32_ld((const fdt32_t *)(blk + off));
			nameoff = fdt32_ld((const fdt32_t *)(blk + off + FDT_TAGSIZE));
			off += 2 * FDT_TAGSIZE;
			if (len > size - off)
				goto truncated;
			if (nameoff >= strs_size)
				return -FDT_ERR_BADOFFSET;
			if (!memchr(strs + nameoff, '\0', strs_size - nameoff))
				goto truncated;
			/* The phandle cache: "phandle" wins over the old "linux,phandle". */
			if (indexing && depth && len == sizeof(fdt32_t) &&
			    (!strcmp(strs + nameoff, "phandle") ||
			     (!strcmp(strs + nameoff, "linux,phandle") &&
			      !fdt_index[stack[depth - 1]].phandle)))
				fdt_index[stack[depth - 1]].phandle = fdt32_ld((const fdt32_t *)(blk + off));
			off = ALIGN(off + len, FDT_TAGSIZE);
			break;
		}
		case FDT_NOP:
			break;
		case FDT_END:
			if (depth)
				goto bad;
			if (!indexing)
				fdt_index_count = 0;	/* too big: plain libfdt */
			return 0;
		default:
			goto bad;
		}
	}
truncated:
	fdt_index_count = 0;
	return -FDT_ERR_TRUNCATED;
bad:
	fdt_index_count = 0;
	return -FDT_ERR_BADSTRUCTURE;
}

int __init early_init_dt_verify(void *fdt, u32 size)
{
	int err = fdt_check_header(fdt);

	if (err)
		return err;
	/* Then fdt_check_full's checks, so each fault gets libfdt's error. */
	if (size < FDT_V1_SIZE || size < fdt_header_size(fdt) || size < fdt_totalsize(fdt))
		return -FDT_ERR_TRUNCATED;
	if (fdt_num_mem_rsv(fdt) < 0)
		return fdt_num_mem_rsv(fdt);
	if (fdt_version(fdt) >= 17) {
		err = of_fdt_scan_structure(fdt);
	} else {		/* no size_dt_struct: libfdt's own walks */
		err = fdt_check_full(fdt, size);
		if (!err)
			of_fdt_index_build(fdt);
	}
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
	const char *status = of_fdt_getprop(node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

const char *__init of_flat_dt_get_machine_name(void)
{
	const char *name = of_fdt_getprop(0, "model", NULL);

	if (!name)	/* no model: the first compatible string, as Linux does */
		name = of_fdt_getprop(0, "compatible", NULL);
	return name ? name : "<unknown>";
}

void __init early_init_dt_scan_chosen(char *cmdline, size_t len)
{
	int node = of_fdt_path_offset("/chosen");
	const char *args = NULL;
	const void *prop;
	int plen;

	if (node < 0)
		node = of_fdt_path_offset("/chosen@0");
	if (node >= 0) {
		args = of_fdt_getprop(node, "bootargs", NULL);

		prop = of_fdt_getprop(node, "linux,initrd-start", &plen);
		if (prop) {
			u64 start = of_read_number(prop, plen / 4);

			prop = of_fdt_getprop(node, "linux,initrd-end", &plen);
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
	int len;
	const fdt32_t *p = of_fdt_getprop(node, "#address-cells", &len);

	/* fdt_address_cells(), with its errors as the default */
	if (!p || len != sizeof(*p) || fdt32_to_cpu(*p) > FDT_MAX_NCELLS)
		return 2;
	return fdt32_to_cpu(*p);
}

static int size_cells(int node)
{
	int len;
	const fdt32_t *p = of_fdt_getprop(node, "#size-cells", &len);

	if (!p || len != sizeof(*p) || fdt32_to_cpu(*p) > FDT_MAX_NCELLS)
		return 1;
	return fdt32_to_cpu(*p);
}

/*
 * Translate addr, an address in the bus space of node `bus` (a parent),
 * up to the root through each level's `ranges`. An empty `ranges` is the
 * identity; no `ranges` at all means the bus is not memory mapped.
 */
static int translate_address(int bus, u64 *addr)
{

	while (bus > 0) {
		int parent = of_fdt_parent(bus);
		int ca = addr_cells(bus), pa = addr_cells(parent), cs = size_cells(bus);
		int entry = ca + pa + cs, len;
		const fdt32_t *ranges = of_fdt_getprop(bus, "ranges", &len);
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
	int parent = of_fdt_parent(node);
	int ac = addr_cells(parent), sc = size_cells(parent), len;
	const fdt32_t *reg = of_fdt_getprop(node, "reg", &len);
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

/*
 * Every RAM range of every available memory node into memblock. Ranges
 * memblock has no room for are counted and reported, not dropped silently.
 */
/*
 * The highest CPU address every device below `node` can reach by DMA:
 * the lowest, over every available node with dma-ranges, of the end of
 * its widest range (Linux's of_dma_get_max_cpu_address). An entry is
 * <child-address parent-address size> in the node's #address-cells, the
 * parent's #address-cells and the node's #size-cells; the parent address
 * is taken to the CPU through the ancestors' ranges (Linux walks their
 * dma-ranges: the same for a bus right under the root).
 * PHYS_ADDR_MAX when nothing limits DMA.
 */
phys_addr_t __init of_dma_get_max_cpu_address(int node)
{
	phys_addr_t max_cpu_addr = PHYS_ADDR_MAX;
	int len, child;
	const fdt32_t *ranges = of_fdt_getprop(node, "dma-ranges", &len);

	if (ranges && len > 0) {
		int parent = node ? of_fdt_parent(node) : node;	/* the root is its own */
		int na = addr_cells(node), pna = addr_cells(parent), ns = size_cells(node);
		int entry = na + pna + ns;
		u64 cpu_end = 0;

		for (int i = 0; entry && i + entry <= len / 4; i += entry) {
			u64 cpu = of_read_number(ranges + i + na, pna);
			u64 size = of_read_number(ranges + i + na + pna, ns);

			if (!size || (node && translate_address(parent, &cpu)))
				continue;
			if (cpu + size - 1 > cpu_end)
				cpu_end = cpu + size - 1;
		}
		if (cpu_end && cpu_end < max_cpu_addr)
			max_cpu_addr = cpu_end;
	}
	of_fdt_for_each_child(child, node) {
		phys_addr_t sub;

		if (!of_fdt_device_is_available(child))
			continue;
		sub = of_dma_get_max_cpu_address(child);
		if (sub < max_cpu_addr)
			max_cpu_addr = sub;
	}
	return max_cpu_addr;
}

int __init early_init_dt_scan_memory(void)
{
	int node, found = 0, dropped = 0;
	phys_addr_t first_base = 0;
	u64 first_size = 0;

	for (node = of_fdt_next_node(-1); node >= 0; node = of_fdt_next_node(node)) {
		const char *type = of_fdt_getprop(node, "device_type", NULL);
		phys_addr_t base;
		u64 size;

		if (!type || strcmp(type, "memory") || !of_fdt_device_is_available(node))
			continue;
		for (int i = 0; !of_address_to_resource(node, i, &base, &size); i++) {
			if (!size)
				continue;
			if (memblock_add(base, size)) {
				if (!dropped++) {
					first_base = base;
					first_size = size;
				}
				continue;
			}
			found++;
		}
	}
	if (dropped)
		pr_err("OF: fdt: too many memory ranges: %d ignored, from [mem %#018llx-%#018llx] "
		       "(memblock holds %lu)\n", dropped, first_base, first_base + first_size - 1,
		       memblock.memory.max);
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

	node = of_fdt_path_offset("/reserved-memory");
	if (node < 0)
		return;
	of_fdt_for_each_child(child, node) {
		phys_addr_t base;
		u64 size;
		bool nomap = of_fdt_getprop(child, "no-map", NULL) != NULL;

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
	int chosen = of_fdt_path_offset("/chosen");
	const char *path, *colon;
	int len;

	*options = "";
	if (chosen < 0)
		return -1;
	path = of_fdt_getprop(chosen, "stdout-path", &len);
	if (!path)
		path = of_fdt_getprop(chosen, "linux,stdout-path", &len);
	if (!path)
		return -1;
	colon = strchr(path, ':');
	if (colon)
		*options = colon + 1;
	/* A path, or an alias (libfdt resolves names not starting with '/'). */
	return of_fdt_path_offset_namelen(path, colon ? colon - path : (int)strlen(path));
}

int of_alias_serial_line(int node)
{
	const void *fdt = initial_boot_params;
	int aliases = of_fdt_path_offset("/aliases"), off, len;
	char path[128];

	if (aliases < 0 || fdt_get_path(fdt, node, path, sizeof(path)))
		return 0;
	fdt_for_each_property_offset(off, fdt, aliases) {
		const char *name;
		const char *val = fdt_getprop_by_offset(fdt, off, &name, &len);

		if (val && !strncmp(name, "serial", 6) && !strcmp(val, path))
			return simple_strtoull(name + 6, NULL, 10);
	}
	return 0;
}
