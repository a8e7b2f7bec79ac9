// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/signal.c: running a user's signal handler, and what a
 * fault in user mode does, as Linux's arm64 does them.
 *
 * do_signal() (from exit_to_user_mode, syscall.c) first settles a system
 * call that a signal interrupted (-ERESTART*: rewind the pc to the svc and
 * x0 to orig_x0, or fail it with -EINTR), then asks get_signal()
 * (kernel/signal.c) for a signal with a handler and builds the handler's
 * struct rt_sigframe on the user stack (or the sigaltstack), 16-byte
 * aligned, below a frame record for the unwinder:
 *
 *   sp ->  siginfo (128 bytes)
 *          ucontext: uc_flags, uc_link, uc_stack, uc_sigmask, padding,
 *                    uc_mcontext (struct sigcontext: fault_address, x0..x30,
 *                    sp, pc, pstate, records: fpsimd_context, esr_context
 *                    after a fault, a zero terminator)
 *          (frame record: the interrupted x29, x30)
 *
 * then enters the handler with x0 = signal, x1 = &info, x2 = &uc, x29 at
 * the frame record, and x30 = the return: sa_restorer if SA_RESTORER, else
 * __kernel_rt_sigreturn in the [vdso] page (vdso.c). That trampoline calls
 * rt_sigreturn, which loads everything back from the frame.
 *
 * arm64_force_sig_fault() reports a fault that will kill the way v5.15
 * does (show_unhandled_signals, at most ten every five seconds):
 *
 *   sh[12]: unhandled exception: DABT (lower EL), ESR 0x0000000092000006,
 *   level 3 translation fault in sh[400000+2000]
 *
 * (one line), then the registers, and sends the signal.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <uapi/asm-generic/unistd.h>
#include <uapi/asm/sigcontext.h>
#include <asm/esr.h>
#include <asm/ptrace.h>
#include <asm/traps.h>
#include <asm/uaccess.h>

#define SIG_DFL		0UL
#define SIG_IGN		1UL

/* include/uapi/asm-generic/ucontext.h's arm64 form (arch/arm64/include/uapi/asm/ucontext.h). */
struct ucontext {
	unsigned long uc_flags;
	unsigned long uc_link;
	struct {
		unsigned long ss_sp;
		int ss_flags;
		unsigned long ss_size;
	} uc_stack;
	sigset_t uc_sigmask;
	u8 __unused[1024 / 8 - sizeof(sigset_t)];
	struct sigcontext uc_mcontext;	/* 16-byte aligned */
};

struct rt_sigframe {
	u8 info[SI_MAX_SIZE];
	struct ucontext uc;
};

struct frame_record {
	u64 fp;
	u64 lr;
};

/* Where the records go in uc_mcontext.__reserved, and how big the frame is. */
struct rt_sigframe_user_layout {
	struct rt_sigframe __user *sigframe;
	struct frame_record __user *next_frame;
	unsigned long size;		/* bytes of the frame used so far */
	unsigned long fpsimd_offset, esr_offset, end_offset;
};

#define TERMINATOR_SIZE	round_up(sizeof(struct _aarch64_ctx), 16)
#define round_up(x, a)	(((x) + (a) - 1) & ~((unsigned long)(a) - 1))
#define round_down(x, a) ((x) & ~((unsigned long)(a) - 1))

int copy_siginfo_to_user(void __user *to, const kernel_siginfo_t *from);
int __save_altstack(void __user *uss, unsigned long sp);
int restore_altstack(const void __user *uss);
unsigned long vdso_sigtramp(struct mm_struct *mm);

static void sigframe_layout(struct rt_sigframe_user_layout *user)
{
	memset(user, 0, sizeof(*user));
	user->size = offsetof(struct rt_sigframe, uc.uc_mcontext.__reserved);
	user->fpsimd_offset = user->size;
	user->size += round_up(sizeof(struct fpsimd_context), 16);
	if (current->thread.fault_code) {
		user->esr_offset = user->size;
		user->size += round_up(sizeof(struct esr_context), 16);
	}
	user->end_offset = user->size;
	user->size += TERMINATOR_SIZE;
}

static void __user *apply_user_offset(struct rt_sigframe_user_layout *user, unsigned long off)
{
	return (char __user *)user->sigframe + off;
}

/* ---- faults ------------------------------------------------------------------------- */

/* Linux's unhandled_signal(): the signal will kill (no handler), or it hits init. */
static bool unhandled_signal(struct task_struct *tsk, int sig)
{
	unsigned long handler = tsk->sighand->action[sig - 1].sa_handler;

	return tsk->tgid == 1 || handler == SIG_DFL || handler == SIG_IGN;
}

/*
 * v5.15's arm64_show_signal: a fault that will kill is reported, at most
 * ten every five seconds, as
 *
 *   utest[3]: unhandled exception: DABT (lower EL), ESR 0x0000000092000046,
 *   level 2 translation fault in utest[400000+3000]
 *
 * (one line; the ESR part only when there is one) and the registers.
 */
static void arm64_show_signal(int sig, const char *desc, struct pt_regs *regs)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST);
	struct task_struct *tsk = current;
	u64 esr = tsk->thread.fault_code;
	char class[64] = "", where[64] = "";

	if (!unhandled_signal(tsk, sig) || !__ratelimit(&rs))
		return;
	if (esr)
		snprintf(class, sizeof(class), "%s, ESR 0x%016llx, ", esr_get_class_string(esr),
			 esr);
	/* Only a trylock, as Linux's print_vma_addr: this may run with interrupts masked. */
	if (tsk->mm && mmap_read_trylock(tsk->mm)) {
		struct vm_area_struct *vma = find_vma(tsk->mm, regs->pc);

		if (vma && vma->vm_start <= regs->pc && vma->vm_name[0])
			snprintf(where, sizeof(where), " in %s[%lx+%lx]", vma->vm_name,
				 vma->vm_start, vma->vm_end - vma->vm_start);
		mmap_read_unlock(tsk->mm);
	}
	pr_info("%s[%d]: unhandled exception: %s%s%s\n", tsk->comm, tsk->pid, class, desc, where);
	__show_regs(regs);
}

/* Report (arm64_show_signal) and send: the fault's record is in tsk->thread already. */
static void show_and_force_sig_fault(int sig, int code, const char *desc, unsigned long far,
				     struct pt_regs *regs)
{
	kernel_siginfo_t info;

	arm64_show_signal(sig, desc, regs);
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.fault.addr = far;
	force_sig_info(&info);
}

/*
 * A fault at far with syndrome esr: both go to the signal frame's
 * sigcontext (fault_address, the esr record when esr is not 0).
 */
void arm64_force_sig_fault(int sig, int code, const char *desc, unsigned long far, u64 esr,
			   struct pt_regs *regs)
{
	current->thread.fault_address = far;
	current->thread.fault_code = esr;
	show_and_force_sig_fault(sig, code, desc, far, regs);
}

/*
 * A SIGSEGV for addr that no fault raised (a bad rt_sigreturn frame), as
 * v5.15's force_signal_inject: reported as an "illegal memory access", with
 * no fault record in the signal frame (fault_address and the ESR are 0).
 */
static void arm64_notify_segfault(struct pt_regs *regs, unsigned long addr)
{
	struct task_struct *tsk = current;
	struct vm_area_struct *vma;
	bool mapped;

	mmap_read_lock(tsk->mm);
	vma = find_vma(tsk->mm, addr);
	mapped = vma && vma->vm_start <= addr;
	mmap_read_unlock(tsk->mm);

	tsk->thread.fault_address = 0;
	tsk->thread.fault_code = 0;
	show_and_force_sig_fault(SIGSEGV, mapped ? SEGV_ACCERR : SEGV_MAPERR,
				 "illegal memory access", addr, regs);
}

/* ---- rt_sigreturn ------------------------------------------------------------------ */

static int restore_fpsimd_context(struct fpsimd_context __user *ctx)
{
	struct user_fpsimd_state st;
	struct _aarch64_ctx head;

	if (copy_from_user(&head, ctx, sizeof(head)))
		return -EFAULT;
	if (head.magic != FPSIMD_MAGIC || head.size != sizeof(struct fpsimd_context))
		return -EINVAL;
	if (copy_from_user(st.vregs, ctx->vregs, sizeof(st.vregs)) ||
	    get_user(st.fpsr, &ctx->fpsr) || get_user(st.fpcr, &ctx->fpcr))
		return -EFAULT;
	fpsimd_load_state(&st);		/* the live registers are current's */
	return 0;
}

/* Check the record list: known records once each, in bounds, terminated. */
static int parse_and_restore_records(struct sigcontext __user *sc)
{
	unsigned long off = 0, limit = sizeof(sc->__reserved) - TERMINATOR_SIZE;
	bool have_fpsimd = false;
	struct _aarch64_ctx head;

	for (;;) {
		if (off > limit || (off & 15))
			return -EINVAL;
		if (copy_from_user(&head, sc->__reserved + off, sizeof(head)))
			return -EFAULT;
		if (!head.magic)
			return head.size || !have_fpsimd ? -EINVAL : 0;
		if (head.size < sizeof(head) || head.size > limit - off)
			return -EINVAL;
		switch (head.magic) {
		case FPSIMD_MAGIC:
			if (have_fpsimd)
				return -EINVAL;
			have_fpsimd = true;
			if (restore_fpsimd_context((void __user *)(sc->__reserved + off)))
				return -EINVAL;
			break;
		case ESR_MAGIC:
			break;		/* written for the handler; nothing to restore */
		default:
			return -EINVAL;
		}
		off += round_up(head.size, 16);
	}
}

static int restore_sigframe(struct pt_regs *regs, struct rt_sigframe __user *sf)
{
	struct sigcontext __user *sc = &sf->uc.uc_mcontext;
	sigset_t set;
	int err;

	if (copy_from_user(&set, &sf->uc.uc_sigmask, sizeof(set)))
		return -EFAULT;
	set_current_blocked(set);
	if (copy_from_user(regs->regs, sc->regs, sizeof(regs->regs)) ||
	    get_user(regs->sp, &sc->sp) || get_user(regs->pc, &sc->pc) ||
	    get_user(regs->pstate, &sc->pstate))
		return -EFAULT;
	/* Never trust a pstate from user space: EL0t, AArch64, only the flags. */
	if (!valid_user_regs(regs))
		return -EINVAL;
	regs->syscallno = NO_SYSCALL;	/* nothing to restart after this */
	err = parse_and_restore_records(sc);
	return err;
}

SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe __user *frame;

	/* Always make any pending restarted system calls return -EINTR. */
	current->restart_block.fn = do_no_restart_syscall;
	/* The frame must be where setup_rt_frame left sp: 16-byte aligned. */
	if (regs->sp & 15)
		goto badframe;
	frame = (struct rt_sigframe __user *)regs->sp;
	if (!access_ok(frame, sizeof(*frame)))
		goto badframe;
	if (restore_sigframe(regs, frame))
		goto badframe;
	if (restore_altstack(&frame->uc.uc_stack))
		goto badframe;
	return regs->regs[0];
badframe:
	arm64_notify_segfault(regs, regs->sp);
	return 0;
}

/* ---- building the frame --------------------------------------------------------------- */

static int preserve_fpsimd_context(struct fpsimd_context __user *ctx)
{
	struct user_fpsimd_state st;
	struct fpsimd_context k;

	fpsimd_save_state(&st);		/* the live registers are the user's */
	k.head.magic = FPSIMD_MAGIC;
	k.head.size = sizeof(k);
	k.fpsr = st.fpsr;
	k.fpcr = st.fpcr;
	memcpy(k.vregs, st.vregs, sizeof(k.vregs));
	return copy_to_user(ctx, &k, sizeof(k)) ? -EFAULT : 0;
}

static int setup_sigframe(struct rt_sigframe_user_layout *user, struct pt_regs *regs,
			  sigset_t *set)
{
	struct rt_sigframe __user *sf = user->sigframe;
	struct sigcontext __user *sc = &sf->uc.uc_mcontext;
	struct _aarch64_ctx end = { 0, 0 };
	int err = 0;

	/* The frame record links the unwinder to the interrupted code. */
	err |= put_user(regs->regs[29], &user->next_frame->fp);
	err |= put_user(regs->regs[30], &user->next_frame->lr);
	err |= copy_to_user(sc->regs, regs->regs, sizeof(regs->regs)) ? -EFAULT : 0;
	err |= put_user(regs->sp, &sc->sp);
	err |= put_user(regs->pc, &sc->pc);
	err |= put_user(regs->pstate, &sc->pstate);
	err |= put_user(current->thread.fault_address, &sc->fault_address);
	err |= copy_to_user(&sf->uc.uc_sigmask, set, sizeof(*set)) ? -EFAULT : 0;
	if (!err)
		err = preserve_fpsimd_context(apply_user_offset(user, user->fpsimd_offset));
	if (!err && user->esr_offset) {
		struct esr_context esr = {
			.head = { ESR_MAGIC, sizeof(struct esr_context) },
			.esr = current->thread.fault_code,
		};

		err = copy_to_user(apply_user_offset(user, user->esr_offset), &esr, sizeof(esr)) ?
			-EFAULT : 0;
	}
	if (!err)
		err = copy_to_user(apply_user_offset(user, user->end_offset), &end, sizeof(end)) ?
			-EFAULT : 0;
	return err;
}

static int get_sigframe(struct rt_sigframe_user_layout *user, struct ksignal *ksig,
			struct pt_regs *regs)
{
	unsigned long sp, sp_top;

	sigframe_layout(user);
	sp = sp_top = sigsp(regs->sp, ksig);
	sp = round_down(sp - sizeof(struct frame_record), 16);
	user->next_frame = (struct frame_record __user *)sp;
	sp = round_down(sp, 16) - round_up(max(user->size, sizeof(struct rt_sigframe)), 16);
	user->sigframe = (struct rt_sigframe __user *)sp;
	if (sp > sp_top || !access_ok(user->sigframe, sp_top - sp))
		return -EFAULT;
	return 0;
}

static void setup_return(struct pt_regs *regs, struct k_sigaction *ka,
			 struct rt_sigframe_user_layout *user, int usig)
{
	regs->regs[0] = usig;
	regs->sp = (unsigned long)user->sigframe;
	regs->regs[29] = (unsigned long)&user->next_frame->fp;
	regs->pc = ka->sa_handler;
	if (ka->sa_flags & SA_RESTORER)
		regs->regs[30] = ka->sa_restorer;
	else
		regs->regs[30] = vdso_sigtramp(current->mm);
}

static int setup_rt_frame(int usig, struct ksignal *ksig, sigset_t *set, struct pt_regs *regs)
{
	struct rt_sigframe_user_layout user;
	struct rt_sigframe __user *frame;
	int err = 0;

	if (get_sigframe(&user, ksig, regs))
		return 1;
	frame = user.sigframe;
	err |= put_user(0UL, &frame->uc.uc_flags);
	err |= put_user(0UL, &frame->uc.uc_link);
	err |= __save_altstack(&frame->uc.uc_stack, regs->sp);
	err |= setup_sigframe(&user, regs, set);
	if (!err) {
		setup_return(regs, &ksig->ka, &user, usig);
		if (ksig->ka.sa_flags & SA_SIGINFO) {
			err |= copy_siginfo_to_user(frame->info, &ksig->info);
			regs->regs[1] = (unsigned long)frame->info;
			regs->regs[2] = (unsigned long)&frame->uc;
		}
	}
	return err;
}

static void handle_signal(struct ksignal *ksig, struct pt_regs *regs)
{
	sigset_t *oldset = sigmask_to_save();
	int failed = setup_rt_frame(ksig->sig, ksig, oldset, regs);

	signal_setup_done(failed, ksig, 0);
}

/*
 * With interrupts enabled. A system call that returned -ERESTART* is
 * restarted by going back to its svc with x0 = orig_x0 (x8 still holds
 * the number), unless a handler runs and the code says the call fails
 * with -EINTR then.
 */
void do_signal(struct pt_regs *regs)
{
	unsigned long continue_addr = 0, restart_addr = 0;
	bool syscall = in_syscall(regs);
	struct ksignal ksig;
	long retval = 0;

	if (syscall) {
		continue_addr = regs->pc;
		restart_addr = continue_addr - 4;
		retval = regs->regs[0];
		forget_syscall(regs);
		switch (retval) {
		case -ERESTARTNOHAND:
		case -ERESTARTSYS:
		case -ERESTARTNOINTR:
		case -ERESTART_RESTARTBLOCK:
			regs->regs[0] = regs->orig_x0;
			regs->pc = restart_addr;
			break;
		}
	}
	if (get_signal(&ksig)) {
		if (regs->pc == restart_addr &&
		    (retval == -ERESTARTNOHAND || retval == -ERESTART_RESTARTBLOCK ||
		     (retval == -ERESTARTSYS && !(ksig.ka.sa_flags & SA_RESTART)))) {
			regs->regs[0] = -EINTR;
			regs->pc = continue_addr;
		}
		handle_signal(&ksig, regs);
		return;
	}
	/* No handler: a call that left a restart block goes on through restart_syscall. */
	if (syscall && regs->pc == restart_addr && retval == -ERESTART_RESTARTBLOCK)
		regs->regs[8] = __NR_restart_syscall;
	restore_saved_sigmask();
}
