/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/boot.h: where the Image may be loaded.
 *
 * MIN_KIMG_ALIGN is the alignment booting.rst asks of loaders and the size
 * of the blocks head.S maps the image with: the virtual address keeps the
 * physical offset modulo MIN_KIMG_ALIGN (head.S's x23). MIN_LOAD_ALIGN is
 * what this kernel really needs: 4 KiB when it relocates itself
 * (CONFIG_RELOCATABLE), else the full 2 MiB; head.S halts with a message
 * on the fallback UART when the Image is not on such a boundary.
 */
#ifndef __ASM_BOOT_H
#define __ASM_BOOT_H

#include <linux/sizes.h>

#define MIN_KIMG_ALIGN SZ_2M

#ifdef CONFIG_RELOCATABLE
#define MIN_LOAD_ALIGN SZ_4K
#define MIN_LOAD_ALIGN_STR "4 KiB"
#else
#define MIN_LOAD_ALIGN MIN_KIMG_ALIGN
#define MIN_LOAD_ALIGN_STR "2 MiB"
#endif

#endif
