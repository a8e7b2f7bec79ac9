// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/char/random_kunit.c: KUnit checks of the random generator
 * (kunit.filter_glob=random): the ChaCha20 block function against RFC
 * 7539's test vector (section 2.3.2), and get_random_bytes never giving the
 * same bytes twice.
 */
#include <linux/string.h>
#include <kunit/test.h>

void chacha20_block(const u32 key[8], u32 counter, const u32 nonce[3], u32 out[16]);
void get_random_bytes(void *buf, size_t len);

static void random_chacha20_rfc7539_vector(struct kunit *test)
{
	static const u8 expect[64] = {
		0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15, 0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20,
		0x71, 0xc4, 0xc7, 0xd1, 0xf4, 0xc7, 0x33, 0xc0, 0x68, 0x03, 0x04, 0x22, 0xaa, 0x9a,
		0xc3, 0xd4, 0x6c, 0x4e, 0xd2, 0x82, 0x64, 0x46, 0x07, 0x9f, 0xaa, 0x09, 0x14, 0xc2,
		0xd7, 0x05, 0xd9, 0x8b, 0x02, 0xa2, 0xb5, 0x12, 0x9c, 0xd1, 0xde, 0x16, 0x4e, 0xb9,
		0xcb, 0xd0, 0x83, 0xe8, 0xa2, 0x50, 0x3c, 0x4e,
	};
	u32 key[8], out[16], nonce[3] = { 0x09000000, 0x4a000000, 0 };
	u8 k[32];

	for (int i = 0; i < 32; i++)
		k[i] = i;
	memcpy(key, k, sizeof(key));		/* little-endian words, as the RFC */
	chacha20_block(key, 1, nonce, out);
	KUNIT_EXPECT_EQ(test, memcmp(out, expect, sizeof(expect)), 0);
}

static void random_bytes_differ(struct kunit *test)
{
	u8 a[32], b[32];

	get_random_bytes(a, sizeof(a));
	get_random_bytes(b, sizeof(b));
	KUNIT_EXPECT_NE(test, memcmp(a, b, sizeof(a)), 0);
}

static struct kunit_case random_cases[] = {
	KUNIT_CASE(random_chacha20_rfc7539_vector),
	KUNIT_CASE(random_bytes_differ),
	{}
};

static struct kunit_suite random_suite = {
	.name = "random",
	.test_cases = random_cases,
};
kunit_test_suite(random_suite);
