/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/barrier.h: memory barriers between CPUs, with
 * Linux's names. The CPUs of one machine are in the inner shareable
 * domain, so the smp_* barriers are `dmb ish` variants; mb()/rmb()/wmb()
 * also order device accesses (full system `dsb`).
 *
 *	smp_mb()	loads and stores before, against loads and stores after
 *	smp_rmb()	loads before, against loads after (dmb ishld)
 *	smp_wmb()	stores before, against stores after (dmb ishst)
 *	smp_store_release(p, v)	stlr: everything before is seen before v
 *	smp_load_acquire(p)	ldar: nothing after is seen before the load
 */
#ifndef __ASM_BARRIER_H
#define __ASM_BARRIER_H

#include <linux/compiler.h>

#define sev()		__asm__ volatile("sev" : : : "memory")
#define sevl()		__asm__ volatile("sevl" : : : "memory")
#define wfe()		__asm__ volatile("wfe" : : : "memory")

#define mb()		__asm__ volatile("dsb sy" : : : "memory")
#define rmb()		__asm__ volatile("dsb ld" : : : "memory")
#define wmb()		__asm__ volatile("dsb st" : : : "memory")

#define smp_mb()	__asm__ volatile("dmb ish" : : : "memory")
#define smp_rmb()	__asm__ volatile("dmb ishld" : : : "memory")
#define smp_wmb()	__asm__ volatile("dmb ishst" : : : "memory")

/* The compiler emits stlr/ldar for these (never a library call). */
#define smp_store_release(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE)

#endif
