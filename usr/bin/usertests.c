// SPDX-License-Identifier: GPL-2.0
/*
 * usertests [-d dir] [-t seconds] [test...]: run the test programs in /test
 * (all of them, sorted by name, or those named) and report in KTAP, one
 * level above each test's own report, as Linux's kselftest runner does:
 *
 *	KTAP version 1
 *	1..8
 *	    KTAP version 1
 *	    # Subtest: cpu_share
 *	    ...			(the test's own lines, indented by $KTAP_DEPTH)
 *	ok 1 cpu_share
 *
 * A test passes when it exits 0, is skipped on 4 (kselftest's KSFT_SKIP),
 * fails on any other status, and is killed (SIGKILL) after -t seconds (120).
 * `/init /bin/usertests` runs this as a whole boot's work (see init/init.c).
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TESTS	64

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_tests(const char *dir, char **names)
{
	struct dirent *e;
	int n = 0;
	DIR *d = opendir(dir);

	if (!d) {
		dprintf(2, "usertests: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) && n < MAX_TESTS)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	return n;
}

/* The environment with KTAP_DEPTH set to depth. */
static char **child_env(int depth)
{
	static char *env[128], var[32];
	int n = 0, i;

	snprintf(var, sizeof(var), "KTAP_DEPTH=%d", depth);
	env[n++] = var;
	for (i = 0; environ[i] && n < 127; i++)
		if (strncmp(environ[i], "KTAP_DEPTH=", 11))
			env[n++] = environ[i];
	env[n] = NULL;
	return env;
}

/* Run one test; its wait status, or -1 if it could not start. */
static int run(const char *path, char **env, int timeout, int *timed_out)
{
	char *argv[] = { (char *)path, NULL };
	long long deadline = monotonic_ns() + timeout * 1000000000LL;
	struct timespec tick = { 0, 20 * 1000000 };
	pid_t pid = fork(), w;
	int st;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execve(path, argv, env);
		dprintf(2, "usertests: %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	*timed_out = 0;
	for (;;) {
		w = wait4(pid, &st, WNOHANG, NULL);
		if (w == pid)
			return st;
		if (w < 0)
			return -1;
		if (!*timed_out && monotonic_ns() > deadline) {
			kill(pid, SIGKILL);
			*timed_out = 1;
		}
		nanosleep(&tick, NULL);
	}
}

int main(int argc, char **argv)
{
	const char *dir = "/test", *depth_s = getenv("KTAP_DEPTH");
	int depth = depth_s ? atoi(depth_s) : 0, ind = 4 * depth;
	int timeout = 120, n, i, first, pass = 0, fail = 0, skip = 0;
	char *names[MAX_TESTS], path[256], **env;

	for (first = 1; first + 1 < argc && argv[first][0] == '-'; first += 2) {
		if (!strcmp(argv[first], "-d"))
			dir = argv[first + 1];
		else if (!strcmp(argv[first], "-t"))
			timeout = atoi(argv[first + 1]);
		else
			break;
	}
	if (first < argc && argv[first][0] == '-') {
		dprintf(2, "usage: usertests [-d dir] [-t seconds] [test...]\n");
		return 2;
	}
	if (first < argc) {
		for (n = 0; first < argc && n < MAX_TESTS; first++)
			names[n++] = argv[first];
	} else if ((n = list_tests(dir, names)) < 0) {
		return 1;
	}
	env = child_env(depth + 1);

	printf("%*sKTAP version 1\n", ind, "");
	printf("%*s1..%d\n", ind, "", n);
	for (i = 0; i < n; i++) {
		int st, timed_out = 0;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		st = run(path, env, timeout, &timed_out);
		if (st < 0) {
			printf("%*s# %s: could not run it\n", ind, "", names[i]);
		} else if (timed_out) {
			printf("%*s# %s: still running after %d s, killed\n", ind, "",
			       names[i], timeout);
			st = -1;
		} else if (WIFSIGNALED(st)) {
			printf("%*s# %s: killed by signal %d (%s)\n", ind, "", names[i],
			       WTERMSIG(st), strsignal(WTERMSIG(st)));
			st = -1;
		}
		if (st >= 0 && WEXITSTATUS(st) == 4) {
			printf("%*sok %d %s # SKIP\n", ind, "", i + 1, names[i]);
			skip++;
		} else if (st >= 0 && WEXITSTATUS(st) == 0) {
			printf("%*sok %d %s\n", ind, "", i + 1, names[i]);
			pass++;
		} else {
			printf("%*snot ok %d %s\n", ind, "", i + 1, names[i]);
			fail++;
		}
	}
	printf("%*s# usertests: pass:%d fail:%d skip:%d total:%d\n", ind, "", pass, fail,
	       skip, n);
	return fail ? 1 : 0;
}
