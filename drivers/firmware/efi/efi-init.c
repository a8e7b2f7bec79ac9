// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/firmware/efi/efi-init.c: the kernel's side of a UEFI boot.
 *
 * When the EFI stub started the kernel, /chosen holds linux,uefi-system-table
 * and linux,uefi-mmap-start/-size/-desc-size/-desc-ver (Linux's fdtparams.c
 * reads the same), and the stub dropped every /memory node: RAM comes from
 * the UEFI memory map. efi_init() reads the parameters and the system
 * table ("efi: EFI v2.70 by EDK II"); efi_memblock_init() (Linux's
 * reserve_regions()) gives memblock the map's RAM:
 *
 *   write-back memory of a type free after ExitBootServices() (loader and
 *   boot services code/data, conventional, ACPI reclaim)  -> usable RAM
 *   other write-back memory (runtime services code/data, reserved, ACPI NVS,
 *   persistent, unusable)                                 -> memblock, nomap
 *   ACPI reclaim                                          -> also reserved
 *   anything not write-back (MMIO)                        -> ignored
 *
 * and reserves the map itself; with efi=debug it first prints every
 * descriptor, in Linux's format. UEFI runtime services are not used: nothing
 * is ever called through the system table after boot (PSCI powers off).
 * See Documentation/arm64/uefi.rst.
 */
#define pr_fmt(fmt) "efi: " fmt

#include <linux/efi.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/fixmap.h>
#include <asm/memory.h>
#include <libfdt.h>

unsigned long efi_flags;

/* efi=debug (a comma-separated list, as Linux's; only debug is known here) */
static int __init parse_efi_cmdline(char *str)
{
	while (str && *str) {
		char *comma = strchr(str, ',');
		int len = comma ? comma - str : (int)strlen(str);

		if (len == 5 && !strncmp(str, "debug", 5))
			efi_flags |= 1UL << EFI_DBG;
		str = comma ? comma + 1 : NULL;
	}
	return 0;
}
early_param("efi", parse_efi_cmdline);

static struct efi_memory_map_data efi_mmap;

/* A /chosen property, 4 or 8 bytes big-endian; -1 when absent or odd. */
static int __init chosen_u64(int node, const char *name, u64 *val)
{
	int len;
	const void *prop = fdt_getprop(initial_boot_params, node, name, &len);

	if (!prop || (len != 4 && len != 8))
		return -1;
	*val = of_read_number(prop, len / 4);
	return 0;
}

/* Linux's efi_get_fdt_params(): the system table's address, 0 if not UEFI. */
static u64 __init efi_get_fdt_params(struct efi_memory_map_data *mm)
{
	static const char names[] = "linux,uefi-mmap-start\0linux,uefi-mmap-size\0"
				    "linux,uefi-mmap-desc-size\0linux,uefi-mmap-desc-ver";
	u64 systab, v[4];
	const char *name = names;
	int node = of_fdt_path_offset("/chosen");

	if (node < 0 || chosen_u64(node, "linux,uefi-system-table", &systab)) {
		pr_info("UEFI not found.\n");
		return 0;
	}
	for (int i = 0; i < 4; i++, name += strlen(name) + 1) {
		if (chosen_u64(node, name, &v[i])) {
			pr_err("Can't find property '%s' in DT!\n", name);
			return 0;
		}
	}
	mm->phys_map = v[0];
	mm->size = v[1];
	mm->desc_size = v[2];
	mm->desc_version = v[3];
	return systab;
}

/* The firmware vendor, UCS-2 in firmware memory, as ASCII. */
static void __init efi_vendor(u64 phys, char *buf, int len)
{
	const efi_char16_t *c16 = phys ? early_memremap_ro(phys, len * 2) : NULL;
	int i;

	for (i = 0; c16 && i < len - 1 && c16[i]; i++)
		buf[i] = c16[i] < 0x80 ? c16[i] : '?';
	if (!i) {
		strlcpy(buf, "unknown", len);
		return;
	}
	buf[i] = 0;
}

void __init efi_init(void)
{
	const efi_system_table_t *systab;
	u64 systab_phys;
	char vendor[100];

	systab_phys = efi_get_fdt_params(&efi_mmap);
	if (!systab_phys)
		return;
	if (efi_mmap.desc_size < sizeof(efi_memory_desc_t) || !efi_mmap.size ||
	    efi_mmap.size % efi_mmap.desc_size) {
		pr_err("Invalid EFI memory map: size %lu, descriptor size %lu; ignoring UEFI\n",
		       efi_mmap.size, efi_mmap.desc_size);
		return;
	}

	systab = early_memremap_ro(systab_phys, sizeof(*systab));
	if (!systab || systab->hdr.signature != EFI_SYSTEM_TABLE_SIGNATURE) {
		pr_err("System table signature incorrect!\n");
		return;
	}
	efi_vendor((unsigned long)systab->fw_vendor, vendor, sizeof(vendor));
	pr_info("EFI v%u.%.02u by %s\n", systab->hdr.revision >> 16,
		systab->hdr.revision & 0xffff, vendor);
	efi_flags |= 1UL << EFI_BOOT;
}

/* Linux's names, padded to 12 columns. */
static const char memory_type_name[][13] = {
	"Reserved", "Loader Code", "Loader Data", "Boot Code", "Boot Data",
	"Runtime Code", "Runtime Data", "Conventional", "Unusable", "ACPI Reclaim",
	"ACPI Mem NVS", "MMIO", "MMIO Port", "PAL Code", "Persistent",
};

/* "[Conventional|   |  |...|WB|WT|WC|UC]", Linux's efi_md_typeattr_format(). */
static char *__init efi_md_typeattr_format(char *buf, size_t size, const efi_memory_desc_t *md)
{
	u64 a = md->attribute;
	int n;

	if (md->type < ARRAY_SIZE(memory_type_name))
		n = snprintf(buf, size, "[%-12s", memory_type_name[md->type]);
	else
		n = snprintf(buf, size, "[type=%u", md->type);
	if (n >= (int)size)
		return buf;
	if (a & ~(EFI_MEMORY_UC | EFI_MEMORY_WC | EFI_MEMORY_WT | EFI_MEMORY_WB |
		  EFI_MEMORY_UCE | EFI_MEMORY_RO | EFI_MEMORY_WP | EFI_MEMORY_RP |
		  EFI_MEMORY_XP | EFI_MEMORY_NV | EFI_MEMORY_SP | EFI_MEMORY_CPU_CRYPTO |
		  EFI_MEMORY_MORE_RELIABLE | EFI_MEMORY_HOT_PLUGGABLE | EFI_MEMORY_RUNTIME))
		snprintf(buf + n, size - n, "|attr=0x%016llx]", a);
	else
		snprintf(buf + n, size - n,
			 "|%3s|%2s|%2s|%2s|%2s|%2s|%2s|%2s|%2s|%2s|%3s|%2s|%2s|%2s|%2s]",
			 a & EFI_MEMORY_RUNTIME ? "RUN" : "",
			 a & EFI_MEMORY_HOT_PLUGGABLE ? "HP" : "",
			 a & EFI_MEMORY_MORE_RELIABLE ? "MR" : "",
			 a & EFI_MEMORY_CPU_CRYPTO ? "CC" : "",
			 a & EFI_MEMORY_SP ? "SP" : "",
			 a & EFI_MEMORY_NV ? "NV" : "",
			 a & EFI_MEMORY_XP ? "XP" : "",
			 a & EFI_MEMORY_RP ? "RP" : "",
			 a & EFI_MEMORY_WP ? "WP" : "",
			 a & EFI_MEMORY_RO ? "RO" : "",
			 a & EFI_MEMORY_UCE ? "UCE" : "",
			 a & EFI_MEMORY_WB ? "WB" : "",
			 a & EFI_MEMORY_WT ? "WT" : "",
			 a & EFI_MEMORY_WC ? "WC" : "",
			 a & EFI_MEMORY_UC ? "UC" : "");
	return buf;
}

static bool __init is_usable_memory(const efi_memory_desc_t *md)
{
	switch (md->type) {
	case EFI_LOADER_CODE:
	case EFI_LOADER_DATA:
	case EFI_ACPI_RECLAIM_MEMORY:
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
	case EFI_CONVENTIONAL_MEMORY:
		return md->attribute & EFI_MEMORY_WB;
	default:
		return false;
	}
}

void __init efi_memblock_init(void)
{
	const u8 *map = early_memremap_ro(efi_mmap.phys_map, efi_mmap.size);

	if (!map)
		panic("efi: cannot map the %lu-byte UEFI memory map at %#llx\n",
		      efi_mmap.size, efi_mmap.phys_map);

	if (efi_enabled(EFI_DBG))
		pr_info("Processing EFI memory map:\n");
	/* Whatever came from /memory nodes: UEFI's map replaces it. */
	memblock_remove(0, ~(phys_addr_t)0);
	for (unsigned long off = 0; off < efi_mmap.size; off += efi_mmap.desc_size) {
		const efi_memory_desc_t *md = (const void *)(map + off);
		u64 size = md->num_pages << EFI_PAGE_SHIFT;

		if (efi_enabled(EFI_DBG)) {
			char buf[64];

			pr_info("  0x%012llx-0x%012llx %s\n", md->phys_addr,
				md->phys_addr + size - 1,
				efi_md_typeattr_format(buf, sizeof(buf), md));
		}

		if (!(md->attribute & EFI_MEMORY_WB) || !size)
			continue;
		memblock_add(md->phys_addr, size);
		if (!is_usable_memory(md))
			memblock_mark_nomap(md->phys_addr, size);
		if (md->type == EFI_ACPI_RECLAIM_MEMORY)
			memblock_reserve(md->phys_addr, size);
	}
	memblock_reserve(efi_mmap.phys_map & PAGE_MASK,
			 ALIGN(efi_mmap.size + (efi_mmap.phys_map & ~PAGE_MASK), PAGE_SIZE));
}
