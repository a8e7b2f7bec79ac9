/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/kernel_api.h: the kernel's lib/ functions as the host
 * tests call them.
 *
 * The kernel sources are built with their C-library names renamed to k_*
 * (stubs/kernel_names.h), so a test can call the kernel's memcpy as
 * k_memcpy() and still use the host's memcpy for its own work. These
 * prototypes are also compiled into stubs/printk.c next to the kernel's
 * <linux/string.h> and <linux/kernel.h>, so any drift between the two is
 * a build error. Only <stddef.h> types here: va_list is spelled as the
 * compiler's builtin, which is what both the kernel's and the host's
 * <stdarg.h> call it.
 */
#ifndef UNIT_KERNEL_API_H
#define UNIT_KERNEL_API_H

#include <stddef.h>

void *k_memcpy(void *dst, const void *src, size_t n);
void *k_memmove(void *dst, const void *src, size_t n);
void *k_memset(void *s, int c, size_t n);
int k_memcmp(const void *a, const void *b, size_t n);
void *k_memchr(const void *s, int c, size_t n);
size_t k_strlen(const char *s);
size_t k_strnlen(const char *s, size_t max);
int k_strcmp(const char *a, const char *b);
int k_strncmp(const char *a, const char *b, size_t n);
char *k_strchr(const char *s, int c);
char *k_strrchr(const char *s, int c);
size_t k_strlcpy(char *dst, const char *src, size_t size);
char *k_strstr(const char *haystack, const char *needle);
unsigned long k_strtoul(const char *s, char **end, int base);

int k_vsnprintf(char *buf, size_t size, const char *fmt, __builtin_va_list args);
__attribute__((__format__(printf, 3, 4)))
int k_snprintf(char *buf, size_t size, const char *fmt, ...);
unsigned long long k_simple_strtoull(const char *s, char **end, unsigned int base);

#endif
