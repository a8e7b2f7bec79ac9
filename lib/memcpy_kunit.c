// SPDX-License-Identifier: GPL-2.0
/*
 * lib/memcpy_kunit.c: KUnit checks of memcpy, memmove and memset as the
 * kernel has them (on arm64 the assembly of arch/arm64/lib/memcpy.S and
 * memset.S), against byte-at-a-time references: every length and
 * alignment around each loop's edges, the DC ZVA path of memset, and the
 * bytes on either side left alone (kunit.filter_glob=memcpy).
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <kunit/test.h>

#define BUF_ORDER	2			/* 16 KiB buffers */
#define BUF_SIZE	(PAGE_SIZE << BUF_ORDER)

static u8 *src, *dst;

static u8 pattern(size_t i)
{
	return (u8)(i * 7 + 3);
}

/* Two buffers for the whole suite (a test boot; they are not given back). */
static int memcpy_suite_init(struct kunit_suite *suite)
{
	src = (u8 *)__get_free_pages(GFP_KERNEL, BUF_ORDER);
	dst = (u8 *)__get_free_pages(GFP_KERNEL, BUF_ORDER);
	if (!src || !dst)
		return -1;
	for (size_t i = 0; i < BUF_SIZE; i++)
		src[i] = pattern(i);
	return 0;
}

/* dst[0..BUF_SIZE) is fill except [at, at + len), which is want(i - at). */
static bool check_dst(const u8 *want, size_t at, size_t len, u8 fill)
{
	for (size_t i = 0; i < BUF_SIZE; i++) {
		u8 expected = i >= at && i < at + len ? want[i - at] : fill;

		if (dst[i] != expected)
			return false;
	}
	return true;
}

static void memcpy_lengths_and_alignments(struct kunit *test)
{
	static const size_t lens[] = { 0, 1, 7, 8, 9, 63, 64, 127, 128, 129, 255, 300, 4097 };

	for (size_t l = 0; l < ARRAY_SIZE(lens); l++)
		for (size_t so = 0; so < 16; so += 3)
			for (size_t d_off = 0; d_off < 16; d_off += 5) {
				size_t len = lens[l];

				memset(dst, 0xee, BUF_SIZE);
				KUNIT_EXPECT_TRUE(test, memcpy(dst + d_off, src + so, len) == dst + d_off);
				KUNIT_EXPECT_TRUE_MSG(test, check_dst(src + so, d_off, len, 0xee),
						      ": len %zu src+%zu dst+%zu", len, so, d_off);
			}
}

/* memmove both ways over one buffer, the bytes it must produce computed first. */
static void memcpy_memmove_overlaps(struct kunit *test)
{
	static const long shifts[] = { -130, -64, -9, -1, 1, 8, 65, 200 };
	static u8 want[1024];

	for (size_t s = 0; s < ARRAY_SIZE(shifts); s++) {
		size_t from = 1000, to = from + shifts[s], len = 1000;

		for (size_t i = 0; i < BUF_SIZE; i++)
			dst[i] = pattern(i);
		for (size_t i = 0; i < len; i++)
			want[i] = pattern(from + i);
		memmove(dst + to, dst + from, len);
		for (size_t i = 0; i < len; i++)
			if (dst[to + i] != want[i]) {
				kunit_fail(test, __FILE__, __LINE__, "memmove shift %ld: byte %zu wrong",
					   shifts[s], i);
				break;
			}
	}
}

static void memcpy_memset_values_and_edges(struct kunit *test)
{
	static const size_t lens[] = { 0, 1, 7, 8, 9, 63, 64, 65, 200, 4095, 4096, 4097,
				       8191, 12000 };
	static u8 want[BUF_SIZE];

	for (int v = 0; v < 2; v++) {
		u8 c = v ? 0xa5 : 0;	/* 0 takes the DC ZVA path when long enough */

		for (size_t l = 0; l < ARRAY_SIZE(lens); l++)
			for (size_t off = 0; off < 130; off += 43) {
				size_t len = lens[l];

				if (off + len > BUF_SIZE)
					continue;
				for (size_t i = 0; i < BUF_SIZE; i++)
					dst[i] = 0x5a;
				memset(want, c, len);
				KUNIT_EXPECT_TRUE(test, memset(dst + off, c | 0x100, len) == dst + off);
				KUNIT_EXPECT_TRUE_MSG(test, check_dst(want, off, len, 0x5a),
						      ": c %#x len %zu at +%zu", c, len, off);
			}
	}
}

static struct kunit_case memcpy_cases[] = {
	KUNIT_CASE(memcpy_lengths_and_alignments),
	KUNIT_CASE(memcpy_memmove_overlaps),
	KUNIT_CASE(memcpy_memset_values_and_edges),
	{}
};

static struct kunit_suite memcpy_suite = {
	.name = "memcpy",
	.suite_init = memcpy_suite_init,
	.test_cases = memcpy_cases,
};
kunit_test_suite(memcpy_suite);
