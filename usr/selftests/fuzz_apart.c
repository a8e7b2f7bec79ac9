// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_apart.c: the calls the random chunks cannot make, because they end
 * or replace the process or block for ever, made apart: exit, exit_group,
 * execve, clone, clone3, rt_sigreturn and rt_sigsuspend, each with fuzzed
 * arguments in `rounds` disposable children (run_apart, also used by
 * fuzz_machine.c).
 *
 * A disposable child starts a session of its own (so it has no controlling
 * tty, and it and anything it clones form one process group), closes fds
 * 0..2 (an exec'd program's output reaches nobody) and makes the call. The
 * fuzzer waits for it to end, at most 10 seconds (then it counts as hung
 * and is killed), kills whatever is left of its process group (a clone's
 * child that outlived it) while its zombie still holds the group's id,
 * reaps it and any other child of its own, and tallies how it ended: by an
 * exit status or by a signal, and which.
 *
 * What each round expects, where Linux's answer follows from the drawn
 * arguments: exit and exit_group end the child with the argument's low
 * byte, also with a second thread (which exit_group must end, and after
 * exit exits by itself); execve of a real program with good argv and envp does not return,
 * of a bad or garbage path returns; a clone's child is waitable by its
 * parent (unless a thread); rt_sigreturn from a frame at an unaligned,
 * unmapped or kernel address ends the child by SIGSEGV, from a real frame
 * its handler changed harmlessly returns to the program; rt_sigsuspend gives
 * -EINVAL for a size other than 8, -EFAULT for a mask it cannot read, and
 * -EINTR once the SIGALRM of an interval timer (never blocked by the fuzzed
 * mask) has run its handler. Any other ending is recorded, not judged.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"
#include "ktap.h"

#define P_PID		1
#define WEXITED		4
#define WNOWAIT		0x01000000
#define __WALL		0x40000000
#define SA_RESTORER	0x04000000
#define ITIMER_REAL	0
#define APART_TIMEOUT	10	/* seconds before a child counts as hung */

/* An address of each kind the kernel must refuse. */
long bad_pointer(void)
{
	static const long bad[] = {
		0, 0x1000, 0x0000fffffffff000L, (long)0xffff800008000000UL,
		(long)0xffff000000000000UL, 0x1000000000000L,
	};
	return PICK(bad);
}

/* ---- running a round ------------------------------------------------------------ */

/* Is child pid a zombie yet (waitable, not reaped)? */
static int ended(pid_t pid)
{
	int info[32];

	memset(info, 0, sizeof(info));
	if (__syscall5(__NR_waitid, P_PID, pid, (long)info, WEXITED | WNOHANG | WNOWAIT, 0) < 0)
		return 1;			/* no such child: nothing to wait for */
	return info[4] == pid;		/* siginfo's si_pid, at byte 16 */
}

/* Reap the fuzzer's other children (a clone's child given to it); 0 if one stays. */
static int reap_strays(void)
{
	long long deadline = monotonic_ns() + 2000000000LL;
	struct timespec tick = { 0, 1000000 };
	long w;

	for (;;) {
		w = wait4(-1, NULL, WNOHANG | __WALL, NULL);
		if (w < 0)
			return 1;		/* ECHILD: none left */
		if (w == 0 && monotonic_ns() > deadline)
			return 0;
		if (w == 0)
			nanosleep(&tick, NULL);
	}
}

#define HUNG		-1
#define NO_FORK		-2
#define STRAY		-3

/* One round in a disposable child: its wait status, or HUNG (killed),
 * NO_FORK, or STRAY (a task it made would not end). */
static int run_round(const struct apart_call *c, const struct round *r)
{
	long long deadline = monotonic_ns() + APART_TIMEOUT * 1000000000LL;
	struct timespec tick = { 0, 1000000 };
	int st = -1, hung = 0;
	pid_t pid = fork();

	if (pid == 0) {
		setsid();
		for (int fd = 0; fd < 3; fd++)
			close(fd);
		if (r->user && __syscall3(__NR_setresuid, 1000, 1000, 1000) < 0)
			_exit(WRONG);
		_exit(c->body(r));
	}
	if (pid < 0)
		return NO_FORK;
	while (!ended(pid)) {
		if (monotonic_ns() > deadline) {
			hung = 1;
			break;
		}
		nanosleep(&tick, NULL);
	}
	kill(-pid, SIGKILL);		/* its group: clones left behind (and it, if hung) */
	wait4(pid, &st, __WALL, NULL);
	if (!reap_strays())
		return STRAY;
	return hung ? HUNG : st;
}

/* Its rounds of call c; the KTAP result, with the tally of endings. */
int run_apart(const struct apart_call *c, unsigned seed, int rounds)
{
	unsigned long long signals = 0;
	long long free_before = free_bytes();
	int exited = 0, killed = 0, bad = 0, real = 0, st;
	char sigs[128] = "";
	const char *wrong;
	struct round r;

	for (int i = 0; i < rounds; i++) {
		fuzz_seed(seed, 100000 + c->nr * 1000 + i);
		memset(&r, 0, sizeof(r));
		r.nr = c->nr;
		r.expect = ANY;
		c->draw(&r);
		real += r.real;
		st = run_round(c, &r);
		wrong = c->after(&r, st);
		if (st < 0) {
			wrong = st == HUNG ? "hung, killed" : st == NO_FORK ? "fork failed" :
				"a task it made would not end";
		} else if (WIFSIGNALED(st)) {
			killed++;
			signals |= 1ULL << (WTERMSIG(st) & 63);
		} else {
			exited++;
		}
		if (wrong && bad++ < 3)
			ktap_diag("%s round %d (%#lx, %#lx, %#lx, %#lx, %#lx, %#lx%s): %s", c->name,
				  i, r.a[0], r.a[1], r.a[2], r.a[3], r.a[4], r.a[5],
				  r.user ? "; uid 1000" : "", wrong);
	}
	for (int sig = 1; sig < 64; sig++)
		if (signals & (1ULL << sig))
			snprintf(sigs + strlen(sigs), sizeof(sigs) - strlen(sigs), " %d", sig);
	ktap_diag("%s: %d children: %d ended by an exit status, %d by a signal%s%s", c->name,
		  rounds, exited, killed, killed ? ":" : "", sigs);
	if (real)
		ktap_diag("%s: %d of them %s", c->name, real, c->real);
	if (!ktap_on_linux() && free_bytes() != free_before)
		ktap_diag("%s: free memory before its rounds %lld, after %lld bytes", c->name,
			  free_before, free_bytes());
	return ktap_result(!bad, "%s_fuzzed_%d_times", c->name, rounds);
}

/* For after(): a child that must have exited with 0 (its body checked). */
const char *checked_by_body(const struct round *r, int st)
{
	if (st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == WRONG)
		return "result not Linux's";
	return NULL;
}

/* ---- exit, exit_group ------------------------------------------------------------ */

static void draw_exit(struct round *r)
{
	for (int j = 0; j < 6; j++)
		r->a[j] = random_arg();
	r->real = fuzz_next() & 1;	/* with a second thread */
}

static const struct timespec five_ms = { 0, 5000000 };

/*
 * A second thread of ours, on the scratch area's top as its stack but
 * touching no memory: it spins for ever (code < 0), or sleeps 5 ms and
 * exits with code. 0 or -errno.
 */
static long second_thread(long code)
{
	register long x8 __asm__("x8") = __NR_clone;
	register long x0 __asm__("x0") = 0x50f00;	/* VM FS FILES SIGHAND THREAD SYSVSEM */
	register long x1 __asm__("x1") = (long)(scratch + SCRATCH);
	register long x2 __asm__("x2") = 0;
	register long x3 __asm__("x3") = 0;
	register long x4 __asm__("x4") = 0;
	register long x5 __asm__("x5") = code >= 0;
	register long x6 __asm__("x6") = (long)&five_ms;
	register long x7 __asm__("x7") = code;

	__asm__ volatile("svc	#0\n\t"
			 "cbnz	x0, 1f\n\t"		/* the caller */
			 "cbz	x5, 2f\n\t"		/* the new thread: spin? */
			 "mov	x0, x6\n\t"
			 "mov	x1, #0\n\t"
			 "mov	x8, #101\n\t"		/* nanosleep(&five_ms, NULL) */
			 "svc	#0\n\t"
			 "mov	x0, x7\n\t"
			 "mov	x8, #93\n\t"		/* exit(code) */
			 "svc	#0\n"
			 "2:	b	2b\n"
			 "1:"
			 : "+r"(x0), "+r"(x8)
			 : "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5), "r"(x6), "r"(x7)
			 : "memory", "cc");
	return x0 < 0 ? x0 : 0;
}

/*
 * exit ends the calling thread only: with a second thread the process ends
 * when that one exits too (with the same code: Linux reports the first
 * thread's, QEMU's user mode the last one's).
 */
static int body_exit(const struct round *r)
{
	if (r->real && second_thread(r->a[0] & 0xff) < 0)
		return WRONG;
	__syscall6(__NR_exit, r->a[0], r->a[1], r->a[2], r->a[3], r->a[4], r->a[5]);
	return RETURNED;
}

/* exit_group ends every thread: a second one spins until it does. */
static int body_exit_group(const struct round *r)
{
	if (r->real && second_thread(-1) < 0)
		return WRONG;
	__syscall6(__NR_exit_group, r->a[0], r->a[1], r->a[2], r->a[3], r->a[4], r->a[5]);
	return RETURNED;
}

static const char *after_exit(const struct round *r, int st)
{
	if (st < 0 || !WIFEXITED(st))
		return "not ended by an exit status";
	if (WEXITSTATUS(st) != (r->a[0] & 0xff))
		return "exit status is not the argument's low byte";
	return NULL;
}

/* ---- execve ------------------------------------------------------------------ */

/* Programs that exit at once (their output goes nowhere: fds 0..2 closed). */
static const char *const programs[] = { "/bin/echo", "/bin/uname", "/bin/cat", "/bin/true" };
static char *const good_argv[] = { "echo", "fuzz", "-n", NULL };
static char *const good_envp[] = { "PATH=/bin", "HOME=/", NULL };
static char *const bad_argv[] = { "echo", (char *)0x1000, NULL };

static int is_program(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode) && (st.st_mode & 0111);
}

static void draw_execve(struct round *r)
{
	static const char *const not_programs[] = {
		"/proc/version", "/", "/no/such/program", "", "/bin", "/proc/self/fd/0",
	};
	const char *path = PICK(programs);
	unsigned long k = fuzz_next() % 8, kv = fuzz_next() % 4, ke = fuzz_next() % 4;
	int program = k < 3 && is_program(path);

	if (program)
		r->a[0] = (long)path;
	else if (k < 7)		/* no program: bad pointer, a file, a directory, nothing */
		r->a[0] = k & 1 ? (long)PICK(not_programs) : bad_pointer();
	else
		r->a[0] = random_arg();
	r->a[1] = kv < 2 ? (long)good_argv : kv == 2 ? (long)bad_argv : random_arg();
	r->a[2] = ke < 2 ? (long)good_envp : ke == 2 ? bad_pointer() : random_arg();
	r->real = program && kv < 2 && ke < 2;
	/* It must come back: no program, or a program with a bad argv. */
	if ((!program && k < 7) || (program && kv == 2))
		r->expect = -1;
}

static int body_execve(const struct round *r)
{
	__syscall3(__NR_execve, r->a[0], r->a[1], r->a[2]);
	return RETURNED;
}

static const char *after_execve(const struct round *r, int st)
{
	int came_back = st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == RETURNED;

	if (r->real && came_back)
		return "a real program with good argv and envp did not run";
	if (r->expect != ANY && !came_back)
		return "no program, or a bad argv, and execve did not come back";
	return NULL;
}

/* ---- clone, clone3 ------------------------------------------------------------- */

#define CLONE_VM		0x00000100
#define CLONE_SIGHAND		0x00000800
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000

/* Flags: each of Linux's flag bits at times, or anything. */
static long clone_flags(void)
{
	unsigned long f = 0, bits = fuzz_next();

	if (!(bits & 7))
		return random_arg();
	for (int b = 8; b < 32; b++)
		if (!(fuzz_next() % 5))
			f |= 1UL << b;
	if (bits & 8)			/* often a thread that can be one */
		f |= CLONE_VM | CLONE_SIGHAND | CLONE_THREAD;
	f |= bits & 16 ? SIGCHLD : (bits >> 8) & 0xff;	/* the exit signal */
	return (long)f;
}

/*
 * The call, and in the new task, if there is one, an exit(0) at once with
 * no use of memory: it may share our stack (CLONE_VM with stack 0) or have
 * a random one. The caller gets the new task's id or -errno.
 */
static long clone_then_exit(long nr, long a0, long a1, long a2, long a3, long a4)
{
	register long x8 __asm__("x8") = nr;
	register long x0 __asm__("x0") = a0;
	register long x1 __asm__("x1") = a1;
	register long x2 __asm__("x2") = a2;
	register long x3 __asm__("x3") = a3;
	register long x4 __asm__("x4") = a4;

	__asm__ volatile("svc	#0\n\t"
			 "cbnz	x0, 1f\n\t"		/* the caller: id or -errno */
			 "mov	x8, #93\n\t"		/* the new task: exit(0) */
			 "svc	#0\n"
			 "1:"
			 : "+r"(x0), "+r"(x8)
			 : "r"(x1), "r"(x2), "r"(x3), "r"(x4)
			 : "memory", "cc");
	return x0;
}

/*
 * Every signal the child may be sent by a new task's exit is ignored, but
 * SIGCHLD, whose SIG_IGN would make the kernel reap the children itself.
 */
static void ignore_signals(void)
{
	for (int sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP && sig != SIGCHLD)
			signal(sig, SIG_IGN);
}

/* After the call: a new process (not a thread) must be the caller's child. */
static int reap_clone(long id, unsigned long flags)
{
	int waitable = id > 0 && !(flags & (CLONE_THREAD | CLONE_PARENT));

	if (waitable && wait4(id, NULL, __WALL, NULL) != id)
		return WRONG;
	while (wait4(-1, NULL, __WALL, NULL) > 0)
		;
	return 0;
}

static void draw_clone(struct round *r)
{
	static const long stacks[] = { 0, 0, 16 };

	r->a[0] = clone_flags();
	r->a[1] = PICK(stacks) ? (long)(scratch + SCRATCH) : fuzz_next() & 1 ? 0 : random_arg();
	r->a[2] = random_arg();		/* parent_tid */
	r->a[3] = random_arg();		/* tls */
	r->a[4] = random_arg();		/* child_tid */
}

static int body_clone(const struct round *r)
{
	ignore_signals();
	return reap_clone(clone_then_exit(__NR_clone, r->a[0], r->a[1], r->a[2], r->a[3], r->a[4]),
			  (unsigned long)r->a[0]);
}

/* Linux's struct clone_args (88 bytes), and 8 more that must be zero. */
struct clone_args {
	unsigned long flags, pidfd, child_tid, parent_tid, exit_signal;
	unsigned long stack, stack_size, tls, set_tid, set_tid_size, cgroup;
	unsigned long beyond;
};
static struct clone_args cargs;		/* the child's copy is what it passes */

static void draw_clone3(struct round *r)
{
	static const long sizes[] = { 64, 80, 88, 96, 63, 4096, 4097 };
	unsigned long k = fuzz_next() % 8;

	memset(&cargs, 0, sizeof(cargs));
	cargs.flags = (unsigned long)clone_flags() & (fuzz_next() & 1 ? ~0xffUL : ~0UL);
	cargs.exit_signal = fuzz_next() & 1 ? SIGCHLD : fuzz_next() % 70;
	if (fuzz_next() & 1) {
		cargs.stack = (unsigned long)scratch;
		cargs.stack_size = SCRATCH;
	} else if (fuzz_next() & 1) {
		cargs.stack = random_arg();
		cargs.stack_size = random_arg();
	}
	cargs.tls = random_arg();
	cargs.child_tid = random_arg();
	cargs.parent_tid = random_arg();
	if (!(fuzz_next() % 4))
		cargs.pidfd = random_arg();
	if (!(fuzz_next() % 8))
		cargs.set_tid = random_arg(), cargs.set_tid_size = fuzz_next() % 3;
	if (!(fuzz_next() % 8))
		cargs.beyond = random_arg();
	r->a[0] = k < 5 ? (long)&cargs : k < 7 ? bad_pointer() : random_arg();
	r->a[1] = fuzz_next() % 4 ? PICK(sizes) : random_arg();
	r->a[2] = (long)cargs.flags;	/* shown with the round */
}

static int body_clone3(const struct round *r)
{
	ignore_signals();
	return reap_clone(clone_then_exit(__NR_clone3, r->a[0], r->a[1], 0, 0, 0),
			  r->a[0] == (long)&cargs ? cargs.flags : ~0UL);
}

/* ---- rt_sigreturn ---------------------------------------------------------------- */

struct k_sigaction {
	unsigned long handler;		/* (int) or, with SA_SIGINFO, (int, info, uc) */
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

/* The handler's return: rt_sigreturn from the frame the kernel built. */
void fuzz_restorer(void);
__asm__(".text\n"
	".type	fuzz_restorer, %function\n"
	"fuzz_restorer:\n\t"
	"mov	x8, #139\n\t"		/* rt_sigreturn */
	"svc	#0\n"
	".size	fuzz_restorer, . - fuzz_restorer");

/* Linux's arm64 ucontext, as the kernel puts it on the stack for a handler. */
struct k_ucontext {
	unsigned long flags, link;
	struct { unsigned long sp; int flags; unsigned long size; } stack;
	unsigned long sigmask;
	unsigned char unused[120];
	struct {
		unsigned long fault_address, regs[31], sp, pc, pstate;
		unsigned char reserved[4096] __attribute__((aligned(16)));
	} mcontext;
};

static long mutations;		/* what spoil_frame changes */

/*
 * A real frame spoiled: the SIGUSR1 handler changes what its own frame
 * holds, drawn as the round said (mutations: the bits of what to change),
 * then returns through rt_sigreturn. Bits 0 and 1 leave the program able
 * to go on (the mask, vector registers it never uses); the others need not.
 */
static void spoil_frame(int sig, void *info, void *ucv)
{
	static const unsigned long bad_pcs[] = { 0, 0xffff800008000000UL, 0x1000000000000UL };
	struct k_ucontext *uc = ucv;
	unsigned long what = (unsigned long)mutations, k;
	unsigned char *rec = uc->mcontext.reserved;

	if (what & 1)
		uc->sigmask = fuzz_next();
	if (what & 2)			/* in the fpsimd record: fpsr, fpcr, V0..V31 */
		for (int i = 0; i < 8; i++)
			rec[8 + fuzz_next() % 520] = (unsigned char)fuzz_next();
	if (what & 4)
		uc->mcontext.pstate = random_arg();
	if (what & 8)
		uc->mcontext.sp = random_arg();
	if (what & 16) {		/* nothing, the kernel's, past user space, unaligned */
		k = fuzz_next() % 4;
		uc->mcontext.pc = k < 3 ? bad_pcs[k] : uc->mcontext.pc + 2;
	}
	if (what & 32)			/* a record's header: magic or size */
		((unsigned int *)rec)[(fuzz_next() % 4) * 2 + (fuzz_next() & 1)] =
			(unsigned int)random_arg();
	if (what & 64)			/* anywhere in the records */
		for (int i = 0; i < 4; i++)
			rec[fuzz_next() % 1024] = (unsigned char)fuzz_next();
	if (what & 128) {
		uc->stack.sp = random_arg();
		uc->stack.flags = (int)random_arg();
		uc->stack.size = random_arg();
	}
	if (what & 256)			/* a register the code may use: a bad pointer */
		uc->mcontext.regs[fuzz_next() % 31] = bad_pointer();
}

/* sp = frame, then rt_sigreturn; if that ever comes back, exit(RETURNED). */
static void __attribute__((noreturn)) sigreturn_at(long frame)
{
	register long x0 __asm__("x0") = frame;

	__asm__ volatile("mov	sp, x0\n\t"
			 "mov	x8, #139\n\t"		/* rt_sigreturn */
			 "svc	#0\n\t"
			 "mov	x0, #250\n\t"		/* RETURNED */
			 "mov	x8, #94\n\t"		/* exit_group */
			 "svc	#0"
			 : : "r"(x0) : "memory");
	__builtin_unreachable();
}

static void draw_rt_sigreturn(struct round *r)
{
	unsigned long k = fuzz_next() % 12;

	r->a[1] = k;
	if (k >= 6) {			/* a real frame, spoiled by the handler */
		r->a[0] = 0;
		r->a[2] = (long)(fuzz_next() & 511);
		if (k == 6)
			r->a[2] &= 3;	/* harmless: the program goes on */
		r->real = !(r->a[2] & ~3L);
	} else if (k == 0) {			/* random words: no sane frame */
		r->a[0] = (long)(scratch + (fuzz_next() % (SCRATCH / 2) & ~15UL));
	} else if (k == 1) {		/* zeros: a frame of pc 0 */
		r->a[0] = (long)(scratch + SCRATCH / 2);
	} else if (k == 2) {		/* unaligned */
		r->a[0] = (long)(scratch + 1 + (fuzz_next() % 15));
		r->expect = SIGSEGV;
	} else if (k < 5) {
		r->a[0] = bad_pointer();
		r->expect = SIGSEGV;
		if (!r->a[0])
			r->a[0] = 16;	/* still unmapped; sp 0 is "no frame" to nobody */
	} else {			/* the end of the scratch area: half a frame */
		r->a[0] = (long)(scratch + SCRATCH - 256);
		r->expect = SIGSEGV;
	}
}

static int body_rt_sigreturn(const struct round *r)
{
	struct k_sigaction sa = { (unsigned long)spoil_frame, SA_SIGINFO | SA_RESTORER,
				  fuzz_restorer, 0 };
	long *w = (long *)(scratch + (r->a[1] == 0 ? 0 : SCRATCH / 2));

	if (r->a[1] >= 6) {
		mutations = r->a[2];
		if (__syscall4(__NR_rt_sigaction, SIGUSR1, (long)&sa, 0, 8) < 0)
			return WRONG;
		kill(getpid(), SIGUSR1);
		return 0;		/* back from the handler (no change was fatal) */
	}
	/* The child's own copy of the scratch area: fill it, then jump. */
	for (unsigned long i = 0; i < SCRATCH / 2 / sizeof(long); i++)
		w[i] = r->a[1] == 0 ? random_arg() : 0;
	sigreturn_at(r->a[0]);
}

static const char *after_rt_sigreturn(const struct round *r, int st)
{
	if (st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == RETURNED)
		return "rt_sigreturn returned to its caller";
	if (r->expect == SIGSEGV && (st < 0 || !WIFSIGNALED(st) || WTERMSIG(st) != SIGSEGV))
		return "a frame at a bad address did not give SIGSEGV";
	if (r->real && (st < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0))
		return "a frame with a harmless change did not return to the program";
	return NULL;
}

/* ---- rt_sigsuspend ---------------------------------------------------------------- */

struct k_timeval {
	long sec, usec;
};

struct k_itimerval {
	struct k_timeval interval, value;
};

static volatile int alarms;

static void on_alarm(int sig)
{
	alarms++;
}

static unsigned long mask;

static void draw_rt_sigsuspend(struct round *r)
{
	static const long sizes[] = { 8, 8, 8, 0, 4, 16, 7 };
	unsigned long k = fuzz_next() % 4;

	/* Any mask but one that blocks SIGALRM, which is how it returns. */
	mask = fuzz_next() & ~(1UL << (SIGALRM - 1));
	if (k < 2)
		r->a[0] = (long)&mask;
	else if (k == 2)
		r->a[0] = bad_pointer();
	else
		r->a[0] = (long)(scratch + SCRATCH - 4);	/* 4 bytes, then unmapped */
	r->a[1] = fuzz_next() % 4 ? PICK(sizes) : random_arg();
	if (r->a[1] != 8)
		r->expect = -EINVAL;
	else
		r->expect = r->a[0] == (long)&mask ? -EINTR : -EFAULT;
	r->a[2] = (long)mask;		/* shown with the round */
}

static int body_rt_sigsuspend(const struct round *r)
{
	struct k_sigaction sa = { (unsigned long)on_alarm, SA_RESTORER, fuzz_restorer, 0 };
	struct k_itimerval every_ms = { { 0, 1000 }, { 0, 1000 } }, off = { { 0, 0 }, { 0, 0 } };
	long ret;

	if (__syscall4(__NR_rt_sigaction, SIGALRM, (long)&sa, 0, 8) < 0 ||
	    __syscall3(__NR_setitimer, ITIMER_REAL, (long)&every_ms, 0) < 0)
		return WRONG;
	ret = __syscall2(__NR_rt_sigsuspend, r->a[0], r->a[1]);
	__syscall3(__NR_setitimer, ITIMER_REAL, (long)&off, 0);
	if (ret != r->expect || (ret == -EINTR && !alarms))
		return WRONG;
	return 0;
}

#define CALL(name, ...)	{ #name, __NR_##name, __VA_ARGS__ }

const struct apart_call process_calls[] = {
	CALL(exit,		draw_exit,		body_exit,		after_exit,
	     "had a second thread, which exited 5 ms later"),
	CALL(exit_group,	draw_exit,		body_exit_group,	after_exit,
	     "had a second thread spinning"),
	CALL(execve,		draw_execve,		body_execve,		after_execve,
	     "ran a program"),
	CALL(clone,		draw_clone,		body_clone,		checked_by_body),
	CALL(clone3,		draw_clone3,		body_clone3,		checked_by_body),
	CALL(rt_sigreturn,	draw_rt_sigreturn,	body_rt_sigreturn,	after_rt_sigreturn,
	     "returned to the program from a real frame changed harmlessly"),
	CALL(rt_sigsuspend,	draw_rt_sigsuspend,	body_rt_sigsuspend,	checked_by_body),
};
const int nr_process_calls = sizeof(process_calls) / sizeof(process_calls[0]);
