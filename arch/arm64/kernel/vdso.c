// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/vdso.c: the [vdso] page exec maps into every process
 * (arch_setup_additional_pages, Linux's name), read-only and executable
 * at VDSO_BASE, a fixed address below the stack's 8 MiB. It holds, for
 * now, only __kernel_rt_sigreturn (vdso-sigreturn.S): the return address
 * of a signal handler that did not give SA_RESTORER, as glibc never does
 * on arm64. It is not an ELF image and AT_SYSINFO_EHDR is not passed, so
 * glibc makes real system calls for the time (no vDSO clock_gettime yet).
 * fork copies it with the rest of the address space.
 */
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/mm_types.h>
#include <linux/mm_user.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <asm/processor.h>

#define VDSO_BASE (STACK_TOP - STACK_RLIMIT - SZ_2M)

extern const char vdso_page_start[], vdso_rt_sigreturn[], vdso_page_end[];

int arch_setup_additional_pages(struct mm_struct *mm)
{
	void *page;
	int err;

	err = insert_vma(mm, VDSO_BASE, VDSO_BASE + PAGE_SIZE, VM_READ | VM_EXEC, "[vdso]");
	if (err)
		return err;
	page = mm_user_kaddr(mm, VDSO_BASE);
	if (!page)
		return -ENOMEM;
	memcpy(page, vdso_page_start, vdso_page_end - vdso_page_start);
	sync_icache_page(page);
	return 0;
}

unsigned long vdso_sigtramp(struct mm_struct *mm)
{
	return VDSO_BASE + (vdso_rt_sigreturn - vdso_page_start);
}
