// SPDX-License-Identifier: GPL-2.0
/*
 * procs: many processes. 200 children alive at once, killed and reaped; 200
 * more forked and reaped in turn; a chain of 50 nested forks; and, as xv6's
 * usertests does, the free memory afterwards equal to what it was before
 * (exact on headstart; on Linux the host's memory moves for its own reasons,
 * so that case is skipped there).
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NPROC	200
#define DEPTH	50

static pid_t pids[NPROC];

static long long free_bytes(void)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -1;
	return (long long)si.freeram * (si.mem_unit ? si.mem_unit : 1);
}

/* Level n forks level n + 1 and exits with its child's code plus one. */
static int chain(int level)
{
	pid_t pid;
	int st;

	if (level == DEPTH)
		return 0;
	pid = fork();
	if (pid < 0)
		return 200;
	if (pid == 0)
		_exit(chain(level + 1));
	if (wait4(pid, &st, 0, NULL) != pid || !WIFEXITED(st))
		return 201;
	return WEXITSTATUS(st) + 1;
}

int main(int argc, char **argv)
{
	long long before, after;
	int i, n, st, reaped = 0, killed_ok = 0, codes_ok = 0;
	pid_t pid;

	ktap_start("procs", 5);

	/* Warm up first, so that caches the kernel fills once do not count. */
	pid = fork();
	if (pid == 0)
		_exit(0);
	wait4(pid, NULL, 0, NULL);
	before = free_bytes();

	for (n = 0; n < NPROC; n++) {
		pids[n] = fork();
		if (pids[n] == 0) {
			for (;;)
				sleep(1);	/* until killed */
		}
		if (pids[n] < 0)
			break;
	}
	if (!ktap_result(n == NPROC, "fork_%d_children_alive_at_once", NPROC))
		ktap_diag("fork failed after %d children: %s", n, strerror(errno));

	for (i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	while ((pid = wait4(-1, &st, 0, NULL)) > 0) {
		reaped++;
		killed_ok += WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
	}
	if (!ktap_result(reaped == n && killed_ok == n && errno == ECHILD,
			 "kill_and_reap_all_%d", NPROC))
		ktap_diag("reaped %d, %d by SIGKILL, of %d", reaped, killed_ok, n);

	for (i = 0; i < NPROC; i++) {
		pid = fork();
		if (pid == 0)
			_exit(i & 0xff);
		if (pid < 0 || wait4(pid, &st, 0, NULL) != pid)
			break;
		codes_ok += WIFEXITED(st) && WEXITSTATUS(st) == (i & 0xff);
	}
	ktap_result(codes_ok == NPROC, "fork_exit_wait_%d_in_turn", NPROC);

	st = chain(0);
	if (!ktap_result(st == DEPTH, "chain_of_%d_nested_forks", DEPTH))
		ktap_diag("chain returned %d", st);

	after = free_bytes();
	if (before < 0 || after < 0) {
		ktap_result(0, "free_memory_back_to_start");
		ktap_diag("sysinfo: %s", strerror(errno));
	} else if (ktap_on_linux()) {
		ktap_diag("free memory before %lld, after %lld bytes", before, after);
		ktap_skip("Linux shares memory with the rest of the host",
			  "free_memory_back_to_start");
	} else if (!ktap_result(before == after, "free_memory_back_to_start")) {
		ktap_diag("free memory before %lld, after %lld bytes (%+lld)", before, after,
			  after - before);
	}
	return ktap_finish();
}
