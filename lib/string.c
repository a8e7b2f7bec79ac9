// SPDX-License-Identifier: GPL-2.0
/*
 * lib/string.c: string and memory functions, written to be read and
 * unit-tested. memset and memcpy move 8 bytes at a time when they can;
 * the rest go byte by byte. An architecture with faster ones of its own
 * says so in asm/string.h (__HAVE_ARCH_MEMCPY...) and these are left out:
 * arm64's are in arch/arm64/lib/memcpy.S and memset.S.
 * libfdt links against memcpy, memmove, memset, memcmp, memchr, strlen,
 * strnlen, strchr and strrchr from here.
 */
#include <linux/string.h>

#ifndef __HAVE_ARCH_MEMCPY
void *memcpy(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;

	/* Same alignment within a word: bytes up to a boundary, then words. */
	if ((((uintptr_t)d ^ (uintptr_t)s) & 7) == 0) {
		for (; n && ((uintptr_t)d & 7); n--)
			*d++ = *s++;
		for (; n >= 8; n -= 8, d += 8, s += 8)
			*(u64 *)d = *(const u64 *)s;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}
#endif

void *memmove(void *dst, const void *src, size_t n)
{
	u8 *d = dst;
	const u8 *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)		/* overlapping, destination above: copy backwards */
		d[n] = s[n];
	return dst;
}

#ifndef __HAVE_ARCH_MEMSET
void *memset(void *s, int c, size_t n)
{
	u8 *p = s;
	u64 word = 0x0101010101010101ULL * (u8)c;

	for (; n && ((uintptr_t)p & 7); n--)	/* up to an 8-byte boundary */
		*p++ = (u8)c;
	for (; n >= 32; n -= 32, p += 32) {	/* 32 bytes a turn */
		((u64 *)p)[0] = word;
		((u64 *)p)[1] = word;
		((u64 *)p)[2] = word;
		((u64 *)p)[3] = word;
	}
	for (; n >= 8; n -= 8, p += 8)
		*(u64 *)p = word;
	while (n--)
		*p++ = (u8)c;
	return s;
}
#endif

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const u8 *p = s;

	for (; n; n--, p++)
		if (*p == (u8)c)
			return (void *)p;
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (u8)*a - (u8)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (u8)*a - (u8)*b;
		if (!*a)
			break;
	}
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/* Copy at most size-1 bytes and always terminate; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}
