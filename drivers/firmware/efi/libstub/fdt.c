// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/firmware/efi/libstub/fdt.c: the EFI stub's last steps with the
 * firmware. Write the kernel's device tree (fdt-rewrite.c) with the memory
 * map still unknown, read the final memory map, ExitBootServices() with
 * its key, read the map again and retry once if the key went stale (as
 * the UEFI spec allows), then put the map's address and sizes into /chosen.
 * After ExitBootServices() the stub must not call the firmware again.
 */
#include "efistub.h"

efi_status_t allocate_new_fdt_and_exit_boot(efi_handle_t handle, unsigned long fdt_addr,
					    const char *cmdline, unsigned long initrd_addr,
					    unsigned long initrd_size, unsigned long *new_fdt)
{
	struct efi_fdt_params params = {
		.bootargs = cmdline,
		.initrd_start = initrd_addr,
		.initrd_end = initrd_addr + initrd_size,
		.system_table = (unsigned long)efi_system_table,
		/* the memory map: placeholders, filled in below */
	};
	struct efi_fdt_mmap_slots slots;
	struct efi_boot_memmap map;
	unsigned long size, addr;
	efi_status_t status;

	size = efi_fdt_rewrite_size((const void *)fdt_addr, &params);
	status = efi_allocate_pages(size, &addr);
	if (status != EFI_SUCCESS) {
		efi_err_status("Unable to allocate memory for new device tree", status);
		return status;
	}
	if (efi_fdt_rewrite((const void *)fdt_addr, (void *)addr, size, &params, &slots)) {
		efi_err("Unable to construct new device tree: the DTB is not a valid FDT\n");
		efi_free(size, addr);
		return EFI_LOAD_ERROR;
	}

	/* The last message: the console may allocate, changing the map. */
	efi_info("Exiting boot services...\n");
	status = efi_get_memory_map(&map);
	if (status != EFI_SUCCESS) {
		efi_err_status("Failed to get the memory map", status);
		efi_free(size, addr);
		return status;
	}
	status = efi_bs_call(exit_boot_services, handle, map.map_key);
	if (status == EFI_INVALID_PARAMETER) {
		/* The map changed since GetMemoryMap(): read it again, no allocating. */
		map.map_size = map.buff_size;
		status = efi_bs_call(get_memory_map, &map.map_size, map.map, &map.map_key,
				     &map.desc_size, &map.desc_ver);
		if (status == EFI_SUCCESS)
			status = efi_bs_call(exit_boot_services, handle, map.map_key);
	}
	if (status != EFI_SUCCESS) {
		/* Boot services are still there after a refused ExitBootServices(). */
		efi_err_status("Exit boot services failed", status);
		efi_free(map.buff_size, (unsigned long)map.map);
		efi_free(size, addr);
		return status;
	}

	efi_fdt_set_be64(slots.start, (unsigned long)map.map);
	efi_fdt_set_be32(slots.size, map.map_size);
	efi_fdt_set_be32(slots.desc_size, map.desc_size);
	efi_fdt_set_be32(slots.desc_ver, map.desc_ver);
	*new_fdt = addr;
	return EFI_SUCCESS;
}
