// SPDX-License-Identifier: GPL-2.0
/*
 * bench [--no-pmu] [-n N]: what the kernel costs, in instructions.
 * bench --boot: what the boot cost, run as the first program (rdinit=).
 * bench --smp: what crossing CPUs costs, and whether CPU-bound processes
 * scale (`make bench` boots it at -smp 4; see bench_smp below).
 *
 *	null syscall		getppid(), N times
 *	context switch		two processes each calling sched_yield() N times;
 *				on one CPU every call switches, 2N switches
 *	fork + exit + wait4	N/100 times
 *	fork + execve + wait4	N/100 times, the child running `/bin/busybox true`
 *				(Debian's busybox-static, 1.8 MB: what exec costs
 *				for a real program); after one run not counted,
 *				so a first exec's one-time work is left out.
 *				"no /bin/busybox" in an initramfs without it
 *	clock_gettime		CLOCK_MONOTONIC, N times through the vDSO's
 *				__kernel_clock_gettime (lib/vdso.c finds it), then
 *				N times as a system call (what libc's does)
 *
 * Counts come from PMU event counter 0, read at EL0 (mrs pmevcntr0_el0). That
 * needs the kernel to have programmed it with INST_RETIRED (event 0x08),
 * counting at EL0 and EL1 (PMEVTYPER0_EL0.P = U = 0), enabled it
 * (PMCNTENSET_EL0 bit 0, PMCR_EL0.E) and let EL0 read it (PMUSERENR_EL0.ER or
 * .EN); under QEMU the event only counts with -icount. The counter is global:
 * every process, the kernel and interrupts in the window are included, which
 * is what a per-operation cost should include. It is read as 32 bits.
 *
 * bench first checks, in a child, that the counter can be read (a read that
 * traps kills the child with SIGILL) and that it moves. If not, or with
 * --no-pmu (as under qemu-aarch64), it reports wall-clock nanoseconds
 * instead, and says so. Each measured loop is bracketed by `hint #0x70` and
 * `hint #0x71`, NOPs on the CPU, for QEMU plugins that count instructions
 * from outside (../shared/tools/insncount).
 *
 * --boot reads the generic timer's virtual counter (CNTVCT_EL0, which the
 * kernel lets EL0 read, as Linux does) first thing in main and prints it
 * as nanoseconds since the machine started. Under QEMU's -icount shift=0
 * every instruction takes exactly 1 ns of guest time, so that is the
 * instruction count from reset to here, to the counter's resolution (16 at
 * QEMU virt's 62.5 MHz) and as long as the CPU never idled: QEMU's 6-
 * instruction boot stub, the kernel's boot, and crt0 plus libc start-up
 * (about 25). Run as pid 1 (rdinit=/bin/bench -- --boot), so nothing but
 * the boot came before; it then powers the machine off. `make bench` does
 * this at several memory sizes.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vdso.h>

#define REGION_BEGIN()	__asm__ volatile("hint #0x70" ::: "memory")
#define REGION_END()	__asm__ volatile("hint #0x71" ::: "memory")

static int use_pmu = 1;

static inline unsigned long pmu_read(void)
{
	unsigned long v;

	__asm__ volatile("isb\n\tmrs %0, pmevcntr0_el0" : "=r"(v) : : "memory");
	return v;
}

/* Instructions (32-bit counter delta) or nanoseconds, whichever we measure in. */
static unsigned long long now(void)
{
	return use_pmu ? pmu_read() : (unsigned long long)monotonic_ns();
}

static unsigned long long since(unsigned long long start)
{
	unsigned long long end = now();

	return use_pmu ? (end - start) & 0xffffffffULL : end - start;
}

/* In a child, so that a trapping read costs only the child. */
static const char *probe_pmu(void)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		unsigned long a = pmu_read(), b;
		volatile int i;

		for (i = 0; i < 1000; i++)
			;
		b = pmu_read();
		_exit(a != b ? 0 : 3);
	}
	if (pid < 0 || wait4(pid, &st, 0, NULL) != pid)
		return "could not fork the probe";
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGILL)
		return "reading PMEVCNTR0_EL0 traps (PMUSERENR_EL0 does not allow EL0)";
	if (WIFSIGNALED(st))
		return "the probe died";
	if (WEXITSTATUS(st) == 3)
		return "PMEVCNTR0_EL0 does not count (not programmed, or QEMU without -icount)";
	return NULL;
}

static unsigned long long bench_getppid(long n)
{
	unsigned long long start;
	long i;

	start = now();
	REGION_BEGIN();
	for (i = 0; i < n; i++)
		getppid();
	REGION_END();
	return since(start);
}

static unsigned long long bench_yield(long n)
{
	unsigned long long start, total;
	pid_t pid;
	long i;

	pid = fork();
	if (pid == 0) {
		for (i = 0; i < n; i++)
			sched_yield();
		_exit(0);
	}
	if (pid < 0)
		return 0;
	start = now();
	REGION_BEGIN();
	for (i = 0; i < n; i++)
		sched_yield();
	REGION_END();
	total = since(start);
	wait4(pid, NULL, 0, NULL);
	return total;
}

static unsigned long long bench_fork(long n)
{
	unsigned long long start;
	pid_t pid;
	long i;

	start = now();
	REGION_BEGIN();
	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid == 0)
			_exit(0);
		if (pid < 0 || wait4(pid, NULL, 0, NULL) != pid)
			break;
	}
	REGION_END();
	return i == n ? since(start) : 0;
}

static char *const busybox_argv[] = { "/bin/busybox", "true", NULL };
static char *const no_env[] = { NULL };

/* fork, execve(busybox true) in the child, wait4: 1 if the child ran and exited 0. */
static int fork_exec_busybox(void)
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		execve(busybox_argv[0], busybox_argv, no_env);
		_exit(127);
	}
	return pid > 0 && wait4(pid, &status, 0, NULL) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

static unsigned long long bench_fork_exec(long n)
{
	unsigned long long start;
	long i;

	if (!fork_exec_busybox())	/* the first run: not counted */
		return 0;
	start = now();
	REGION_BEGIN();
	for (i = 0; i < n; i++)
		if (!fork_exec_busybox())
			break;
	REGION_END();
	return i == n ? since(start) : 0;
}

typedef int (*clock_gettime_fn)(int clock, struct timespec *ts);

static unsigned long long bench_clock_gettime(long n, clock_gettime_fn fn)
{
	unsigned long long start;
	struct timespec ts;
	long i;

	start = now();
	REGION_BEGIN();
	for (i = 0; i < n; i++)
		if (fn(CLOCK_MONOTONIC, &ts))
			break;
	REGION_END();
	return i == n ? since(start) : 0;
}

static void row(const char *what, long ops, unsigned long long total)
{
	unsigned long long tenths = ops ? total * 10 / (unsigned long long)ops : 0;

	if (!total) {
		printf("%-26s %10ld %14s %12s\n", what, ops, "failed", "-");
		return;
	}
	printf("%-26s %10ld %14llu %10llu.%llu\n", what, ops, total, tenths / 10, tenths % 10);
}

/*
 * --smp, on a machine with 2 CPUs or more (`make bench`: -smp 4, -icount
 * shift=0,sleep=off):
 *
 *	pipe round trip		one byte to a child and one back, over two
 *				pipes, N/10 times: both pinned to CPU0 (every
 *				wake-up a switch on one CPU), then the child on
 *				CPU1 (every wake-up crosses CPUs: the
 *				reschedule IPI, CPU1 leaving wfi, and back)
 *	CPU-bound scaling	1, 2, then 4 spinners (as many as there are
 *				CPUs) forked together, unpinned, each spinning
 *				SPIN_NS of CLOCK_MONOTONIC: their CPU time
 *				(wait4's rusage) added up, in CPUs' worth of
 *				SPIN_NS (N when each had a CPU to itself), the
 *				least one's, and the loop turns all of them
 *				made against what one spinner alone made
 *
 * The round trips are timed on CPU0, both of them, so that they are
 * counted by the same CPU's PMU (the kernel opens every CPU's to EL0,
 * arch/arm64/kernel/perf_event.c). Under -icount QEMU's
 * instructions-retired event counts every CPU's instructions (it reads
 * the one icount all CPUs advance), so the figure is both CPUs' work,
 * and the idle CPUs' ticks in the window. Under -icount the guest clock
 * also advances by every CPU's instructions: N spinners share the same
 * instructions per guest second as one, so their loop turns add up to
 * about one spinner's whatever N is; the CPU time, what the scheduler
 * hands out, is the figure that scales.
 */
#define SPIN_NS		200000000LL
#define MAX_SPINNERS	4

struct rusage_k {	/* the kernel's struct rusage: utime, stime, then 14 longs */
	struct { long sec, usec; } utime, stime;
	long rest[14];
};

static int pin_to(unsigned long mask)
{
	return syscall(__NR_sched_setaffinity, 0, sizeof(mask), &mask);
}

/* n round trips between this process and a child pinned to child_cpu. */
static unsigned long long bench_pipe_round_trip(long n, int child_cpu)
{
	unsigned long long start, total;
	int ping[2], pong[2], st = -1;
	long i, warm = 10;
	char c = 0;
	pid_t pid;

	if (syscall(__NR_pipe2, ping, 0) || syscall(__NR_pipe2, pong, 0))
		return 0;
	pid = fork();
	if (pid == 0) {
		if (pin_to(1UL << child_cpu))
			_exit(3);
		for (i = 0; i < warm + n; i++)
			if (read(ping[0], &c, 1) != 1 || write(pong[1], &c, 1) != 1)
				_exit(4);
		_exit(0);
	}
	if (pid < 0)
		return 0;
	for (i = 0; i < warm; i++)	/* the child reaches its CPU */
		if (write(ping[1], &c, 1) != 1 || read(pong[0], &c, 1) != 1)
			break;
	start = now();
	REGION_BEGIN();
	for (i = 0; i < n; i++)
		if (write(ping[1], &c, 1) != 1 || read(pong[0], &c, 1) != 1)
			break;
	REGION_END();
	total = since(start);
	close(ping[0]);
	close(ping[1]);
	close(pong[0]);
	close(pong[1]);
	wait4(pid, &st, 0, NULL);
	return i == n && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? total : 0;
}

/* A spinner: SPIN_NS of the clock, then how many turns it made, over fd. */
static void __attribute__((noreturn)) spinner(int fd)
{
	long long end = monotonic_ns() + SPIN_NS;
	unsigned long turns = 0;

	do {
		for (volatile int i = 0; i < 1000; i++)
			;
		turns++;
	} while (monotonic_ns() < end);
	_exit(write(fd, &turns, sizeof(turns)) == sizeof(turns) ? 0 : 5);
}

struct scaling {
	long long cpu_ns, least_ns;	/* added up, and the least spinner's */
	unsigned long turns;		/* added up */
};

static int bench_scaling(int n, struct scaling *r)
{
	int fds[2], ok = 1;
	pid_t pids[MAX_SPINNERS];
	int i;

	memset(r, 0, sizeof(*r));
	if (syscall(__NR_pipe2, fds, 0))
		return 0;
	for (i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			close(fds[0]);
			spinner(fds[1]);
		}
	}
	close(fds[1]);
	for (i = 0; i < n; i++) {
		struct rusage_k ru = { 0 };
		unsigned long turns = 0;
		long long ns;
		int st = -1;

		ok &= pids[i] > 0 && wait4(pids[i], &st, 0, (void *)&ru) == pids[i] &&
		      WIFEXITED(st) && WEXITSTATUS(st) == 0 &&
		      read(fds[0], &turns, sizeof(turns)) == sizeof(turns);
		ns = (ru.utime.sec + ru.stime.sec) * 1000000000LL +
		     (ru.utime.usec + ru.stime.usec) * 1000LL;
		r->cpu_ns += ns;
		if (i == 0 || ns < r->least_ns)
			r->least_ns = ns;
		r->turns += turns;
	}
	close(fds[0]);
	return ok;
}

/* x/y as d.dd */
static void hundredths(char *buf, unsigned long long x, unsigned long long y)
{
	unsigned long long h = y ? (x * 100 + y / 2) / y : 0;

	sprintf(buf, "%llu.%02llu", h / 100, h % 100);
}

static int bench_smp(long n)
{
	unsigned long online = 0, base_turns = 0;
	const char *why = "--no-pmu";
	int ncpus = 0, spinners;
	char a[16], b[16], c[16];

	if (syscall(__NR_sched_getaffinity, 0, sizeof(online), &online) != sizeof(online))
		online = 1;
	for (unsigned long m = online; m; m &= m - 1)
		ncpus++;
	if (ncpus < 2 || !(online & 3)) {
		printf("bench: smp: needs CPU0 and CPU1 online (mask %lx)\n", online);
		return 1;
	}

	/* First, unpinned: the kernel places the spinners. */
	printf("bench: smp: CPU-bound scaling, each spinner %lld ms of CLOCK_MONOTONIC\n",
	       SPIN_NS / 1000000);
	for (spinners = 1; spinners <= ncpus && spinners <= MAX_SPINNERS; spinners *= 2) {
		struct scaling r;

		if (!bench_scaling(spinners, &r)) {
			printf("bench: smp: scaling: %d spinners: failed\n", spinners);
			continue;
		}
		if (spinners == 1)
			base_turns = r.turns;
		hundredths(a, r.cpu_ns, SPIN_NS);
		hundredths(b, r.least_ns, SPIN_NS);
		hundredths(c, r.turns, base_turns);
		printf("bench: smp: scaling: %d spinners: %s CPUs' worth of CPU time, "
		       "least %s, loop turns %s of one spinner's\n", spinners, a, b, c);
	}

	/* Then on CPU0, whose PMU counts both round trips. */
	if (pin_to(1)) {
		printf("bench: smp: cannot pin to CPU0: %s\n", strerror(errno));
		return 1;
	}
	if (use_pmu && (why = probe_pmu()))
		use_pmu = 0;
	if (!use_pmu)
		printf("bench: smp: no PMU (%s): wall-clock nanoseconds, not instructions\n", why);
	n /= 10;
	for (int child_cpu = 0; child_cpu <= 1; child_cpu++) {
		unsigned long long total = bench_pipe_round_trip(n, child_cpu);
		const char *what = child_cpu ? "CPU0 <-> CPU1" : "both on CPU0";

		if (!total)
			printf("bench: smp: wake-up round trip, %s: failed\n", what);
		else
			printf("bench: smp: wake-up round trip, %s: %llu %s (pipe ping-pong, %ld round trips)\n",
			       what, total / n, use_pmu ? "instructions" : "ns", n);
	}
	return 0;
}

static unsigned long read_cntvct(void)
{
	unsigned long v;

	__asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(v) : : "memory");
	return v;
}

static int report_boot(unsigned long cntvct)
{
	unsigned long freq;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(freq));
	if (!freq) {
		printf("bench: boot: CNTFRQ_EL0 is 0, no figure\n");
	} else {
		/* ns = cntvct * 1e9 / freq, without overflowing 64 bits */
		unsigned long ns = cntvct / freq * 1000000000UL +
				   cntvct % freq * 1000000000UL / freq;

		printf("bench: boot: %lu instructions (reset to bench's main, -icount shift=0)\n",
		       ns);
	}
	if (getpid() == 1) {		/* init must not exit: power off instead */
		reboot(LINUX_REBOOT_CMD_POWER_OFF);
		perror("bench: poweroff");
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long boot_cntvct = read_cntvct();	/* first: --boot's figure */
	long n = 10000;
	const char *why = "--no-pmu";
	clock_gettime_fn vdso_clock_gettime;
	int i, fd, smp = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--boot")) {
			return report_boot(boot_cntvct);
		} else if (!strcmp(argv[i], "--smp")) {
			smp = 1;
		} else if (!strcmp(argv[i], "--no-pmu")) {
			use_pmu = 0;
		} else if (!strcmp(argv[i], "-n") && i + 1 < argc) {
			n = strtol(argv[++i], NULL, 0);
		} else {
			dprintf(2, "usage: bench [--smp] [--no-pmu] [-n iterations] | bench --boot\n");
			return 2;
		}
	}
	if (n < 100)
		n = 100;
	if (smp)
		return bench_smp(n);
	if (use_pmu && (why = probe_pmu()))
		use_pmu = 0;

	if (use_pmu)
		printf("bench: instructions retired (PMU event 0x08, EL0+EL1, every process)\n");
	else
		printf("bench: no PMU (%s):\nbench: wall-clock nanoseconds, not instructions\n", why);
	printf("%-26s %10s %14s %13s\n", "operation", "ops", use_pmu ? "instructions" : "ns",
	       "per op");
	row("null syscall (getppid)", n, bench_getppid(n));
	row("context switch (yield)", 2 * n, bench_yield(n));
	row("fork + exit + wait4", n / 100, bench_fork(n / 100));
	fd = open(busybox_argv[0], O_RDONLY);
	if (fd >= 0) {
		close(fd);
		row("fork + execve + wait4", n / 100, bench_fork_exec(n / 100));
	} else {
		printf("%-26s %10ld %14s %12s\n", "fork + execve + wait4", n / 100,
		       "no /bin/busybox", "-");
	}
	vdso_clock_gettime = vdso_sym("LINUX_2.6.39", "__kernel_clock_gettime");
	if (vdso_clock_gettime)
		row("clock_gettime (vDSO)", n, bench_clock_gettime(n, vdso_clock_gettime));
	else
		printf("%-26s %10ld %14s %12s\n", "clock_gettime (vDSO)", n, "no vDSO", "-");
	row("clock_gettime (syscall)", n, bench_clock_gettime(n, clock_gettime));
	printf("bench: a context switch per yield assumes one CPU (-smp 1): with more,\n"
	       "bench: the two processes may run side by side and never switch\n");
	return 0;
}
