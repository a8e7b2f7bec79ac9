/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/sections.h: the boundaries vmlinux.lds.S defines,
 * as C arrays (their addresses are what matters).
 */
#ifndef __ASM_SECTIONS_H
#define __ASM_SECTIONS_H

extern char _text[], _stext[], _etext[];
extern char __start_rodata[], __end_rodata[];
extern char __start_ro_after_init[], __end_ro_after_init[];
extern char __init_begin[], __init_end[];
extern char _sdata[], _edata[];
extern char __bss_start[], __bss_stop[];
extern char __idmap_text_start[], __idmap_text_end[];
extern char _end[];

#endif
