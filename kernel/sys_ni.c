// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sys_ni.c: "not implemented": the answer, -ENOSYS, to a system
 * call number the kernel does not know, and the weak default of every call
 * in include/uapi/asm-generic/unistd.h, so the table links before each one
 * is written; the real SYSCALL_DEFINE wins where there is one.
 */
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

long __arm64_sys_ni_syscall(const struct pt_regs *regs)
{
	return -ENOSYS;
}

#undef __SYSCALL
#define __SYSCALL(nr, sym)							\
	long __arm64_##sym(const struct pt_regs *regs)				\
		__attribute__((weak, alias("__arm64_sys_ni_syscall")));
#include <uapi/asm-generic/unistd.h>
