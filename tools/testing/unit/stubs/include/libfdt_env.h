/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/stubs/include/libfdt_env.h: libfdt's environment for
 * the host unit tests, which link the host's libfdt (-lfdt).
 *
 * The host <libfdt.h> includes <libfdt_env.h>, and the kernel's
 * include/libfdt_env.h (for the freestanding target) would be found first
 * on the include path: this one is found before it and gives what the
 * host's libfdt.h expects, from the host's C library. In the kernel
 * sources the string functions declared here are the k_ ones (see
 * kernel_names.h), with the same prototypes.
 */
#ifndef LIBFDT_ENV_H
#define LIBFDT_ENV_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef uint16_t fdt16_t;
typedef uint32_t fdt32_t;
typedef uint64_t fdt64_t;

/* The blob is big-endian; the host (x86-64, arm64) is little-endian. */
static inline uint16_t fdt16_to_cpu(fdt16_t x) { return __builtin_bswap16(x); }
static inline fdt16_t cpu_to_fdt16(uint16_t x) { return __builtin_bswap16(x); }
static inline uint32_t fdt32_to_cpu(fdt32_t x) { return __builtin_bswap32(x); }
static inline fdt32_t cpu_to_fdt32(uint32_t x) { return __builtin_bswap32(x); }
static inline uint64_t fdt64_to_cpu(fdt64_t x) { return __builtin_bswap64(x); }
static inline fdt64_t cpu_to_fdt64(uint64_t x) { return __builtin_bswap64(x); }

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the host unit tests assume a little-endian host"
#endif

#endif
