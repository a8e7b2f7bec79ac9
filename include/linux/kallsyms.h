/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/kallsyms.h: addresses of kernel code back to names, for
 * oopses and backtraces. The table is generated at link time by
 * scripts/kallsyms (see scripts/link-vmlinux.sh); kernel/kallsyms.c
 * searches it.
 */
#ifndef __LINUX_KALLSYMS_H
#define __LINUX_KALLSYMS_H

#include <linux/types.h>

/* "do_mem_abort+0x14/0x40" is at most this long (with its NUL). */
#define KSYM_SYMBOL_LEN 128

/*
 * The function containing addr: its name, and through the pointers (each
 * may be NULL) its size and addr's offset into it. NULL if addr is not in
 * kernel code, or the table is empty.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset);

/* "name+0xoff/0xsize", or "0x<hex>" for an unknown address, into buf. */
int sprint_symbol(char *buf, size_t size, unsigned long addr);

/* The start address of the function called name, or 0. */
unsigned long kallsyms_lookup_name(const char *name);

#endif
