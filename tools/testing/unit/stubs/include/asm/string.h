/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stubs/include/asm/string.h: the host build of lib/string.c keeps every
 * generic function (arm64's assembly memcpy/memset do not run on the host),
 * so this, found before arch/arm64/include/asm/string.h, defines no
 * __HAVE_ARCH_*.
 */
#ifndef __ASM_STRING_H
#define __ASM_STRING_H
#endif
