// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/char/random.c: the kernel's random numbers: get_random_bytes()
 * for the kernel (AT_RANDOM) and getrandom(2) for user space.
 *
 * A ChaCha20 generator (RFC 7539's block function) with a 256-bit key and
 * "fast key erasure": every request first takes a fresh block and makes
 * its first 32 bytes the next key, so output already given cannot be
 * recomputed from a later state. At boot (rand_initialize) the key is
 * derived from what the boot loader put in the device tree, as Linux takes
 * it (add_bootloader_randomness):
 *
 *   /chosen/rng-seed    bytes from the boot loader's own generator (QEMU
 *                       virt gives 32 bytes from the host's, U-Boot may)
 *   /chosen/kaslr-seed  64 bits, used here only as more seed (with KASLR,
 *                       the copy kaslr_early_init() read before wiping it)
 *
 * folded in 32 bytes at a time (XOR into the key, then rekey through one
 * block), together with the counter value at the time.
 *
 * What it is worth, honestly: as much as the seed. With a 32-byte
 * rng-seed from a good host generator the output is as unpredictable as
 * ChaCha20 makes it, and "random: crng init done" is printed. Without one,
 * the only input is kaslr-seed (if any) and the boot-time counter, which
 * an observer can guess closely: the boot says so ("random: crng not
 * seeded ...") and getrandom still answers (Linux would block until it
 * had entropy; there is no entropy source here besides the boot loader:
 * no interrupt timing, no jitter collection, no hardware RNG driver).
 * The state is in ordinary kernel memory and is not reseeded after boot.
 *
 * Locking: crng_lock (a spinlock, interrupts masked: a caller may be an
 * interrupt handler) guards the key and the counter; two CPUs must never
 * take the same block.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <asm/setup.h>
#include <asm/sysreg.h>
#include <asm/uaccess.h>
#include <libfdt.h>

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004
#define CHACHA_KEY_WORDS 8
#define CHACHA_BLOCK	64

static DEFINE_SPINLOCK(crng_lock);

void get_random_bytes(void *buf, size_t len);
void rand_initialize(void);

static u32 crng_key[CHACHA_KEY_WORDS];
static u64 crng_counter;
static bool crng_seeded;

static inline u32 rol32(u32 v, int n)
{
	return (v << n) | (v >> (32 - n));
}

#define QUARTERROUND(x, a, b, c, d) do {				\
	x[a] += x[b]; x[d] = rol32(x[d] ^ x[a], 16);			\
	x[c] += x[d]; x[b] = rol32(x[b] ^ x[c], 12);			\
	x[a] += x[b]; x[d] = rol32(x[d] ^ x[a], 8);			\
	x[c] += x[d]; x[b] = rol32(x[b] ^ x[c], 7);			\
} while (0)

/* One ChaCha20 block: key, 32-bit block counter, 96-bit nonce (RFC 7539 2.3). */
void chacha20_block(const u32 key[8], u32 counter, const u32 nonce[3], u32 out[16]);
void chacha20_block(const u32 key[8], u32 counter, const u32 nonce[3], u32 out[16])
{
	u32 in[16] = {
		0x61707865, 0x3320646e, 0x79622d32, 0x6b206574,	/* "expand 32-byte k" */
		key[0], key[1], key[2], key[3], key[4], key[5], key[6], key[7],
		counter, nonce[0], nonce[1], nonce[2],
	};

	memcpy(out, in, sizeof(in));
	for (int i = 0; i < 10; i++) {		/* 20 rounds: 10 double rounds */
		QUARTERROUND(out, 0, 4, 8, 12);
		QUARTERROUND(out, 1, 5, 9, 13);
		QUARTERROUND(out, 2, 6, 10, 14);
		QUARTERROUND(out, 3, 7, 11, 15);
		QUARTERROUND(out, 0, 5, 10, 15);
		QUARTERROUND(out, 1, 6, 11, 12);
		QUARTERROUND(out, 2, 7, 8, 13);
		QUARTERROUND(out, 3, 4, 9, 14);
	}
	for (int i = 0; i < 16; i++)
		out[i] += in[i];
}

/* Interrupts masked. The next block under the current key. */
static void crng_block(u32 out[16])
{
	u32 nonce[3] = { (u32)(crng_counter >> 32), 0, 0 };

	chacha20_block(crng_key, (u32)crng_counter, nonce, out);
	crng_counter++;
}

/* Interrupts masked. Replace the key with a block's first 32 bytes. */
static void crng_rekey(void)
{
	u32 block[16];

	crng_block(block);
	memcpy(crng_key, block, sizeof(crng_key));
	memset(block, 0, sizeof(block));
}

/* Interrupts masked. Fold len bytes of seed into the key. */
static void crng_mix(const void *seed, size_t len)
{
	const u8 *p = seed;

	while (len) {
		size_t n = min(len, sizeof(crng_key));
		u8 *k = (u8 *)crng_key;

		for (size_t i = 0; i < n; i++)
			k[i] ^= p[i];
		crng_key[7] ^= (u32)read_sysreg(cntvct_el0);
		crng_rekey();
		p += n;
		len -= n;
	}
}

void get_random_bytes(void *buf, size_t len)
{
	u8 *out = buf;
	unsigned long flags;
	u32 block[16];

	spin_lock_irqsave(&crng_lock, flags);
	crng_rekey();				/* fast key erasure */
	while (len) {
		size_t n = min(len, (size_t)CHACHA_BLOCK);

		crng_block(block);
		memcpy(out, block, n);
		out += n;
		len -= n;
	}
	memset(block, 0, sizeof(block));
	crng_rekey();
	spin_unlock_irqrestore(&crng_lock, flags);
}

void __init rand_initialize(void)
{
	int chosen = of_fdt_path_offset("/chosen"), len = 0;
	const void *seed = NULL;
	u64 boot = read_sysreg(cntvct_el0);
	unsigned long flags;

	/* With KASLR, kaslr_early_init() has wiped it from the tree already. */
	u64 kaslr = kaslr_take_seed();

	spin_lock_irqsave(&crng_lock, flags);
	crng_mix(&boot, sizeof(boot));
	if (chosen >= 0) {
		const fdt64_t *prop = fdt_getprop(initial_boot_params, chosen, "kaslr-seed", &len);

		if (!kaslr && prop && len == sizeof(*prop))
			kaslr = fdt64_to_cpu(*prop);
		if (kaslr)
			crng_mix(&kaslr, sizeof(kaslr));
		seed = fdt_getprop(initial_boot_params, chosen, "rng-seed", &len);
		if (seed && len > 0)
			crng_mix(seed, len);
	}
	crng_seeded = seed && len >= (int)sizeof(crng_key);
	spin_unlock_irqrestore(&crng_lock, flags);
	WRITE_ONCE(kaslr, 0);
	if (crng_seeded)
		pr_notice("random: crng init done\n");
	else
		pr_warn("random: crng not seeded: no 32-byte /chosen/rng-seed, getrandom output is predictable\n");
}

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	u8 buf[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (len > 0x7ffff000)			/* MAX_RW_COUNT */
		len = 0x7ffff000;
	while (done < len) {
		size_t n = min(len - done, sizeof(buf));

		get_random_bytes(buf, n);
		if (copy_to_user(ubuf + done, buf, n)) {
			memset(buf, 0, sizeof(buf));
			return done ? (long)done : -EFAULT;
		}
		done += n;
		if (done < len && signal_pending(current))
			break;			/* a partial read, as Linux */
	}
	memset(buf, 0, sizeof(buf));
	return done;
}
