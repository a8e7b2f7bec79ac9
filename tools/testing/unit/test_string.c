// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_string.c: host unit tests of lib/string.c.
 *
 * The kernel's functions are built under their k_ names (see
 * stubs/kernel_names.h) and checked one by one against what the C standard
 * (and, for strlcpy, the BSD/Linux contract) says they return, with the
 * edge cases the kernel and libfdt lean on: overlapping memmove in both
 * directions, bytes above 0x7f compared as unsigned, strchr/strrchr of
 * '\0', strlcpy truncation and its return value. memcpy and memset move
 * whole words when they can, so they are also run over every alignment of
 * source and destination and every short length, against the C library's
 * result. Buffers are exact-size heap allocations where reading or writing
 * one byte too far matters, so AddressSanitizer catches an overrun.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "kernel_api.h"

/* A heap copy of exactly strlen(s) + 1 bytes: ASan sees any overread. */
static char *exact(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	assert_non_null(p);
	memcpy(p, s, n);
	return p;
}

static void test_memcpy(void **state)
{
	unsigned char src[64], dst[64];

	for (int i = 0; i < 64; i++)
		src[i] = (unsigned char)(i * 7 + 3);
	memset(dst, 0xaa, sizeof(dst));
	assert_ptr_equal(k_memcpy(dst + 1, src, 62), dst + 1);
	assert_memory_equal(dst + 1, src, 62);
	assert_int_equal(dst[0], 0xaa);		/* nothing outside the range */
	assert_int_equal(dst[63], 0xaa);
	assert_ptr_equal(k_memcpy(dst, src, 0), dst);	/* n = 0: nothing */
	assert_int_equal(dst[0], 0xaa);
}

static void test_memmove_overlap(void **state)
{
	char buf[16];

	/* destination above the source: must copy backwards */
	memcpy(buf, "0123456789abcdef", 16);
	assert_ptr_equal(k_memmove(buf + 3, buf, 10), buf + 3);
	assert_memory_equal(buf, "0120123456789def", 16);

	/* destination below the source: forwards */
	memcpy(buf, "0123456789abcdef", 16);
	assert_ptr_equal(k_memmove(buf, buf + 3, 10), buf);
	assert_memory_equal(buf, "3456789abcabcdef", 16);

	/* overlapping by one byte, both ways */
	memcpy(buf, "0123456789abcdef", 16);
	k_memmove(buf + 1, buf, 15);
	assert_memory_equal(buf, "00123456789abcde", 16);
	memcpy(buf, "0123456789abcdef", 16);
	k_memmove(buf, buf + 1, 15);
	assert_memory_equal(buf, "123456789abcdeff", 16);

	/* same place, and disjoint */
	memcpy(buf, "0123456789abcdef", 16);
	k_memmove(buf, buf, 16);
	assert_memory_equal(buf, "0123456789abcdef", 16);
	k_memmove(buf + 8, buf, 8);
	assert_memory_equal(buf, "0123456701234567", 16);
}

static void test_memmove_large_overlap(void **state)
{
	/* A larger overlapping move, checked against the C library's. */
	enum { N = 4096 };
	unsigned char *a = malloc(N), *b = malloc(N);

	assert_non_null(a);
	assert_non_null(b);
	for (int shift = 1; shift < 300; shift += 37) {
		for (int i = 0; i < N; i++)
			a[i] = b[i] = (unsigned char)(i ^ (i >> 8));
		k_memmove(a + shift, a, N - shift);
		memmove(b + shift, b, N - shift);
		assert_memory_equal(a, b, N);
		k_memmove(a, a + shift, N - shift);
		memmove(b, b + shift, N - shift);
		assert_memory_equal(a, b, N);
	}
	free(a);
	free(b);
}

/* A buffer of exactly off + n bytes, filled with a pattern: p + off ends it. */
static unsigned char *tail_buffer(size_t off, size_t n, unsigned char seed)
{
	unsigned char *p = malloc(off + n + 1);	/* +1: malloc(0) may be NULL */

	assert_non_null(p);
	for (size_t i = 0; i < off + n + 1; i++)
		p[i] = (unsigned char)(seed + i * 13);
	return p;
}

static void test_memcpy_alignments(void **state)
{
	/* every source/destination alignment, lengths around the word size */
	for (size_t soff = 0; soff < 8; soff++) {
		for (size_t doff = 0; doff < 8; doff++) {
			for (size_t n = 0; n <= 70; n++) {
				unsigned char *src = tail_buffer(soff, n, 1);
				unsigned char *dst = tail_buffer(doff, n, 7);
				unsigned char *want = malloc(doff + n + 1);

				assert_non_null(want);
				memcpy(want, dst, doff + n + 1);
				memcpy(want + doff, src + soff, n);
				assert_ptr_equal(k_memcpy(dst + doff, src + soff, n), dst + doff);
				if (memcmp(dst, want, doff + n + 1))
					fail_msg("memcpy n=%zu src+%zu dst+%zu", n, soff, doff);
				free(src);
				free(dst);
				free(want);
			}
		}
	}
}

static void test_memset_alignments(void **state)
{
	static const int values[] = { 0, 0xa5, -1, 0x17f };

	for (size_t v = 0; v < sizeof(values) / sizeof(values[0]); v++) {
		for (size_t off = 0; off < 8; off++) {
			for (size_t n = 0; n <= 100; n++) {
				unsigned char *buf = tail_buffer(off, n, 3);
				unsigned char *want = malloc(off + n + 1);

				assert_non_null(want);
				memcpy(want, buf, off + n + 1);
				memset(want + off, values[v], n);
				assert_ptr_equal(k_memset(buf + off, values[v], n), buf + off);
				if (memcmp(buf, want, off + n + 1))
					fail_msg("memset c=%#x n=%zu at +%zu", values[v], n, off);
				free(buf);
				free(want);
			}
		}
	}
}

static void test_memmove_alignments(void **state)
{
	/* overlapping both ways by every distance up to 17 bytes */
	enum { N = 64, ROOM = 17 + 8 + 17 + N };	/* room on both sides */
	unsigned char a[ROOM], b[ROOM];

	for (int dist = -17; dist <= 17; dist++) {
		for (size_t start = 17; start < 17 + 8; start++) {
			for (size_t n = 0; n <= N; n++) {
				for (int i = 0; i < ROOM; i++)
					a[i] = b[i] = (unsigned char)(i * 29 + 5);
				k_memmove(a + start + dist, a + start, n);
				memmove(b + start + dist, b + start, n);
				if (memcmp(a, b, ROOM))
					fail_msg("memmove n=%zu from +%zu by %d", n, start, dist);
			}
		}
	}
}

static void test_memset(void **state)
{
	unsigned char buf[8];

	memset(buf, 0, sizeof(buf));
	assert_ptr_equal(k_memset(buf + 1, 0x1ab, 6), buf + 1);	/* (u8)c */
	assert_int_equal(buf[0], 0);
	for (int i = 1; i < 7; i++)
		assert_int_equal(buf[i], 0xab);
	assert_int_equal(buf[7], 0);
	k_memset(buf, -1, 0);
	assert_int_equal(buf[0], 0);
}

static void test_memcmp(void **state)
{
	assert_int_equal(k_memcmp("abc", "abc", 3), 0);
	assert_int_equal(k_memcmp("abc", "abd", 0), 0);
	assert_true(k_memcmp("abc", "abd", 3) < 0);
	assert_true(k_memcmp("abd", "abc", 3) > 0);
	/* bytes compare as unsigned: 0x80 > 0x7f */
	assert_true(k_memcmp("\x80", "\x7f", 1) > 0);
	assert_true(k_memcmp("\x01", "\xff", 1) < 0);
	/* embedded NULs do not stop it */
	assert_true(k_memcmp("a\0b", "a\0c", 3) < 0);
}

static void test_memchr(void **state)
{
	const char buf[] = "abc\0abc\xff";

	assert_ptr_equal(k_memchr(buf, 'b', 8), buf + 1);
	assert_ptr_equal(k_memchr(buf, 'c', 2), NULL);	/* outside n */
	assert_ptr_equal(k_memchr(buf, '\0', 8), buf + 3);
	assert_ptr_equal(k_memchr(buf + 4, 'a', 4), buf + 4);
	assert_ptr_equal(k_memchr(buf, 0xff, 8), buf + 7);
	assert_ptr_equal(k_memchr(buf, 0x100 + 'c', 8), buf + 2);	/* (u8)c */
	assert_ptr_equal(k_memchr(buf, 'z', 8), NULL);
	assert_ptr_equal(k_memchr(buf, 'a', 0), NULL);
}

static void test_strlen_strnlen(void **state)
{
	char *s = exact("hello");

	assert_int_equal(k_strlen(s), 5);
	assert_int_equal(k_strlen(""), 0);
	assert_int_equal(k_strnlen(s, 100), 5);
	assert_int_equal(k_strnlen(s, 5), 5);
	assert_int_equal(k_strnlen(s, 3), 3);
	assert_int_equal(k_strnlen(s, 0), 0);
	/* strnlen must not read past max: a buffer with no NUL at all */
	char *raw = malloc(4);

	assert_non_null(raw);
	memcpy(raw, "abcd", 4);
	assert_int_equal(k_strnlen(raw, 4), 4);
	free(raw);
	free(s);
}

static void test_strcmp_strncmp(void **state)
{
	assert_int_equal(k_strcmp("abc", "abc"), 0);
	assert_int_equal(k_strcmp("", ""), 0);
	assert_true(k_strcmp("abc", "abd") < 0);
	assert_true(k_strcmp("abd", "abc") > 0);
	assert_true(k_strcmp("ab", "abc") < 0);		/* prefix sorts first */
	assert_true(k_strcmp("abc", "ab") > 0);
	assert_true(k_strcmp("\xe9", "e") > 0);		/* unsigned chars */

	assert_int_equal(k_strncmp("abcX", "abcY", 3), 0);
	assert_true(k_strncmp("abcX", "abcY", 4) < 0);
	assert_int_equal(k_strncmp("abc", "xyz", 0), 0);
	assert_int_equal(k_strncmp("ab", "ab", 10), 0);	/* stops at the NUL */
	assert_true(k_strncmp("ab", "abc", 10) < 0);
	assert_true(k_strncmp("\xff", "a", 1) > 0);

	char *a = exact("ab"), *b = exact("ab");	/* no reads past the NUL */

	assert_int_equal(k_strncmp(a, b, 1000), 0);
	free(a);
	free(b);
}

static void test_strchr(void **state)
{
	char *s = exact("a,b,c");

	assert_ptr_equal(k_strchr(s, ','), s + 1);		/* the first */
	assert_ptr_equal(k_strchr(s, 'a'), s);
	assert_ptr_equal(k_strchr(s, 'c'), s + 4);
	assert_ptr_equal(k_strchr(s, 'z'), NULL);
	assert_ptr_equal(k_strchr(s, '\0'), s + 5);		/* the terminator */
	assert_ptr_equal(k_strchr(s, 0x100 + ','), s + 1);	/* (char)c */
	free(s);

	char *e = exact("");

	assert_ptr_equal(k_strchr(e, '\0'), e);
	assert_ptr_equal(k_strchr(e, 'a'), NULL);
	free(e);
}

static void test_strrchr(void **state)
{
	char *s = exact("a,b,c");

	assert_ptr_equal(k_strrchr(s, ','), s + 3);		/* the last */
	assert_ptr_equal(k_strrchr(s, 'a'), s);
	assert_ptr_equal(k_strrchr(s, 'z'), NULL);
	assert_ptr_equal(k_strrchr(s, '\0'), s + 5);	/* the terminator */
	free(s);

	char *e = exact("");

	assert_ptr_equal(k_strrchr(e, '\0'), e);
	assert_ptr_equal(k_strrchr(e, 'x'), NULL);
	free(e);
}

static void test_strlcpy(void **state)
{
	char buf[8];

	/* fits */
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(k_strlcpy(buf, "abc", sizeof(buf)), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(buf[4], 'x');	/* nothing written past the NUL */

	/* exactly fits: 7 chars + NUL */
	assert_int_equal(k_strlcpy(buf, "1234567", sizeof(buf)), 7);
	assert_string_equal(buf, "1234567");

	/* truncated: size - 1 chars and a NUL; returns strlen(src) */
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(k_strlcpy(buf, "0123456789", sizeof(buf)), 10);
	assert_string_equal(buf, "0123456");

	/* size 1: only the NUL */
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(k_strlcpy(buf, "abc", 1), 3);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(buf[1], 'x');

	/* size 0: writes nothing at all */
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(k_strlcpy(buf, "abc", 0), 3);
	assert_int_equal(buf[0], 'x');

	/* empty source */
	assert_int_equal(k_strlcpy(buf, "", sizeof(buf)), 0);
	assert_string_equal(buf, "");

	/* an exact-size destination: ASan checks the last byte written */
	char *dst = malloc(4);

	assert_non_null(dst);
	assert_int_equal(k_strlcpy(dst, "truncate me", 4), 11);
	assert_string_equal(dst, "tru");
	free(dst);
}

static void test_strstr(void **state)
{
	char *h = exact("the cat sat");

	assert_ptr_equal(k_strstr(h, "cat"), h + 4);
	assert_ptr_equal(k_strstr(h, "at"), h + 5);		/* the first */
	assert_ptr_equal(k_strstr(h, "the cat sat"), h);
	assert_ptr_equal(k_strstr(h, "sat!"), NULL);
	assert_ptr_equal(k_strstr(h, "dog"), NULL);
	assert_ptr_equal(k_strstr(h, ""), h);			/* empty needle */
	free(h);

	char *a = exact("aaab");

	assert_ptr_equal(k_strstr(a, "aab"), a + 1);		/* restarts */
	assert_ptr_equal(k_strstr(a, "aaaab"), NULL);	/* longer than it */
	free(a);

	char *e = exact("");

	assert_ptr_equal(k_strstr(e, ""), e);
	assert_ptr_equal(k_strstr(e, "a"), NULL);
	free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memcpy),
		cmocka_unit_test(test_memmove_overlap),
		cmocka_unit_test(test_memmove_large_overlap),
		cmocka_unit_test(test_memcpy_alignments),
		cmocka_unit_test(test_memmove_alignments),
		cmocka_unit_test(test_memset),
		cmocka_unit_test(test_memset_alignments),
		cmocka_unit_test(test_memcmp),
		cmocka_unit_test(test_memchr),
		cmocka_unit_test(test_strlen_strnlen),
		cmocka_unit_test(test_strcmp_strncmp),
		cmocka_unit_test(test_strchr),
		cmocka_unit_test(test_strrchr),
		cmocka_unit_test(test_strlcpy),
		cmocka_unit_test(test_strstr),
	};

	return cmocka_run_group_tests_name("lib/string.c", tests, NULL, NULL);
}
