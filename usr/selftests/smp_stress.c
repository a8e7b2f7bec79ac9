// SPDX-License-Identifier: GPL-2.0
/*
 * smp_stress [-c cycles] [-p rounds] [-w workers]: the process life cycle
 * and pipes hammered by several processes at once, for a kernel whose
 * tasks run on several CPUs (tools/testing/boot/test_smp_stress.py boots
 * it on 4 CPUs with QEMU's multi-threaded TCG):
 *
 *   - `workers` processes at once each run their share of `cycles`
 *     fork + execve(self) + exit + wait4 cycles; the exec'd child computes
 *     a sum that depends on its number and exits with it, and the worker
 *     checks every status;
 *   - workers / 2 pairs of processes bounce a counter `rounds` times
 *     through two pipes, each side adding one, and check each value;
 *   - as many pairs bounce a counter `rounds` times through memory they
 *     share (MAP_SHARED, across fork), each side calling sched_yield()
 *     until it is its turn: a yield ping-pong, across CPUs or on one;
 *   - afterwards no child is left (wait4 says ECHILD), and MemFree in
 *     /proc/meminfo is back where it was (a dying task's last page is
 *     freed just after its final switch, so this looks again for up to a
 *     second before it fails).
 *
 * The defaults are small enough for /bin/usertests on one CPU.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define MAX_WORKERS	16

static const char *self;

/* The exec'd child: a sum only the right program with the right n gets. */
static int child_sum(long n)
{
	unsigned long sum = 0;

	for (long i = 1; i <= 1000 + n % 97; i++)
		sum = sum * 31 + (unsigned long)(i ^ n);
	return (int)(sum % 251);
}

static long long memfree_kb(void)
{
	char buf[512], *p;
	int fd = open("/proc/meminfo", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, "MemFree:");
	return p ? strtol(p + 8, NULL, 10) : -1;
}

/* One worker: n fork+exec+exit+wait cycles; 0 if every status was right. */
static int lifecycle_worker(int id, int n)
{
	char arg[24];

	for (int i = 0; i < n; i++) {
		long num = (long)id * 100000 + i;
		int st;
		pid_t pid = fork();

		if (pid < 0)
			return 10;
		if (pid == 0) {
			char *argv[] = { (char *)self, "--child", arg, NULL };
			char *envp[] = { NULL };

			snprintf(arg, sizeof(arg), "%ld", num);
			execve(self, argv, envp);
			_exit(255);
		}
		if (wait4(pid, &st, 0, NULL) != pid)
			return 11;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != child_sum(num)) {
			dprintf(2, "smp_stress: child %ld: status 0x%x, want exit %d\n",
				num, st, child_sum(num));
			return 12;
		}
	}
	return 0;
}

/* Read exactly one long from fd: 0, 1 at end of file before any byte, -1 else. */
static int read_long(int fd, long *v)
{
	size_t got = 0;

	while (got < sizeof(*v)) {
		ssize_t n = read(fd, (char *)v + got, sizeof(*v) - got);

		if (n == 0 && got == 0)
			return 1;
		if (n <= 0)
			return -1;
		got += n;
	}
	return 0;
}

/* A pair: the parent sends i, the child answers i + 1, rounds times. */
static int pingpong_pair(int rounds)
{
	int to_child[2], to_parent[2], st, bad = 0;
	long v;
	pid_t pid;

	if (__syscall2(__NR_pipe2, (long)to_child, 0) || __syscall2(__NR_pipe2, (long)to_parent, 0))
		return 20;
	pid = fork();
	if (pid < 0)
		return 21;
	if (pid == 0) {
		close(to_child[1]);
		close(to_parent[0]);
		for (long want = 0; ; want += 2) {
			int r = read_long(to_child[0], &v);

			if (r)
				_exit(r == 1 && want == 2L * rounds ? 0 : 22);	/* all, then EOF */
			if (v != want)
				_exit(23);
			v++;
			if (write(to_parent[1], &v, sizeof(v)) != sizeof(v))
				_exit(24);
		}
	}
	close(to_child[0]);
	close(to_parent[1]);
	for (long i = 0; i < 2L * rounds; i += 2) {
		if (write(to_child[1], &i, sizeof(i)) != sizeof(i) ||
		    read_long(to_parent[0], &v) || v != i + 1) {
			bad = 25;
			break;
		}
	}
	close(to_child[1]);			/* the child reads EOF */
	close(to_parent[0]);
	if (wait4(pid, &st, 0, NULL) != pid || !WIFEXITED(st))
		return 26;
	return bad ? bad : WEXITSTATUS(st);
}

/*
 * Wait, yielding, until *turn is want; false after `limit` yields (the
 * other side stopped taking its turns).
 */
static int yield_until(volatile long *turn, long want, long limit)
{
	while (__atomic_load_n(turn, __ATOMIC_ACQUIRE) != want) {
		if (--limit < 0)
			return 0;
		sched_yield();
	}
	return 1;
}

/* A pair on one shared word: the parent makes it odd, the child even. */
static int yield_pingpong_pair(int rounds)
{
	const long limit = 10000000;	/* yields per turn before giving up */
	volatile long *turn = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int st, bad = 0;
	pid_t pid;

	if (turn == MAP_FAILED)
		return 30;
	*turn = 0;
	pid = fork();
	if (pid < 0)
		return 31;
	if (pid == 0) {
		for (long i = 0; i < rounds; i++) {
			if (!yield_until(turn, 2 * i + 1, limit))
				_exit(32);
			__atomic_store_n(turn, 2 * i + 2, __ATOMIC_RELEASE);
		}
		_exit(0);
	}
	for (long i = 0; i < rounds && !bad; i++) {
		if (!yield_until(turn, 2 * i, limit))
			bad = 33;
		else
			__atomic_store_n(turn, 2 * i + 1, __ATOMIC_RELEASE);
	}
	if (!bad && !yield_until(turn, 2L * rounds, limit))
		bad = 34;
	if (bad)
		kill(pid, SIGKILL);
	if (wait4(pid, &st, 0, NULL) != pid || !WIFEXITED(st))
		return bad ? bad : 35;
	munmap((void *)turn, 4096);
	return bad ? bad : WEXITSTATUS(st);
}

/* Start n processes running fn(i); true if all exited 0. */
static int run_all(int n, int (*fn)(int i, int arg), int arg)
{
	pid_t pids[MAX_WORKERS];
	int ok = 1;

	for (int i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(fn(i, arg));
		if (pids[i] < 0) {
			ktap_diag("fork: %s", strerror(errno));
			n = i;
			ok = 0;
			break;
		}
	}
	for (int i = 0; i < n; i++) {
		int st;

		if (wait4(pids[i], &st, 0, NULL) != pids[i] || !WIFEXITED(st) ||
		    WEXITSTATUS(st)) {
			ktap_diag("worker %d: status 0x%x", i, st);
			ok = 0;
		}
	}
	return ok;
}

static int cycles_share, rounds_each;

static int lifecycle_fn(int i, int unused)
{
	return lifecycle_worker(i, cycles_share);
}

static int pingpong_fn(int i, int unused)
{
	return pingpong_pair(rounds_each);
}

static int yield_pingpong_fn(int i, int unused)
{
	return yield_pingpong_pair(rounds_each);
}

int main(int argc, char **argv)
{
	int cycles = 40, rounds = 200, workers = 4, st;
	long long before, after = -1;
	struct timespec ten_ms = { 0, 10000000 };

	self = argv[0];
	if (argc == 3 && !strcmp(argv[1], "--child"))
		return child_sum(strtol(argv[2], NULL, 10));
	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "-c"))
			cycles = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-p"))
			rounds = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-w"))
			workers = atoi(argv[i + 1]);
	}
	if (workers < 2 || workers > MAX_WORKERS || cycles < workers || rounds < 1) {
		dprintf(2, "usage: smp_stress [-c cycles>=workers] [-p rounds>=1] [-w 2..%d]\n",
			MAX_WORKERS);
		return KSFT_FAIL;
	}
	cycles_share = cycles / workers;
	rounds_each = rounds;

	ktap_start("smp_stress", 5);
	/* Warm up: caches the kernel fills once (exec of self) do not count. */
	lifecycle_worker(0, 1);
	before = memfree_kb();

	ktap_result(run_all(workers, lifecycle_fn, 0), "fork_exec_exit_wait_%d_workers_x_%d",
		    workers, cycles_share);
	ktap_result(run_all(workers / 2, pingpong_fn, 0), "pipe_pingpong_%d_pairs_x_%d",
		    workers / 2, rounds);
	ktap_result(run_all(workers / 2, yield_pingpong_fn, 0), "yield_pingpong_%d_pairs_x_%d",
		    workers / 2, rounds);
	errno = 0;
	ktap_result(wait4(-1, &st, WNOHANG, NULL) < 0 && errno == ECHILD, "all_children_reaped");
	for (int tries = 0; tries < 100; tries++) {
		after = memfree_kb();
		if (after == before)
			break;
		nanosleep(&ten_ms, NULL);
	}
	if (ktap_on_linux())
		ktap_skip("Linux shares memory with the rest of the host", "memfree_back");
	else if (!ktap_result(before > 0 && after == before, "memfree_back"))
		ktap_diag("MemFree %lld kB before, %lld kB after", before, after);
	return ktap_finish();
}
