/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/pe.h: the PE/COFF constants the arm64 Image's second header
 * uses (arch/arm64/kernel/efi-header.S). UEFI firmware loads an EFI
 * application from this Microsoft Portable Executable format: an "MZ" stub
 * header whose offset 0x3c points at the "PE\0\0" signature, a COFF file
 * header, a PE32+ optional header and a table of sections.
 */
#ifndef __LINUX_PE_H
#define __LINUX_PE_H

/* The minor version the EFI stub reports in MinorImageVersion (Linux's). */
#define LINUX_EFISTUB_MAJOR_VERSION	0x1
#define LINUX_EFISTUB_MINOR_VERSION	0x0

#define MZ_MAGIC		0x5a4d		/* "MZ" */
#define PE_MAGIC		0x00004550	/* "PE\0\0" */
#define PE_OPT_MAGIC_PE32PLUS	0x020b

#define IMAGE_FILE_MACHINE_ARM64	0xaa64

/* COFF file header Characteristics */
#define IMAGE_FILE_EXECUTABLE_IMAGE	0x0002
#define IMAGE_FILE_LINE_NUMS_STRIPPED	0x0004
#define IMAGE_FILE_DEBUG_STRIPPED	0x0200

#define IMAGE_SUBSYSTEM_EFI_APPLICATION	10

/* Section Characteristics */
#define IMAGE_SCN_CNT_CODE		0x00000020
#define IMAGE_SCN_CNT_INITIALIZED_DATA	0x00000040
#define IMAGE_SCN_MEM_EXECUTE		0x20000000
#define IMAGE_SCN_MEM_READ		0x40000000
#define IMAGE_SCN_MEM_WRITE		0x80000000

#endif
