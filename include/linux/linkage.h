/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/linkage.h: annotations for assembly symbols, after Linux's
 * Documentation/core-api/asm-annotations.rst. Every START has its END, so
 * each symbol gets a type and a size (gdb, System.map and the future
 * symboliser rely on both).
 *   SYM_FUNC_*   callable from C, follows the procedure call standard
 *   SYM_CODE_*   entry, vector and boot code with its own conventions
 *   *_LOCAL      private to the file
 */
#ifndef __LINUX_LINKAGE_H
#define __LINUX_LINKAGE_H

#ifdef __ASSEMBLY__

#define SYM_FUNC_START(name) \
	.globl name; .type name, %function; .balign 4; name:
#define SYM_FUNC_START_LOCAL(name) \
	.type name, %function; .balign 4; name:
#define SYM_FUNC_END(name) .size name, . - name

#define SYM_CODE_START(name) \
	.globl name; .type name, %function; .balign 4; name:
#define SYM_CODE_START_LOCAL(name) \
	.type name, %function; .balign 4; name:
#define SYM_CODE_END(name) .size name, . - name

/* A label inside a function or code block (v5.15: init_el1, init_el2). */
#define SYM_L_GLOBAL(name) .globl name
#define SYM_L_LOCAL(name)
#define SYM_INNER_LABEL(name, linkage) \
	.type name, %function; linkage(name); name:

#define SYM_DATA_START(name) .globl name; .type name, %object; name:
#define SYM_DATA_END(name) .size name, . - name

#endif /* __ASSEMBLY__ */

/* Section names shared by C, assembly and vmlinux.lds.S. */
#define __HEAD .section ".head.text", "ax"
#define __INIT .section ".init.text", "ax"
#define __IDMAP_TEXT .section ".idmap.text", "ax"

#endif
