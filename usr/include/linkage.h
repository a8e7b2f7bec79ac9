/* SPDX-License-Identifier: GPL-2.0 */
/*
 * linkage.h: symbol annotations for user-space assembly, the same names as
 * the kernel's <linux/linkage.h> (Documentation/core-api/asm-annotations.rst):
 * SYM_FUNC_* for what C calls, SYM_CODE_* for entry points with their own
 * calling convention. Every START has its END, so sizes and types are right.
 */
#ifndef _LINKAGE_H
#define _LINKAGE_H

#ifndef __ASSEMBLY__
#error "linkage.h is for assembly files only"
#endif

#define SYM_FUNC_START(name)	.globl name; .type name, %function; .balign 4; name:
#define SYM_FUNC_END(name)	.size name, . - name
#define SYM_CODE_START(name)	.globl name; .type name, %function; .balign 4; name:
#define SYM_CODE_END(name)	.size name, . - name

#endif /* _LINKAGE_H */
