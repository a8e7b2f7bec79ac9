// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/firmware/efi/libstub/file.c: files the EFI stub loads for the
 * kernel, as Linux's stub does:
 *
 *   - the initrd the modern way: the loader (EDK2's QEMU -initrd, U-Boot's
 *     bootefi with an initrd, GRUB's `initrd`) puts it behind a vendor media
 *     device path named LINUX_EFI_INITRD_MEDIA_GUID with the LoadFile2
 *     protocol; the stub asks for its size, then for its bytes;
 *   - failing that, `initrd=\path` on the command line, and `dtb=\path`: read
 *     from the file system of the device the Image itself came from
 *     (the loaded image's DeviceHandle), '/' or '\' as separators.
 *
 * Everything lands in EFI_LOADER_DATA pages the kernel later reserves.
 */
#include <linux/compiler.h>
#include <linux/string.h>
#include "efistub.h"

/* Nodes are packed back to back; these fields' sizes leave no padding. */
struct initrd_dev_path {
	efi_device_path_protocol_t vendor;
	efi_guid_t vendor_guid;
	efi_device_path_protocol_t end;
};
_Static_assert(sizeof(struct initrd_dev_path) == 24, "device path nodes must be contiguous");

static efi_status_t efi_load_initrd_dev_path(unsigned long *load_addr,
					     unsigned long *load_size)
{
	efi_guid_t lf2_guid = EFI_LOAD_FILE2_PROTOCOL_GUID;
	struct initrd_dev_path path = {
		.vendor = { EFI_DEV_MEDIA, EFI_DEV_MEDIA_VENDOR,
			    sizeof(path.vendor) + sizeof(path.vendor_guid) },
		.vendor_guid = LINUX_EFI_INITRD_MEDIA_GUID,
		.end = { EFI_DEV_END_PATH, EFI_DEV_END_ENTIRE, sizeof(path.end) },
	};
	efi_device_path_protocol_t *dp = &path.vendor;
	efi_load_file2_protocol_t *lf2;
	unsigned long size = 0, addr;
	efi_handle_t handle;
	efi_status_t status;

	status = efi_bs_call(locate_device_path, &lf2_guid, &dp, &handle);
	if (status != EFI_SUCCESS)
		return status;		/* EFI_NOT_FOUND: no initrd offered */
	status = efi_bs_call(handle_protocol, handle, &lf2_guid, (void **)&lf2);
	if (status != EFI_SUCCESS)
		return status;
	status = lf2->load_file(lf2, dp, 0, &size, NULL);
	if (status != EFI_BUFFER_TOO_SMALL)
		return EFI_LOAD_ERROR;
	status = efi_allocate_pages(size, &addr);
	if (status != EFI_SUCCESS)
		return status;
	status = lf2->load_file(lf2, dp, 0, &size, (void *)addr);
	if (status != EFI_SUCCESS) {
		efi_free(size, addr);
		return status;
	}
	*load_addr = addr;
	*load_size = size;
	return EFI_SUCCESS;
}

/* Read the whole file at path (ASCII) from the volume the Image came from. */
static efi_status_t efi_load_file(efi_loaded_image_t *image, const char *path,
				  unsigned long *load_addr, unsigned long *load_size)
{
	efi_guid_t fs_guid = EFI_FILE_SYSTEM_GUID;
	efi_simple_file_system_protocol_t *fs;
	efi_file_protocol_t *root, *file;
	efi_char16_t name[256];
	unsigned long size, addr;
	efi_status_t status;
	u64 end;
	int i;

	for (i = 0; path[i] && i < (int)ARRAY_SIZE(name) - 1; i++)
		name[i] = path[i] == '/' ? '\\' : (unsigned char)path[i];
	name[i] = 0;

	status = efi_bs_call(handle_protocol, image->device_handle, &fs_guid, (void **)&fs);
	if (status != EFI_SUCCESS)
		return status;
	status = fs->open_volume(fs, &root);
	if (status != EFI_SUCCESS)
		return status;
	status = root->open(root, &file, name, EFI_FILE_MODE_READ, 0);
	root->close(root);
	if (status != EFI_SUCCESS)
		return status;

	/* the size: seek to the end (position ~0 means end of file) */
	status = file->set_position(file, ~0ULL);
	if (status == EFI_SUCCESS)
		status = file->get_position(file, &end);
	if (status == EFI_SUCCESS)
		status = file->set_position(file, 0);
	if (status == EFI_SUCCESS)
		status = efi_allocate_pages(end ? end : 1, &addr);
	if (status != EFI_SUCCESS) {
		file->close(file);
		return status;
	}
	size = end;
	status = file->read(file, &size, (void *)addr);
	file->close(file);
	if (status != EFI_SUCCESS || size != end) {
		efi_free(end ? end : 1, addr);
		return status != EFI_SUCCESS ? status : EFI_LOAD_ERROR;
	}
	*load_addr = addr;
	*load_size = size;
	return EFI_SUCCESS;
}

efi_status_t efi_load_file_option(efi_loaded_image_t *image, const char *cmdline,
				  const char *option, unsigned long *load_addr,
				  unsigned long *load_size)
{
	char path[256];

	*load_addr = *load_size = 0;
	if (!efi_cmdline_option(cmdline, option, path, sizeof(path)))
		return EFI_SUCCESS;	/* not asked for */
	return efi_load_file(image, path, load_addr, load_size);
}

efi_status_t efi_load_initrd(efi_loaded_image_t *image, const char *cmdline,
			     unsigned long *load_addr, unsigned long *load_size)
{
	efi_status_t status;

	status = efi_load_initrd_dev_path(load_addr, load_size);
	if (status == EFI_SUCCESS) {
		efi_info("Loaded initrd from LINUX_EFI_INITRD_MEDIA_GUID device path\n");
		return EFI_SUCCESS;
	}
	if (status != EFI_NOT_FOUND) {
		efi_err_status("Failed to load initrd from LINUX_EFI_INITRD_MEDIA_GUID device path",
			       status);
		return status;
	}
	status = efi_load_file_option(image, cmdline, "initrd", load_addr, load_size);
	if (status != EFI_SUCCESS)
		efi_err_status("Failed to load initrd from command line option", status);
	else if (*load_size)
		efi_info("Loaded initrd from command line option\n");
	return status;		/* no initrd at all is fine */
}
