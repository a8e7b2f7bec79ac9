/* SPDX-License-Identifier: GPL-2.0 */
/* include/linux/sizes.h: named powers of two, for C and assembly. */
#ifndef __LINUX_SIZES_H
#define __LINUX_SIZES_H

#include <linux/const.h>

#define SZ_1K  0x00000400
#define SZ_2K  0x00000800
#define SZ_4K  0x00001000
#define SZ_64K 0x00010000
#define SZ_1M  0x00100000
#define SZ_2M  0x00200000
#define SZ_4M  0x00400000
#define SZ_8M  0x00800000
#define SZ_16M 0x01000000
#define SZ_32M 0x02000000
#define SZ_128M 0x08000000
#define SZ_1G  0x40000000
#define SZ_4G  _AC(0x100000000, ULL)

#endif
