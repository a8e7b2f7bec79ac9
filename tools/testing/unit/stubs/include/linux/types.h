/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/stubs/include/linux/types.h: the kernel's fixed-width
 * types for a host build.
 *
 * The kernel's own include/linux/types.h stands in for <stdint.h> (it is
 * built with -nostdinc) and so clashes with the host's, which the host
 * libfdt.h and the tests pull in. This one takes the standard types from
 * the compiler and defines only the kernel's names on top, with the same
 * meaning as the kernel's: u64 is unsigned long long, phys_addr_t is u64.
 */
#ifndef __LINUX_TYPES_H
#define __LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed int s32;
typedef unsigned int u32;
typedef signed long long s64;
typedef unsigned long long u64;

typedef u64 phys_addr_t;

#endif
