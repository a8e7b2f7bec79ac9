// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/signals.c: signals as a glibc program sees them,
 * built with Debian's aarch64-linux-gnu-gcc -static and run at EL0 on the
 * real kernel under QEMU (test_glibc.py). Each case checks what Linux does:
 * handlers and their rt_sigframe (siginfo, ucontext, the fpsimd and esr
 * records, registers back after rt_sigreturn), SA_SIGINFO, SA_RESTART,
 * SA_ONSTACK + sigaltstack, SA_RESETHAND, SA_NODEFER, masks and
 * sigpending, sigtimedwait, alarm + sigsuspend, SIGCHLD and its
 * siginfo, default actions, stop/continue seen by waitpid, bad input.
 * KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <asm/sigcontext.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 39
#define ALTSTACK_BYTES 16384UL

static volatile sig_atomic_t hits;
static volatile int last_sig;
static siginfo_t last_info;
static sigset_t mask_in_handler;
static volatile uint64_t fp_seen;
static volatile int fpsimd_records, esr_records;
static volatile uint64_t esr_seen, fault_address_seen;

static void on_signal(int sig)
{
	hits++;
	last_sig = sig;
	sigprocmask(SIG_BLOCK, NULL, &mask_in_handler);
}

static void install(int sig, void (*handler)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigaction(sig, &sa, NULL);
}

static void install_info(int sig, void (*action)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = action;
	sa.sa_flags = flags | SA_SIGINFO;
	sigaction(sig, &sa, NULL);
}

/* Walk uc_mcontext.__reserved as Linux lays it out: records, then a zero header. */
static void scan_records(ucontext_t *uc)
{
	unsigned char *p = (unsigned char *)uc->uc_mcontext.__reserved;
	unsigned char *end = p + sizeof(uc->uc_mcontext.__reserved);

	fpsimd_records = esr_records = 0;
	while (p + sizeof(struct _aarch64_ctx) <= end) {
		struct _aarch64_ctx *h = (struct _aarch64_ctx *)p;

		if (!h->magic)
			break;
		if (h->magic == FPSIMD_MAGIC && h->size == sizeof(struct fpsimd_context)) {
			fpsimd_records++;
			fp_seen = (uint64_t)((struct fpsimd_context *)p)->vregs[16];
		}
		if (h->magic == ESR_MAGIC && h->size == sizeof(struct esr_context)) {
			esr_records++;
			esr_seen = ((struct esr_context *)p)->esr;
		}
		if (h->size < sizeof(*h))
			break;
		p += (h->size + 15) & ~15u;
	}
}

static void on_info(int sig, siginfo_t *info, void *ctx)
{
	hits++;
	last_sig = sig;
	last_info = *info;
	scan_records(ctx);
	/* Clobber v16: rt_sigreturn must bring the interrupted value back. */
	__asm__ volatile("movi v16.2d, #0" ::: "v16");
}

/* kill(self, sig) in one svc with v16 = val; v16 after it. */
static uint64_t kill_keeping_v16(int sig, uint64_t val)
{
	register long x0 __asm__("x0") = getpid();
	register long x1 __asm__("x1") = sig;
	register long x8 __asm__("x8") = SYS_kill;
	uint64_t out;

	__asm__ volatile("fmov d16, %[v]\n\tsvc #0\n\tfmov %[o], d16"
			 : [o] "=r"(out), "+r"(x0)
			 : [v] "r"(val), "r"(x1), "r"(x8)
			 : "v16", "memory");
	return out;
}

static void on_segv(int sig, siginfo_t *info, void *ctx)
{
	ucontext_t *uc = ctx;

	hits++;
	last_info = *info;
	fault_address_seen = uc->uc_mcontext.fault_address;
	scan_records(uc);
	uc->uc_mcontext.pc += 4;	/* skip the faulting load */
}

static void test_handler_frame(void)
{
	uint64_t v16;

	hits = 0;
	install_info(SIGUSR2, on_info, 0);
	v16 = kill_keeping_v16(SIGUSR2, 0x1122334455667788ULL);
	ktap_check(hits == 1 && last_sig == SIGUSR2, "handler_runs", "hits %d sig %d", hits,
		   last_sig);
	ktap_check(last_info.si_signo == SIGUSR2 && last_info.si_code == SI_USER &&
		   last_info.si_pid == getpid() && last_info.si_uid == 0,
		   "siginfo_from_kill", "signo %d code %d pid %d uid %d", last_info.si_signo,
		   last_info.si_code, last_info.si_pid, last_info.si_uid);
	ktap_check(fpsimd_records == 1 && fp_seen == 0x1122334455667788ULL,
		   "sigframe_fpsimd_record", "records %d v16 %#llx", fpsimd_records,
		   (unsigned long long)fp_seen);
	ktap_check(v16 == 0x1122334455667788ULL, "sigreturn_restores_fpsimd", "v16 %#llx",
		   (unsigned long long)v16);
}

static void test_fault_frame(void)
{
	unsigned int v = 0xdead;

	hits = 0;
	install_info(SIGSEGV, on_segv, 0);
	__asm__ volatile("ldr %w0, [%1]" : "+r"(v) : "r"(0x10UL) : "memory");
	ktap_check(hits == 1 && last_info.si_signo == SIGSEGV &&
		   last_info.si_code == SEGV_MAPERR && last_info.si_addr == (void *)0x10,
		   "segv_siginfo", "hits %d signo %d code %d addr %p", hits, last_info.si_signo,
		   last_info.si_code, last_info.si_addr);
	ktap_check(fault_address_seen == 0x10 && esr_records == 1 && (esr_seen >> 26) == 0x24,
		   "segv_fault_address_and_esr_record", "fault_address %#llx esr records %d esr %#llx",
		   (unsigned long long)fault_address_seen, esr_records,
		   (unsigned long long)esr_seen);
	ktap_check(v == 0xdead, "handler_moves_pc_past_fault", "v %#x", v);
	install(SIGSEGV, SIG_DFL, 0);
}

static void test_masks(void)
{
	struct sigaction old;
	sigset_t set, pending;

	/* The signal is blocked in its handler, with sa_mask. */
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGWINCH);
	sigaction(SIGUSR1, &sa, NULL);
	hits = 0;
	raise(SIGUSR1);
	ktap_check(hits == 1 && sigismember(&mask_in_handler, SIGUSR1) &&
		   sigismember(&mask_in_handler, SIGWINCH), "handler_mask",
		   "hits %d usr1 %d winch %d", hits, sigismember(&mask_in_handler, SIGUSR1),
		   sigismember(&mask_in_handler, SIGWINCH));
	sigprocmask(SIG_BLOCK, NULL, &set);
	ktap_check(!sigismember(&set, SIGUSR1) && !sigismember(&set, SIGWINCH),
		   "mask_restored_after_handler", "usr1 %d winch %d", sigismember(&set, SIGUSR1),
		   sigismember(&set, SIGWINCH));

	install(SIGUSR1, on_signal, SA_NODEFER);
	raise(SIGUSR1);
	ktap_check(!sigismember(&mask_in_handler, SIGUSR1), "sa_nodefer", "usr1 blocked");

	install(SIGUSR1, on_signal, SA_RESETHAND);
	hits = 0;
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &old);
	ktap_check(hits == 1 && old.sa_handler == SIG_DFL, "sa_resethand", "hits %d handler %p",
		   hits, (void *)old.sa_handler);

	/* Blocked: pending, not delivered; delivered on unblocking. */
	install(SIGUSR1, on_signal, 0);
	hits = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR1);
	sigpending(&pending);
	ktap_check(hits == 0 && sigismember(&pending, SIGUSR1), "blocked_signal_pending",
		   "hits %d pending %d", hits, sigismember(&pending, SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	ktap_check(hits == 1, "delivered_on_unblock", "hits %d", hits);
}

static void test_sigtimedwait(void)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int rt = SIGRTMIN + 2, r1, r2, r3;
	siginfo_t info;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, rt);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);
	memset(&info, 0, sizeof(info));
	r1 = sigtimedwait(&set, &info, &ts);
	ktap_check(r1 == SIGUSR2 && info.si_signo == SIGUSR2 && info.si_pid == getpid(),
		   "sigtimedwait_takes_pending", "ret %d signo %d pid %d", r1, info.si_signo,
		   info.si_pid);
	errno = 0;
	r1 = sigtimedwait(&set, &info, &ts);
	ktap_check(r1 == -1 && errno == EAGAIN, "sigtimedwait_timeout", "ret %d errno %d", r1,
		   errno);
	/* Real-time signals queue; a standard one is pending once. */
	kill(getpid(), rt);
	kill(getpid(), rt);
	kill(getpid(), SIGUSR2);
	kill(getpid(), SIGUSR2);
	r1 = sigtimedwait(&set, &info, &ts);
	r2 = sigtimedwait(&set, &info, &ts);
	r3 = sigtimedwait(&set, &info, &ts);
	errno = 0;
	ktap_check(r1 == SIGUSR2 && r2 == rt && r3 == rt && sigtimedwait(&set, &info, &ts) == -1,
		   "rt_signals_queue", "got %d %d %d", r1, r2, r3);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static volatile uintptr_t where;
static volatile int flags_in_handler;

static void on_alt(int sig)
{
	stack_t cur;
	char here;

	where = (uintptr_t)&here;
	sigaltstack(NULL, &cur);
	flags_in_handler = cur.ss_flags;
}

static void test_altstack(void)
{
	stack_t ss, old;
	char *mem = malloc(ALTSTACK_BYTES);

	ss.ss_sp = mem;
	ss.ss_size = ALTSTACK_BYTES;
	ss.ss_flags = 0;
	ktap_check(sigaltstack(&ss, NULL) == 0, "sigaltstack_set", "errno %d", errno);
	install(SIGUSR1, on_alt, SA_ONSTACK);
	raise(SIGUSR1);
	ktap_check(where > (uintptr_t)mem && where < (uintptr_t)mem + ALTSTACK_BYTES &&
		   (flags_in_handler & SS_ONSTACK), "sa_onstack_runs_on_altstack",
		   "local at %#lx, stack %p+%#lx, flags %#x", (unsigned long)where, mem, ALTSTACK_BYTES,
		   flags_in_handler);
	sigaltstack(NULL, &old);
	ktap_check(old.ss_sp == mem && old.ss_size == ALTSTACK_BYTES && old.ss_flags == 0,
		   "sigaltstack_query", "sp %p size %zu flags %#x", old.ss_sp, old.ss_size,
		   old.ss_flags);
	ss.ss_size = 1024;
	errno = 0;
	ktap_check(sigaltstack(&ss, NULL) == -1 && errno == ENOMEM, "sigaltstack_too_small",
		   "errno %d", errno);
	ss.ss_size = ALTSTACK_BYTES;
	ss.ss_flags = 0x1234;
	errno = 0;
	ktap_check(sigaltstack(&ss, NULL) == -1 && errno == EINVAL, "sigaltstack_bad_flags",
		   "errno %d", errno);
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
	install(SIGUSR1, SIG_DFL, 0);
}

/* waitpid interrupted by SIGALRM: restarted with SA_RESTART, -EINTR without. */
static void test_restart(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 100 * 1000 } };
	int status = 0, r;
	pid_t child;

	for (int restart = 1; restart >= 0; restart--) {
		child = fork();
		if (child == 0) {
			struct timespec ts = { 0, 400 * 1000 * 1000 };

			nanosleep(&ts, NULL);
			_exit(7);
		}
		hits = 0;
		install(SIGALRM, on_signal, restart ? SA_RESTART : 0);
		setitimer(ITIMER_REAL, &it, NULL);
		errno = 0;
		r = waitpid(child, &status, 0);
		if (restart) {
			ktap_check(r == child && WIFEXITED(status) && WEXITSTATUS(status) == 7 &&
				   hits == 1, "sa_restart_restarts_waitpid",
				   "ret %d errno %d status %#x hits %d", r, errno, status, hits);
		} else {
			ktap_check(r == -1 && errno == EINTR && hits == 1, "no_sa_restart_eintr",
				   "ret %d errno %d hits %d", r, errno, hits);
			waitpid(child, &status, 0);
		}
	}
	install(SIGALRM, SIG_DFL, 0);
}

static void test_alarm_pause(void)
{
	struct itimerval left;
	unsigned int prev;
	sigset_t none, alrm, after;
	int r;

	install(SIGALRM, on_signal, 0);
	alarm(5);
	getitimer(ITIMER_REAL, &left);
	prev = alarm(1);
	ktap_check(prev == 5 && left.it_value.tv_sec == 4 && left.it_interval.tv_sec == 0,
		   "alarm_and_getitimer", "previous alarm %u, left %ld.%06ld", prev,
		   (long)left.it_value.tv_sec, (long)left.it_value.tv_usec);
	/* SIGALRM blocked but for the sigsuspend, and blocked again after it. */
	hits = 0;
	errno = 0;
	sigemptyset(&none);
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	sigprocmask(SIG_BLOCK, &alrm, NULL);
	r = sigsuspend(&none);	/* rt_sigsuspend (glibc's pause() is ppoll) */
	sigprocmask(SIG_UNBLOCK, &alrm, &after);
	ktap_check(r == -1 && errno == EINTR && hits == 1 && last_sig == SIGALRM &&
		   sigismember(&after, SIGALRM), "sigsuspend_until_alarm",
		   "ret %d errno %d hits %d sig %d blocked after %d", r, errno, hits, last_sig,
		   sigismember(&after, SIGALRM));
	install(SIGALRM, SIG_DFL, 0);
}

/*
 * SIGCHLD blocked, at its default action (ignore), and awaited with
 * sigtimedwait: a child that exits while the parent waits must wake it.
 * The wait unblocks the signal while it sleeps; the signal is still not
 * "ignored" then, because the mask before the wait blocked it (Linux's
 * real_blocked). It was dropped so once, and the wait ran to its timeout.
 */
static void test_sigchld_sigtimedwait(void)
{
	struct timespec ts = { 10, 0 }, nap = { 0, 100 * 1000 * 1000 };
	int status = 0, r;
	siginfo_t info;
	sigset_t set;
	pid_t child;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	child = fork();
	if (child == 0) {
		nanosleep(&nap, NULL);	/* exit while the parent is in sigtimedwait */
		_exit(5);
	}
	memset(&info, 0, sizeof(info));
	r = sigtimedwait(&set, &info, &ts);
	ktap_check(r == SIGCHLD && info.si_pid == child && info.si_code == CLD_EXITED &&
		   info.si_status == 5, "sigtimedwait_wakes_for_blocked_sigchld",
		   "ret %d errno %d pid %d code %d status %d", r, r < 0 ? errno : 0, info.si_pid,
		   info.si_code, info.si_status);
	waitpid(child, &status, 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static void test_sigchld(void)
{
	int status = 0;
	pid_t child, r;

	hits = 0;
	install_info(SIGCHLD, on_info, SA_RESTART);
	child = fork();
	if (child == 0)
		_exit(3);
	r = waitpid(child, &status, 0);
	ktap_check(r == child && hits == 1 && last_info.si_signo == SIGCHLD &&
		   last_info.si_code == CLD_EXITED && last_info.si_pid == child &&
		   last_info.si_status == 3, "sigchld_siginfo",
		   "ret %d hits %d code %d pid %d status %d", r, hits, last_info.si_code,
		   last_info.si_pid, last_info.si_status);
	install(SIGCHLD, SIG_IGN, 0);
	child = fork();
	if (child == 0)
		_exit(0);
	errno = 0;
	r = waitpid(-1, &status, 0);
	ktap_check(r == -1 && errno == ECHILD, "sigchld_ignored_autoreaps", "ret %d errno %d",
		   r, errno);
	install(SIGCHLD, SIG_DFL, 0);
	test_sigchld_sigtimedwait();
}

static void test_default_actions(void)
{
	int status = 0;
	pid_t child;

	child = fork();
	if (child == 0) {
		kill(getpid(), SIGSEGV);
		_exit(0);
	}
	waitpid(child, &status, 0);
	ktap_check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV && !WCOREDUMP(status),
		   "sigsegv_default_kills", "status %#x", status);
	child = fork();
	if (child == 0) {
		signal(SIGTERM, SIG_IGN);
		kill(getpid(), SIGTERM);
		kill(getpid(), SIGWINCH);	/* default: ignored */
		_exit(5);
	}
	waitpid(child, &status, 0);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 5, "ignored_signals_do_nothing",
		   "status %#x", status);
	/* A bad rt_sigreturn frame (all zeroes: no fpsimd record) is a SIGSEGV. */
	child = fork();
	if (child == 0) {
		static unsigned char zero[8192] __attribute__((aligned(16)));

		__asm__ volatile("mov sp, %0\n\tmov x8, #139\n\tsvc #0"
				 : : "r"(zero + 16) : "x8", "memory");
		_exit(0);
	}
	waitpid(child, &status, 0);
	ktap_check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "bad_sigreturn_frame",
		   "status %#x", status);
}

static void test_job_control(void)
{
	int status = 0;
	pid_t child, r;

	/*
	 * The child gets a process group of its own: SIGTSTP stops only a
	 * process whose group is not orphaned (POSIX, Linux), and ours is (a
	 * session leader's, whose parent is init), as a login shell's is.
	 */
	child = fork();
	if (child == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	setpgid(child, child);
	kill(child, SIGSTOP);
	r = waitpid(child, &status, WUNTRACED);
	ktap_check(r == child && WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP,
		   "waitpid_wuntraced_sigstop", "ret %d status %#x", r, status);
	kill(child, SIGCONT);
	r = waitpid(child, &status, WCONTINUED);
	ktap_check(r == child && WIFCONTINUED(status), "waitpid_wcontinued",
		   "ret %d status %#x", r, status);
	kill(child, SIGTSTP);
	r = waitpid(child, &status, WUNTRACED);
	ktap_check(r == child && WIFSTOPPED(status) && WSTOPSIG(status) == SIGTSTP,
		   "sigtstp_stops", "ret %d status %#x", r, status);
	kill(child, SIGKILL);
	r = waitpid(child, &status, 0);
	ktap_check(r == child && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
		   "sigkill_ends_stopped_child", "ret %d status %#x", r, status);
}

static void test_bad_input(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	errno = 0;
	ktap_check(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL,
		   "sigaction_sigkill_einval", "errno %d", errno);
	errno = 0;
	ktap_check(kill(getpid(), 65) == -1 && errno == EINVAL, "kill_bad_signal_einval",
		   "errno %d", errno);
	errno = 0;
	ktap_check(kill(32767, 0) == -1 && errno == ESRCH, "kill_no_process_esrch", "errno %d",
		   errno);
	errno = 0;
	ktap_check(syscall(SYS_tgkill, getpid(), getpid() + 1000, SIGUSR1) == -1 &&
		   errno == ESRCH, "tgkill_wrong_thread_esrch", "errno %d", errno);
}

int main(void)
{
	ktap_start("signals", NR_CASES);
	test_handler_frame();
	test_fault_frame();
	test_masks();
	test_sigtimedwait();
	test_altstack();
	test_restart();
	test_alarm_pause();
	test_sigchld();
	test_default_actions();
	test_job_control();
	test_bad_input();
	return ktap_finish();
}
