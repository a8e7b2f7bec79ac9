// SPDX-License-Identifier: GPL-2.0
/*
 * smp_sched: the scheduler across CPUs, seen from user space.
 *
 *   - sched_getaffinity (123) gives the online CPUs (what nproc counts),
 *     getcpu (168) one of them;
 *   - sched_setaffinity (122) pins the caller to one CPU (CPU 2 when
 *     there is one, else the last) and getcpu says so from then on; pins
 *     a running child from outside, which moves there;
 *   - their errors as on Linux: EINVAL (empty mask, only offline CPUs,
 *     a length that is not whole longs or too short), EFAULT, ESRCH;
 *   - one CPU burner per CPU, forked together: each runs on a CPU of its
 *     own (the one it was on for most of its span) and gets about one
 *     CPU's worth of time (its CPU time against the others', and against
 *     the time it burned for), not a share.
 *
 * Under Linux (qemu-aarch64 on the host) the host's scheduler and its load
 * decide where the burners go: only the calls' results are checked there.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_sched_setaffinity	122
#define NR_sched_getaffinity	123
#define NR_getcpu		168
#define MAX_BURNERS		8
#define BURN_NS			400000000LL	/* each burner's span */
#define TICKS_PER_S		100		/* rusage in us; compared as 1/100 s */

struct rusage_k {	/* the kernel's struct rusage: utime, stime, then 14 longs */
	struct { long sec, usec; } utime, stime;
	long rest[14];
};

static int setaffinity(int pid, unsigned long mask)
{
	return syscall(NR_sched_setaffinity, pid, sizeof(mask), &mask);
}

static unsigned long getaffinity(int pid)
{
	unsigned long mask = 0;

	return syscall(NR_sched_getaffinity, pid, sizeof(mask), &mask) == sizeof(mask) ? mask : 0;
}

static int getcpu(void)
{
	unsigned int cpu = -1U, node = -1U;

	if (syscall(NR_getcpu, &cpu, &node, NULL) || node != 0)
		return -1;
	return cpu;
}

static int nr_bits(unsigned long mask)
{
	int n = 0;

	for (; mask; mask &= mask - 1)
		n++;
	return n;
}

static int errno_of(long r)
{
	return r == -1 ? errno : 0;
}

/* Spin until monotonic time `until`; true if getcpu said cpu every time. */
static int spin_on(long long until, int cpu)
{
	int always = 1;

	while (monotonic_ns() < until)
		always &= getcpu() == cpu;
	return always;
}

static void check_errors(unsigned long online)
{
	unsigned long zero = 0, offline = 1UL << 63;
	unsigned long mask;
	int e;

	e = errno_of(syscall(NR_sched_setaffinity, 0, sizeof(zero), &zero));
	ktap_result(e == EINVAL, "setaffinity_empty_mask_is_einval");
	if (!(online & offline)) {
		e = errno_of(syscall(NR_sched_setaffinity, 0, sizeof(offline), &offline));
		ktap_result(e == EINVAL, "setaffinity_only_offline_cpus_is_einval");
	} else {
		ktap_skip("CPU 63 is online", "setaffinity_only_offline_cpus_is_einval");
	}
	e = errno_of(syscall(NR_sched_setaffinity, 0, 8, (void *)16));
	ktap_result(e == EFAULT, "setaffinity_bad_pointer_is_efault");
	e = errno_of(syscall(NR_sched_setaffinity, 0x3ffffff0, sizeof(online), &online));
	ktap_result(e == ESRCH, "setaffinity_no_such_pid_is_esrch");
	e = errno_of(syscall(NR_sched_getaffinity, 0, 4, &mask));
	ktap_result(e == EINVAL, "getaffinity_length_not_in_longs_is_einval");
	e = errno_of(syscall(NR_sched_getaffinity, 0, 8, (void *)16));
	ktap_result(e == EFAULT, "getaffinity_bad_pointer_is_efault");
	e = errno_of(syscall(NR_sched_getaffinity, 0x3ffffff0, 8, &mask));
	ktap_result(e == ESRCH, "getaffinity_no_such_pid_is_esrch");
	ktap_result(getaffinity(0) == online, "failed_calls_leave_the_mask");
}

/* Pin ourselves to `target`, and a running child from outside. */
static void check_pinning(unsigned long online, int target)
{
	int ok, status = 0;
	pid_t pid;

	ok = setaffinity(0, 1UL << target) == 0;
	ok = ok && getcpu() == target;
	ok = ok && spin_on(monotonic_ns() + 50000000LL, target);
	ktap_result(ok && getaffinity(0) == 1UL << target, "pinned_self_runs_on_cpu_%d", target);
	setaffinity(0, online);

	pid = fork();
	if (pid == 0) {
		long long end = monotonic_ns() + 300000000LL;

		while (monotonic_ns() < end)
			;
		_exit(getcpu());
	}
	ok = pid > 0 && setaffinity(pid, 1UL << target) == 0 &&
	     getaffinity(pid) == 1UL << target;
	ok = waitpid(pid, &status, 0) == pid && ok;
	ktap_diag("child pinned from outside ended on CPU %d", WEXITSTATUS(status));
	ktap_result(ok && WIFEXITED(status) && WEXITSTATUS(status) == target,
		    "running_child_pinned_from_outside_moves_to_cpu_%d", target);
}

/*
 * A burner: spin for BURN_NS, asking getcpu all along; the CPU it was on
 * for most of the time. Not the CPU it ends on: burners end one after
 * another, the parent woken by the first exit can take another burner's
 * CPU for a moment, and a burner waiting on a queue may rightly be pulled
 * to the CPU the first left. Checked at the end, as it was
 * (each_burner_ends_on_its_own_cpu), it failed so in 1 of 9 check-boot
 * runs (usertests on 4 CPUs of multi-threaded TCG, two yes on the host's
 * 2 cores): burners 0 and 2 ended on CPU 0, CPU 3 had none, and each had
 * its whole 0.40 s of CPU time.
 */
static int burn_on_mostly(void)
{
	long long end = monotonic_ns() + BURN_NS;
	unsigned long samples[64] = { 0 };
	int cpu, most = 0;

	while (monotonic_ns() < end) {
		cpu = getcpu();
		if (cpu >= 0 && cpu < 64)
			samples[cpu]++;
	}
	for (cpu = 1; cpu < 64; cpu++)
		if (samples[cpu] > samples[most])
			most = cpu;
	return most;
}

/* One burner per CPU, started together: a CPU each, a CPU's worth each. */
static void check_burners(int ncpus)
{
	long ticks[MAX_BURNERS], least = -1, most = 0, want = BURN_NS / (1000000000 / TICKS_PER_S);
	int cpu[MAX_BURNERS], i, n = ncpus < MAX_BURNERS ? ncpus : MAX_BURNERS, ok = 1;
	unsigned long seen = 0;
	pid_t pids[MAX_BURNERS];

	for (i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(burn_on_mostly());
	}
	for (i = 0; i < n; i++) {
		struct rusage_k ru = { 0 };
		int status = 0;

		ok &= pids[i] > 0 && wait4(pids[i], &status, 0, (void *)&ru) == pids[i] &&
		      WIFEXITED(status);
		cpu[i] = WEXITSTATUS(status);
		ticks[i] = (ru.utime.sec + ru.stime.sec) * TICKS_PER_S +
			   (ru.utime.usec + ru.stime.usec) / (1000000 / TICKS_PER_S);
		seen |= 1UL << (cpu[i] & 63);
		if (least < 0 || ticks[i] < least)
			least = ticks[i];
		if (ticks[i] > most)
			most = ticks[i];
		ktap_diag("burner %d: mostly on CPU %d, %ld.%02ld s of CPU time", i, cpu[i],
			  ticks[i] / TICKS_PER_S, ticks[i] % TICKS_PER_S);
	}
	if (ktap_on_linux()) {
		ktap_skip("the host's scheduler places them", "each_burner_runs_on_its_own_cpu");
		ktap_skip("the host's scheduler places them", "each_burner_gets_a_whole_cpu");
		return;
	}
	ktap_result(ok && nr_bits(seen) == n, "each_burner_runs_on_its_own_cpu");
	/* A share would be 1/n of the span; a whole CPU is all of it, within 20%. */
	ktap_result(ok && least * 10 >= most * 8 && least * 10 >= want * 8,
		    "each_burner_gets_a_whole_cpu");
}

int main(void)
{
	unsigned long online = getaffinity(0);
	int ncpus = nr_bits(online), cpu = getcpu(), target;

	ktap_start("smp_sched", 14);
	ktap_diag("%d CPUs allowed (mask %lx)", ncpus, online);
	ktap_result(ncpus > 0, "getaffinity_gives_the_online_cpus");
	ktap_result(cpu >= 0 && cpu < 64 && (online >> cpu & 1), "getcpu_is_an_allowed_cpu");
	check_errors(online);
	target = online & 4 ? 2 : 63 - __builtin_clzl(online | 1);
	check_pinning(online, target);
	check_burners(ncpus);
	return ktap_finish();
}
