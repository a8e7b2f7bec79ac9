/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/types.h: the fixed-width and size types every file uses.
 * The kernel is built with -nostdinc, so these stand in for <stdint.h>.
 */
#ifndef __LINUX_TYPES_H
#define __LINUX_TYPES_H

#ifndef __ASSEMBLY__

typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed int s32;
typedef unsigned int u32;
typedef signed long long s64;
typedef unsigned long long u64;

typedef u8 uint8_t;
typedef u16 uint16_t;
typedef u32 uint32_t;
typedef u64 uint64_t;
typedef s32 int32_t;
typedef s64 int64_t;

typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef long ptrdiff_t;

typedef u64 phys_addr_t;
typedef long long loff_t;	/* file positions and sizes (include/linux/fs.h) */

typedef _Bool bool;
#define true 1
#define false 0

#define NULL ((void *)0)

#endif /* __ASSEMBLY__ */
#endif
