/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/brk-imm.h: the immediates of the `brk`
 * instructions the kernel plants on purpose, the same as Linux's so that
 * an ESR reads the same: 0xf2000800 is a BUG or WARN (BRK64, imm 0x800).
 */
#ifndef __ASM_BRK_IMM_H
#define __ASM_BRK_IMM_H

#define KGDB_DYN_DBG_BRK_IMM	0x400
#define KGDB_COMPILED_DBG_BRK_IMM 0x401
#define BUG_BRK_IMM		0x800

#endif
