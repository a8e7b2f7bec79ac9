/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/libfdt_env.h: what libfdt.h needs from its environment, for the
 * kernel: fixed-width types, big-endian conversions, the string functions.
 * libfdt.h includes <libfdt_env.h>; this one is found first on the include
 * path (scripts/install-deps removes the Debian package's copy, which
 * wants a hosted C library). Host unit tests use the host's own.
 */
#ifndef LIBFDT_ENV_H
#define LIBFDT_ENV_H

#include <linux/string.h>
#include <linux/types.h>

#define INT_MAX ((int)(~0U >> 1))
#define INT32_MAX INT_MAX
#define UINT32_MAX (~0U)

typedef u16 fdt16_t;
typedef u32 fdt32_t;
typedef u64 fdt64_t;

static inline u16 fdt16_to_cpu(fdt16_t x) { return __builtin_bswap16(x); }
static inline fdt16_t cpu_to_fdt16(u16 x) { return __builtin_bswap16(x); }
static inline u32 fdt32_to_cpu(fdt32_t x) { return __builtin_bswap32(x); }
static inline fdt32_t cpu_to_fdt32(u32 x) { return __builtin_bswap32(x); }
static inline u64 fdt64_to_cpu(fdt64_t x) { return __builtin_bswap64(x); }
static inline fdt64_t cpu_to_fdt64(u64 x) { return __builtin_bswap64(x); }

#endif
