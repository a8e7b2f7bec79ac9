/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/stubs/kernel_names.h: force-included (-include) into
 * every kernel source built for the host tests.
 *
 * lib/string.c and lib/vsprintf.c define functions with the C library's
 * names (memcpy, strlen, snprintf...). Linked as they are, they would
 * replace the host's own for the whole test process (cmocka, ASan, libfdt
 * included). So every kernel translation unit sees them under a k_ prefix:
 * the kernel code calls the kernel's versions, the tests call them as
 * k_memcpy() etc., and everything else keeps the C library.
 */
#ifndef UNIT_KERNEL_NAMES_H
#define UNIT_KERNEL_NAMES_H

#define memcpy k_memcpy
#define memmove k_memmove
#define memset k_memset
#define memcmp k_memcmp
#define memchr k_memchr
#define strlen k_strlen
#define strnlen k_strnlen
#define strcmp k_strcmp
#define strncmp k_strncmp
#define strchr k_strchr
#define strrchr k_strrchr
#define strlcpy k_strlcpy
#define strstr k_strstr
#define strtoul k_strtoul
#define vsnprintf k_vsnprintf
#define snprintf k_snprintf
#define simple_strtoull k_simple_strtoull

#endif
