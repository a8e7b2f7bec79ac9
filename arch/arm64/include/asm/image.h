/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/image.h: the arm64 Image header format of Linux's
 * Documentation/arch/arm64/booting.rst, which loaders (QEMU -kernel, U-Boot
 * booti) read. head.S emits the header; vmlinux.lds.S computes the sizes.
 *
 *   u32 code0        executable code: branch to primary_entry
 *   u32 code1        executable code (reserved here: 0)
 *   u64 text_offset  image load offset from a 2 MiB boundary, little endian
 *   u64 image_size   effective image size (BSS and page tables included)
 *   u64 flags        kernel flags, below
 *   u64 res2, res3, res4
 *   u32 magic        0x644d5241 ("ARM\x64")
 *   u32 res5         PE/COFF header offset (0: no EFI stub)
 */
#ifndef __ASM_IMAGE_H
#define __ASM_IMAGE_H

#define ARM64_IMAGE_MAGIC "ARM\x64"
#define ARM64_IMAGE_HEADER_SIZE 64

/* flags: bit 0 endianness, bits 1-2 page size, bit 3 physical placement. */
#define ARM64_IMAGE_FLAG_BE_SHIFT 0
#define ARM64_IMAGE_FLAG_PAGE_SIZE_SHIFT 1
#define ARM64_IMAGE_FLAG_PHYS_BASE_SHIFT 3

#define ARM64_IMAGE_FLAG_LE 0
#define ARM64_IMAGE_FLAG_PAGE_SIZE_4K 1
/* 1: the image may be placed at any 2 MiB-aligned base in physical memory. */
#define ARM64_IMAGE_FLAG_PHYS_BASE 1

#define __HEAD_FLAGS ((ARM64_IMAGE_FLAG_LE << ARM64_IMAGE_FLAG_BE_SHIFT) | \
		      (ARM64_IMAGE_FLAG_PAGE_SIZE_4K << ARM64_IMAGE_FLAG_PAGE_SIZE_SHIFT) | \
		      (ARM64_IMAGE_FLAG_PHYS_BASE << ARM64_IMAGE_FLAG_PHYS_BASE_SHIFT))

#endif
