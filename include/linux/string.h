/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/string.h: the string and memory functions of lib/string.c,
 * used by the kernel and by libfdt.
 */
#ifndef __LINUX_STRING_H
#define __LINUX_STRING_H

#include <linux/types.h>
#include <asm/string.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);
char *strstr(const char *haystack, const char *needle);
unsigned long strtoul(const char *s, char **end, int base);

#endif
