/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/of_fdt.h: reading the flattened device tree with libfdt
 * (drivers/of/fdt.c): verifying the blob, /chosen, /memory, reservations,
 * and `reg` addresses translated to physical ones.
 */
#ifndef __LINUX_OF_FDT_H
#define __LINUX_OF_FDT_H

#include <linux/types.h>

#define COMMAND_LINE_SIZE 2048

/* The blob setup_arch() verified (a virtual address), or NULL. */
extern void *initial_boot_params;
extern phys_addr_t phys_initrd_start, phys_initrd_size;

/* libfdt's name for an error code (FDT_ERR_BADMAGIC...) and its meaning. */
const char *fdt_error_name(int err);
const char *fdt_error_words(int err);

/* Check the whole blob; 0 or a negative libfdt error. Keeps it if good. */
int early_init_dt_verify(void *fdt, u32 size);

const char *of_flat_dt_get_machine_name(void);
/* /chosen: bootargs into cmdline (CONFIG_CMDLINE if none), the initrd. */
void early_init_dt_scan_chosen(char *cmdline, size_t len);
/* Every `device_type = "memory"` node's reg ranges into memblock. */
int early_init_dt_scan_memory(void);
/* /memreserve/ entries and /reserved-memory into memblock. */
void early_init_fdt_scan_reserved_mem(void);

/* Big-endian cells to a number (1 or 2 cells). */
u64 of_read_number(const void *cells, int count);

/*
 * The index-th (address, size) of a node's reg, the address translated
 * through the parents' `ranges` to a CPU physical address.
 * 0, or -1 if there is no such entry or it cannot be translated.
 */
int of_address_to_resource(int node, int index, phys_addr_t *addr, u64 *size);

/*
 * The highest CPU address all DMA below node (0: the root) reaches, from
 * dma-ranges; PHYS_ADDR_MAX if nothing limits it. Sizes ZONE_DMA.
 */
phys_addr_t of_dma_get_max_cpu_address(int node);

/* The node /chosen/stdout-path names, and its options after ':' (or ""). */
int of_stdout_node(const char **options);
/* n of the /aliases serial<n> that names node, else 0 (ttyAMA<n>, ttyS<n>). */
int of_alias_serial_line(int node);

/*
 * Tree navigation, as libfdt's functions of the same shape but through the
 * node index built when the blob was verified (fast), or libfdt (no index):
 *   of_fdt_parent(node)                  fdt_parent_offset()
 *   of_fdt_path_offset(path)             fdt_path_offset() (aliases too)
 *   of_fdt_next_node(node)               fdt_next_node(); -1 starts
 *   of_fdt_next_compatible(node, compat) fdt_node_offset_by_compatible()
 *   of_fdt_next_child(parent, child)     first (child -1) or next subnode
 *   of_fdt_node_by_phandle(phandle)      fdt_node_offset_by_phandle()
 *   of_fdt_getprop(node, name, lenp)     fdt_getprop()
 */
int of_fdt_parent(int node);
int of_fdt_path_offset(const char *path);
int of_fdt_path_offset_namelen(const char *path, int len);
int of_fdt_next_node(int node);
int of_fdt_next_compatible(int node, const char *compatible);
int of_fdt_next_child(int parent, int child);
int of_fdt_node_by_phandle(u32 phandle);
/* fdt_getprop(initial_boot_params, node, name, lenp), read straight from an indexed node. */
const void *of_fdt_getprop(int node, const char *name, int *lenp);

#define of_fdt_for_each_child(child, parent)				\
	for (child = of_fdt_next_child(parent, -1); child >= 0;		\
	     child = of_fdt_next_child(parent, child))

/* True if node is enabled (no status, or "okay"/"ok"). */
bool of_fdt_device_is_available(int node);

#endif
