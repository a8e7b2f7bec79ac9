// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/crash_test.c: deliberate faults, for checking what the
 * kernel prints when things go wrong (tools/testing/boot/test_exceptions.py
 * and Documentation/arm64/exceptions.rst). Test-only: nothing happens
 * unless the command line says
 *
 *	test.crash=null		write through a NULL pointer: oops
 *	test.crash=paging	read an unmapped kernel address: oops
 *	test.crash=rodata	write to a page mapped read-only: oops
 *	test.crash=undef	an undefined instruction: oops
 *	test.crash=bug		BUG(): "kernel BUG at ..." and oops
 *	test.crash=warn		WARN_ON(1): a warning, then the boot goes on
 *	test.crash=exec	call a function at address 0: oops
 *
 * start_kernel runs it after the self-tests. Each fault sits in a function
 * of its own that also calls out, so that it has a frame record and the
 * "Call trace:" names it, then crash_test_run, then start_kernel.
 */
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/traps.h>

static const char *crash_type __ro_after_init;

static int __init crash_setup(char *arg)
{
	crash_type = arg;
	return 0;
}
__setup("test.crash=", crash_setup);

/* A pointer the compiler cannot see through, so it emits the access. */
static void *opaque(unsigned long addr)
{
	void *p = (void *)addr;

	__asm__ volatile("" : "+r"(p));
	return p;
}

static noinline void crash_test_null(void)
{
	*(volatile int *)opaque(0) = 0x2a;
	pr_err("crash_test: NULL write did not fault\n");
}

static noinline void crash_test_paging(void)
{
	/* The start of the modules area: nothing is mapped there. */
	pr_err("crash_test: read %d\n", *(volatile int *)opaque(MODULES_VADDR + 0x1230));
}

/* A page of the image, also mapped read-only at a VA nothing else uses. */
static u8 crash_page[PAGE_SIZE] __aligned(PAGE_SIZE);
#define CRASH_RO_VA (MODULES_END - 2 * PAGE_SIZE)

static noinline void crash_test_rodata(void)
{
	create_mapping(init_mm_pgd, CRASH_RO_VA, __pa_symbol(crash_page), PAGE_SIZE,
		       PAGE_KERNEL_RO);
	*(volatile u8 *)opaque(CRASH_RO_VA + 8) = 1;
	pr_err("crash_test: read-only write did not fault\n");
}

static noinline void crash_test_undef(void)
{
	__asm__ volatile(".inst 0x00000000");	/* UDF #0 */
	pr_err("crash_test: undefined instruction did not trap\n");
}

static noinline void crash_test_bug(void)
{
	pr_info("crash_test: BUG() next\n");
	BUG();
}

static noinline void crash_test_warn(void)
{
	WARN_ON(1);
	pr_info("crash_test: still running after WARN_ON\n");
}

static noinline void crash_test_exec(void)
{
	void (*fn)(void) = opaque(0);

	fn();
	pr_err("crash_test: call to NULL returned\n");
}

static const struct {
	const char *name;
	void (*fn)(void);
} crash_tests[] = {
	{ "null", crash_test_null },
	{ "paging", crash_test_paging },
	{ "rodata", crash_test_rodata },
	{ "undef", crash_test_undef },
	{ "bug", crash_test_bug },
	{ "warn", crash_test_warn },
	{ "exec", crash_test_exec },
};

noinline void crash_test_run(void)
{
	if (!crash_type)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(crash_tests); i++) {
		if (!strcmp(crash_type, crash_tests[i].name)) {
			pr_info("crash_test: %s\n", crash_type);
			crash_tests[i].fn();
			return;
		}
	}
	pr_err("crash_test: unknown test.crash=%s\n", crash_type);
}
