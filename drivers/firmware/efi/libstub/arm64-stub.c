// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/firmware/efi/libstub/arm64-stub.c: where the kernel runs.
 *
 * head.S maps the image with 2 MiB blocks, so primary_entry needs the Image
 * at a 2 MiB-aligned physical address (Documentation/arm64/booting.rst).
 * The firmware loaded it where it liked, aligned to the PE SectionAlignment
 * (64 KiB). The kernel runs in place when that is 2 MiB-aligned and the
 * loaded image protocol shows the firmware allocated the whole SizeOfImage
 * there (BSS and page tables included). Otherwise (unaligned, or a loader
 * that started the stub from its own allocation of the file's size only,
 * as GRUB 2.06's arm64 `linux` command does) the stub takes 2 MiB-aligned
 * EFI_LOADER_DATA pages for the whole image (_end - _text) and copies the
 * file part (_text.._edata) there. head.S clears BSS and the page tables
 * itself.
 */
#include <linux/sizes.h>
#include <linux/string.h>
#include <asm/sections.h>
#include "efistub.h"

#define EFI_KIMG_ALIGN SZ_2M

efi_status_t handle_kernel_image(unsigned long *image_addr, efi_loaded_image_t *image)
{
	unsigned long kernel_size = _end - _text, kernel_memsize = _edata - _text;
	unsigned long here = (unsigned long)_text, addr;
	efi_status_t status;

	if (here % EFI_KIMG_ALIGN == 0 && (unsigned long)image->image_base == here &&
	    image->image_size >= kernel_size) {
		*image_addr = here;
		return EFI_SUCCESS;
	}
	status = efi_allocate_pages_aligned(kernel_size, &addr, EFI_KIMG_ALIGN);
	if (status != EFI_SUCCESS) {
		efi_err_status("Failed to relocate kernel", status);
		return status;
	}
	memcpy((void *)addr, _text, kernel_memsize);
	*image_addr = addr;
	return EFI_SUCCESS;
}
