/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/kernel/efi-header.S: the PE/COFF half of the Image's dual
 * header, included by head.S (as in Linux v5.15). With CONFIG_EFI the one
 * file is both an arm64 Image (booti, QEMU -kernel) and a PE32+ EFI
 * application (EDK2, U-Boot bootefi, GRUB): see Documentation/arm64/uefi.rst.
 *
 *   offset 0x00  efi_signature_nop  "MZ" to a PE loader, a harmless ccmp to
 *                                   a CPU that jumps to code0
 *   offset 0x04  b primary_entry    code1: where a booti-style entry goes
 *   offset 0x3c  res5 = .Lpe_header_offset, which a PE loader reads as the
 *                MZ header's e_lfanew
 *   then         __EFI_PE_HEADER: "PE\0\0", COFF header, PE32+ optional
 *                header, two sections (.text, .data), padded to
 *                SEGMENT_ALIGN: .Lefi_header_end is _stext.
 *
 * The section boundaries and sizes come from vmlinux.lds.S (__initdata_begin,
 * __pecoff_data_size, __pecoff_data_rawsize), which ASSERTs their alignment.
 * The entry point is efi_pe_entry, the EFI stub's C entry
 * (drivers/firmware/efi/libstub/efi-stub.c).
 */
#include <linux/pe.h>
#include <linux/sizes.h>

	.macro	efi_signature_nop
#ifdef CONFIG_EFI
.L_head:
	/*
	 * Encodes as 0x4d 0x5a 0x40 0xfa: "MZ" for PE loaders. Executed, it
	 * only sets the condition flags, which nothing after it reads.
	 */
	ccmp	x18, #0, #0xd, pl
#else
	/* A plain nop, so no loader mistakes the Image for a PE file. */
	nop
#endif
	.endm

	.macro	__EFI_PE_HEADER
#ifdef CONFIG_EFI
	.set	.Lpe_header_offset, . - .L_head
	.long	PE_MAGIC
	/* COFF file header */
	.short	IMAGE_FILE_MACHINE_ARM64		// Machine
	.short	.Lsection_count				// NumberOfSections
	.long	0					// TimeDateStamp
	.long	0					// PointerToSymbolTable
	.long	0					// NumberOfSymbols
	.short	.Lsection_table - .Loptional_header	// SizeOfOptionalHeader
	.short	IMAGE_FILE_DEBUG_STRIPPED | \
		IMAGE_FILE_EXECUTABLE_IMAGE | \
		IMAGE_FILE_LINE_NUMS_STRIPPED		// Characteristics

.Loptional_header:
	/* PE32+ optional header: standard fields */
	.short	PE_OPT_MAGIC_PE32PLUS			// Magic
	.byte	0x02					// MajorLinkerVersion
	.byte	0x14					// MinorLinkerVersion
	.long	__initdata_begin - .Lefi_header_end	// SizeOfCode
	.long	__pecoff_data_size			// SizeOfInitializedData
	.long	0					// SizeOfUninitializedData
	.long	efi_pe_entry - .L_head			// AddressOfEntryPoint
	.long	.Lefi_header_end - .L_head		// BaseOfCode

	/* Windows-specific fields */
	.quad	0					// ImageBase
	.long	SEGMENT_ALIGN				// SectionAlignment
	.long	PECOFF_FILE_ALIGNMENT			// FileAlignment
	.short	0					// MajorOperatingSystemVersion
	.short	0					// MinorOperatingSystemVersion
	.short	LINUX_EFISTUB_MAJOR_VERSION		// MajorImageVersion
	.short	LINUX_EFISTUB_MINOR_VERSION		// MinorImageVersion
	.short	0					// MajorSubsystemVersion
	.short	0					// MinorSubsystemVersion
	.long	0					// Win32VersionValue
	.long	_end - .L_head				// SizeOfImage: BSS, page tables too
	.long	.Lefi_header_end - .L_head		// SizeOfHeaders: all before _stext
	.long	0					// CheckSum
	.short	IMAGE_SUBSYSTEM_EFI_APPLICATION		// Subsystem
	.short	0					// DllCharacteristics
	.quad	0					// SizeOfStackReserve
	.quad	0					// SizeOfStackCommit
	.quad	0					// SizeOfHeapReserve
	.quad	0					// SizeOfHeapCommit
	.long	0					// LoaderFlags
	.long	(.Lsection_table - .) / 8		// NumberOfRvaAndSizes

	/* Data directories: all empty (no relocations: see uefi.rst) */
	.quad	0					// ExportTable
	.quad	0					// ImportTable
	.quad	0					// ResourceTable
	.quad	0					// ExceptionTable
	.quad	0					// CertificationTable
	.quad	0					// BaseRelocationTable

.Lsection_table:
	/* Code: _stext up to the init data, read-only and executable */
	.ascii	".text\0\0\0"				// Name
	.long	__initdata_begin - .Lefi_header_end	// VirtualSize
	.long	.Lefi_header_end - .L_head		// VirtualAddress
	.long	__initdata_begin - .Lefi_header_end	// SizeOfRawData
	.long	.Lefi_header_end - .L_head		// PointerToRawData
	.long	0					// PointerToRelocations
	.long	0					// PointerToLineNumbers
	.short	0					// NumberOfRelocations
	.short	0					// NumberOfLineNumbers
	.long	IMAGE_SCN_CNT_CODE | \
		IMAGE_SCN_MEM_READ | \
		IMAGE_SCN_MEM_EXECUTE			// Characteristics

	/* Data: init data, data (in the file), BSS and page tables (not) */
	.ascii	".data\0\0\0"				// Name
	.long	__pecoff_data_size			// VirtualSize
	.long	__initdata_begin - .L_head		// VirtualAddress
	.long	__pecoff_data_rawsize			// SizeOfRawData
	.long	__initdata_begin - .L_head		// PointerToRawData
	.long	0					// PointerToRelocations
	.long	0					// PointerToLineNumbers
	.short	0					// NumberOfRelocations
	.short	0					// NumberOfLineNumbers
	.long	IMAGE_SCN_CNT_INITIALIZED_DATA | \
		IMAGE_SCN_MEM_READ | \
		IMAGE_SCN_MEM_WRITE			// Characteristics

	.set	.Lsection_count, (. - .Lsection_table) / 40

	.balign	SEGMENT_ALIGN
.Lefi_header_end:
#else
	.set	.Lpe_header_offset, 0x0
#endif
	.endm
