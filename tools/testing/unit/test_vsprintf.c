// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_vsprintf.c: host unit tests of lib/vsprintf.c.
 *
 * A table of format/argument cases, each with the exact output expected.
 * Every case is checked several ways by check():
 *   - k_vsnprintf into a roomy buffer gives the expected text and returns
 *     its length;
 *   - with every smaller buffer size, down to 1, the output is the expected
 *     text cut to size - 1 characters plus a NUL, the return value is still
 *     the full length, and not one byte past the NUL is touched;
 *   - with size 0 nothing is written at all;
 *   - where the kernel promises C's behaviour (LIBC in the table), the host
 *     C library's vsnprintf gives the same text. Cases marked KERNEL are
 *     the kernel's own choices (Linux's): %p in plain zero-padded hex, '#'
 *     printing 0x even for zero, unknown conversions printed as they are.
 * Also: snprintf() itself, simple_strtoull/strtoul, and signed 64-bit
 * extremes, run in a child process because they can trip UBSan.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "kernel_api.h"

enum { KERNEL, LIBC };

static int mismatches;

#define GUARD 0x5a

static void report(int line, const char *what, const char *fmt, const char *got,
		   const char *want)
{
	print_error("test_vsprintf.c:%d: format \"%s\": %s: got \"%s\", expected \"%s\"\n",
		    line, fmt, what, got, want);
	mismatches++;
}

static void vcheck(int line, const char *want, int libc, const char *fmt, va_list args)
{
	size_t len = strlen(want);
	char buf[512];
	va_list ap;
	int ret;

	/* a roomy buffer */
	memset(buf, GUARD, sizeof(buf));
	va_copy(ap, args);
	ret = k_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (strcmp(buf, want))
		report(line, "output", fmt, buf, want);
	if (ret != (int)len) {
		char n[32];

		snprintf(n, sizeof(n), "%d", ret);
		report(line, "return value", fmt, n, "strlen(expected)");
	}
	if (buf[len + 1] != GUARD)
		report(line, "wrote past the NUL", fmt, buf, want);

	/* every truncating size */
	for (size_t size = 1; size <= len; size++) {
		memset(buf, GUARD, sizeof(buf));
		va_copy(ap, args);
		ret = k_vsnprintf(buf, size, fmt, ap);
		va_end(ap);
		if (ret != (int)len || strlen(buf) != size - 1 ||
		    memcmp(buf, want, size - 1) || buf[size] != GUARD) {
			char what[64];

			snprintf(what, sizeof(what), "truncated to size %zu (returned %d)",
				 size, ret);
			report(line, what, fmt, buf, want);
			break;
		}
	}

	/* size 0: nothing written, length still returned */
	memset(buf, GUARD, sizeof(buf));
	va_copy(ap, args);
	ret = k_vsnprintf(buf, 0, fmt, ap);
	va_end(ap);
	if (ret != (int)len || buf[0] != GUARD)
		report(line, "size 0", fmt, buf[0] == GUARD ? "(untouched)" : "(written)", want);

	/* the C library agrees, where the kernel means to be C */
	if (libc) {
		va_copy(ap, args);
		vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
		if (strcmp(buf, want))
			report(line, "host libc disagrees (bad table entry?)", fmt, buf, want);
	}
}

__attribute__((format(printf, 4, 5)))
static void check(int line, const char *want, int libc, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vcheck(line, want, libc, fmt, args);
	va_end(args);
}

/*
 * CASE(expected, LIBC|KERNEL, format, args...). The compiler checks the
 * format against the arguments too (check() has the printf attribute).
 */
#define CASE(want, libc, ...) check(__LINE__, want, libc, __VA_ARGS__)

static void test_integers(void **state)
{
	mismatches = 0;
	CASE("42", LIBC, "%d", 42);
	CASE("-42", LIBC, "%d", -42);
	CASE("0", LIBC, "%d", 0);
	CASE("2147483647", LIBC, "%d", INT_MAX);
	CASE("-2147483648", LIBC, "%d", INT_MIN);
	CASE("-7", LIBC, "%i", -7);
	CASE("4294967295", LIBC, "%u", UINT_MAX);
	CASE("0", LIBC, "%u", 0u);
	CASE("18446744073709551615", LIBC, "%llu", ULLONG_MAX);
	CASE("9223372036854775807", LIBC, "%lld", LLONG_MAX);
	CASE("-9223372036854775807", LIBC, "%lld", -LLONG_MAX);
	CASE("-1", LIBC, "%ld", -1L);
	CASE("18446744073709551615", LIBC, "%lu", ULONG_MAX);
	CASE("18446744073709551615", LIBC, "%zu", (size_t)-1);
	CASE("-3", LIBC, "%td", (ptrdiff_t)-3);
	/* h and hh narrow the (int-promoted) argument first */
	CASE("-1", LIBC, "%hhd", 255);
	CASE("255", LIBC, "%hhu", -1);
	CASE("-1", LIBC, "%hd", 65535);
	CASE("1", LIBC, "%hu", 65537);
	/* octal */
	CASE("10", LIBC, "%o", 8);
	CASE("010", LIBC, "%#o", 8);
	CASE("37777777777", LIBC, "%o", UINT_MAX);
	CASE("1777777777777777777777", LIBC, "%llo", ULLONG_MAX);
	assert_int_equal(mismatches, 0);
}

static void test_hex(void **state)
{
	mismatches = 0;
	CASE("deadbeef", LIBC, "%x", 0xdeadbeefu);
	CASE("DEADBEEF", LIBC, "%X", 0xdeadbeefu);
	CASE("0", LIBC, "%x", 0u);
	CASE("0xff", LIBC, "%#x", 255u);
	CASE("0XFF", LIBC, "%#X", 255u);
	CASE("0x2a      |", LIBC, "%-#10x|", 42u);
	CASE("0x000000002a", LIBC, "%#012x", 42u);
	CASE("0x0000000040000000", LIBC, "%#018llx", 0x40000000ULL);
	CASE("0xffff800008000000", LIBC, "%#018llx", 0xffff800008000000ULL);
	CASE("0xffffffffffffffff", LIBC, "%#018llx", ~0ULL);
	CASE("ffffffffffffffff", LIBC, "%lx", ~0UL);
	/* Linux prints the 0x of '#' for zero too (C leaves it out). */
	CASE("0x0000000000000000", KERNEL, "%#018llx", 0ULL);
	CASE("0x0", KERNEL, "%#x", 0u);
	assert_int_equal(mismatches, 0);
}

static void test_width_precision_flags(void **state)
{
	mismatches = 0;
	CASE("   42", LIBC, "%5lu", 42UL);
	CASE("123456", LIBC, "%5lu", 123456UL);	/* width is a minimum */
	CASE("000042", LIBC, "%06llu", 42ULL);
	CASE("-00042", LIBC, "%06d", -42);		/* sign before the zeroes */
	CASE("42   |", LIBC, "%-5d|", 42);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"	/* the point of these two */
	CASE("42   |", LIBC, "%-05d|", 42);		/* '-' beats '0' */
	CASE("     007", LIBC, "%08.3d", 7);	/* '0' ignored with a precision */
#pragma GCC diagnostic pop
	CASE("+5", LIBC, "%+d", 5);
	CASE("-5", LIBC, "%+d", -5);
	CASE(" 5", LIBC, "% d", 5);
	CASE("  +42", LIBC, "%+5d", 42);
	CASE("+0042", LIBC, "%+05d", 42);
	CASE("007", LIBC, "%.3d", 7);
	CASE("-007", LIBC, "%.3d", -7);
	CASE("     007", LIBC, "%8.3d", 7);
	CASE("   42", LIBC, "%*d", 5, 42);
	CASE("42   |", LIBC, "%*d|", -5, 42);		/* negative '*': left-justify */
	CASE("0042", LIBC, "%.*d", 4, 42);
	CASE("x=  -3|y=ff|s=hi", LIBC, "x=%4d|y=%x|s=%s", -3, 255u, "hi");
	assert_int_equal(mismatches, 0);
}

static void test_strings_chars(void **state)
{
	const char *volatile null = NULL;

	mismatches = 0;
	CASE("abc", LIBC, "%s", "abc");
	CASE("", LIBC, "%s", "");
	CASE("abc     |", LIBC, "%-8s|", "abc");
	CASE("     abc", LIBC, "%8s", "abc");
	CASE("abcdefghij", LIBC, "%-8s", "abcdefghij");	/* never cut by width */
	CASE("ab", LIBC, "%.2s", "abcdef");
	CASE("  ab", LIBC, "%4.2s", "abcdef");
	CASE("ab", LIBC, "%.*s", 2, "abcdef");
	CASE("(null)", KERNEL, "%s", null);
	CASE("A", LIBC, "%c", 'A');
	CASE("  A", LIBC, "%3c", 'A');
	CASE("A  |", LIBC, "%-3c|", 'A');
	CASE("%", LIBC, "%%");
	CASE("100%", LIBC, "100%%");
	CASE("a%b", LIBC, "a%%b");
	CASE("", LIBC, "%s", "");
	CASE("plain text, no conversions", LIBC, "plain text, no conversions");
	assert_int_equal(mismatches, 0);
}

static void test_pointers(void **state)
{
	/* %p: the full address, 16 hex digits, no hashing, no 0x */
	mismatches = 0;
	CASE("0000000000001234", KERNEL, "%p", (void *)0x1234);
	CASE("ffff800008000000", KERNEL, "%p", (void *)0xffff800008000000UL);
	CASE("0000000000000000", KERNEL, "%p", NULL);
	CASE("[00000000deadbeef]", KERNEL, "[%p]", (void *)0xdeadbeefUL);
	assert_int_equal(mismatches, 0);
}

static void test_bitmaps(void **state)
{
	/* Linux's %*pbl and %*pb: the width is the number of bits */
	static const unsigned long cpus[] = { 0xdUL }, none[] = { 0 }, all[] = { ~0UL };
	static const unsigned long wide[] = { 0x8000000000000001UL, 0x3UL };

	mismatches = 0;
	CASE("0,2-3", KERNEL, "%*pbl", 4, cpus);
	CASE("0", KERNEL, "%*pbl", 2, cpus);		/* bits past the width are not read */
	CASE("", KERNEL, "%*pbl", 64, none);
	CASE("0-63", KERNEL, "%*pbl", 64, all);
	CASE("0,63-65", KERNEL, "%*pbl", 66, wide);
	CASE("[0,2-3] CPUs", KERNEL, "[%*pbl] CPUs", 4, cpus);
	CASE("d", KERNEL, "%*pb", 4, cpus);
	CASE("0d", KERNEL, "%*pb", 8, cpus);
	CASE("ffffffff,ffffffff", KERNEL, "%*pb", 64, all);
	CASE("3,80000000,00000001", KERNEL, "%*pb", 66, wide);
	assert_int_equal(mismatches, 0);
}

static void test_unknown_conversions(void **state)
{
	/* printed as they were, so a typo shows in the log */
	mismatches = 0;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
	CASE("%q", KERNEL, "%q");
	CASE("abc%", KERNEL, "abc%");
	CASE("%y1", KERNEL, "%y%d", 1);
#pragma GCC diagnostic pop
	assert_int_equal(mismatches, 0);
}

static void test_memblock_style_line(void **state)
{
	/* The line mm/memblock.c prints for memblock=debug. */
	mismatches = 0;
	CASE(" memory[0x0]\t[0x0000000040000000-0x000000004fffffff], 0x10000000 bytes flags: 0x4",
	     LIBC, " %s[0x%lx]\t[%#018llx-%#018llx], %#llx bytes flags: %#x",
	     "memory", 0UL, 0x40000000ULL, 0x4fffffffULL, 0x10000000ULL, 4u);
	assert_int_equal(mismatches, 0);
}

static void test_snprintf(void **state)
{
	char buf[16];

	/* the variadic entry point, around vsnprintf */
	assert_int_equal(k_snprintf(buf, sizeof(buf), "%s-%d", "cpu", 3), 5);
	assert_string_equal(buf, "cpu-3");
	memset(buf, GUARD, sizeof(buf));
	assert_int_equal(k_snprintf(buf, 5, "hello world"), 11);
	assert_string_equal(buf, "hell");
	assert_int_equal(buf[5], GUARD);
	memset(buf, GUARD, sizeof(buf));
	assert_int_equal(k_snprintf(buf, 0, "%d", 12345), 5);
	assert_int_equal(buf[0], GUARD);
	assert_int_equal(k_snprintf(NULL, 0, "%s", "counting only"), 13);
}

static void test_strtoull(void **state)
{
	const char *s;
	char *end;

	s = "123";
	assert_int_equal(k_simple_strtoull(s, &end, 10), 123);
	assert_ptr_equal(end, s + 3);
	s = "0x1fZ";
	assert_int_equal(k_simple_strtoull(s, &end, 0), 0x1f);	/* base 0: hex */
	assert_ptr_equal(end, s + 4);
	s = "0X1F";
	assert_int_equal(k_simple_strtoull(s, &end, 16), 0x1f);
	assert_ptr_equal(end, s + 4);
	s = "1f";
	assert_int_equal(k_simple_strtoull(s, &end, 16), 0x1f);
	s = "0755";
	assert_int_equal(k_simple_strtoull(s, &end, 0), 0755);	/* base 0: octal */
	assert_ptr_equal(end, s + 4);
	s = "089";
	assert_int_equal(k_simple_strtoull(s, &end, 0), 0);	/* 8 is no octal digit */
	assert_ptr_equal(end, s + 1);
	s = "18446744073709551615";
	assert_true(k_simple_strtoull(s, &end, 10) == ULLONG_MAX);
	assert_ptr_equal(end, s + 20);
	s = "zZ";
	assert_int_equal(k_simple_strtoull(s, &end, 36), 35 * 36 + 35);
	s = "";
	assert_int_equal(k_simple_strtoull(s, &end, 10), 0);
	assert_ptr_equal(end, s);
	s = "42abc";
	assert_int_equal(k_simple_strtoull(s, NULL, 10), 42);	/* end is optional */
	s = "  42";
	assert_int_equal(k_simple_strtoull(s, &end, 10), 0);	/* no blanks skipped */
	assert_ptr_equal(end, s);

	/* strtoul (for libfdt): skips leading blanks, then the same */
	s = " \t42x";
	assert_int_equal(k_strtoul(s, &end, 10), 42);
	assert_ptr_equal(end, s + 4);
	s = "0x10";
	assert_int_equal(k_strtoul(s, &end, 0), 16);
	assert_ptr_equal(end, s + 4);
}

/*
 * The most negative 64-bit values. format_number() negates the value to
 * print its digits; done in signed arithmetic that overflows for
 * LLONG_MIN, which UBSan reports and ends the process for. So these run in
 * a child process: the child's exit status is the result, and the rest of
 * the suite still runs if it dies.
 */
static int child_extremes(void)
{
	char buf[64];
	int bad = 0;

	k_snprintf(buf, sizeof(buf), "%lld", LLONG_MIN);
	if (strcmp(buf, "-9223372036854775808")) {
		fprintf(stderr, "%%lld LLONG_MIN gave \"%s\"\n", buf);
		bad = 1;
	}
	k_snprintf(buf, sizeof(buf), "%ld", LONG_MIN);
	if (strcmp(buf, "-9223372036854775808")) {
		fprintf(stderr, "%%ld LONG_MIN gave \"%s\"\n", buf);
		bad = 1;
	}
	return bad;
}

static void test_int64_min(void **state)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(child_extremes());
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		fail_msg("printing LLONG_MIN/LONG_MIN failed in the child (status %#x): "
			 "see the sanitizer report above", status);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_width_precision_flags),
		cmocka_unit_test(test_strings_chars),
		cmocka_unit_test(test_pointers),
		cmocka_unit_test(test_bitmaps),
		cmocka_unit_test(test_unknown_conversions),
		cmocka_unit_test(test_memblock_style_line),
		cmocka_unit_test(test_snprintf),
		cmocka_unit_test(test_strtoull),
		cmocka_unit_test(test_int64_min),
	};

	return cmocka_run_group_tests_name("lib/vsprintf.c", tests, NULL, NULL);
}
