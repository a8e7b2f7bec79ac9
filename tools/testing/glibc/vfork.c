// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/vfork.c: CLONE_VFORK as glibc uses it. vfork()'s
 * child runs in its parent's memory, on its stack, and the parent sleeps
 * until the child exits or execs; glibc's posix_spawn runs its child on a
 * stack of its own in the parent's memory and frees that stack as soon as
 * clone returns, which only works if the kernel made it wait. Run as
 * /bin/vfork; `vfork --child` is the program the children exec (exit 5).
 * KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES	3

extern char **environ;
static volatile int child_wrote;

static void test_vfork_exit(void)
{
	int status = -1, seen;
	pid_t pid;

	child_wrote = 0;
	pid = vfork();
	if (pid == 0) {
		child_wrote = 1;	/* the parent's variable: one memory */
		_exit(3);
	}
	seen = child_wrote;		/* the child has exited by now */
	waitpid(pid, &status, 0);
	ktap_check(pid > 0 && seen == 1 && WIFEXITED(status) && WEXITSTATUS(status) == 3,
		   "vfork_parent_waits_for_exit", "pid %d seen %d status %#x", pid, seen, status);
}

static void test_vfork_exec(void)
{
	char *argv[] = { "vfork", "--child", NULL };
	int status = -1, seen;
	pid_t pid;

	child_wrote = 0;
	pid = vfork();
	if (pid == 0) {
		child_wrote = 2;
		execve("/bin/vfork", argv, environ);
		_exit(127);
	}
	seen = child_wrote;
	waitpid(pid, &status, 0);
	ktap_check(pid > 0 && seen == 2 && WIFEXITED(status) && WEXITSTATUS(status) == 5,
		   "vfork_parent_waits_for_exec", "pid %d seen %d status %#x", pid, seen, status);
}

static void test_posix_spawn(void)
{
	char *argv[] = { "vfork", "--child", NULL };
	int status = -1, r;
	pid_t pid = -1;

	r = posix_spawn(&pid, "/bin/vfork", NULL, NULL, argv, environ);
	if (!r)
		waitpid(pid, &status, 0);
	ktap_check(r == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 5, "posix_spawn",
		   "ret %d status %#x", r, status);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--child"))
		return 5;
	ktap_start("vfork", NR_CASES);
	test_vfork_exit();
	test_vfork_exec();
	test_posix_spawn();
	return ktap_finish();
}
