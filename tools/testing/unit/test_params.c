// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_params.c: host unit tests of kernel/params.c.
 *
 * The handlers below are registered with the kernel's own early_param()
 * and __setup() macros (include/linux/init.h). They land in the
 * .init.setup section, which stubs/setup.lds brackets with __setup_start
 * and __setup_end as vmlinux.lds.S does; mm/memblock.c's "memblock"
 * early_param is linked in too. Each handler appends "name(value)" to a
 * log, so a test sees which handlers ran, in which order, with what.
 *
 * parse_early_param() runs only once per boot (a static flag), so
 * test_early_params is the only test that calls it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/moduleparam.h>
#include <linux/of_fdt.h>
#include "stubs/printk_capture.h"

static char calls[1024];

static int record(const char *name, const char *arg)
{
	size_t n = strlen(calls);

	snprintf(calls + n, sizeof(calls) - n, "%s(%s)", name, arg ? arg : "NULL");
	return 0;
}

static int __init early_alpha(char *arg)
{
	return record("alpha", arg);
}
early_param("alpha", early_alpha);

static int __init early_bad(char *arg)
{
	record("bad", arg);
	return -EINVAL;
}
early_param("bad", early_bad);

static int __init setup_beta(char *arg)
{
	return record("beta", arg);
}
__setup("beta=", setup_beta);

static int __init setup_gamma(char *arg)
{
	return record("gamma", arg);
}
__setup("gamma", setup_gamma);

static int __init setup_quoted(char *arg)
{
	return record("quoted", arg);
}
__setup("quoted=", setup_quoted);

static int setup(void **state)
{
	calls[0] = '\0';
	printk_capture_reset();
	return 0;
}

static void set_cmdline(const char *line)
{
	assert_true(strlen(line) < COMMAND_LINE_SIZE);
	strcpy(boot_command_line, line);
}

#define UNKNOWN(list) \
	"<5>Unknown kernel command line parameters \"" list "\", will be passed to user space.\n"

static void test_table(void **state)
{
	/*
	 * The table the linker built: well-formed entries, each of ours
	 * once with its handler and kind, and memblock's early_param.
	 */
	static const struct {
		const char *str;
		int (*fn)(char *);
		int early;
	} ours[] = {
		{ "alpha", early_alpha, 1 }, { "bad", early_bad, 1 },
		{ "beta=", setup_beta, 0 }, { "gamma", setup_gamma, 0 },
		{ "quoted=", setup_quoted, 0 }, { "memblock", NULL, 1 },
	};

	assert_true(__setup_end - __setup_start >= (long)ARRAY_SIZE(ours));
	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		assert_non_null(p->str);
		assert_non_null(p->setup_func);
		assert_true(p->early == 0 || p->early == 1);
	}
	for (size_t i = 0; i < ARRAY_SIZE(ours); i++) {
		int found = 0;

		for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
			if (strcmp(p->str, ours[i].str))
				continue;
			found++;
			assert_int_equal(p->early, ours[i].early);
			if (ours[i].fn)
				assert_ptr_equal(p->setup_func, ours[i].fn);
		}
		if (found != 1)
			fail_msg("\"%s\" is in the table %d times", ours[i].str, found);
	}
}

static void test_early_params(void **state)
{
	static const char line[] =
		"alpha=1 beta=2 gamma unknown1 bad=x memblock=debug quoted=\"x y\" alpha "
		"-- alpha=init";

	set_cmdline(line);
	memblock_debug = false;
	parse_early_param();
	/* only early_param handlers, in command-line order; bare "alpha"
	 * gets NULL; a handler's error is reported, not fatal; nothing after
	 * "--" */
	assert_string_equal(calls, "alpha(1)bad(x)alpha(NULL)");
	assert_true(memblock_debug);
	assert_string_equal(printk_captured(), "<4>Malformed early option 'bad'\n");
	/* the command line itself is left as it was */
	assert_string_equal(boot_command_line, line);

	/* once only */
	setup(NULL);
	parse_early_param();
	assert_string_equal(calls, "");
	assert_string_equal(printk_captured(), "");
}

static void test_late_params(void **state)
{
	set_cmdline("alpha=1 beta=2 gamma unknown1 bad=x memblock=debug quoted=\"x y\" alpha");
	parse_args_late();
	/* __setup handlers; early ones are known but not run again */
	assert_string_equal(calls, "beta(2)gamma(NULL)quoted(x y)");
	assert_string_equal(printk_captured(), UNKNOWN("unknown1"));
}

static void test_name_matching(void **state)
{
	/*
	 * "beta=" wants a value: bare "beta" is not it. "gamma" (no '=')
	 * takes one if given. Prefixes and extensions of a name are not it.
	 */
	set_cmdline("beta gamma=5 alphabet=1 bet=1 betas=2 beta=");
	parse_args_late();
	assert_string_equal(calls, "gamma(5)beta()");
	assert_string_equal(printk_captured(), UNKNOWN("beta alphabet=1 bet=1 betas=2"));
}

static void test_quoting(void **state)
{
	set_cmdline("quoted=\"a=b c\" quoted=\"\" quoted=plain quoted=x\"y z\"");
	parse_args_late();
	/* one pair of quotes around a value is removed; quotes inside a
	 * value keep blanks in it but stay */
	assert_string_equal(calls, "quoted(a=b c)quoted()quoted(plain)quoted(x\"y z\")");
	assert_string_equal(printk_captured(), "");

	/* an unterminated quote runs to the end of the line */
	setup(NULL);
	set_cmdline("quoted=\"never closed beta=1");
	parse_args_late();
	assert_string_equal(calls, "quoted(never closed beta=1)");
}

static void test_separators(void **state)
{
	/* blanks, tabs and newlines between words, at both ends, repeated */
	set_cmdline("  \tbeta=1\t\tgamma\nunknown2  \n");
	parse_args_late();
	assert_string_equal(calls, "beta(1)gamma(NULL)");
	assert_string_equal(printk_captured(), UNKNOWN("unknown2"));
}

static void test_double_dash(void **state)
{
	/* after a lone "--" everything is init's: no handler, not unknown */
	set_cmdline("beta=1 unknown3 -- gamma beta=2 alpha=3 foo");
	parse_args_late();
	assert_string_equal(calls, "beta(1)");
	assert_string_equal(printk_captured(), UNKNOWN("unknown3"));

	/* "--" with a value is an ordinary (unknown) word */
	setup(NULL);
	set_cmdline("--=x gamma");
	parse_args_late();
	assert_string_equal(calls, "gamma(NULL)");
	assert_string_equal(printk_captured(), UNKNOWN("--=x"));
}

static void test_unknown_words(void **state)
{
	/* values are listed with their '=' */
	set_cmdline("foo bar=baz root=/dev/vda rw init=/sbin/init");
	parse_args_late();
	assert_string_equal(calls, "");
	assert_string_equal(printk_captured(),
			    UNKNOWN("foo bar=baz root=/dev/vda rw init=/sbin/init"));

	/* nothing unknown: no line */
	setup(NULL);
	set_cmdline("beta=1 alpha=2 memblock=debug");
	parse_args_late();
	assert_string_equal(printk_captured(), "");

	/* an empty command line */
	setup(NULL);
	set_cmdline("");
	parse_args_late();
	assert_string_equal(calls, "");
	assert_string_equal(printk_captured(), "");
}

static void test_many_unknown_words(void **state)
{
	/*
	 * More unknown words than params.c's list buffer holds: no overrun
	 * (ASan watches), and the line starts with the first ones and is
	 * closed properly. (The list is cut to the buffer, see the report.)
	 */
	char line[COMMAND_LINE_SIZE] = "";
	const char *out, *end;

	for (int i = 0; i < 100; i++)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), "word%02d=value ", i);
	set_cmdline(line);
	parse_args_late();
	out = printk_captured();
	assert_non_null(strstr(out, "<5>Unknown kernel command line parameters \"word00=value "
				    "word01=value word02=value"));
	end = strstr(out, "\", will be passed to user space.\n");
	assert_non_null(end);
	assert_int_equal(end[strlen("\", will be passed to user space.\n")], '\0');
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup(fn, setup)
	const struct CMUnitTest tests[] = {
		T(test_table),
		T(test_early_params),	/* first to call parse_early_param() */
		T(test_late_params),
		T(test_name_matching),
		T(test_quoting),
		T(test_separators),
		T(test_double_dash),
		T(test_unknown_words),
		T(test_many_unknown_words),
	};

	return cmocka_run_group_tests_name("kernel/params.c", tests, NULL, NULL);
}
