// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/vdso.c: the vDSO in every process. exec calls
 * arch_setup_additional_pages (Linux's name), which maps, from VDSO_BASE
 * up, two areas of pages that stay the kernel's (mm/mmap.c,
 * _install_special_mapping) and that fork shares rather than copies:
 *
 *   [vvar]  VDSO_BASE              1 page, read-only: vdso_data_store, the
 *                                  clocks' data (include/vdso/datapage.h)
 *                                  the kernel rewrites at every tick
 *   [vdso]  VDSO_BASE + PAGE_SIZE  the vDSO image (vdso-wrap.S embeds
 *                                  vdso/vdso.so), read and execute
 *
 * The vDSO's code finds the vvar page one page below its own start
 * (vdso.lds.S's _vdso_data). exec passes the [vdso] address as
 * AT_SYSINFO_EHDR (fs/exec.c); glibc reads the ELF image there and calls
 * __kernel_clock_gettime and friends instead of making system calls.
 * Signal handlers return through its __kernel_rt_sigreturn (signal.c,
 * vdso_sigtramp). The address is fixed, below the stack's 8 MiB: there is
 * no address-space randomisation here.
 */
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/mm_types.h>
#include <linux/mm_user.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <asm/memory.h>
#include <asm/processor.h>
#include <asm/vdso.h>
#include <vdso/datapage.h>

#define VDSO_BASE (STACK_TOP - STACK_RLIMIT - SZ_2M)

extern const char vdso_start[], vdso_end[];	/* vdso-wrap.S, page aligned */

/* The vvar page: written by the kernel (kernel/time/vsyscall.c), read by all. */
static union {
	struct vdso_data data[CS_BASES];
	u8 page[PAGE_SIZE];
} vdso_data_store __aligned(PAGE_SIZE);
struct vdso_data *vdso_data = vdso_data_store.data;

/* Where the vDSO's ELF header is in mm: AT_SYSINFO_EHDR. */
unsigned long vdso_base(struct mm_struct *mm)
{
	return VDSO_BASE + __VVAR_PAGES * PAGE_SIZE;
}

int arch_setup_additional_pages(struct mm_struct *mm)
{
	struct vm_special_mapping vvar = {
		.name = "[vvar]",
		.pfn = __pa_symbol(vdso_data_store.page) >> PAGE_SHIFT,
	};
	struct vm_special_mapping vdso = {
		.name = "[vdso]",
		.pfn = __pa_symbol(vdso_start) >> PAGE_SHIFT,
	};
	int err;

	err = _install_special_mapping(mm, VDSO_BASE, __VVAR_PAGES * PAGE_SIZE, VM_READ, &vvar);
	if (err)
		return err;
	return _install_special_mapping(mm, vdso_base(mm), vdso_end - vdso_start,
					VM_READ | VM_EXEC, &vdso);
}

unsigned long vdso_sigtramp(struct mm_struct *mm)
{
	return VDSO_SYMBOL(vdso_base(mm), sigtramp);
}
