// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab_kunit.c: KUnit checks of kmalloc()/kfree() (kunit.filter_glob=slab).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/test.h>

static void slab_sizes_and_alignment(struct kunit *test)
{
	static const size_t sizes[] = { 1, 7, 8, 9, 24, 64, 100, 128, 500, 1024, 2000,
					4096, 4097, 20000, 1 << 20 };
	unsigned long pages = nr_free_pages(), objects = kmalloc_objects_in_use();
	void *p[ARRAY_SIZE(sizes)];

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t align = 8;

		while (align < sizes[i] && align < PAGE_SIZE)
			align <<= 1;
		p[i] = kmalloc(sizes[i], GFP_KERNEL);
		KUNIT_ASSERT_TRUE(test, p[i] != NULL);
		KUNIT_EXPECT_EQ(test, (unsigned long)p[i] & (align - 1), 0);
		memset(p[i], (int)i, sizes[i]);	/* all of it is ours */
	}
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		KUNIT_EXPECT_EQ(test, ((unsigned char *)p[i])[sizes[i] - 1], i);
		kfree(p[i]);
	}
	KUNIT_EXPECT_EQ(test, kmalloc_objects_in_use(), objects);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
}

static void slab_kzalloc_zeroes(struct kunit *test)
{
	unsigned char *p = kmalloc(256, GFP_KERNEL);
	bool zero = true;

	KUNIT_ASSERT_TRUE(test, p != NULL);
	memset(p, 0xff, 256);
	kfree(p);
	p = kzalloc(256, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, p != NULL);
	for (int i = 0; i < 256; i++)
		zero &= !p[i];
	KUNIT_EXPECT_TRUE(test, zero);
	kfree(p);
}

static void slab_zero_size_and_null(struct kunit *test)
{
	unsigned long bad = kfree_bad_frees;

	KUNIT_EXPECT_TRUE(test, kmalloc(0, GFP_KERNEL) == ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	KUNIT_EXPECT_EQ(test, kfree_bad_frees, bad);
}

/* Many small objects across many slabs, then all back to the pages. */
static void slab_many_objects_and_back(struct kunit *test)
{
	unsigned long pages = nr_free_pages();
	static void *p[2000];

	for (int i = 0; i < 2000; i++) {
		p[i] = kmalloc(32 + (i % 3) * 100, GFP_KERNEL);
		KUNIT_ASSERT_TRUE(test, p[i] != NULL);
		*(int *)p[i] = i;
	}
	for (int i = 0; i < 2000; i++)
		KUNIT_EXPECT_EQ(test, *(int *)p[i], i);
	for (int i = 0; i < 2000; i += 2)	/* every other one first */
		kfree(p[i]);
	for (int i = 1; i < 2000; i += 2)
		kfree(p[i]);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
}

/* A double free is refused, and the object is not handed out twice. */
static void slab_double_free_refused(struct kunit *test)
{
	unsigned long bad = kfree_bad_frees;
	void *keep = kmalloc(64, GFP_KERNEL);	/* keeps the slab alive */
	void *p = kmalloc(64, GFP_KERNEL), *a, *b;

	KUNIT_ASSERT_TRUE(test, keep && p);
	kfree(p);
	kfree(p);
	KUNIT_EXPECT_EQ(test, kfree_bad_frees, bad + 1);
	a = kmalloc(64, GFP_KERNEL);
	b = kmalloc(64, GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, a != b);
	KUNIT_EXPECT_TRUE(test, a != keep && b != keep);
	kfree(a);
	kfree(b);
	kfree(keep);
	KUNIT_EXPECT_EQ(test, kfree_bad_frees, bad + 1);
}

static u64 slab_static_object;

static void slab_foreign_pointers_refused(struct kunit *test)
{
	unsigned long bad = kfree_bad_frees;
	unsigned long pages = nr_free_pages();
	char *p = kmalloc(128, GFP_KERNEL);
	char *big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	unsigned long page = __get_free_page(GFP_KERNEL);

	KUNIT_ASSERT_TRUE(test, p && big && page);
	kfree(p + 8);			/* inside an object */
	kfree(&slab_static_object);	/* the kernel image */
	kfree((void *)page);		/* a page from the page allocator */
	kfree(big + PAGE_SIZE);		/* inside a large allocation */
	KUNIT_EXPECT_EQ(test, kfree_bad_frees, bad + 4);
	kfree(big);
	kfree(big);			/* a large one, twice */
	KUNIT_EXPECT_EQ(test, kfree_bad_frees, bad + 5);
	kfree(p);
	free_page(page);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), pages);
}

static struct kunit_case slab_cases[] = {
	KUNIT_CASE(slab_sizes_and_alignment),
	KUNIT_CASE(slab_kzalloc_zeroes),
	KUNIT_CASE(slab_zero_size_and_null),
	KUNIT_CASE(slab_many_objects_and_back),
	KUNIT_CASE(slab_double_free_refused),
	KUNIT_CASE(slab_foreign_pointers_refused),
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab",
	.test_cases = slab_cases,
};
kunit_test_suite(slab_suite);
