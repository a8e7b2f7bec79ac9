/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/page.h: the page size and the conversions between
 * physical and kernel virtual addresses (asm/memory.h), for linux/mm.h.
 */
#ifndef __ASM_PAGE_H
#define __ASM_PAGE_H

#include <asm/memory.h>

#endif
