/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/futex.h: the atomic read-modify-writes of a user
 * futex word that kernel/futex.c needs (FUTEX_WAKE_OP's operation, the PI
 * and robust-list compare-and-exchanges), as Linux's arm64 ones: a
 * load-exclusive/store-release-exclusive loop on the user address,
 * followed by a full barrier.
 *
 * The exclusives have no unprivileged (EL0-checked) form as ldtr/sttr do,
 * so the address is checked with access_ok() first; PAN is not used here,
 * so EL1 may reach the user page. Both exclusives have exception-table
 * entries: a fault on a page a VMA covers is handled (demand zero, copy on
 * write) and the instruction retried; any other fault ends at the fixup,
 * -EFAULT. A loop that keeps losing its reservation (another CPU writing
 * the word) gives up after FUTEX_MAX_LOOPS tries with -EAGAIN, and the
 * caller drops its locks and tries again, as Linux's does.
 */
#ifndef __ASM_FUTEX_H
#define __ASM_FUTEX_H

#include <linux/errno.h>
#include <linux/types.h>
#include <asm/uaccess.h>

#define FUTEX_MAX_LOOPS	128

/* FUTEX_WAKE_OP's operations (Linux's uapi/linux/futex.h). */
#define FUTEX_OP_SET		0	/* *uaddr = oparg */
#define FUTEX_OP_ADD		1	/* *uaddr += oparg */
#define FUTEX_OP_OR		2	/* *uaddr |= oparg */
#define FUTEX_OP_ANDN		3	/* *uaddr &= ~oparg */
#define FUTEX_OP_XOR		4	/* *uaddr ^= oparg */

/*
 * One LL/SC loop: `insn` computes %w[new] from %w[old] and %w[arg]. ret:
 * 0, -EFAULT (fixup 3), -EAGAIN (the reservation lost FUTEX_MAX_LOOPS
 * times).
 */
#define __futex_atomic_op(insn, ret, oldval, uaddr, oparg)			\
do {										\
	unsigned int __loops = FUTEX_MAX_LOOPS, __new;				\
										\
	asm volatile(								\
	"1:	ldxr	%w[old], %[mem]\n"					\
		insn "\n"							\
	"2:	stlxr	%w[ret], %w[new], %[mem]\n"				\
	"	cbz	%w[ret], 4f\n"						\
	"	subs	%w[loops], %w[loops], #1\n"				\
	"	b.ne	1b\n"							\
	"	mov	%w[ret], %w[eagain]\n"					\
	"	b	5f\n"							\
	"3:	mov	%w[ret], %w[efault]\n"					\
	"	b	5f\n"							\
	"4:	dmb	ish\n"							\
	"5:\n"									\
	"	.pushsection	__ex_table, \"a\"\n"				\
	"	.balign	4\n"							\
	"	.long	(1b - .), (3b - .)\n"					\
	"	.long	(2b - .), (3b - .)\n"					\
	"	.popsection\n"							\
	: [ret] "=&r" (ret), [old] "=&r" (oldval), [mem] "+Q" (*(uaddr)),	\
	  [new] "=&r" (__new), [loops] "+r" (__loops)			\
	: [arg] "r" (oparg), [efault] "r" (-EFAULT), [eagain] "r" (-EAGAIN)	\
	: "memory", "cc");							\
} while (0)

/*
 * *uaddr = *uaddr op oparg, atomically; the old value in *oval. 0,
 * -EFAULT, -EAGAIN, or -ENOSYS for an unknown op (nothing written).
 */
static inline int arch_futex_atomic_op_inuser(int op, int oparg, int *oval, u32 __user *uaddr)
{
	int ret, oldval;

	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	switch (op) {
	case FUTEX_OP_SET:
		__futex_atomic_op("mov	%w[new], %w[arg]", ret, oldval, uaddr, oparg);
		break;
	case FUTEX_OP_ADD:
		__futex_atomic_op("add	%w[new], %w[old], %w[arg]", ret, oldval, uaddr, oparg);
		break;
	case FUTEX_OP_OR:
		__futex_atomic_op("orr	%w[new], %w[old], %w[arg]", ret, oldval, uaddr, oparg);
		break;
	case FUTEX_OP_ANDN:
		__futex_atomic_op("bic	%w[new], %w[old], %w[arg]", ret, oldval, uaddr, oparg);
		break;
	case FUTEX_OP_XOR:
		__futex_atomic_op("eor	%w[new], %w[old], %w[arg]", ret, oldval, uaddr, oparg);
		break;
	default:
		return -ENOSYS;
	}
	if (!ret)
		*oval = oldval;
	return ret;
}

/*
 * If *uaddr == oldval, make it newval, atomically; *uval: what it was
 * (whether or not it matched). 0, -EFAULT or -EAGAIN. Unchecked: a user
 * address access_ok() passed, or the kernel's (linear-map) address of a
 * user page (kernel/futex.c's hand-over of another process's shared lock).
 */
static inline int __futex_atomic_cmpxchg(u32 *uval, u32 *uaddr, u32 oldval, u32 newval)
{
	unsigned int loops = FUTEX_MAX_LOOPS, tmp;
	int ret = 0;
	u32 val;

	asm volatile(
	"1:	ldxr	%w[val], %[mem]\n"
	"	sub	%w[tmp], %w[val], %w[oldval]\n"
	"	cbnz	%w[tmp], 4f\n"			/* no match: ret 0, nothing written */
	"2:	stlxr	%w[tmp], %w[newval], %[mem]\n"
	"	cbz	%w[tmp], 4f\n"
	"	subs	%w[loops], %w[loops], #1\n"
	"	b.ne	1b\n"
	"	mov	%w[ret], %w[eagain]\n"
	"	b	5f\n"
	"3:	mov	%w[ret], %w[efault]\n"
	"	b	5f\n"
	"4:	dmb	ish\n"
	"5:\n"
	"	.pushsection	__ex_table, \"a\"\n"
	"	.balign	4\n"
	"	.long	(1b - .), (3b - .)\n"
	"	.long	(2b - .), (3b - .)\n"
	"	.popsection\n"
	: [ret] "+r" (ret), [val] "=&r" (val), [mem] "+Q" (*uaddr), [tmp] "=&r" (tmp),
	  [loops] "+r" (loops)
	: [oldval] "r" (oldval), [newval] "r" (newval), [efault] "r" (-EFAULT),
	  [eagain] "r" (-EAGAIN)
	: "memory", "cc");
	if (!ret)
		*uval = val;
	return ret;
}

/* The same on a user address, checked. */
static inline int futex_atomic_cmpxchg_inatomic(u32 *uval, u32 __user *uaddr, u32 oldval,
						u32 newval)
{
	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	return __futex_atomic_cmpxchg(uval, (u32 *)uaddr, oldval, newval);
}

#endif
