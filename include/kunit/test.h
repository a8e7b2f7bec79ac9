/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/kunit/test.h: in-kernel unit tests in the shape of Linux's KUnit,
 * reporting in KTAP (lib/kunit/test.c).
 *
 * A suite is a table of cases:
 *
 *	static void timer_is_counting(struct kunit *test) { ... }
 *	static struct kunit_case timer_cases[] = {
 *		KUNIT_CASE(timer_is_counting),
 *		{}
 *	};
 *	static struct kunit_suite timer_suite = {
 *		.name = "timer",
 *		.test_cases = timer_cases,
 *	};
 *	kunit_test_suite(timer_suite);
 *
 * Suites run only when the command line asks: kunit.filter_glob=<glob>
 * (e.g. `kunit.filter_glob=*` for all, `kunit.filter_glob=timer`).
 * KUNIT_EXPECT_* records a failure and goes on; KUNIT_ASSERT_* also ends
 * the case. A case that provokes an exception on purpose (a BUG, a bad
 * access) ends there too: the exception handler calls kunit_fault_caught().
 */
#ifndef __KUNIT_TEST_H
#define __KUNIT_TEST_H

#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/types.h>
#include <asm/setjmp.h>

struct kunit {
	const char *name;	/* the case running */
	bool failed;
	bool skipped;		/* kunit_skip(): reported "ok ... # SKIP reason" */
	const char *skip_reason;
	struct jmp_buf abort;	/* where KUNIT_ASSERT / a caught fault lands */
	/* Set by a case that expects an exception; see kunit_expect_fault(). */
	bool fault_expected;
	bool fault_seen;
	u64 fault_esr;		/* ESR_EL1 of the caught exception */
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

struct kunit_suite {
	const char *name;
	struct kunit_case *test_cases;
	int (*suite_init)(struct kunit_suite *suite);	/* optional */
};

#define KUNIT_CASE(test_name) { .run_case = test_name, .name = #test_name }

#define kunit_test_suite(suite)							\
	static struct kunit_suite *__kunit_suite_ptr_##suite __used		\
		__section(".kunit_test_suites") = &suite

/*
 * A suite that checks the kernel as boot leaves it, after free_initmem()
 * and mark_rodata_ro(): it is counted in the same KTAP plan but runs from
 * mark_readonly() (init/main.c), with the numbering carried on. Its table
 * is in .rodata, not .init.data, so it survives free_initmem().
 */
#define kunit_test_late_suite(suite)						\
	static struct kunit_suite *__kunit_late_suite_ptr_##suite __used	\
		__section(".kunit_late_test_suites") = &suite

#ifdef CONFIG_KUNIT
/* Run the suites kunit.filter_glob selects (start_kernel). */
void kunit_run_all_tests(void);
/* Then the late ones (mark_readonly). */
void kunit_run_late_tests(void);
#else
/* A kernel built without KUnit (defconfig): no suites to run. */
static inline void kunit_run_all_tests(void) { }
static inline void kunit_run_late_tests(void) { }
#endif

/* The case running now, or NULL. */
extern struct kunit *kunit_current;

void __noreturn kunit_abort(struct kunit *test);

/*
 * End the case as skipped: it does not apply here (e.g. a test of EL2 on
 * a CPU that booted at EL1). KTAP reports it "ok N name # SKIP reason".
 */
#define kunit_skip(test, reason) do {						\
	(test)->skipped = true;							\
	(test)->skip_reason = (reason);						\
	kunit_abort(test);							\
} while (0)
void kunit_fail(struct kunit *test, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);

/*
 * The next exception the case takes is expected: the handler records it
 * (kunit_fault_caught) and the case ends there instead of the kernel dying.
 */
static inline void kunit_expect_fault(struct kunit *test)
{
	test->fault_expected = true;
	test->fault_seen = false;
}

/* Called by exception handlers: true if a running case expected this one. */
bool kunit_fault_caught(u64 esr);

#define KUNIT_EXPECT_TRUE_MSG(test, cond, fmt, ...)				\
	do {									\
		if (!(cond))							\
			kunit_fail(test, __FILE__, __LINE__,			\
				   "Expected %s to be true" fmt, #cond,		\
				   ##__VA_ARGS__);				\
	} while (0)

#define KUNIT_EXPECT_TRUE(test, cond) KUNIT_EXPECT_TRUE_MSG(test, cond, "")
#define KUNIT_EXPECT_FALSE(test, cond) KUNIT_EXPECT_TRUE_MSG(test, !(cond), "")

#define KUNIT_EXPECT_OP(test, a, op, b)						\
	do {									\
		long long __a = (long long)(a), __b = (long long)(b);		\
		if (!(__a op __b))						\
			kunit_fail(test, __FILE__, __LINE__,			\
				   "Expected %s %s %s, but %s == %lld (0x%llx), "	\
				   "%s == %lld (0x%llx)", #a, #op, #b,		\
				   #a, __a, __a, #b, __b, __b);			\
	} while (0)

#define KUNIT_EXPECT_EQ(test, a, b) KUNIT_EXPECT_OP(test, a, ==, b)
#define KUNIT_EXPECT_NE(test, a, b) KUNIT_EXPECT_OP(test, a, !=, b)
#define KUNIT_EXPECT_LT(test, a, b) KUNIT_EXPECT_OP(test, a, <, b)
#define KUNIT_EXPECT_LE(test, a, b) KUNIT_EXPECT_OP(test, a, <=, b)
#define KUNIT_EXPECT_GT(test, a, b) KUNIT_EXPECT_OP(test, a, >, b)
#define KUNIT_EXPECT_GE(test, a, b) KUNIT_EXPECT_OP(test, a, >=, b)

#define KUNIT_EXPECT_STREQ(test, a, b)						\
	KUNIT_EXPECT_TRUE_MSG(test, !strcmp(a, b), ": \"%s\" vs \"%s\"", a, b)

/* Like EXPECT, but the case stops at the first failure. */
#define KUNIT_ASSERT_TRUE(test, cond)						\
	do {									\
		KUNIT_EXPECT_TRUE(test, cond);					\
		if ((test)->failed)						\
			kunit_abort(test);					\
	} while (0)

#define KUNIT_ASSERT_EQ(test, a, b)						\
	do {									\
		KUNIT_EXPECT_EQ(test, a, b);					\
		if ((test)->failed)						\
			kunit_abort(test);					\
	} while (0)

#define kunit_info(test, fmt, ...) printk(KERN_INFO "    # %s: " fmt "\n", (test)->name, ##__VA_ARGS__)

#endif
