// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/user/utest.c: the kernel's process tests, run as /init
 * (pid 1) from an initramfs that test_user.py builds. Prints KTAP on the
 * console and powers off. The same file is also /bin/utest, which /init
 * execs to get children doing one thing each ("utest <mode>").
 */
#include "usys.h"

#define WIFEXITED(s)	(((s) & 0x7f) == 0)
#define WEXITSTATUS(s)	(((s) >> 8) & 0xff)
#define WIFSIGNALED(s)	(((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)	((s) & 0x7f)
#define WNOHANG		1
#define KERNEL_PTR	0xffff000000001000L
#define ENOENT 2
#define EFAULT 14
#define EACCES 13
#define ECHILD 10
#define EINVAL 22
#define ENOSYS 38

void *memset(void *s, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

void *memset(void *s, int c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((volatile char *)s)[i] = c;
	return s;
}

void *memcpy(void *d, const void *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((volatile char *)d)[i] = ((const char *)s)[i];
	return d;
}

extern char _start[];
static char **environ_;
static int test_nr, test_failed;

static void ok(int pass, const char *name)
{
	test_nr++;
	puts_(pass ? "ok " : "not ok ");
	put_long(test_nr);
	puts_(" ");
	puts_(name);
	puts_("\n");
	if (!pass)
		test_failed++;
}

static void diag(const char *what, long v)
{
	puts_("# ");
	puts_(what);
	puts_(": ");
	put_long(v);
	puts_("\n");
}

static long exec_utest(const char *mode, const char *arg)
{
	const char *argv[] = { "utest", mode, arg, 0 };
	const char *envp[] = { "K=V", 0 };

	return syscall3(__NR_execve, "/bin/utest", argv, envp);
}

/* fork + exec "utest mode arg"; the child's pid. */
static long spawn(const char *mode, const char *arg)
{
	long pid = sys_fork();

	if (pid == 0) {
		exec_utest(mode, arg);
		sys_exit(127);
	}
	return pid;
}

static int wait_status(long pid, struct rusage *ru)
{
	int status = -1;
	long r = sys_wait4(pid, &status, 0, ru);

	if (r != pid)
		diag("wait4 returned", r);
	return status;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	syscall2(__NR_nanosleep, &ts, 0);
}

/* ---- child modes ---------------------------------------------------------- */

/* argv, envp and the auxiliary vector as Linux lays them out. */
static int child_args(int argc, char **argv, char **envp, unsigned long *sp)
{
	unsigned long *auxv;
	unsigned long pagesz = 0, entry = 0, random = 0, phdr = 0, phnum = 0, execfn = 0;

	if ((unsigned long)sp & 15)
		return 1;
	if (argc != 3 || sp[0] != 3 || ustrcmp(argv[1], "args") || ustrcmp(argv[2], "two") ||
	    argv[3])
		return 2;
	if (!envp[0] || ustrcmp(envp[0], "K=V") || envp[1])
		return 3;
	for (auxv = (unsigned long *)&envp[2]; auxv[0]; auxv += 2) {
		switch (auxv[0]) {
		case 3: phdr = auxv[1]; break;
		case 5: phnum = auxv[1]; break;
		case 6: pagesz = auxv[1]; break;
		case 9: entry = auxv[1]; break;
		case 25: random = auxv[1]; break;
		case 31: execfn = auxv[1]; break;
		}
	}
	if (pagesz != 4096)
		return 4;
	if (entry != (unsigned long)_start)
		return 5;
	if (!random || (random & 0) || !phnum || !phdr)
		return 6;
	/* The first program header of a static executable: PT_PHDR (6) or PT_LOAD (1). */
	if (*(unsigned int *)phdr != 6 && *(unsigned int *)phdr != 1)
		return 7;
	if (!execfn || ustrcmp((const char *)execfn, "/bin/utest"))
		return 8;
	return 42;
}

static int child_burn(void)
{
	long start = now_ns();

	while (cpu_ns() < 200000000L)
		;
	return (now_ns() - start) / 10000000L;	/* wall time in 10 ms units */
}

static int child_orphan(void)
{
	long pid = sys_fork(), deadline;

	if (pid)
		return 0;		/* the child: exit, orphaning the grandchild */
	deadline = now_ns() + 5000000000L;
	while (sys_getppid() != 1 && now_ns() < deadline)
		sys_yield();
	return sys_getppid() == 1 ? 7 : 8;
}

static int child_main(int argc, char **argv, char **envp, unsigned long *sp)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!ustrcmp(mode, "args"))
		return child_args(argc, argv, envp, sp);
	if (!ustrcmp(mode, "exit"))
		return argv[2][0] - '0';
	if (!ustrcmp(mode, "segv"))
		*(volatile int *)0 = 1;
	if (!ustrcmp(mode, "undef"))
		__asm__ volatile(".inst 0x00000000");	/* udf #0 */
	if (!ustrcmp(mode, "sleep"))
		sleep_ms(10000);
	if (!ustrcmp(mode, "burn"))
		return child_burn();
	if (!ustrcmp(mode, "orphan"))
		return child_orphan();
	if (!ustrcmp(mode, "rofault")) {
		long p = syscall6(__NR_mmap, 0, 4096, 3, 0x22, -1, 0);

		*(volatile int *)p = 1;
		syscall3(__NR_mprotect, p, 4096, 1);
		*(volatile int *)p = 2;		/* must fault */
	}
	return 100;
}

/* ---- the tests, as pid 1 ------------------------------------------------------ */

static void test_pid(void)
{
	ok(sys_getpid() == 1 && sys_getppid() == 0, "init_is_pid_1");
}

static void test_fork_exec_wait(void)
{
	int status = wait_status(spawn("args", "two"), 0);

	if (!WIFEXITED(status) || WEXITSTATUS(status) != 42)
		diag("status", status);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 42, "fork_exec_wait_argv_envp_auxv");
	ok(sys_wait4(-1, &status, WNOHANG, 0) == -ECHILD, "wait4_without_children_is_echild");
}

static void test_exec_errors(void)
{
	const char *argv[] = { "x", 0 };

	ok(syscall3(__NR_execve, "/no/such/file", argv, 0) == -ENOENT, "execve_missing_file_enoent");
	ok(syscall3(__NR_execve, KERNEL_PTR, argv, 0) == -EFAULT, "execve_kernel_pointer_efault");
}

static void test_faults(void)
{
	int status = wait_status(spawn("segv", 0), 0);

	ok(WIFSIGNALED(status) && WTERMSIG(status) == 11, "null_dereference_kills_child_sigsegv");
	status = wait_status(spawn("undef", 0), 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == 4, "undefined_instruction_kills_child_sigill");
	status = wait_status(spawn("rofault", 0), 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == 11, "write_to_mprotect_readonly_faults");
}

/*
 * Nine more faults at once, twelve in all: the kernel reports ten of them
 * (its limit, ten every five seconds); after five seconds one more is
 * reported again, with the two held back counted first (test_user.py
 * reads the console).
 */
static void test_fault_reports_ratelimited(void)
{
	int killed = 0;

	for (int i = 0; i < 9; i++) {
		int status = wait_status(spawn("segv", 0), 0);

		killed += WIFSIGNALED(status) && WTERMSIG(status) == 11;
	}
	sleep_ms(5100);
	killed += WTERMSIG(wait_status(spawn("segv", 0), 0)) == 11;
	ok(killed == 10, "ten_more_null_dereferences_kill_their_children");
}

static void test_efault(void)
{
	struct timespec ts = { 0, 1000 };

	ok(syscall1(__NR_uname, KERNEL_PTR) == -EFAULT, "uname_kernel_pointer_efault");
	ok(syscall2(__NR_clock_gettime, 1, KERNEL_PTR) == -EFAULT,
	   "clock_gettime_kernel_pointer_efault");
	ok(syscall2(__NR_nanosleep, KERNEL_PTR, 0) == -EFAULT, "nanosleep_kernel_pointer_efault");
	ok(syscall1(__NR_sysinfo, 0x10) == -EFAULT, "sysinfo_unmapped_pointer_efault");
	ts.tv_nsec = 1000000000L;
	ok(syscall2(__NR_nanosleep, &ts, 0) == -EINVAL, "nanosleep_bad_nsec_einval");
}

static void test_enosys(void)
{
	ok(syscall0(9999) == -ENOSYS && syscall0(450) == -ENOSYS && syscall0(-1L) == -ENOSYS,
	   "unknown_syscalls_enosys");
}

static void test_yield_pingpong(void)
{
	const int rounds = 1000;
	long child = sys_fork(), seen = -1;
	int status = -1;

	if (child == 0) {
		for (int i = 0; i < rounds; i++)
			sys_yield();
		sys_exit(0);
	}
	for (int i = 0; i < 3 * rounds && seen < 0; i++) {
		sys_yield();
		if (sys_wait4(child, &status, WNOHANG, 0) == child)
			seen = i;
	}
	diag("child exit seen after parent yield", seen);
	/* Each yield hands over to the other: the child ends after ~rounds of ours. */
	ok(seen >= rounds - 10 && seen <= rounds + 10, "sched_yield_ping_pong_alternates");
}

static void test_nanosleep(void)
{
	long t0 = now_ns(), dt;

	sleep_ms(30);
	dt = now_ns() - t0;
	diag("nanosleep(30 ms) took us", dt / 1000);
	ok(dt >= 30000000L && dt < 60000000L, "nanosleep_wakes_on_time");
}

static void test_burners(void)
{
	struct rusage ru[2];
	long pid[2];
	int status[2];
	long cpu[2];

	pid[0] = spawn("burn", 0);
	pid[1] = spawn("burn", 0);
	for (int i = 0; i < 2; i++) {
		status[i] = wait_status(pid[i], &ru[i]);
		cpu[i] = (ru[i].ru_utime.tv_sec + ru[i].ru_stime.tv_sec) * 1000 +
			 (ru[i].ru_utime.tv_usec + ru[i].ru_stime.tv_usec) / 1000;
		diag("burner wall time, 10 ms units", WEXITSTATUS(status[i]));
		diag("burner cpu ms", cpu[i]);
	}
	/* 200 ms of CPU each, shared: each takes about 400 ms of wall time. */
	ok(WIFEXITED(status[0]) && WIFEXITED(status[1]) && WEXITSTATUS(status[0]) >= 33 &&
	   WEXITSTATUS(status[1]) >= 33, "two_burners_are_preempted_and_interleaved");
	ok(cpu[0] >= 190 && cpu[0] <= 230 && cpu[1] >= 190 && cpu[1] <= 230,
	   "burner_cpu_time_accounted");
}

static void test_kill(void)
{
	long pid = spawn("sleep", 0), t0;
	int status;

	sleep_ms(20);
	t0 = now_ns();
	ok(sys_kill(pid, 15) == 0, "kill_sigterm_returns_0");
	status = wait_status(pid, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == 15 && now_ns() - t0 < 100000000L,
	   "sigterm_ends_sleeping_child");
	ok(sys_kill(pid, 15) == -3, "kill_reaped_pid_esrch");
}

static void test_orphan(void)
{
	int status = wait_status(spawn("orphan", 0), 0);
	long r = sys_wait4(-1, &status, 0, 0);

	ok(r > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 7, "orphan_reparented_to_init");
}

static void test_memory(void)
{
	long cur = syscall1(__NR_brk, 0), p;
	volatile char *heap = (volatile char *)cur;

	ok(syscall1(__NR_brk, cur + 8192) == cur + 8192, "brk_grows");
	heap[0] = 1;
	heap[8191] = 2;
	ok(heap[0] == 1 && heap[8191] == 2, "brk_memory_usable");
	p = syscall6(__NR_mmap, 0, 3 * 4096, 3, 0x22, -1, 0);
	ok(p > 0 && !(p & 4095), "mmap_anonymous");
	for (int i = 0; i < 3 * 4096; i += 512)
		((volatile char *)p)[i] = i / 512;
	ok(((volatile char *)p)[2 * 4096] == 16, "mmap_memory_usable_and_zeroed");
	ok(syscall3(__NR_mprotect, p, 4096, 1) == 0, "mprotect_readonly");
	ok(syscall2(__NR_munmap, p, 3 * 4096) == 0, "munmap");
	ok(syscall6(__NR_mmap, 0, 4096, 6, 0x22, -1, 0) == -EACCES, "mmap_write_exec_refused");
}

struct utsname { char f[6][65]; };

static void test_uname(void)
{
	struct utsname u;

	ok(syscall1(__NR_uname, &u) == 0 && !ustrcmp(u.f[0], "headstart") &&
	   !ustrcmp(u.f[4], "aarch64"), "uname_headstart_aarch64");
}

struct sysinfo_ {
	long uptime;
	unsigned long loads[3], totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
};

static unsigned long freeram(void)
{
	struct sysinfo_ si;

	syscall1(__NR_sysinfo, &si);
	return si.freeram;
}

static void test_no_leak(void)
{
	unsigned long before, after;
	int bad = 0, status;

	wait_status(spawn("exit", "0"), 0);		/* warm up */
	before = freeram();
	for (int i = 0; i < 200; i++) {
		long pid = sys_fork();

		if (pid == 0)
			sys_exit(i & 0x7f);
		status = wait_status(pid, 0);
		bad += !WIFEXITED(status) || WEXITSTATUS(status) != (i & 0x7f);
	}
	for (int i = 0; i < 20; i++)
		bad += WEXITSTATUS(wait_status(spawn("exit", "5"), 0)) != 5;
	after = freeram();
	diag("free bytes before", before);
	diag("free bytes after", after);
	ok(!bad, "fork_exit_wait_220_statuses");
	ok(before == after, "fork_exit_wait_frees_every_page");
}

int main(int argc, char **argv, char **envp, unsigned long *sp)
{
	environ_ = envp;
	if (sys_getpid() != 1)
		return child_main(argc, argv, envp, sp);

	puts_("KTAP version 1\n1..33\n");
	test_pid();
	test_fork_exec_wait();
	test_exec_errors();
	test_faults();
	test_fault_reports_ratelimited();
	test_efault();
	test_enosys();
	test_yield_pingpong();
	test_nanosleep();
	test_burners();
	test_kill();
	test_orphan();
	test_memory();
	test_uname();
	test_no_leak();
	puts_(test_failed ? "# utest: FAIL\n" : "# utest: PASS\n");
	syscall4(__NR_reboot, 0xfee1dead, 672274793, 0x4321FEDC, 0);
	return 1;
}
