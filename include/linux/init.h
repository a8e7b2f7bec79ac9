/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/init.h: boot-only code and data (__init, __initdata, in the
 * .init.* sections of vmlinux.lds.S), and command-line handlers.
 *
 * early_param("name", fn) and __setup("name=", fn) put a struct
 * obs_kernel_param in .init.setup; kernel/params.c walks that table for
 * each word of the command line. early_param handlers run first, from
 * setup_arch(), before consoles exist; __setup ones run later.
 */
#ifndef __LINUX_INIT_H
#define __LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/errno.h>

#define __init __section(".init.text")
#define __initdata __section(".init.data")
#define __initconst __section(".init.rodata")
/* Written once during boot, read afterwards (kept out of .bss). */
#define __ro_after_init __section(".data..ro_after_init")

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *arg);
	int early;
};

#define __setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] __initconst		\
		__aligned(1) = str;					\
	static struct obs_kernel_param __setup_##unique_id		\
		__used __section(".init.setup") __aligned(8) = {	\
			__setup_str_##unique_id, fn, early }

/* "name=value" or a bare "name"; fn gets the text after '=' (or NULL). */
#define __setup(str, fn) __setup_param(str, fn, fn, 0)
#define early_param(str, fn) __setup_param(str, fn, fn, 1)

extern const struct obs_kernel_param __setup_start[], __setup_end[];

#endif
