/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/atomic.h: atomic read-modify-write on int and
 * s64 counters, built on the load-exclusive/store-exclusive pair (ARMv8.0,
 * so every CPU QEMU models runs it; Linux also patches in the ARMv8.1
 * LSE instructions, we do not). Each op retries until its stxr succeeds.
 *
 * Ordering, as in Linux: atomic_<op>() is unordered; atomic_<op>_return()
 * and the cmpxchg/xchg forms are fully ordered (acquire+release on the
 * exclusive pair, and a dmb ish after).
 */
#ifndef __ASM_ATOMIC_H
#define __ASM_ATOMIC_H

#include <linux/compiler.h>
#include <linux/types.h>

typedef struct { int counter; } atomic_t;
typedef struct { s64 counter; } atomic64_t;

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC64_INIT(i)	{ (i) }

#define arch_atomic_read(v)	READ_ONCE((v)->counter)
#define arch_atomic_set(v, i)	WRITE_ONCE((v)->counter, (i))

/*
 * One generator per width: w ("w" registers, int) or x (s64).
 * op is the instruction (add, sub, and, orr, eor), asm_op its name.
 */
#define __ATOMIC_OP(name, type, ctype, reg, asm_op)				\
static inline void arch_##type##_##name(ctype i, type##_t *v)			\
{										\
	ctype result;								\
	unsigned int fail;							\
										\
	__asm__ volatile(							\
	"1:	ldxr	%" reg "0, %2\n"					\
	"	" #asm_op "	%" reg "0, %" reg "0, %" reg "3\n"		\
	"	stxr	%w1, %" reg "0, %2\n"					\
	"	cbnz	%w1, 1b\n"						\
	: "=&r"(result), "=&r"(fail), "+Q"(v->counter)				\
	: "r"(i));								\
}										\
static inline ctype arch_##type##_##name##_return(ctype i, type##_t *v)	\
{										\
	ctype result;								\
	unsigned int fail;							\
										\
	__asm__ volatile(							\
	"1:	ldaxr	%" reg "0, %2\n"					\
	"	" #asm_op "	%" reg "0, %" reg "0, %" reg "3\n"		\
	"	stlxr	%w1, %" reg "0, %2\n"					\
	"	cbnz	%w1, 1b\n"						\
	"	dmb	ish\n"							\
	: "=&r"(result), "=&r"(fail), "+Q"(v->counter)				\
	: "r"(i)								\
	: "memory");								\
	return result;								\
}

__ATOMIC_OP(add, atomic, int, "w", add)
__ATOMIC_OP(sub, atomic, int, "w", sub)
__ATOMIC_OP(and, atomic, int, "w", and)
__ATOMIC_OP(or, atomic, int, "w", orr)
__ATOMIC_OP(add, atomic64, s64, "x", add)
__ATOMIC_OP(sub, atomic64, s64, "x", sub)

/* Fully ordered: *ptr = new if *ptr == old; returns what *ptr was. */
#define __CMPXCHG(type, ctype, reg)						\
static inline ctype arch_##type##_cmpxchg(type##_t *v, ctype old, ctype new)	\
{										\
	ctype prev;								\
	unsigned int fail;							\
										\
	__asm__ volatile(							\
	"1:	ldaxr	%" reg "0, %2\n"					\
	"	cmp	%" reg "0, %" reg "3\n"					\
	"	b.ne	2f\n"							\
	"	stlxr	%w1, %" reg "4, %2\n"					\
	"	cbnz	%w1, 1b\n"						\
	"	dmb	ish\n"							\
	"2:\n"									\
	: "=&r"(prev), "=&r"(fail), "+Q"(v->counter)				\
	: "r"(old), "r"(new)							\
	: "cc", "memory");							\
	return prev;								\
}										\
static inline ctype arch_##type##_xchg(type##_t *v, ctype new)		\
{										\
	ctype prev;								\
	unsigned int fail;							\
										\
	__asm__ volatile(							\
	"1:	ldaxr	%" reg "0, %2\n"					\
	"	stlxr	%w1, %" reg "3, %2\n"					\
	"	cbnz	%w1, 1b\n"						\
	"	dmb	ish\n"							\
	: "=&r"(prev), "=&r"(fail), "+Q"(v->counter)				\
	: "r"(new)								\
	: "memory");								\
	return prev;								\
}

__CMPXCHG(atomic, int, "w")
__CMPXCHG(atomic64, s64, "x")

#undef __ATOMIC_OP
#undef __CMPXCHG

#endif
