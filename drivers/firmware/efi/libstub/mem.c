// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/firmware/efi/libstub/mem.c: memory from the firmware for the EFI
 * stub (all of it EFI_LOADER_DATA, which the kernel keeps only where it
 * reserves it: the FDT, the initrd, the memory map, the kernel image), and
 * the firmware's memory map, read into a buffer with room to spare so a
 * retried ExitBootServices() can read it again without allocating.
 */
#include <linux/const.h>
#include "efistub.h"

#define EFI_PAGES(size) (ALIGN((size), EFI_PAGE_SIZE) >> EFI_PAGE_SHIFT)

efi_status_t efi_allocate_pages(unsigned long size, unsigned long *addr)
{
	efi_physical_addr_t a;
	efi_status_t status;

	status = efi_bs_call(allocate_pages, EFI_ALLOCATE_ANY_PAGES, EFI_LOADER_DATA,
			     EFI_PAGES(size), &a);
	*addr = status == EFI_SUCCESS ? a : 0;
	return status;
}

void efi_free(unsigned long size, unsigned long addr)
{
	if (size)
		efi_bs_call(free_pages, addr, EFI_PAGES(size));
}

/*
 * AllocatePages() only aligns to a page: take align more than needed and
 * give back what lies before and after the aligned part.
 */
efi_status_t efi_allocate_pages_aligned(unsigned long size, unsigned long *addr,
					unsigned long align)
{
	unsigned long base, aligned;
	efi_status_t status;

	size = ALIGN(size, EFI_PAGE_SIZE);
	status = efi_allocate_pages(size + align, &base);
	if (status != EFI_SUCCESS)
		return status;
	aligned = ALIGN(base, align);
	efi_free(aligned - base, base);
	efi_free(base + align - aligned, aligned + size);
	*addr = aligned;
	return EFI_SUCCESS;
}

/* Room for this many more descriptors than the map had when sized. */
#define EFI_MMAP_NR_SLACK_SLOTS 32

efi_status_t efi_get_memory_map(struct efi_boot_memmap *map)
{
	unsigned long addr;
	efi_status_t status;

	map->map_size = 0;
	status = efi_bs_call(get_memory_map, &map->map_size, NULL, &map->map_key,
			     &map->desc_size, &map->desc_ver);
	if (status != EFI_BUFFER_TOO_SMALL)
		return status == EFI_SUCCESS ? EFI_LOAD_ERROR : status;
	/* the allocation below may itself split a descriptor */
	map->buff_size = map->map_size + EFI_MMAP_NR_SLACK_SLOTS * map->desc_size;
	status = efi_allocate_pages(map->buff_size, &addr);
	if (status != EFI_SUCCESS)
		return status;
	map->map = (efi_memory_desc_t *)addr;
	map->map_size = map->buff_size;
	status = efi_bs_call(get_memory_map, &map->map_size, map->map, &map->map_key,
			     &map->desc_size, &map->desc_ver);
	if (status != EFI_SUCCESS)
		efi_free(map->buff_size, addr);
	return status;
}
