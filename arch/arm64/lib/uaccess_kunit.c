// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/lib/uaccess_kunit.c: KUnit checks of the user copies and
 * their exception-table fixups (kunit.filter_glob=uaccess). A small user
 * address space is built and put in TTBR0 for the cases that need one:
 * one mapped page at UBASE, nothing after it, and a demand-zero area.
 */
#include <linux/errno.h>
#include <linux/mm_user.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <kunit/test.h>
#include <asm/mmu_context.h>
#include <asm/uaccess.h>

#define UBASE 0x10000UL		/* one page, mapped */
#define ULAZY 0x40000UL		/* a VMA with no page yet */

static u64 kernel_word = 0x1122334455667788ULL;

static void uaccess_kernel_pointers_rejected(struct kunit *test)
{
	char buf[16];

	memset(buf, 0x5a, sizeof(buf));
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void *)&kernel_word, 8), 8);
	KUNIT_EXPECT_EQ(test, copy_to_user((void *)&kernel_word, buf, 8), 8);
	KUNIT_EXPECT_EQ(test, clear_user((void *)&kernel_word, 8), 8);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, (void *)&kernel_word, 8), -EFAULT);
	KUNIT_EXPECT_EQ(test, kernel_word, 0x1122334455667788ULL);
	/* Ranges that wrap or end above user space. */
	KUNIT_EXPECT_FALSE(test, access_ok((void *)(TASK_SIZE - 4), 8));
	KUNIT_EXPECT_FALSE(test, access_ok((void *)~0UL, 2));
	KUNIT_EXPECT_TRUE(test, access_ok((void *)(TASK_SIZE - 8), 8));
}

/* Past access_ok, the unprivileged loads still fault on kernel memory. */
static void uaccess_ldtr_faults_on_kernel_memory(struct kunit *test)
{
	u64 buf = 0;

	KUNIT_EXPECT_EQ(test, __arch_copy_from_user(&buf, &kernel_word, 8), 8);
	KUNIT_EXPECT_EQ(test, buf, 0);
	KUNIT_EXPECT_EQ(test, __arch_copy_to_user(&kernel_word, &buf, 8), 8);
	KUNIT_EXPECT_EQ(test, kernel_word, 0x1122334455667788ULL);
	KUNIT_EXPECT_EQ(test, __arch_strncpy_from_user((char *)&buf, (void *)&kernel_word, 8), -1);
}

static struct mm_struct *test_mm;

static void user_mm_enter(struct kunit *test)
{
	char *page;

	preempt_disable();		/* this mm is ours, the idle task's, briefly */
	test_mm = mm_alloc();
	KUNIT_ASSERT_TRUE(test, test_mm != NULL);
	KUNIT_ASSERT_EQ(test, insert_vma(test_mm, UBASE, UBASE + PAGE_SIZE, VM_READ | VM_WRITE, NULL), 0);
	KUNIT_ASSERT_EQ(test, insert_vma(test_mm, ULAZY, ULAZY + PAGE_SIZE, VM_READ | VM_WRITE, NULL), 0);
	page = mm_user_kaddr(test_mm, UBASE);
	KUNIT_ASSERT_TRUE(test, page != NULL);
	for (int i = 0; i < PAGE_SIZE; i++)
		page[i] = 'a' + i % 26;
	current->mm = test_mm;
	check_and_switch_context(test_mm);
}

static void user_mm_leave(void)
{
	cpu_set_reserved_ttbr0();
	current->mm = NULL;
	mmput(test_mm);
	preempt_enable();
}

static void uaccess_partial_copy_is_exact(struct kunit *test)
{
	char buf[16], want[5];
	unsigned long src = UBASE + PAGE_SIZE - 5;

	user_mm_enter(test);
	memset(buf, 0, sizeof(buf));
	for (int i = 0; i < 5; i++)
		want[i] = 'a' + (PAGE_SIZE - 5 + i) % 26;
	/* 5 bytes are there, then the page after is unmapped: 11 left over. */
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void *)src, 16), 11);
	KUNIT_EXPECT_EQ(test, memcmp(buf, want, 5), 0);
	KUNIT_EXPECT_EQ(test, copy_to_user((void *)src, "0123456789abcdef", 16), 11);
	/* "1234" and no NUL before the hole: a fault, not a truncated string. */
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, (void *)(UBASE + PAGE_SIZE - 4), 16),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, clear_user((void *)src, 16), 11);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, (void *)src, 16), 0);
	KUNIT_EXPECT_EQ(test, copy_from_user(buf, (void *)0x8000, 1), 1);	/* no VMA */
	user_mm_leave();
}

static void uaccess_demand_paging_from_the_kernel(struct kunit *test)
{
	char buf[8] = "";

	user_mm_enter(test);
	KUNIT_EXPECT_EQ(test, user_pte(test_mm, ULAZY), 0);
	KUNIT_EXPECT_EQ(test, copy_to_user((void *)(ULAZY + 100), "hello", 6), 0);
	KUNIT_EXPECT_NE(test, user_pte(test_mm, ULAZY), 0);
	KUNIT_EXPECT_EQ(test, strncpy_from_user(buf, (void *)(ULAZY + 100), sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
	user_mm_leave();
}

static struct kunit_case uaccess_cases[] = {
	KUNIT_CASE(uaccess_kernel_pointers_rejected),
	KUNIT_CASE(uaccess_ldtr_faults_on_kernel_memory),
	KUNIT_CASE(uaccess_partial_copy_is_exact),
	KUNIT_CASE(uaccess_demand_paging_from_the_kernel),
	{}
};

static struct kunit_suite uaccess_suite = {
	.name = "uaccess",
	.test_cases = uaccess_cases,
};
kunit_test_suite(uaccess_suite);
