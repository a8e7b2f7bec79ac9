// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz [calls [seed]]: random system calls with random arguments, from a
 * fixed seed (100,000 calls, seed 1 by default), in children of 10,000 calls
 * each. Passes when every child lives to exit(0) and the kernel still
 * answers; on headstart also when no memory was lost (sysinfo's freeram).
 *
 * Numbers are drawn from 0..1023: Linux's table and well beyond it. Arguments
 * are drawn from values that find bugs: 0, 1, small and huge numbers, -1,
 * pointers into a writable scratch area fenced by unmapped pages, a string
 * "/", kernel addresses, unmapped and read-only user addresses.
 *
 * A child first closes fds 0..2 (so random writes do not reach the console),
 * ignores every signal it can (SIGPIPE from a pipe without readers, random
 * kills aimed at itself) and moves to /proc (so relative random paths create nothing; usr/tests' sandbox is
 * read-only too). Some calls are never made, because they would end or
 * block the child or harm things outside it rather than test the kernel;
 * `denied` below lists them with the reason, and none of them is a call
 * headstart implements (usr/tests/test_fuzz_calls.py). The implemented
 * calls that end or replace the process, block for ever or change the
 * machine are made apart, after the chunks, with fuzzed arguments in
 * disposable children (fuzz_apart.c; fuzz_machine.c, on headstart only).
 * Others get one argument fixed
 * so that they cannot block or harm: mmap is made with MAP_FIXED,
 * MAP_POPULATE and MAP_LOCKED cleared, so it cannot map over the program or
 * pin the host's memory; pipe2 and fcntl(F_SETFL) always with O_NONBLOCK,
 * so a read or write on a pipe never sleeps; ppoll and pselect6 with a zero
 * timeout; chdir and fchdir are followed by a chdir back to /proc. The
 * calls that create, remove, rename or change a name, and openat for
 * writing, get "/" for each path that could be readable memory (a path
 * under a directory fd, or in the scratch area once a call has written
 * "/test/fuzz" there, would reach real files: seed 3 made a file in "/"
 * named by the bytes of this program's code); their bad pointers stay.
 * So on headstart only "/" itself changes: its mode, owner and times, and
 * nothing else. On Linux (qemu-aarch64) run the fuzzer only in usr/tests'
 * sandbox, never as root on a real system.
 *
 * fuzz -f calls seed chunk: find the call that killed a chunk's child.
 * fuzz -l calls seed chunk: find the call after which memory is lost.
 * fuzz -n: the numbers of the calls never made, and of those made apart.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"
#include "ktap.h"

#define NR_MAX		1024
#define CHUNK		10000
#define APART_ROUNDS	32		/* of each call made apart */
static int chunk_timeout = 60;		/* seconds before a child counts as hung */

struct range {
	unsigned short from, to;
};

/*
 * Never made. Every call headstart implements must be made, here or apart
 * (fuzz_apart.c, fuzz_machine.c): usr/tests/test_fuzz_calls.py fails when
 * one of these is implemented. (Made apart, not in the chunks: exit,
 * exit_group, execve, clone, clone3, rt_sigreturn, rt_sigsuspend, reboot,
 * mount, umount2, clock_settime, settimeofday, vhangup.)
 */
static const struct range denied[] = {
	/* Replace the process: execveat. */
	{ 281, 281 },
	/* Signal other processes (the parent, init): pidfd_send_signal.
	 * (kill, tkill, tgkill, rt_sigqueueinfo and rt_tgsigqueueinfo are made,
	 * aimed at the child itself: next_call.) */
	{ 424, 424 },
	/* Change our own mappings or state under us: remap_file_pages,
	 * pkey_mprotect, process_madvise, mseal, rseq, prctl, seccomp,
	 * personality. (rt_sigaction is made, but only to read an action: a
	 * random handler would be jumped to; mremap, madvise, munmap and
	 * mprotect are made on the scratch area only: next_call.) */
	{ 234, 234 }, { 288, 288 }, { 440, 440 },
	{ 462, 462 }, { 293, 293 }, { 167, 167 }, { 277, 277 }, { 92, 92 },
	/* Deliver SIGALRM later, which kills: timer_create. (setitimer is
	 * made: the child ignores every signal it can.) */
	{ 107, 107 },
	/* Block for a long time or for ever: futex_waitv, epoll_pwait(2),
	 * rt_sigsuspend, io_getevents, io_pgetevents, socket waits (accept,
	 * accept4, connect, recvfrom, recvmsg, recvmmsg). (rt_sigtimedwait,
	 * futex, nanosleep and clock_nanosleep are made, with a zero timeout;
	 * ppoll and pselect6 too, see above; rt_sigsuspend apart.) */
	{ 449, 449 }, { 454, 456 },
	{ 22, 22 }, { 441, 441 }, { 4, 4 }, { 292, 292 },
	{ 202, 203 }, { 207, 207 }, { 212, 212 }, { 242, 243 },
	/* Make fds whose read blocks: eventfd2, signalfd4, timerfd_create,
	 * inotify_init1, fanotify_init, userfaultfd, socket, socketpair,
	 * io_uring_*, POSIX and SysV message queues and semaphores (SysV IPC
	 * also outlives the process). (pipe2: O_NONBLOCK, see above.) */
	{ 19, 19 }, { 74, 74 }, { 85, 85 }, { 26, 26 }, { 262, 262 },
	{ 282, 282 }, { 198, 199 }, { 425, 427 }, { 180, 197 },
	/* Leave the file system's root for good: chroot. */
	{ 51, 51 },
	/* Change files outside the sandbox (Linux): fallocate, *setxattr,
	 * *removexattr, fchmodat2. (ioctl: see qemu_denied.) */
	{ 47, 47 }, { 5, 7 }, { 14, 16 }, { 452, 452 },
	/* Slow on a host: sync, fsync, fdatasync, sync_file_range, syncfs. */
	{ 81, 84 }, { 267, 267 },
	/* The machine, not the process: kexec_load, kexec_file_load,
	 * init/finit/delete_module, pivot_root, the new mount calls,
	 * mount_setattr, swapon/off, acct, quotactl(_fd), setting clocks
	 * (adjtimex, clock_adjtime), host and domain names,
	 * ptrace, process_vm_writev, bpf, perf_event_open, unshare,
	 * setns, syslog, scheduling policy and priority, mlockall. */
	{ 104, 106 }, { 294, 294 }, { 273, 273 }, { 41, 41 },
	{ 428, 433 }, { 442, 443 }, { 224, 225 }, { 89, 89 }, { 60, 60 },
	{ 171, 171 }, { 266, 266 }, { 161, 162 }, { 117, 117 },
	{ 271, 271 }, { 280, 280 }, { 241, 241 },
	{ 97, 97 }, { 268, 268 }, { 116, 116 }, { 118, 119 },
	{ 140, 140 }, { 274, 274 }, { 230, 230 },
	/* Newer than this list (Linux 6.13 on): unknown effects. */
	{ 463, 511 },
};

/*
 * Only under qemu-aarch64, whose emulation of these crashes the emulator
 * itself, not the guest (found with fuzz -f, QEMU 7.2):
 * sched_setaffinity, sched_getaffinity (an assertion or SIGSEGV for odd
 * cpu-mask sizes); the socket calls bind .. sendmsg and sendmmsg (QEMU puts
 * a buffer of the guest's length on its own stack with alloca); close_range
 * (QEMU loops over the fds from a 64-bit signed first fd: 2^63 times);
 * pselect6 (an nfds of millions kills QEMU: it converts the guest's fd_sets
 * into its own fixed-size ones, seen with QEMU 7.2); name_to_handle_at and
 * open_by_handle_at (QEMU allocates the guest's handle_bytes and aborts
 * when that fails: SIGABRT, seen with QEMU 7.2); mprotect, even confined
 * to the scratch area (with it, seeds 1 to 3 each had a child killed by
 * SIGABRT or hung in QEMU 7.2 later on; which later call trips QEMU was
 * not pinned down). Also setrlimit and
 * prlimit64: there they would limit QEMU itself (a random RLIMIT_AS or
 * RLIMIT_NOFILE kills the emulator); on headstart the limits are per process
 * and only recorded, so the fuzzer makes them. And ioctl, which on the
 * host's real file systems could do harm (FIFREEZE freezes one); on
 * headstart the child has closed the console (fds 0..2) and opens nothing
 * but "/", pipes and what random paths find, so the ioctls reach those.
 */
static const struct range qemu_denied[] = {
	{ 122, 123 }, { 200, 212 }, { 269, 269 }, { 436, 436 }, { 72, 72 }, { 164, 164 }, { 261, 261 },
	{ 29, 29 }, { 264, 265 }, { 226, 226 },
};

static unsigned char is_denied[NR_MAX];
static unsigned long long rng;
char *scratch;
static long self;			/* the child's pid: what kill may aim at */
static const struct timespec zero_timeout;

unsigned long long fuzz_next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

long random_arg(void)
{
	unsigned long long r = fuzz_next();

	switch (r & 15) {
	case 0:  return 0;
	case 1:  return 1;
	case 2:  return (long)((r >> 8) & 15);
	case 3:  return (long)((r >> 8) & 4095);
	case 4:  return -1;
	case 5:  return (long)fuzz_next();
	case 6:  return (long)(unsigned)(r >> 16);
	case 7:  return (long)(scratch + ((r >> 8) % SCRATCH));
	case 8:  return (long)scratch;
	case 9:  return (long)"/";
	case 10: return (long)(0xffff800008000000UL + ((r >> 8) & 0xfff8));
	case 11: return (long)0xffff000000000000UL;
	case 12: return 0x1000;
	case 13: return (long)random_arg;		/* read-only text */
	case 14: return (long)0x0000fffffffff000UL;
	default: return (long)(1UL << ((r >> 8) & 63));
	}
}

/*
 * For the calls that change the file system: which arguments are the
 * names they change, as a bit per argument (openat: when it may write).
 */
static unsigned changed_paths(int nr, const long a[6])
{
	switch (nr) {
	case __NR_mknodat: case __NR_mkdirat: case __NR_unlinkat: case __NR_fchmodat:
	case __NR_fchownat: case __NR_utimensat:
		return 1 << 1;
	case __NR_symlinkat:
		return 1 << 2;
	case __NR_linkat:
		return 1 << 3;
	case __NR_renameat: case __NR_renameat2:
		return 1 << 1 | 1 << 3;
	case __NR_truncate:
		return 1 << 0;
	case __NR_openat:
		return a[2] & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND) ? 1 << 1 : 0;
	}
	return 0;
}

/* A user address that may be mapped becomes "/"; NULL, low, kernel and
 * non-canonical ones (which fault) stay. */
static void only_root(long a[6], unsigned which)
{
	for (int j = 0; j < 6; j++)
		if ((which & (1u << j)) && (unsigned long)a[j] >= PAGE &&
		    (unsigned long)a[j] < (1UL << 48))
			a[j] = (long)"/";
}

void fuzz_seed(unsigned seed, int chunk)
{
	rng = 0x9e3779b97f4a7c15ULL ^ ((unsigned long long)seed << 32) ^ (unsigned)chunk;
}

/* The next call of the sequence: its number, and its arguments in a. */
static int next_call(long a[6])
{
	int j, nr;

	do
		nr = (int)(fuzz_next() % NR_MAX);
	while (is_denied[nr]);
	for (j = 0; j < 6; j++)
		a[j] = random_arg();
	if (nr == __NR_mmap)
		a[3] &= ~(long)(MAP_FIXED | MAP_POPULATE | MAP_LOCKED);
	only_root(a, changed_paths(nr, a));
	/* mremap, madvise, munmap and mprotect aimed into the scratch area:
	 * moving, dropping or protecting its pages only makes later pointers
	 * into it fault (the fuzzer's own code never touches it). Never
	 * MREMAP_FIXED, which could replace any mapping of ours. */
	if (nr == __NR_mremap || nr == __NR_madvise || nr == __NR_munmap ||
	    nr == __NR_mprotect) {
		a[0] = (long)(scratch + ((unsigned long)a[0] % SCRATCH));
		a[1] = (long)((unsigned long)a[1] % (2 * SCRATCH));
		if (nr == __NR_mremap) {
			a[2] = (long)((unsigned long)a[2] % (4 * SCRATCH));
			a[3] &= ~2L;		/* MREMAP_FIXED */
		}
		/* Not past its end: the next mapping may be our stack. */
		if (nr == __NR_munmap || nr == __NR_mprotect)
			a[1] = (long)((unsigned long)a[1] % (scratch + SCRATCH - (char *)a[0] + 1));
	}
	/* Signals only to ourselves, never the two that cannot be ignored. */
	if (nr == __NR_kill || nr == __NR_tkill || nr == __NR_tgkill ||
	    nr == __NR_rt_sigqueueinfo || nr == __NR_rt_tgsigqueueinfo) {
		int two_ids = nr == __NR_tgkill || nr == __NR_rt_tgsigqueueinfo;
		long *sig = &a[two_ids ? 2 : 1];

		a[0] = self;
		if (two_ids)
			a[1] = self;
		if (*sig == SIGKILL || *sig == SIGSTOP)
			*sig = 0;
	}
	if (nr == __NR_rt_sigaction)
		a[1] = 0;			/* read the action, set none */
	if (nr == __NR_rt_sigtimedwait)
		a[2] = (long)&zero_timeout;	/* poll, never block */
	if (nr == __NR_pipe2 || (nr == __NR_fcntl && a[1] == F_SETFL))
		a[nr == __NR_pipe2 ? 1 : 2] |= O_NONBLOCK;
	if (nr == __NR_ppoll)
		a[2] = (long)&zero_timeout;
	if (nr == __NR_pselect6)
		a[4] = (long)&zero_timeout;
	if (nr == __NR_futex)
		a[3] = (long)&zero_timeout;	/* a wait returns at once */
	if (nr == __NR_nanosleep)
		a[0] = (long)&zero_timeout;
	if (nr == __NR_clock_nanosleep)
		a[2] = (long)&zero_timeout;	/* absolute 0 is past: no wait */
	return nr;
}

static void fuzz_chunk(unsigned seed, int chunk, long calls)
{
	long i, a[6];
	int nr;

	fuzz_seed(seed, chunk);
	for (i = 0; i < calls; i++) {
		nr = next_call(a);
		__syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		if (nr == __NR_chdir || nr == __NR_fchdir)
			chdir("/proc");
	}
}

/* A fresh child for one chunk; its wait status, or -1 if it hung. */
static int run_chunk(unsigned seed, int chunk, long calls)
{
	long long deadline = monotonic_ns() + chunk_timeout * 1000000000LL;
	struct timespec tick = { 0, 10 * 1000000 };
	pid_t pid = fork(), w;
	int st, fd;

	if (pid == 0) {
		for (fd = 0; fd < 3; fd++)
			close(fd);
		chdir("/proc");		/* best effort: nothing can be made there */
		/* Random kills and timers aimed at ourselves must not end us. */
		self = getpid();
		for (int sig = 1; sig < NSIG; sig++)
			if (sig != SIGKILL && sig != SIGSTOP)
				signal(sig, SIG_IGN);
		fuzz_chunk(seed, chunk, calls);
		_exit(0);
	}
	if (pid < 0)
		return -1;
	for (;;) {
		w = wait4(pid, &st, WNOHANG, NULL);
		if (w == pid)
			return st;
		if (w < 0 || monotonic_ns() > deadline) {
			kill(pid, SIGKILL);
			wait4(pid, NULL, 0, NULL);
			return -1;
		}
		nanosleep(&tick, NULL);
	}
}

long long free_bytes(void)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -1;
	return (long long)si.freeram * (si.mem_unit ? si.mem_unit : 1);
}

static int setup(void)
{
	const struct range *d;
	char *area;
	int n;

	for (d = denied; d < denied + sizeof(denied) / sizeof(denied[0]); d++)
		for (n = d->from; n <= d->to; n++)
			is_denied[n] = 1;
	for (d = qemu_denied; ktap_qemu_user() &&
	     d < qemu_denied + sizeof(qemu_denied) / sizeof(qemu_denied[0]); d++)
		for (n = d->from; n <= d->to; n++)
			is_denied[n] = 1;
	/* Made apart, not in the chunks. */
	for (n = 0; n < nr_process_calls; n++)
		is_denied[process_calls[n].nr] = 1;
	for (n = 0; n < nr_machine_calls; n++)
		is_denied[machine_calls[n].nr] = 1;
	/* [unmapped page][scratch][unmapped page]: overruns fault, not corrupt. */
	area = mmap(NULL, SCRATCH + 2 * PAGE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED)
		return -1;
	munmap(area, PAGE);
	munmap(area + PAGE + SCRATCH, PAGE);
	scratch = area + PAGE;
	machine_prepare();
	return 0;
}

/* The last few of the first `calls` calls of a chunk, as made. */
static void show_calls(unsigned seed, int chunk, long calls)
{
	long i, a[6];
	int nr;

	fuzz_seed(seed, chunk);
	for (i = 0; i < calls; i++) {
		nr = next_call(a);
		if (i >= calls - 8)
			printf("%6ld: %3d(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)\n", i, nr,
			       a[0], a[1], a[2], a[3], a[4], a[5]);
	}
}

/* Does a fresh child making the first `calls` calls of the chunk die? */
static int dies(unsigned seed, int chunk, long calls)
{
	return run_chunk(seed, chunk, calls) != 0;
}

/* ...or lose memory (and live)? */
static int loses_memory(unsigned seed, int chunk, long calls)
{
	long long before = free_bytes();

	return run_chunk(seed, chunk, calls) == 0 && free_bytes() != before;
}

/*
 * The first call of the chunk after which `bad` holds, when the whole chunk
 * is bad: bisect on how many of its calls a fresh child makes, then show
 * the last few calls made. (The harm may come from an earlier call; these
 * are where to start.)
 */
static void bisect_calls(unsigned seed, int chunk, long calls,
			 int (*bad)(unsigned seed, int chunk, long calls), const char *what)
{
	long lo = 0, hi = calls, mid;

	while (hi - lo > 1) {		/* lo calls are good, hi calls bad */
		mid = lo + (hi - lo) / 2;
		if (bad(seed, chunk, mid))
			hi = mid;
		else
			lo = mid;
	}
	printf("fuzz: chunk %d of seed %u %s in call %ld; the calls before it:\n", chunk, seed,
	       what, hi - 1);
	show_calls(seed, chunk, hi);
}

/* fuzz -f calls seed chunk: which call of a chunk is fatal? */
static int find_fatal(long calls, unsigned seed, int chunk)
{
	chunk_timeout = 10;
	if (setup() < 0 || !dies(seed, chunk, calls)) {
		printf("fuzz: chunk %d of seed %u survives %ld calls\n", chunk, seed, calls);
		return 1;
	}
	bisect_calls(seed, chunk, calls, dies, "dies");
	return 0;
}

/*
 * fuzz -l calls seed chunk: after which call is memory lost? Every probe
 * runs in this one boot, so the bisection needs a loss that repeats with
 * each child. Memory kept once (a file made, a cache filled) shows only in
 * the first run: then it says so, and each probe needs a fresh boot (the
 * first line answers for `calls` calls).
 */
static int find_leak(long calls, unsigned seed, int chunk)
{
	if (ktap_on_linux()) {
		printf("fuzz -l: free memory is exact only on headstart\n");
		return 1;
	}
	chunk_timeout = 10;
	if (setup() < 0 || !loses_memory(seed, chunk, calls)) {
		printf("fuzz: chunk %d of seed %u loses no memory in %ld calls\n", chunk, seed,
		       calls);
		return 1;
	}
	printf("fuzz: chunk %d of seed %u loses memory in %ld calls\n", chunk, seed, calls);
	if (!loses_memory(seed, chunk, calls)) {
		printf("fuzz: ...the first time only: memory kept once, not lost per child\n");
		return 1;
	}
	bisect_calls(seed, chunk, calls, loses_memory, "loses memory");
	return 0;
}

/* fuzz -n: the numbers of the calls never made, and of those made apart. */
static int list_calls(void)
{
	static const struct { const char *what; const struct range *r; int n; } lists[] = {
		{ "never", denied, sizeof(denied) / sizeof(denied[0]) },
		{ "not under qemu-user", qemu_denied, sizeof(qemu_denied) / sizeof(qemu_denied[0]) },
	};

	for (unsigned i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		printf("%s:", lists[i].what);
		for (const struct range *d = lists[i].r; d < lists[i].r + lists[i].n; d++)
			for (int n = d->from; n <= d->to; n++)
				printf(" %d", n);
		printf("\n");
	}
	printf("apart:");
	for (int i = 0; i < nr_process_calls; i++)
		printf(" %d", process_calls[i].nr);
	for (int i = 0; i < nr_machine_calls; i++)
		printf(" %d", machine_calls[i].nr);
	printf("\n");
	return 0;
}

/* The calls made apart: the process's own, then (on headstart) the machine's. */
static void fuzz_apart(unsigned seed)
{
	const char *skip = "on a Linux host, where they would act on the host";
	int i;

	for (i = 0; i < nr_process_calls; i++)
		run_apart(&process_calls[i], seed, APART_ROUNDS);
	if (!on_headstart()) {
		ktap_diag("skipped on a Linux host: reboot, mount, umount2, clock_settime, "
			  "settimeofday, vhangup (they would act on the host itself)");
		for (i = 0; i < nr_machine_calls; i++)
			ktap_skip(skip, "%s_fuzzed_%d_times", machine_calls[i].name, APART_ROUNDS);
		return;
	}
	if (machine_setup() < 0) {
		ktap_diag("cannot make %s or read /proc/mounts: %s", "/tmp/fuzz-mnt",
			  strerror(errno));
		for (i = 0; i < nr_machine_calls; i++)
			ktap_result(0, "%s_fuzzed_%d_times", machine_calls[i].name, APART_ROUNDS);
		return;
	}
	for (i = 0; i < nr_machine_calls; i++)
		run_apart(&machine_calls[i], seed, APART_ROUNDS);
	machine_cleanup();
}

int main(int argc, char **argv)
{
	long calls = 100000, done;
	unsigned seed = 1;
	int chunk, st, survived = 1;
	long long before, after, chunk_before;

	if (argc == 5 && !strcmp(argv[1], "-f"))
		return find_fatal(strtol(argv[2], NULL, 0), (unsigned)atoi(argv[3]),
				  atoi(argv[4]));
	if (argc == 2 && !strcmp(argv[1], "-n"))
		return list_calls();
	if (argc == 5 && !strcmp(argv[1], "-l"))
		return find_leak(strtol(argv[2], NULL, 0), (unsigned)atoi(argv[3]),
				 atoi(argv[4]));
	if (argc > 1)
		calls = strtol(argv[1], NULL, 0);
	if (argc > 2)
		seed = (unsigned)atoi(argv[2]);

	ktap_start("fuzz", 3 + nr_process_calls + nr_machine_calls);
	if (setup() < 0) {
		ktap_diag("mmap of the scratch area failed: %s", strerror(errno));
		return KSFT_FAIL;
	}
	before = free_bytes();
	for (chunk = 0, done = 0; done < calls; chunk++, done += CHUNK) {
		long n = calls - done < CHUNK ? calls - done : CHUNK;

		chunk_before = free_bytes();
		st = run_chunk(seed, chunk, n);
		if (st == 0 && !ktap_on_linux() && free_bytes() != chunk_before)
			ktap_diag("chunk %d lost memory; to find the call: fuzz -l %ld %u %d", chunk,
				  n, seed, chunk);
		if (st == 0)
			continue;
		survived = 0;
		if (st < 0)
			ktap_diag("chunk %d (calls %ld..%ld): hung, killed", chunk, done, done + n - 1);
		else if (WIFSIGNALED(st))
			ktap_diag("chunk %d (calls %ld..%ld): killed by signal %d", chunk, done,
				  done + n - 1, WTERMSIG(st));
		else
			ktap_diag("chunk %d: exit status %d", chunk, WEXITSTATUS(st));
		ktap_diag("to find the call: fuzz -f %ld %u %d", n, seed, chunk);
	}
	ktap_result(survived, "%ld_random_calls_seed_%u_children_survive", calls, seed);
	fuzz_apart(seed);
	ktap_result(getpid() > 0 && write(1, "", 0) == 0, "kernel_still_answers");

	after = free_bytes();
	if (before < 0 || after < 0)
		ktap_result(0, "no_memory_lost");
	else if (ktap_on_linux())
		ktap_skip("Linux shares memory with the rest of the host", "no_memory_lost");
	else if (!ktap_result(before == after, "no_memory_lost"))
		ktap_diag("free memory before %lld, after %lld bytes", before, after);
	return ktap_finish();
}
