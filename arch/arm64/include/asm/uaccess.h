/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/uaccess.h: reaching user memory from the kernel.
 * Every pointer a system call gets from user space goes through these:
 *
 *   copy_from_user(to, from, n)   n bytes in; returns the bytes NOT copied
 *   copy_to_user(to, from, n)     n bytes out; the same
 *   clear_user(to, n)             n zero bytes out; the same
 *   strncpy_from_user(dst, src, count)
 *                                 a string in: its length (without the NUL,
 *                                 which is copied too), count if no NUL was
 *                                 found in count bytes, or -EFAULT
 *   get_user(x, ptr) / put_user(x, ptr)
 *                                 one object: 0 or -EFAULT
 *
 * access_ok() refuses any range that reaches above TASK_SIZE (kernel
 * addresses, and wrap-around). The copies themselves (arch/arm64/lib/
 * uaccess.S) use the unprivileged loads and stores (ldtr/sttr), so the MMU
 * checks each access with EL0's permissions: a user pointer to a read-only
 * page cannot be written through, and a kernel address faults even if it
 * slipped past access_ok. Each such instruction has an entry in the
 * exception table (__ex_table, see vmlinux.lds.S): a fault there resumes
 * at the entry's fixup (arch/arm64/mm/extable.c), which returns how much
 * was left, and the system call answers -EFAULT, as on Linux.
 *
 * A fault on a user address that a VMA covers is first treated as a normal
 * page fault (demand-zero pages, mm/memory.c); only if that fails is the
 * fixup taken. Callers may sleep; they must not hold interrupts off.
 */
#ifndef __ASM_UACCESS_H
#define __ASM_UACCESS_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/types.h>
#include <asm/memory.h>
#include <asm/processor.h>	/* TASK_SIZE */

#ifndef __user
#define __user
#endif

/* [addr, addr + size) lies wholly in user space, without wrapping. */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/* arch/arm64/lib/uaccess.S: no checks, return the bytes left undone. */
unsigned long __arch_copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __arch_copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __arch_clear_user(void __user *to, unsigned long n);
/* Bytes copied up to and including a NUL, or n; -1 (as long) on a fault. */
long __arch_strncpy_from_user(char *dst, const char __user *src, long n);

static inline unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	return __arch_copy_from_user(to, from, n);
}

static inline unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __arch_copy_to_user(to, from, n);
}

static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return __arch_clear_user(to, n);
}

/*
 * Copy a NUL-terminated string of at most count bytes (NUL included) to
 * dst. Returns its length, count when there was no NUL in count bytes
 * (dst is then not terminated), or -EFAULT. A string that runs into the
 * end of user space faults, even if count would allow more.
 */
static inline long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long a = (unsigned long)src;
	long n, done;

	if (count <= 0)
		return 0;
	if (a >= TASK_SIZE)
		return -EFAULT;
	n = (unsigned long)count < TASK_SIZE - a ? count : (long)(TASK_SIZE - a);
	done = __arch_strncpy_from_user(dst, src, n);
	if (done < 0)
		return -EFAULT;
	if (done > 0 && dst[done - 1] == '\0')
		return done - 1;
	if (done < count)		/* stopped at TASK_SIZE */
		return -EFAULT;
	return count;
}

#define get_user(x, ptr) ({						\
	unsigned char __gu_buf[sizeof(*(ptr))] __aligned(8);			\
	int __gu_err = copy_from_user(__gu_buf, (ptr), sizeof(__gu_buf)) ?	\
		       -EFAULT : 0;						\
	(x) = __gu_err ? (__typeof__(*(ptr)))0 : *(__typeof__(*(ptr)) *)__gu_buf; \
	__gu_err;								\
})

#define put_user(x, ptr) ({							\
	__typeof__(*(ptr)) __pu_val = (x);					\
	copy_to_user((ptr), &__pu_val, sizeof(__pu_val)) ? -EFAULT : 0;		\
})

#endif
