// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/mm/fault.c: data and instruction aborts. entry-common.c
 * sends them here with FAR_EL1 and ESR_EL1. The kernel has no demand
 * paging, so every abort taken in the kernel is fatal: explain it the way
 * Linux does ("Unable to handle kernel NULL pointer dereference at virtual
 * address ...", "Mem abort info:", "Data abort info:") and oops.
 *
 * A KUnit case that provokes one on purpose (kunit_expect_fault, e.g. the
 * memory code checking W^X) is resumed before anything is printed.
 *
 * User addresses are different (do_user_addr_fault): a fault from EL0, or
 * from a uaccess instruction of the kernel, on an address a VMA covers
 * gets its page (mm/memory.c), with the mm's mmap_lock held for read;
 * otherwise EL0 gets a fatal signal with
 * Linux's "unhandled ... fault" line, and the kernel's uaccess routine
 * resumes at its exception-table fixup (-EFAULT for the system call).
 */
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <asm/asm-extable.h>
#include <kunit/test.h>
#include <asm/esr.h>
#include <asm/memory.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

static void data_abort_decode(u64 esr)
{
	pr_alert("Data abort info:\n");
	if (esr & ESR_ELx_ISV) {
		pr_alert("  Access size = %u byte(s)\n",
			 1U << ((esr & ESR_ELx_SAS) >> ESR_ELx_SAS_SHIFT));
		pr_alert("  SSE = %llu, SRT = %llu\n", (esr & ESR_ELx_SSE) >> ESR_ELx_SSE_SHIFT,
			 (esr & ESR_ELx_SRT_MASK) >> ESR_ELx_SRT_SHIFT);
		pr_alert("  SF = %llu, AR = %llu\n", (esr & ESR_ELx_SF) >> ESR_ELx_SF_SHIFT,
			 (esr & ESR_ELx_AR) >> ESR_ELx_AR_SHIFT);
	} else {
		pr_alert("  ISV = 0, ISS = 0x%08llx\n", esr & ESR_ELx_ISS_MASK);
	}
	pr_alert("  CM = %llu, WnR = %llu\n", (esr & ESR_ELx_CM) >> ESR_ELx_CM_SHIFT,
		 (esr & ESR_ELx_WNR) >> ESR_ELx_WNR_SHIFT);
}

static void mem_abort_decode(u64 esr)
{
	pr_alert("Mem abort info:\n");
	pr_alert("  ESR = 0x%016llx\n", esr);
	pr_alert("  EC = 0x%02llx: %s, IL = %u bits\n", ESR_ELx_EC(esr),
		 esr_get_class_string(esr), (esr & ESR_ELx_IL) ? 32 : 16);
	pr_alert("  SET = %llu, FnV = %llu\n", (esr & ESR_ELx_SET_MASK) >> ESR_ELx_SET_SHIFT,
		 (esr & ESR_ELx_FnV) >> ESR_ELx_FnV_SHIFT);
	pr_alert("  EA = %llu, S1PTW = %llu\n", (esr & ESR_ELx_EA) >> ESR_ELx_EA_SHIFT,
		 (esr & ESR_ELx_S1PTW) >> ESR_ELx_S1PTW_SHIFT);
	pr_alert("  FSC = 0x%02llx: %s\n", esr & ESR_ELx_FSC, esr_fsc_string(esr));
	if (esr_is_data_abort(esr))
		data_abort_decode(esr);
}

/* Which addresses a page table walk would look up, as Linux's show_pte. */
static void show_pte(unsigned long addr)
{
	if (addr >> (VA_BITS - 1) == 0 && !current->mm) {	/* a TTBR0 address */
		pr_alert("[%016lx] user address but active_mm is swapper\n", addr);
		return;
	}
	pr_alert("swapper pgtable: %luk pages, %d-bit VAs, pgdp=%016llx\n", PAGE_SIZE / 1024,
		 VA_BITS, read_sysreg(ttbr1_el1) & GENMASK(47, 1));
}

static bool is_el1_permission_fault(u64 esr, struct pt_regs *regs)
{
	u64 ec = ESR_ELx_EC(esr);

	if (ec != ESR_ELx_EC_DABT_CUR && ec != ESR_ELx_EC_IABT_CUR)
		return false;
	return esr_fsc_is_permission_fault(esr);
}

static __noreturn void die_kernel_fault(const char *msg, unsigned long addr, u64 esr,
					struct pt_regs *regs)
{
	pr_alert("Unable to handle kernel %s at virtual address %016lx\n", msg, addr);
	mem_abort_decode(esr);
	show_pte(addr);
	die("Oops", regs, esr);
}

/*
 * Take mm's mmap_lock for read to handle a fault on a user address: the
 * VMAs must not change while one is looked up and its page mapped (another
 * thread may be in munmap on another CPU). It sleeps if a writer holds it,
 * which a fault from EL0 always may. The kernel's uaccess routines may run
 * where sleeping is not allowed (under a spinlock: futex_wait's second
 * read of the futex word; with interrupts masked): there only a trylock,
 * and if it fails the access fails (-EFAULT from the fixup), as Linux's
 * faulthandler_disabled() path makes every such fault fail; the caller
 * retries without the lock (kernel/futex.c).
 */
static bool lock_mm_for_fault(struct mm_struct *mm, bool user)
{
	if (!user && (preempt_count() || irqs_disabled()))
		return mmap_read_trylock(mm);
	mmap_read_lock(mm);
	return true;
}

/* true if handled: the access can be retried, or the fixup/signal is set up. */
static bool do_user_addr_fault(unsigned long far, u64 esr, struct pt_regs *regs)
{
	bool user = user_mode(regs);
	bool exec = esr_is_instruction_abort(esr);
	bool write = !exec && (esr & ESR_ELx_WNR) && !(esr & ESR_ELx_CM);
	/* A tagged pointer (TBI0) reaches the same page as the untagged one. */
	unsigned long addr = untagged_addr(far);
	struct mm_struct *mm = current->mm;
	int fault = -EFAULT;

	if (!user && !search_exception_tables(regs->pc))
		return false;		/* the kernel itself touched user memory */
	if (addr < TASK_SIZE && mm && !(esr & ESR_ELx_FnV) &&
	    (esr_fsc_is_translation_fault(esr) || esr_fsc_is_permission_fault(esr)) &&
	    lock_mm_for_fault(mm, user)) {
		fault = handle_mm_fault(mm, addr, write, exec);
		mmap_read_unlock(mm);
		if (fault == 0)
			return true;
	}
	if (!user)
		return fixup_exception(regs);
	/* si_addr without the tag, as Linux reports it (no SA_EXPOSE_TAGBITS here) */
	if (fault == -EIO)	/* a file mapping's page past the end of the file */
		arm64_force_sig_fault(SIGBUS, BUS_ADRERR, esr_fsc_string(esr), addr, esr, regs);
	else
		arm64_force_sig_fault(SIGSEGV, fault == -EACCES ? SEGV_ACCERR : SEGV_MAPERR,
			      esr_fsc_string(esr), addr, esr, regs);
	return true;
}

void do_mem_abort(unsigned long far, u64 esr, struct pt_regs *regs)
{
	const char *msg;

	kunit_catch(regs, esr);
	if (do_user_addr_fault(far, esr, regs))
		return;

	if (is_el1_permission_fault(esr, regs)) {
		if (esr & ESR_ELx_WNR)
			msg = "write to read-only memory";
		else if (esr_is_instruction_abort(esr))
			msg = "execute from non-executable memory";
		else
			msg = "read from unreadable memory";
	} else if (far < PAGE_SIZE) {
		msg = "NULL pointer dereference";
	} else {
		msg = "paging request";
	}
	die_kernel_fault(msg, far, esr, regs);
}
