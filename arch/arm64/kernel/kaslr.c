// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/kaslr.c: where the kernel image runs, chosen at boot
 * (CONFIG_RANDOMIZE_BASE), as Linux v5.15's kaslr_early_init() chooses it.
 *
 * head.S calls kaslr_early_init() from __primary_switched the first time
 * through: the image already runs relocated at KIMAGE_VADDR plus its
 * physical misalignment, BSS is clear, the device tree is mapped through
 * the fixmap (early_fdt_map), and there is no console. A nonzero return is
 * a 2 MiB multiple that __primary_switch adds to x23 before mapping and
 * relocating the image again and re-entering __primary_switched; whatever
 * this pass wrote to BSS is cleared then. So nothing here prints:
 * kaslr_init() reports the outcome from start_kernel, with Linux's lines.
 *
 * The seed is the 64-bit /chosen/kaslr-seed, wiped once read so it cannot
 * be read back later (QEMU virt writes a fresh one each boot; the loader's
 * job on real machines). "nokaslr" on the command line disables it. The
 * random generator mixes the seed in too (rand_initialize, which runs after
 * the wipe): kaslr_take_seed() hands it over once.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/memory.h>
#include <asm/setup.h>
#include <libfdt.h>

enum kaslr_status {
	KASLR_ENABLED,
	KASLR_DISABLED_CMDLINE,
	KASLR_DISABLED_NO_SEED,
	KASLR_DISABLED_FDT_REMAP,
};

/*
 * In BSS, which the second pass clears: that pass only happens when the
 * status is KASLR_ENABLED, which is 0.
 */
static enum kaslr_status kaslr_status;

/*
 * The seed as read, for kaslr_take_seed(). In .init.data, not BSS, so the
 * second pass keeps it, and the end of boot poisons it with the rest of
 * init memory (free_initmem), if kaslr_take_seed() has not cleared it.
 */
static u64 __initdata kaslr_seed;

/*
 * The seed, read from the (writable, early) mapping of the blob and wiped.
 * v5.15's get_kaslr_seed() and kaslr_get_cmdline() each look /chosen up
 * with libfdt, which walks every node before it (~150,000 instructions on
 * QEMU virt's tree); here kaslr_early_init() looks it up once for both, in
 * the node index early_fdt_map() built.
 */
static u64 __init get_kaslr_seed(void *fdt, int node)
{
	fdt64_t *prop;
	u64 seed;
	int len;

	prop = fdt_getprop_w(fdt, node, "kaslr-seed", &len);
	if (!prop || len != sizeof(*prop))
		return 0;
	seed = fdt64_to_cpu(*prop);
	*prop = 0;
	kaslr_seed = seed;
	return seed;
}

/* Is `word` one of the blank-separated words of /chosen/bootargs? */
static bool __init bootargs_have_word(void *fdt, int node, const char *word)
{
	size_t n = strlen(word);
	const char *args, *end;
	int len;

	args = fdt_getprop(fdt, node, "bootargs", &len);
	if (!args || len <= 0)
		return false;
	end = args + strnlen(args, len);
	while (args < end) {
		const char *w;

		while (args < end && *args == ' ')
			args++;
		w = args;
		while (args < end && *args != ' ')
			args++;
		if ((size_t)(args - w) == n && !memcmp(w, word, n))
			return true;
	}
	return false;
}

u64 __init kaslr_early_init(void)
{
	void *fdt = get_early_fdt_ptr();
	u64 seed, mask;
	int chosen;

	if (!fdt) {
		kaslr_status = KASLR_DISABLED_FDT_REMAP;
		return 0;
	}
	chosen = of_fdt_path_offset("/chosen");	/* early_fdt_map's index */
	if (chosen < 0) {
		kaslr_status = KASLR_DISABLED_NO_SEED;
		return 0;
	}
	seed = get_kaslr_seed(fdt, chosen);	/* wiped even when not used */
	if (bootargs_have_word(fdt, chosen, "nokaslr")) {
		kaslr_status = KASLR_DISABLED_CMDLINE;
		return 0;
	}
	if (!seed) {
		kaslr_status = KASLR_DISABLED_NO_SEED;
		return 0;
	}
	/*
	 * A 2 MiB multiple (the early maps are 2 MiB blocks) in the middle
	 * half of the top half of the kernel's address space: at least
	 * 2^(VA_BITS - 3) above KIMAGE_VADDR, below 2^(VA_BITS - 3) +
	 * 2^(VA_BITS - 2), well clear of the fixmap and ioremap windows at
	 * the top (asm/memory.h), as Linux places it in its vmalloc area.
	 */
	mask = (BIT(VA_BITS - 2) - 1) & ~(u64)(SZ_2M - 1);
	return BIT(VA_BITS - 3) + (seed & mask);
}

/*
 * "nokaslr" was acted on before start_kernel (kaslr_early_init reads it from
 * the device tree); known here too, so that it is not taken for an unknown
 * parameter and passed to init.
 */
static int __init early_nokaslr(char *arg)
{
	return 0;
}
early_param("nokaslr", early_nokaslr);

/* The seed kaslr_early_init() wiped from the tree (0 if none), once. */
u64 __init kaslr_take_seed(void)
{
	u64 seed = kaslr_seed;

	WRITE_ONCE(kaslr_seed, 0);
	return seed;
}

void __init kaslr_init(void)
{
	switch (kaslr_status) {
	case KASLR_ENABLED:
		pr_info("KASLR enabled\n");
		break;
	case KASLR_DISABLED_CMDLINE:
		pr_info("KASLR disabled on command line\n");
		break;
	case KASLR_DISABLED_NO_SEED:
		pr_warn("KASLR disabled due to lack of seed\n");
		break;
	case KASLR_DISABLED_FDT_REMAP:
		pr_warn("KASLR disabled due to FDT remapping failure\n");
		break;
	}
}
