/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/syscalls.h: defining system calls, as Linux does.
 *
 *	SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf,
 *			size_t, count)
 *	{
 *		...
 *	}
 *
 * defines __arm64_sys_write(const struct pt_regs *regs), the entry the
 * dispatch table (arch/arm64/kernel/sys.c) holds, which takes the
 * arguments from x0..x5 of the saved user registers, converts each to its
 * declared type, and calls the body written above. Numbers and names are
 * listed in include/uapi/asm-generic/unistd.h.
 */
#ifndef __LINUX_SYSCALLS_H
#define __LINUX_SYSCALLS_H

#include <linux/types.h>
#include <asm/ptrace.h>

/* A pointer that comes from user space: only for copy_{from,to}_user(). */
#ifndef __user
#define __user
#endif

typedef long (*syscall_fn_t)(const struct pt_regs *regs);

/* Table entry for every call: number -> handler; unknown -> -ENOSYS. */
extern const syscall_fn_t sys_call_table[];
long __arm64_sys_ni_syscall(const struct pt_regs *regs);

/* Apply m(index, type, name) to each (type, name) pair, with commas between. */
#define __MAP1(m, t1, a1) m(0, t1, a1)
#define __MAP2(m, t1, a1, t2, a2) m(0, t1, a1), m(1, t2, a2)
#define __MAP3(m, t1, a1, t2, a2, t3, a3) __MAP2(m, t1, a1, t2, a2), m(2, t3, a3)
#define __MAP4(m, t1, a1, t2, a2, t3, a3, t4, a4) \
	__MAP3(m, t1, a1, t2, a2, t3, a3), m(3, t4, a4)
#define __MAP5(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) \
	__MAP4(m, t1, a1, t2, a2, t3, a3, t4, a4), m(4, t5, a5)
#define __MAP6(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) \
	__MAP5(m, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5), m(5, t6, a6)

#define __SC_DECL(i, t, a) t a
#define __SC_FROM_REG(i, t, a) ((t)regs->regs[i])

#define SYSCALL_DEFINEx(x, name, ...)						\
	static inline long __do_sys_##name(__MAP##x(__SC_DECL, __VA_ARGS__));	\
	long __arm64_sys_##name(const struct pt_regs *regs);			\
	long __arm64_sys_##name(const struct pt_regs *regs)			\
	{									\
		return __do_sys_##name(__MAP##x(__SC_FROM_REG, __VA_ARGS__));	\
	}									\
	static inline long __do_sys_##name(__MAP##x(__SC_DECL, __VA_ARGS__))

#define SYSCALL_DEFINE0(name)							\
	static inline long __do_sys_##name(void);				\
	long __arm64_sys_##name(const struct pt_regs *regs);			\
	long __arm64_sys_##name(const struct pt_regs *regs)			\
	{									\
		(void)regs;							\
		return __do_sys_##name();					\
	}									\
	static inline long __do_sys_##name(void)

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, name, __VA_ARGS__)

#endif
