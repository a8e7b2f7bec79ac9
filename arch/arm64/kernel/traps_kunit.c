// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/traps_kunit.c: KUnit checks of exception handling
 * (kunit.filter_glob=traps): BUG and WARN through brk and the bug table,
 * faults decoded from ESR_EL1, the symbol table and the unwinder. Faults
 * are provoked with kunit_expect_fault(), so the handler hands control
 * back here before it would print an oops; the oops text itself is checked
 * by tools/testing/boot/test_exceptions.py with test.crash=.
 */
#include <linux/bug.h>
#include <linux/dump_stack.h>
#include <linux/kallsyms.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <asm/esr.h>
#include <asm/irq.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/stacktrace.h>

/*
 * Run fn(arg) expecting an exception; true if one came, with its ESR.
 * The case goes on afterwards (the fault lands in our own jmp_buf).
 */
static bool provoke(struct kunit *test, void (*fn)(void *), void *arg, u64 *esr)
{
	struct jmp_buf saved = test->abort;
	bool faulted = false;

	kunit_expect_fault(test);
	if (!setjmp(&test->abort))
		fn(arg);
	else
		faulted = true;
	test->abort = saved;
	test->fault_expected = false;
	*esr = test->fault_esr;
	return faulted && test->fault_seen;
}

static void *opaque(unsigned long addr)
{
	void *p = (void *)addr;

	__asm__ volatile("" : "+r"(p));
	return p;
}

static int bug_line;

static noinline void do_bug(void *arg)
{
	bug_line = __LINE__ + 1;
	BUG_ON(arg != NULL);
}

static void traps_bug_is_caught_with_its_site(struct kunit *test)
{
	u64 esr;

	KUNIT_ASSERT_TRUE(test, provoke(test, do_bug, test, &esr));
	KUNIT_EXPECT_EQ(test, esr, 0xf2000800);	/* BRK64, IL, imm 0x800 */
	KUNIT_EXPECT_STREQ(test, esr_get_class_string(esr), "BRK (AArch64)");
	KUNIT_ASSERT_TRUE(test, bug_last_reported != NULL);
	KUNIT_EXPECT_EQ(test, bug_last_reported->line, bug_line);
	KUNIT_EXPECT_FALSE(test, bug_last_reported->flags & BUGFLAG_WARNING);
	KUNIT_EXPECT_STREQ(test, bug_file(bug_last_reported), "arch/arm64/kernel/traps_kunit.c");
}

static void traps_bug_on_false_does_nothing(struct kunit *test)
{
	do_bug(NULL);
	KUNIT_EXPECT_TRUE(test, true);	/* reached: no exception */
}

static void traps_warn_continues(struct kunit *test)
{
	unsigned int before = warn_count;
	int line, ret;

	line = __LINE__ + 1;
	ret = WARN_ON(opaque(1) != NULL);
	KUNIT_EXPECT_TRUE(test, ret);
	KUNIT_EXPECT_EQ(test, warn_count, before + 1);
	KUNIT_EXPECT_EQ(test, bug_last_reported->line, line);
	KUNIT_EXPECT_TRUE(test, bug_last_reported->flags & BUGFLAG_WARNING);
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_WARN));

	ret = WARN(opaque(0) != NULL, "not printed\n");
	KUNIT_EXPECT_FALSE(test, ret);
	KUNIT_EXPECT_EQ(test, warn_count, before + 1);
	ret = WARN(opaque(2) != NULL, "traps_kunit: WARN with a message %d\n", 2);
	KUNIT_EXPECT_TRUE(test, ret);
	KUNIT_EXPECT_EQ(test, warn_count, before + 2);
}

static void write_to(void *addr)
{
	*(volatile int *)addr = 1;
}

static void traps_null_write_is_a_translation_fault(struct kunit *test)
{
	u64 esr;

	KUNIT_ASSERT_TRUE(test, provoke(test, write_to, opaque(0), &esr));
	KUNIT_EXPECT_EQ(test, ESR_ELx_EC(esr), ESR_ELx_EC_DABT_CUR);
	KUNIT_EXPECT_STREQ(test, esr_get_class_string(esr), "DABT (current EL)");
	KUNIT_EXPECT_TRUE(test, esr & ESR_ELx_IL);
	KUNIT_EXPECT_TRUE(test, esr & ESR_ELx_WNR);
	KUNIT_EXPECT_TRUE(test, esr_fsc_is_translation_fault(esr));
	KUNIT_EXPECT_FALSE(test, esr & ESR_ELx_ISV);	/* a str: no syndrome */
	KUNIT_EXPECT_TRUE(test, !strncmp(esr_fsc_string(esr), "level ", 6));
}

/* A page of ours, mapped a second time read-only where nothing else is. */
static u8 ro_page[PAGE_SIZE] __aligned(PAGE_SIZE);
#define RO_TEST_VA (MODULES_END - 4 * PAGE_SIZE)

static void traps_write_to_read_only_page(struct kunit *test)
{
	volatile u8 *alias = opaque(RO_TEST_VA);
	u64 esr;

	ro_page[8] = 0x5a;
	create_mapping(init_mm_pgd, RO_TEST_VA, __pa_symbol(ro_page), PAGE_SIZE, PAGE_KERNEL_RO);
	KUNIT_EXPECT_EQ(test, alias[8], 0x5a);		/* readable */
	KUNIT_EXPECT_TRUE(test, provoke(test, write_to, (void *)(alias + 8), &esr));
	clear_mapping(init_mm_pgd, RO_TEST_VA, PAGE_SIZE);

	KUNIT_EXPECT_EQ(test, ESR_ELx_EC(esr), ESR_ELx_EC_DABT_CUR);
	KUNIT_EXPECT_TRUE(test, esr & ESR_ELx_WNR);
	KUNIT_EXPECT_EQ(test, esr & ESR_ELx_FSC, 0x0f);
	KUNIT_EXPECT_STREQ(test, esr_fsc_string(esr), "level 3 permission fault");
	KUNIT_EXPECT_EQ(test, ro_page[8], 0x5a);	/* the write did not happen */
}

static void undefined_instruction(void *arg)
{
	__asm__ volatile(".inst 0x00000000");	/* UDF #0 */
}

static void traps_undefined_instruction(struct kunit *test)
{
	u64 esr;

	KUNIT_ASSERT_TRUE(test, provoke(test, undefined_instruction, NULL, &esr));
	KUNIT_EXPECT_EQ(test, ESR_ELx_EC(esr), ESR_ELx_EC_UNKNOWN);
	KUNIT_EXPECT_STREQ(test, esr_get_class_string(esr), "Unknown/Uncategorized");
	KUNIT_EXPECT_TRUE(test, esr & ESR_ELx_IL);
}

static void traps_kallsyms_names_code(struct kunit *test)
{
	unsigned long addr = (unsigned long)kallsyms_lookup, size, off;
	char buf[KSYM_SYMBOL_LEN], want[KSYM_SYMBOL_LEN];
	const char *name = kallsyms_lookup(addr + 4, &size, &off);

	KUNIT_ASSERT_TRUE(test, name != NULL);
	KUNIT_EXPECT_STREQ(test, name, "kallsyms_lookup");
	KUNIT_EXPECT_EQ(test, off, 4);
	KUNIT_EXPECT_GT(test, size, 4);
	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("kallsyms_lookup"), addr);
	sprint_symbol(buf, sizeof(buf), addr + 8);
	snprintf(want, sizeof(want), "kallsyms_lookup+0x8/0x%lx", size);
	KUNIT_EXPECT_STREQ(test, buf, want);
	/* Data is not code. */
	KUNIT_EXPECT_TRUE(test, kallsyms_lookup((unsigned long)&bug_line, NULL, NULL) == NULL);
}

struct trace_probe {
	const char *names[STACKTRACE_MAX_DEPTH];
	int n;
};

static bool record_frame(void *cookie, unsigned long pc)
{
	struct trace_probe *t = cookie;

	t->names[t->n++] = kallsyms_lookup(pc, NULL, NULL);
	return true;
}

static noinline void traps_unwinder_finds_callers(struct kunit *test)
{
	struct trace_probe t = { .n = 0 };
	bool runner = false;

	arch_stack_walk(record_frame, &t, NULL);
	KUNIT_ASSERT_TRUE(test, t.n >= 3);
	/* Walked from here: kunit's runner called us, start_kernel called it. */
	for (int i = 0; i < t.n; i++)
		runner |= t.names[i] && !strcmp(t.names[i], "kunit_run_case");
	KUNIT_EXPECT_TRUE(test, runner);
	KUNIT_EXPECT_STREQ(test, t.names[t.n - 1], "__primary_switched");
}

/* Run on the IRQ stack by call_on_irq_stack: walk from there. */
static struct trace_probe irq_trace;
static bool irq_walk_was_on_irq_stack;

static noinline void walk_on_irq_stack(struct pt_regs *unused)
{
	irq_walk_was_on_irq_stack = on_irq_stack((unsigned long)__builtin_frame_address(0));
	arch_stack_walk(record_frame, &irq_trace, NULL);
}

/*
 * A walk from the IRQ stack (as from an interrupt handler) crosses back to
 * the task's stack through call_on_irq_stack's frame record: it finds this
 * test's caller, kunit_run_case, and the end of the chain.
 */
static noinline void traps_unwinder_crosses_irq_stack(struct kunit *test)
{
	unsigned long flags;
	bool runner = false, me = false;

	irq_trace.n = 0;
	irq_walk_was_on_irq_stack = false;
	local_irq_save(flags);		/* this CPU's IRQ stack is ours meanwhile */
	call_on_irq_stack(NULL, walk_on_irq_stack);
	local_irq_restore(flags);
	KUNIT_EXPECT_TRUE(test, irq_walk_was_on_irq_stack);
	KUNIT_ASSERT_TRUE(test, irq_trace.n >= 4);
	for (int i = 0; i < irq_trace.n; i++) {
		runner |= irq_trace.names[i] && !strcmp(irq_trace.names[i], "kunit_run_case");
		me |= irq_trace.names[i] &&
		      !strcmp(irq_trace.names[i], "traps_unwinder_crosses_irq_stack");
	}
	KUNIT_EXPECT_TRUE(test, me);
	KUNIT_EXPECT_TRUE(test, runner);
	KUNIT_EXPECT_STREQ(test, irq_trace.names[irq_trace.n - 1], "__primary_switched");
}

static bool count_frame(void *cookie, unsigned long pc)
{
	(*(int *)cookie)++;
	return true;
}

/* Corrupt chains end the walk: loops, records off the stack, no end. */
static void traps_unwinder_survives_corrupt_frames(struct kunit *test)
{
	static unsigned long fake[2 * 100] __aligned(16);
	unsigned long lo = (unsigned long)fake, hi = lo + sizeof(fake);
	int n;

	/* A record pointing at itself: reported once, then refused. */
	fake[0] = lo;
	fake[1] = 0x1234;
	n = 0;
	KUNIT_EXPECT_EQ(test, unwind_frames(lo, 0x1000, lo, hi, count_frame, &n), 2);
	/* A record pointing below the stack, or misaligned. */
	fake[0] = lo - 16;
	n = 0;
	KUNIT_EXPECT_EQ(test, unwind_frames(lo, 0x1000, lo, hi, count_frame, &n), 2);
	fake[0] = lo + 20;
	n = 0;
	KUNIT_EXPECT_EQ(test, unwind_frames(lo, 0x1000, lo, hi, count_frame, &n), 2);
	/* A first frame pointer outside the stack is never read. */
	n = 0;
	KUNIT_EXPECT_EQ(test, unwind_frames(hi, 0x1000, lo, hi, count_frame, &n), 1);
	/* A chain longer than the limit stops at the limit. */
	for (int i = 0; i < 99; i++) {
		fake[2 * i] = lo + 16 * (i + 1);
		fake[2 * i + 1] = 0x1000 + i;
	}
	fake[198] = lo + 16;	/* and the last one loops back down */
	fake[199] = 0x2000;
	n = 0;
	KUNIT_EXPECT_EQ(test, unwind_frames(lo, 0x1000, lo, hi, count_frame, &n),
			STACKTRACE_MAX_DEPTH);
	KUNIT_EXPECT_EQ(test, n, STACKTRACE_MAX_DEPTH);
}

static struct kunit_case traps_cases[] = {
	KUNIT_CASE(traps_bug_is_caught_with_its_site),
	KUNIT_CASE(traps_bug_on_false_does_nothing),
	KUNIT_CASE(traps_warn_continues),
	KUNIT_CASE(traps_null_write_is_a_translation_fault),
	KUNIT_CASE(traps_write_to_read_only_page),
	KUNIT_CASE(traps_undefined_instruction),
	KUNIT_CASE(traps_kallsyms_names_code),
	KUNIT_CASE(traps_unwinder_finds_callers),
	KUNIT_CASE(traps_unwinder_crosses_irq_stack),
	KUNIT_CASE(traps_unwinder_survives_corrupt_frames),
	{}
};

static struct kunit_suite traps_suite = {
	.name = "traps",
	.test_cases = traps_cases,
};
kunit_test_suite(traps_suite);
