// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/sys.c: the system call table, number -> handler, built
 * from include/uapi/asm-generic/unistd.h. Every slot starts as
 * sys_ni_syscall (-ENOSYS); the listed calls override theirs. A listed
 * call nobody implements resolves to kernel/sys_ni.c's weak default.
 */
#include <linux/syscalls.h>

#undef __SYSCALL
#define __SYSCALL(nr, sym) long __arm64_##sym(const struct pt_regs *regs);
#include <uapi/asm-generic/unistd.h>

#undef __SYSCALL
#define __SYSCALL(nr, sym) [nr] = __arm64_##sym,

const syscall_fn_t sys_call_table[__NR_syscalls] = {
	[0 ... __NR_syscalls - 1] = __arm64_sys_ni_syscall,
#include <uapi/asm-generic/unistd.h>
};
