// SPDX-License-Identifier: GPL-2.0
/*
 * libc: the user-space library itself. printf formatting against known
 * strings, number parsing, strings, qsort, and malloc (many sizes, all
 * freed and coalesced, large blocks on mmap).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "ktap.h"

static int fmt_fails;

static void expect_fmt(const char *want, const char *fmt, ...) __printf(2, 3);

static void expect_fmt(const char *want, const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (strcmp(buf, want) || n != (int)strlen(want)) {
		ktap_diag("format \"%s\": got \"%s\" (%d), want \"%s\"", fmt, buf, n, want);
		fmt_fails++;
	}
}

static int printf_cases(void)
{
	const char *volatile null = NULL;	/* volatile: GCC would object */

	expect_fmt("42 -42 0", "%d %i %u", 42, -42, 0);
	expect_fmt("[   42] [42   ] [00042]", "[%5d] [%-5d] [%05d]", 42, 42, 42);
	expect_fmt("[+7] [ 7] [-7]", "[%+d] [% d] [%+d]", 7, 7, -7);
	expect_fmt("ff FF 0xff 0XFF 777 0777", "%x %X %#x %#X %o %#o", 255, 255, 255, 255, 511, 511);
	expect_fmt("-9223372036854775808", "%ld", LONG_MIN);
	expect_fmt("18446744073709551615", "%lu", ULONG_MAX);
	expect_fmt("ffffffffffffffff", "%llx", 0xffffffffffffffffULL);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"	/* ints on purpose: hh and h truncate */
	expect_fmt("-1 255 65535", "%hhd %hhu %hu", 255, 0x1ff, 0x1ffff);
#pragma GCC diagnostic pop
	expect_fmt("[  abc] [abc  ] [ab]", "[%5s] [%-5s] [%.2s]", "abc", "abc", "abc");
	expect_fmt("(null)", "%s", null);
	expect_fmt("x%y", "%c%%%c", 'x', 'y');
	expect_fmt("0x1234", "%p", (void *)0x1234);
	expect_fmt("[0042] [  0042]", "[%.4d] [%6.4d]", 42, 42);
	expect_fmt("[   7] [7   ]", "[%*d] [%-*d]", 4, 7, 4, 7);
	expect_fmt("[] [0]", "[%.0d] [%d]", 0, 0);
	expect_fmt("123456789012", "%zu", (size_t)123456789012UL);
	return !fmt_fails;
}

static int snprintf_truncates(void)
{
	char buf[8];
	int n = snprintf(buf, sizeof(buf), "%s", "0123456789");

	return n == 10 && !strcmp(buf, "0123456") && snprintf(NULL, 0, "%d", 12345) == 5;
}

static int strtol_cases(void)
{
	char *end;
	int ok = 1;

	ok &= strtol("  -123xyz", &end, 10) == -123 && !strcmp(end, "xyz");
	ok &= strtol("0x1f", NULL, 0) == 31 && strtol("017", NULL, 0) == 15;
	ok &= strtol("ff", NULL, 16) == 255 && strtoul("11", NULL, 2) == 3;
	ok &= strtol("abc", &end, 10) == 0 && !strcmp(end, "abc");
	errno = 0;
	ok &= strtol("99999999999999999999", NULL, 10) == LONG_MAX && errno == ERANGE;
	ok &= atoi("42") == 42;
	return ok;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int qsort_sorts(void)
{
	int v[100], i;

	for (i = 0; i < 100; i++)
		v[i] = (i * 37) % 100;
	qsort(v, 100, sizeof(v[0]), cmp_int);
	for (i = 0; i < 100; i++)
		if (v[i] != i)
			return 0;
	return 1;
}

static int string_cases(void)
{
	char buf[32];
	int ok = 1;

	ok &= strlen("hello") == 5 && !strcmp("abc", "abc") && strcmp("abc", "abd") < 0;
	ok &= strncmp("abcX", "abcY", 3) == 0 && strchr("hello", 'l') - "hello" == 2;
	ok &= strrchr("hello", 'l') - "hello" == 3 && !strcmp(strstr("haystack", "st"), "stack");
	ok &= strlcpy(buf, "truncate me", 9) == 11 && !strcmp(buf, "truncate");
	ok &= strlcat(buf, "!!", sizeof(buf)) == 10 && !strcmp(buf, "truncate!!");
	memset(buf, 'x', sizeof(buf));
	memmove(buf + 1, buf, 10);
	strcpy(buf, "overlap");
	memmove(buf + 2, buf, 8);
	ok &= !memcmp(buf, "ovoverlap", 9);
	ok &= memcmp("ab", "ac", 2) < 0 && memchr("abc", 'c', 3) != NULL;
	return ok;
}

/* Many sizes, interleaved frees, contents checked; then one block again. */
static int malloc_cases(void)
{
	static unsigned char *p[200];
	size_t size;
	int i, j, ok = 1;
	void *big, *first, *again;

	first = malloc(16);
	free(first);
	for (i = 0; i < 200; i++) {
		size = 1 + (size_t)(i * 97) % 3000;
		p[i] = malloc(size);
		if (!p[i] || ((uintptr_t)p[i] & 15))
			return 0;
		memset(p[i], i, size);
	}
	for (i = 0; i < 200; i += 2)
		free(p[i]);
	for (i = 1; i < 200; i += 2) {
		size = 1 + (size_t)(i * 97) % 3000;
		for (j = 0; j < (int)size; j++)
			ok &= p[i][j] == (unsigned char)i;
		p[i] = realloc(p[i], size + 5000);
		ok &= p[i] && p[i][0] == (unsigned char)i && p[i][size - 1] == (unsigned char)i;
		free(p[i]);
	}
	again = malloc(16);			/* everything merged back: first fit */
	ok &= again == first;
	free(again);

	big = malloc(1 << 20);			/* on its own mmap */
	ok &= big != NULL;
	if (big) {
		memset(big, 0xa5, 1 << 20);
		free(big);
	}
	ok &= calloc(1, 100) != NULL && malloc((size_t)-1 / 2 + 1) == NULL;
	return ok;
}

/* Lines of /etc/motd: a blank one, then the greeting; -1 at the end. */
static int readline_reads_lines(void)
{
	char line[128];
	int fd = open("/etc/motd", O_RDONLY), ok = 1, n = 0;

	if (fd < 0)
		return 0;
	ok &= readline(fd, line, sizeof(line)) == 0 && line[0] == '\0';
	ok &= readline(fd, line, sizeof(line)) > 0 && !strncmp(line, "headstart:", 10);
	while (readline(fd, line, sizeof(line)) >= 0 && n < 100)
		n++;
	close(fd);
	return ok && n < 100;
}

static int auxv_has_pagesz(void)
{
	return getauxval(AT_PAGESZ) == 4096;
}

int main(int argc, char **argv)
{
	ktap_start("libc", 8);
	ktap_result(printf_cases(), "printf_formats");
	ktap_result(snprintf_truncates(), "snprintf_truncates_and_counts");
	ktap_result(strtol_cases(), "strtol_bases_signs_overflow");
	ktap_result(string_cases(), "string_functions");
	ktap_result(qsort_sorts(), "qsort_sorts");
	ktap_result(malloc_cases(), "malloc_free_realloc_coalesce");
	ktap_result(readline_reads_lines(), "readline_reads_lines");
	if (!ktap_result(auxv_has_pagesz(), "auxv_page_size_is_4096"))
		ktap_diag("AT_PAGESZ = %lu", getauxval(AT_PAGESZ));
	return ktap_finish();
}
