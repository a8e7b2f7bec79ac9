/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/string.h: the string functions arm64 has in
 * assembly (arch/arm64/lib/memcpy.S, memset.S); lib/string.c leaves these
 * out, as Linux's does for each __HAVE_ARCH_* an architecture defines.
 */
#ifndef __ASM_STRING_H
#define __ASM_STRING_H

#define __HAVE_ARCH_MEMCPY
#define __HAVE_ARCH_MEMSET

#endif
