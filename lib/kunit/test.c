// SPDX-License-Identifier: GPL-2.0
/*
 * lib/kunit/test.c: runs the in-kernel test suites (include/kunit/test.h)
 * that kunit.filter_glob= selects, and prints the results in KTAP, the
 * format of Linux's KUnit, which tools/testing/boot parses:
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: timer
 *	    1..1
 *	    ok 1 timer_is_counting
 *	# timer: pass:1 fail:0 skip:0 total:1
 *	ok 1 timer
 *	...
 *
 * Unlike Linux, nothing runs unless the command line asks, so a normal
 * boot stays quiet. Late suites (kunit_test_late_suite) are in the same
 * plan but run at the end of boot, after free_initmem and mark_rodata_ro;
 * boot lines may come between their report and the others'.
 */
#define pr_fmt(fmt) fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <kunit/test.h>

extern struct kunit_suite *__kunit_suites_start[], *__kunit_suites_end[];
extern struct kunit_suite *__kunit_late_suites_start[], *__kunit_late_suites_end[];

struct kunit *kunit_current;
static const char *filter_glob __ro_after_init;

static int __init kunit_filter_setup(char *arg)
{
	filter_glob = arg;
	return 0;
}
__setup("kunit.filter_glob=", kunit_filter_setup);

/* Shell-style match with '*' and '?'. */
static bool glob_match(const char *pat, const char *str)
{
	if (!*pat)
		return !*str;
	if (*pat == '*')
		return glob_match(pat + 1, str) || (*str && glob_match(pat, str + 1));
	if (*str && (*pat == '?' || *pat == *str))
		return glob_match(pat + 1, str + 1);
	return false;
}

void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	printk(KERN_ERR "    # %s: EXPECTATION FAILED at %s:%d\n    # %s\n", test->name, file,
	       line, msg);
	test->failed = true;
}

void __noreturn kunit_abort(struct kunit *test)
{
	longjmp(&test->abort, 1);
}

bool kunit_fault_caught(u64 esr)
{
	struct kunit *test = kunit_current;

	if (!test || !test->fault_expected)
		return false;
	test->fault_expected = false;
	test->fault_seen = true;
	test->fault_esr = esr;
	return true;
}

/* Run one case; true if it passed (or was skipped: *skipped says). */
static bool kunit_run_case(struct kunit_case *c, int index, int *skipped)
{
	struct kunit test = { .name = c->name };

	kunit_current = &test;
	if (!setjmp(&test.abort))
		c->run_case(&test);
	kunit_current = NULL;
	if (test.fault_expected) {	/* the exception it waited for never came */
		kunit_fail(&test, __FILE__, __LINE__, "expected exception not taken");
	}
	if (test.skipped && !test.failed) {
		printk(KERN_INFO "    ok %d %s # SKIP %s\n", index, c->name, test.skip_reason);
		(*skipped)++;
		return true;
	}
	printk(KERN_INFO "    %s %d %s\n", test.failed ? "not ok" : "ok", index, c->name);
	return !test.failed;
}

static void kunit_run_suite(struct kunit_suite *suite, int index)
{
	int n = 0, passed = 0, skipped = 0;

	for (struct kunit_case *c = suite->test_cases; c->run_case; c++)
		n++;
	printk(KERN_INFO "    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite->name, n);
	if (suite->suite_init && suite->suite_init(suite)) {
		printk(KERN_INFO "not ok %d %s # suite_init failed\n", index, suite->name);
		return;
	}
	for (int i = 0; i < n; i++)
		passed += kunit_run_case(&suite->test_cases[i], i + 1, &skipped);
	printk(KERN_INFO "# %s: pass:%d fail:%d skip:%d total:%d\n", suite->name,
	       passed - skipped, n - passed, skipped, n);
	printk(KERN_INFO "%s %d %s\n", passed == n ? "ok" : "not ok", index, suite->name);
}

/* The suites of [start, end) that the filter selects: counted, or run. */
static int kunit_run_table(struct kunit_suite **start, struct kunit_suite **end, bool run)
{
	static int index;	/* carried on from the early suites to the late ones */
	int n = 0;

	for (struct kunit_suite **s = start; s < end; s++) {
		if (!glob_match(filter_glob, (*s)->name))
			continue;
		n++;
		if (run)
			kunit_run_suite(*s, ++index);
	}
	return n;
}

void kunit_run_all_tests(void)
{
	int total;

	if (!filter_glob)
		return;
	total = kunit_run_table(__kunit_suites_start, __kunit_suites_end, false) +
		kunit_run_table(__kunit_late_suites_start, __kunit_late_suites_end, false);
	printk(KERN_INFO "KTAP version 1\n1..%d\n", total);
	kunit_run_table(__kunit_suites_start, __kunit_suites_end, true);
}

void kunit_run_late_tests(void)
{
	if (filter_glob)
		kunit_run_table(__kunit_late_suites_start, __kunit_late_suites_end, true);
}
