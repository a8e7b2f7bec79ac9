// SPDX-License-Identifier: GPL-2.0
/*
 * fork_exec_wait: the process life cycle. fork gives the child a copy of
 * memory and the parent's pid as ppid; exit codes and signals reach wait4;
 * execve passes argv and envp and keeps the pid, and fails cleanly.
 * Re-executes itself (argv[0]) with --child to check the exec'd side.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define CHILD_OK	33

/* The exec'd side: argv[2] must be "two words", argv[3] our pid, HS_TEST=yes. */
static int child_mode(int argc, char **argv)
{
	const char *v = getenv("HS_TEST");

	if (argc != 4 || strcmp(argv[2], "two words") || !v || strcmp(v, "yes"))
		return 1;
	if (atoi(argv[3]) != getpid())
		return 2;
	return CHILD_OK;
}

/* fork, run fn(arg) in the child and exit with its value; the wait status. */
static int in_child(int (*fn)(long), long arg, pid_t *pid_out)
{
	int st = -1;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	if (pid_out)
		*pid_out = pid;
	if (pid < 0 || wait4(pid, &st, 0, NULL) != pid)
		return -1;
	return st;
}

static int check_ppid(long parent)
{
	return getppid() == parent ? 0 : 1;
}

static int exit_with(long code)
{
	return (int)code;
}

static int copy_var = 1;

static int write_copy(long unused)
{
	copy_var = 2;
	return copy_var;
}

static int exec_self(long unused)
{
	char pid[16];
	char *argv[] = { (char *)ktap_argv0, "--child", "two words", pid, NULL };
	char *envp[] = { "HS_TEST=yes", NULL };

	snprintf(pid, sizeof(pid), "%d", getpid());
	execve(ktap_argv0, argv, envp);
	return 100 + errno;
}

static int sleep_long(long unused)
{
	sleep(10);
	return 0;
}

int main(int argc, char **argv)
{
	char *no_args[] = { "x", NULL };
	pid_t pid, w;
	long r;
	int st;

	ktap_argv0 = argv[0];
	if (argc > 1 && !strcmp(argv[1], "--child"))
		return child_mode(argc, argv);

	ktap_start("fork_exec_wait", 9);

	st = in_child(check_ppid, getpid(), &pid);
	ktap_result(pid > 0 && st == 0, "fork_child_sees_parent_as_ppid");

	st = in_child(exit_with, 42, NULL);
	ktap_result(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 42,
		    "wait4_returns_exit_code_42");

	st = in_child(exit_with, 0x1ff, NULL);
	ktap_result(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0xff,
		    "exit_code_is_the_low_8_bits");

	st = in_child(write_copy, 0, NULL);
	ktap_result(st >= 0 && WEXITSTATUS(st) == 2 && copy_var == 1,
		    "child_writes_its_own_copy_of_memory");

	st = in_child(exec_self, 0, NULL);
	if (!ktap_result(st >= 0 && WIFEXITED(st) && WEXITSTATUS(st) == CHILD_OK,
			 "execve_passes_argv_envp_and_keeps_pid"))
		ktap_diag("child status 0x%x (33: ok, 1: argv/envp, 2: pid, >100: execve errno+100)", st);

	r = __syscall3(__NR_execve, (long)"/no/such/file", (long)no_args, 0);
	ktap_result(r == -ENOENT, "execve_missing_file_is_enoent");
	if (r != -ENOENT)
		ktap_diag("execve returned %ld", r);

	/* Not an ELF file: Linux says EACCES first when it is not executable. */
	r = __syscall3(__NR_execve, (long)"/etc/motd", (long)no_args, 0);
	ktap_result(r == -ENOEXEC || r == -EACCES, "execve_text_file_fails_and_returns");
	if (r != -ENOEXEC && r != -EACCES)
		ktap_diag("execve returned %ld", r);

	r = __syscall4(__NR_wait4, -1, 0, 0, 0);
	ktap_result(r == -ECHILD, "wait4_without_children_is_echild");

	pid = fork();
	if (pid == 0)
		_exit(sleep_long(0));
	w = wait4(pid, &st, WNOHANG, NULL);
	r = kill(pid, SIGTERM);
	ktap_result(pid > 0 && w == 0 && r == 0 && wait4(pid, &st, 0, NULL) == pid &&
		    WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM,
		    "wnohang_then_kill_gives_sigterm_status");

	return ktap_finish();
}
