/* SPDX-License-Identifier: GPL-2.0 */
/*
 * drivers/firmware/efi/libstub/efistub.h: what the EFI stub's files share.
 *
 * The stub runs as an EFI application, at whatever address the firmware
 * loaded the Image, with the firmware's identity-mapped MMU on: before the
 * kernel's own start. Its objects are built position-independent with
 * hidden visibility (see Kbuild), so every address is PC-relative; nothing
 * in it may hold a link-time address (no initialised pointers in data).
 */
#ifndef _DRIVERS_FIRMWARE_EFI_EFISTUB_H
#define _DRIVERS_FIRMWARE_EFI_EFISTUB_H

#include <linux/efi.h>

extern efi_system_table_t *efi_system_table;

#define efi_bs_call(func, ...) efi_system_table->boottime->func(__VA_ARGS__)

/* Messages on the firmware's console, "EFI stub: " first, as Linux prints. */
void efi_puts(const char *str);
void efi_info(const char *str);
void efi_err(const char *str);
void efi_err_status(const char *str, efi_status_t status);
void efi_info_hex(const char *str, u64 value);

/* Memory: EFI_LOADER_DATA pages, optionally aligned; the memory map. */
efi_status_t efi_allocate_pages(unsigned long size, unsigned long *addr);
efi_status_t efi_allocate_pages_aligned(unsigned long size, unsigned long *addr,
					unsigned long align);
void efi_free(unsigned long size, unsigned long addr);

struct efi_boot_memmap {
	efi_memory_desc_t *map;
	unsigned long map_size;		/* in: buffer size; out: map size */
	unsigned long buff_size;
	unsigned long desc_size;
	u32 desc_ver;
	unsigned long map_key;
};
efi_status_t efi_get_memory_map(struct efi_boot_memmap *map);

/* The command line, from the loaded image's LoadOptions (UCS-2). */
char *efi_convert_cmdline(efi_loaded_image_t *image);
/* The value of "name=" in cmdline, copied into buf (0 when absent). */
int efi_cmdline_option(const char *cmdline, const char *name, char *buf, int len);

/*
 * Load the whole file an option of the command line names (file.c);
 * EFI_SUCCESS with *load_size = 0 when the option is not there.
 */
efi_status_t efi_load_file_option(efi_loaded_image_t *image, const char *cmdline,
				  const char *option, unsigned long *load_addr,
				  unsigned long *load_size);
/* The initrd: LoadFile2 device path first, initrd= after (file.c). */
efi_status_t efi_load_initrd(efi_loaded_image_t *image, const char *cmdline,
			     unsigned long *load_addr, unsigned long *load_size);

/* arm64-stub.c: put the Image where primary_entry can run it. */
efi_status_t handle_kernel_image(unsigned long *image_addr, efi_loaded_image_t *image);

/* fdt.c: the new device tree, the final memory map, ExitBootServices(). */
efi_status_t allocate_new_fdt_and_exit_boot(efi_handle_t handle, unsigned long fdt_addr,
					    const char *cmdline, unsigned long initrd_addr,
					    unsigned long initrd_size, unsigned long *new_fdt);

/* arch/arm64/kernel/efi-entry.S: clean, MMU off, primary_entry(fdt). */
void __attribute__((noreturn)) efi_enter_kernel(unsigned long image_addr,
						unsigned long fdt_addr);

/* fdt-rewrite.c: copy a DTB with /memory dropped and /chosen filled. */
struct efi_fdt_params {
	const char *bootargs;
	u64 initrd_start, initrd_end;	/* both 0: no initrd */
	u64 system_table;
	u64 mmap_start;
	u32 mmap_size, mmap_desc_size, mmap_desc_ver;
};
/* Where the memory map values sit in the new blob, for a last update. */
struct efi_fdt_mmap_slots {
	void *start, *size, *desc_size, *desc_ver;
};
unsigned long efi_fdt_rewrite_size(const void *fdt, const struct efi_fdt_params *p);
int efi_fdt_rewrite(const void *fdt, void *out, unsigned long out_size,
		    const struct efi_fdt_params *p, struct efi_fdt_mmap_slots *slots);
void efi_fdt_set_be32(void *slot, u32 v);
void efi_fdt_set_be64(void *slot, u64 v);

#endif
