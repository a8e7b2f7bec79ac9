/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/elf.h: the one ELF relocation type the kernel
 * applies to itself (head.S's __relocate_kernel): R_AARCH64_RELATIVE,
 * "the link-time address in r_addend, plus where the image really runs".
 */
#ifndef __ASM_ELF_H
#define __ASM_ELF_H

#define R_AARCH64_RELATIVE 1027

#endif
