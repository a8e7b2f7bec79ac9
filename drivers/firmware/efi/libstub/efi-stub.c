// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/firmware/efi/libstub/efi-stub.c: efi_pe_entry, where UEFI firmware
 * (EDK2, U-Boot's bootefi, GRUB's chainloading) starts the Image as an EFI
 * application: the PE/COFF header's AddressOfEntryPoint (efi-header.S).
 *
 *   1. the loaded image protocol: the command line (LoadOptions), the device
 *      the Image came from;
 *   2. a 2 MiB-aligned place for the kernel (arm64-stub.c);
 *   3. the device tree: dtb= on the command line, else the configuration
 *      table's DEVICE_TREE_GUID entry; none is an error (no ACPI here);
 *   4. the initrd (file.c);
 *   5. the kernel's device tree, the memory map, ExitBootServices() (fdt.c);
 *   6. efi_enter_kernel (arch/arm64/kernel/efi-entry.S): primary_entry.
 *
 * With efi=debug on the command line the stub also says where it runs and
 * where the kernel will (for gdb, see Documentation/arm64/uefi.rst).
 *
 * Any failure before 6 prints an error and returns its EFI status to the
 * firmware, which then shows its boot menu or tries the next boot option.
 */
#include <linux/string.h>
#include <asm/sections.h>
#include "efistub.h"

extern char primary_entry[];	/* head.S */

static void *get_efi_config_table(efi_guid_t guid)
{
	for (unsigned long i = 0; i < efi_system_table->nr_tables; i++)
		if (!memcmp(&efi_system_table->tables[i].guid, &guid, sizeof(guid)))
			return efi_system_table->tables[i].table;
	return NULL;
}

/* efi=debug, as Linux's stub reads it: a comma-separated list of flags. */
static bool efi_debug_enabled(const char *cmdline)
{
	char val[64];
	int n = efi_cmdline_option(cmdline, "efi", val, sizeof(val));

	for (int i = 0; i + 5 <= n; i++)
		if ((i == 0 || val[i - 1] == ',') && !strncmp(val + i, "debug", 5) &&
		    (val[i + 5] == ',' || !val[i + 5]))
			return true;
	return false;
}

efi_status_t efi_pe_entry(efi_handle_t handle, efi_system_table_t *systab)
{
	efi_guid_t loaded_image_proto = LOADED_IMAGE_PROTOCOL_GUID;
	unsigned long image_addr, fdt_addr, fdt_size, initrd_addr, initrd_size, new_fdt;
	efi_loaded_image_t *image;
	efi_status_t status;
	char *cmdline;

	if (!systab || systab->hdr.signature != EFI_SYSTEM_TABLE_SIGNATURE)
		return EFI_INVALID_PARAMETER;
	efi_system_table = systab;

	status = efi_bs_call(handle_protocol, handle, &loaded_image_proto, (void **)&image);
	if (status != EFI_SUCCESS) {
		efi_err_status("Failed to get loaded image protocol", status);
		return status;
	}

	efi_info("Booting Linux Kernel...\n");

	cmdline = efi_convert_cmdline(image);
	if (!cmdline) {
		efi_err("getting command line via LOADED_IMAGE_PROTOCOL\n");
		return EFI_OUT_OF_RESOURCES;
	}

	status = handle_kernel_image(&image_addr, image);
	if (status != EFI_SUCCESS)
		return status;
	if (efi_debug_enabled(cmdline)) {
		/* where to break in a debugger: Documentation/arm64/uefi.rst */
		efi_info_hex("Image loaded at ", (unsigned long)_text);
		efi_info_hex("efi_pe_entry at ", (unsigned long)efi_pe_entry);
		efi_info_hex("Kernel placed at ", image_addr);
		efi_info_hex("primary_entry at ", image_addr + (primary_entry - _text));
	}

	status = efi_load_file_option(image, cmdline, "dtb", &fdt_addr, &fdt_size);
	if (status != EFI_SUCCESS) {
		efi_err_status("Failed to load device tree named by dtb=", status);
		return status;
	}
	if (fdt_size) {
		efi_info("Using DTB from command line\n");
	} else {
		fdt_addr = (unsigned long)get_efi_config_table(DEVICE_TREE_GUID);
		if (!fdt_addr) {
			efi_err("No device tree: none in the configuration table (DEVICE_TREE_GUID) and no dtb= given\n");
			return EFI_NOT_FOUND;
		}
		efi_info("Using DTB from configuration table\n");
	}

	status = efi_load_initrd(image, cmdline, &initrd_addr, &initrd_size);
	if (status != EFI_SUCCESS)
		return status;

	status = allocate_new_fdt_and_exit_boot(handle, fdt_addr, cmdline, initrd_addr,
						initrd_size, &new_fdt);
	if (status != EFI_SUCCESS)
		return status;

	efi_enter_kernel(image_addr, new_fdt);
}
