/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/atomic.h: atomic_t and atomic64_t with Linux's names, on
 * the architecture's exclusive-pair operations (asm/atomic.h).
 */
#ifndef __LINUX_ATOMIC_H
#define __LINUX_ATOMIC_H

#include <asm/atomic.h>
#include <asm/barrier.h>

#define atomic_read(v)			arch_atomic_read(v)
#define atomic_set(v, i)		arch_atomic_set(v, i)
#define atomic_add(i, v)		arch_atomic_add(i, v)
#define atomic_sub(i, v)		arch_atomic_sub(i, v)
#define atomic_and(i, v)		arch_atomic_and(i, v)
#define atomic_or(i, v)			arch_atomic_or(i, v)
#define atomic_inc(v)			arch_atomic_add(1, v)
#define atomic_dec(v)			arch_atomic_sub(1, v)
#define atomic_add_return(i, v)		arch_atomic_add_return(i, v)
#define atomic_sub_return(i, v)		arch_atomic_sub_return(i, v)
#define atomic_inc_return(v)		arch_atomic_add_return(1, v)
#define atomic_dec_return(v)		arch_atomic_sub_return(1, v)
#define atomic_dec_and_test(v)		(arch_atomic_sub_return(1, v) == 0)
#define atomic_cmpxchg(v, o, n)		arch_atomic_cmpxchg(v, o, n)
#define atomic_xchg(v, n)		arch_atomic_xchg(v, n)

#define atomic64_read(v)		arch_atomic_read(v)
#define atomic64_set(v, i)		arch_atomic_set(v, i)
#define atomic64_add(i, v)		arch_atomic64_add(i, v)
#define atomic64_sub(i, v)		arch_atomic64_sub(i, v)
#define atomic64_inc(v)			arch_atomic64_add(1, v)
#define atomic64_add_return(i, v)	arch_atomic64_add_return(i, v)
#define atomic64_inc_return(v)		arch_atomic64_add_return(1, v)
#define atomic64_cmpxchg(v, o, n)	arch_atomic64_cmpxchg(v, o, n)
#define atomic64_xchg(v, n)		arch_atomic64_xchg(v, n)

#endif
