/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/kbuild.h: DEFINE() and OFFSET() for asm-offsets.c. Each
 * emits a "->NAME VALUE" marker into the compiler's assembly output, which
 * scripts/mkasm-offsets turns into include/generated/asm-offsets.h.
 */
#ifndef __LINUX_KBUILD_H
#define __LINUX_KBUILD_H

#define DEFINE(sym, val) \
	__asm__ volatile("\n.ascii \"->" #sym " %0\"" : : "i"(val))

#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

#endif
