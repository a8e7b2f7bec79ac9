/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/efi.h: the parts of the UEFI specification the kernel uses,
 * in Linux's names: status codes, GUIDs, the system table and boot services
 * (for the EFI stub, drivers/firmware/efi/libstub/), the memory map (for
 * the stub and for efi_init(), drivers/firmware/efi/efi-init.c), and the
 * handful of protocols the stub opens (loaded image, console, file system,
 * LoadFile2 for the initrd). Layouts are the UEFI 2.x ABI: AArch64 UEFI
 * uses the AAPCS64, so the firmware's functions are plain C pointers.
 *
 * Runtime services are not used: efi_runtime_services_t is opaque.
 */
#ifndef __LINUX_EFI_H
#define __LINUX_EFI_H

#include <linux/types.h>

typedef unsigned long efi_status_t;
typedef u8 efi_bool_t;
typedef u16 efi_char16_t;		/* UCS-2 */
typedef u64 efi_physical_addr_t;
typedef void *efi_handle_t;
typedef void *efi_event_t;

/* Status codes: errors have the top bit set. */
#define EFI_ERROR_BIT		(1UL << 63)
#define EFI_SUCCESS		0
#define EFI_LOAD_ERROR		(EFI_ERROR_BIT | 1)
#define EFI_INVALID_PARAMETER	(EFI_ERROR_BIT | 2)
#define EFI_UNSUPPORTED		(EFI_ERROR_BIT | 3)
#define EFI_BUFFER_TOO_SMALL	(EFI_ERROR_BIT | 5)
#define EFI_OUT_OF_RESOURCES	(EFI_ERROR_BIT | 9)
#define EFI_NOT_FOUND		(EFI_ERROR_BIT | 14)

typedef struct {
	u8 b[16];
} efi_guid_t;

/* A GUID as the spec writes it, stored in its mixed-endian byte order. */
#define EFI_GUID(a, b, c, d...) ((efi_guid_t){ {				\
	(a) & 0xff, ((a) >> 8) & 0xff, ((a) >> 16) & 0xff, ((a) >> 24) & 0xff,	\
	(b) & 0xff, ((b) >> 8) & 0xff, (c) & 0xff, ((c) >> 8) & 0xff, d } })

#define LOADED_IMAGE_PROTOCOL_GUID \
	EFI_GUID(0x5b1b31a1, 0x9562, 0x11d2, 0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b)
#define EFI_FILE_SYSTEM_GUID \
	EFI_GUID(0x964e5b22, 0x6459, 0x11d2, 0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b)
#define EFI_LOAD_FILE2_PROTOCOL_GUID \
	EFI_GUID(0x4006c0c1, 0xfcb3, 0x403e, 0x99, 0x6d, 0x4a, 0x6c, 0x87, 0x24, 0xe0, 0x6d)
/* The configuration table entry holding a flattened device tree. */
#define DEVICE_TREE_GUID \
	EFI_GUID(0xb1b621d5, 0xf19c, 0x41a5, 0x83, 0x0b, 0xd9, 0x15, 0x2c, 0x69, 0xaa, 0xe0)
/* The vendor media device path a loader puts the initrd behind (LoadFile2). */
#define LINUX_EFI_INITRD_MEDIA_GUID \
	EFI_GUID(0x5568e427, 0x68fc, 0x4f3d, 0xac, 0x74, 0xca, 0x55, 0x52, 0x31, 0xcc, 0x68)

/* Memory types (efi_memory_desc_t.type) */
enum {
	EFI_RESERVED_TYPE,
	EFI_LOADER_CODE,
	EFI_LOADER_DATA,
	EFI_BOOT_SERVICES_CODE,
	EFI_BOOT_SERVICES_DATA,
	EFI_RUNTIME_SERVICES_CODE,
	EFI_RUNTIME_SERVICES_DATA,
	EFI_CONVENTIONAL_MEMORY,
	EFI_UNUSABLE_MEMORY,
	EFI_ACPI_RECLAIM_MEMORY,
	EFI_ACPI_MEMORY_NVS,
	EFI_MEMORY_MAPPED_IO,
	EFI_MEMORY_MAPPED_IO_PORT_SPACE,
	EFI_PAL_CODE,
	EFI_PERSISTENT_MEMORY,
	EFI_MAX_MEMORY_TYPE
};

/* Memory attributes (efi_memory_desc_t.attribute) */
#define EFI_MEMORY_UC		0x1ULL
#define EFI_MEMORY_WC		0x2ULL
#define EFI_MEMORY_WT		0x4ULL
#define EFI_MEMORY_WB		0x8ULL
#define EFI_MEMORY_UCE		0x10ULL
#define EFI_MEMORY_WP		0x1000ULL
#define EFI_MEMORY_RP		0x2000ULL
#define EFI_MEMORY_XP		0x4000ULL
#define EFI_MEMORY_NV		0x8000ULL
#define EFI_MEMORY_MORE_RELIABLE 0x10000ULL
#define EFI_MEMORY_RO		0x20000ULL
#define EFI_MEMORY_SP		0x40000ULL
#define EFI_MEMORY_CPU_CRYPTO	0x80000ULL
#define EFI_MEMORY_HOT_PLUGGABLE 0x100000ULL
#define EFI_MEMORY_RUNTIME	(1ULL << 63)

#define EFI_PAGE_SHIFT		12
#define EFI_PAGE_SIZE		(1UL << EFI_PAGE_SHIFT)

/*
 * One memory map entry. The firmware's descriptors may be larger than
 * this (desc_size): step through the map by desc_size, never by sizeof.
 */
typedef struct {
	u32 type;
	u32 pad;
	u64 phys_addr;
	u64 virt_addr;
	u64 num_pages;
	u64 attribute;
} efi_memory_desc_t;

#define EFI_MEMORY_DESCRIPTOR_VERSION 1

typedef struct {
	u64 signature;
	u32 revision;
	u32 headersize;
	u32 crc32;
	u32 reserved;
} efi_table_hdr_t;

#define EFI_SYSTEM_TABLE_SIGNATURE 0x5453595320494249ULL	/* "IBI SYST" */

/* AllocatePages' allocation types */
enum { EFI_ALLOCATE_ANY_PAGES, EFI_ALLOCATE_MAX_ADDRESS, EFI_ALLOCATE_ADDRESS };

typedef struct efi_simple_text_output_protocol efi_simple_text_output_protocol_t;
struct efi_simple_text_output_protocol {
	void *reset;
	efi_status_t (*output_string)(efi_simple_text_output_protocol_t *, const efi_char16_t *);
	void *test_string;
	void *query_mode, *set_mode, *set_attribute, *clear_screen;
	void *set_cursor_position, *enable_cursor, *mode;
};

typedef struct {
	u8 type;
	u8 sub_type;
	u16 length;
} efi_device_path_protocol_t;

typedef struct {
	efi_table_hdr_t hdr;
	void *raise_tpl, *restore_tpl;
	efi_status_t (*allocate_pages)(int type, int mem_type, unsigned long pages,
				       efi_physical_addr_t *addr);
	efi_status_t (*free_pages)(efi_physical_addr_t addr, unsigned long pages);
	efi_status_t (*get_memory_map)(unsigned long *map_size, efi_memory_desc_t *map,
				       unsigned long *map_key, unsigned long *desc_size,
				       u32 *desc_version);
	efi_status_t (*allocate_pool)(int mem_type, unsigned long size, void **buffer);
	efi_status_t (*free_pool)(void *buffer);
	void *create_event, *set_timer, *wait_for_event, *signal_event, *close_event,
	     *check_event;
	void *install_protocol_interface, *reinstall_protocol_interface,
	     *uninstall_protocol_interface;
	efi_status_t (*handle_protocol)(efi_handle_t handle, const efi_guid_t *guid,
					void **interface);
	void *reserved;
	void *register_protocol_notify, *locate_handle;
	efi_status_t (*locate_device_path)(const efi_guid_t *guid,
					   efi_device_path_protocol_t **path,
					   efi_handle_t *handle);
	void *install_configuration_table;
	void *load_image, *start_image, *exit, *unload_image;
	efi_status_t (*exit_boot_services)(efi_handle_t image, unsigned long map_key);
	void *get_next_monotonic_count, *stall, *set_watchdog_timer;
	void *connect_controller, *disconnect_controller;
	void *open_protocol, *close_protocol, *open_protocol_information;
	void *protocols_per_handle, *locate_handle_buffer, *locate_protocol;
	void *install_multiple_protocol_interfaces, *uninstall_multiple_protocol_interfaces;
	void *calculate_crc32, *copy_mem, *set_mem, *create_event_ex;
} efi_boot_services_t;

typedef struct efi_runtime_services efi_runtime_services_t;	/* not used */

typedef struct {
	efi_guid_t guid;
	void *table;
} efi_config_table_t;

typedef struct {
	efi_table_hdr_t hdr;
	efi_char16_t *fw_vendor;
	u32 fw_revision;
	efi_handle_t con_in_handle;
	void *con_in;
	efi_handle_t con_out_handle;
	efi_simple_text_output_protocol_t *con_out;
	efi_handle_t stderr_handle;
	void *stderr;
	efi_runtime_services_t *runtime;
	efi_boot_services_t *boottime;
	unsigned long nr_tables;
	efi_config_table_t *tables;
} efi_system_table_t;

typedef struct {
	u32 revision;
	efi_handle_t parent_handle;
	efi_system_table_t *system_table;
	efi_handle_t device_handle;
	efi_device_path_protocol_t *file_path;
	void *reserved;
	u32 load_options_size;
	void *load_options;
	void *image_base;
	u64 image_size;
	u32 image_code_type;
	u32 image_data_type;
	void *unload;
} efi_loaded_image_t;

/* EFI_FILE_PROTOCOL and the simple file system that opens a volume. */
typedef struct efi_file_protocol efi_file_protocol_t;
struct efi_file_protocol {
	u64 revision;
	efi_status_t (*open)(efi_file_protocol_t *, efi_file_protocol_t **,
			     const efi_char16_t *name, u64 mode, u64 attr);
	efi_status_t (*close)(efi_file_protocol_t *);
	void *delete;
	efi_status_t (*read)(efi_file_protocol_t *, unsigned long *size, void *buf);
	void *write;
	efi_status_t (*get_position)(efi_file_protocol_t *, u64 *pos);
	efi_status_t (*set_position)(efi_file_protocol_t *, u64 pos);
	void *get_info, *set_info, *flush;
};
#define EFI_FILE_MODE_READ 0x1ULL

typedef struct efi_simple_file_system_protocol efi_simple_file_system_protocol_t;
struct efi_simple_file_system_protocol {
	u64 revision;
	efi_status_t (*open_volume)(efi_simple_file_system_protocol_t *,
				    efi_file_protocol_t **root);
};

typedef struct efi_load_file2_protocol efi_load_file2_protocol_t;
struct efi_load_file2_protocol {
	efi_status_t (*load_file)(efi_load_file2_protocol_t *, efi_device_path_protocol_t *,
				  efi_bool_t boot_policy, unsigned long *size, void *buf);
};

/* Device path node types used to name the initrd */
#define EFI_DEV_MEDIA			4
#define EFI_DEV_MEDIA_VENDOR		3
#define EFI_DEV_END_PATH		0x7f
#define EFI_DEV_END_ENTIRE		0xff

/* --- The kernel proper: what efi_init() learnt from /chosen --- */

#define EFI_BOOT 0	/* booted through the EFI stub (efi_flags bit) */
#define EFI_DBG 1	/* efi=debug: print the UEFI memory map */

struct efi_memory_map_data {
	phys_addr_t phys_map;
	unsigned long size;
	unsigned long desc_size;
	u32 desc_version;
};

#ifdef CONFIG_EFI
extern unsigned long efi_flags;
static inline bool efi_enabled(int feature)
{
	return efi_flags & (1UL << feature);
}
void efi_init(void);
/* Add EFI's usable RAM to memblock, keep the rest out; reserve the map. */
void efi_memblock_init(void);
#else
static inline bool efi_enabled(int feature) { return false; }
static inline void efi_init(void) { }
static inline void efi_memblock_init(void) { }
#endif

#endif
