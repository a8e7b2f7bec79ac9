/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/setup.h: what head.S hands to C, and setup_arch().
 */
#ifndef __ASM_SETUP_H
#define __ASM_SETUP_H

#include <linux/types.h>

/* x0..x3 as the loader left them (head.S: preserve_boot_args). */
extern u64 boot_args[4];
/* x0 at entry: the physical address of the device tree blob. */
extern phys_addr_t __fdt_pointer;

void setup_arch(char **cmdline_p);

/* head.S, before start_kernel: the blob through the fixmap, writable. */
void early_fdt_map(u64 dt_phys);
void *get_early_fdt_ptr(void);
/* CONFIG_RANDOMIZE_BASE (kaslr.c): the offset head.S moves the image by. */
u64 kaslr_early_init(void);
/* ...and the boot-log line that says what it decided. */
void kaslr_init(void);
/* ...and, once, the seed it wiped from the tree: rand_initialize mixes it in. */
#ifdef CONFIG_RANDOMIZE_BASE
u64 kaslr_take_seed(void);
#else
static inline u64 kaslr_take_seed(void)
{
	return 0;
}
#endif
/* The panic footer's "Kernel Offset: ..." lines. */
void dump_kernel_offset(void);

#endif
