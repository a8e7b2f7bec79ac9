// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/txtbsy.c: ETXTBSY, as Linux v5.15 gives it
 * (deny_write_access): a program file being run does not open for
 * writing (O_WRONLY, O_RDWR; O_TRUNC leaves it whole) nor truncate, while it runs in any
 * process (also a forked child of it, after its parent exited), and a
 * file open for writing does not execve (a #! script either); once the
 * writer closes, or the last process running it is gone, both work
 * again. Opening it read-only always works.
 *
 * The program copies itself to /tmp and runs the copy with --hold (wait
 * for a byte on stdin, exit 0), or as a script's interpreter. KTAP out.
 * Under qemu-aarch64 the host runs qemu, not the copy: the cases about a
 * running copy cannot show Linux's answers there.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 6
#define COPY "/tmp/txtbsy-copy"
#define SCRIPT "/tmp/txtbsy-script"

/* The errno of open(path, flags), 0 if it opened (closed again). */
static int open_errno(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd < 0)
		return errno;
	close(fd);
	return 0;
}

static int copy_file(const char *from, const char *to)
{
	char buf[4096];
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	ssize_t n;

	if (in < 0 || out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			return -1;
	close(in);
	return close(out);
}

/* Run argv[0] with its stdin a pipe's read end: *hold_fd is the write end (a byte ends it). */
static pid_t spawn_held(const char *path, int *hold_fd)
{
	int p[2];
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(p[0], 0);
		close(p[1]);
		execl(path, path, "--hold", (char *)NULL);
		_exit(127);
	}
	close(p[0]);
	*hold_fd = p[1];
	return pid;
}

/* A child's execve of path: its errno (the child exits with it), or 0 if it ran and exited 0. */
static int exec_errno(const char *path)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execl(path, path, "--exit", (char *)NULL);
		_exit(errno);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void release(pid_t pid, int hold_fd)
{
	int status;

	if (write(hold_fd, "x", 1) != 1)
		kill(pid, SIGKILL);
	close(hold_fd);
	waitpid(pid, &status, 0);
}

/* This very program, being run: read-only opens work, writing ones and truncate do not. */
static void test_self(const char *self)
{
	int wr = open_errno(self, O_WRONLY | O_TRUNC), rw = open_errno(self, O_RDWR);
	int rd = open_errno(self, O_RDONLY), t = truncate(self, 0) ? errno : 0;
	struct stat st;

	ktap_check(wr == ETXTBSY && rw == ETXTBSY && t == ETXTBSY && rd == 0 &&
		   !stat(self, &st) && st.st_size > 0, "running_program_not_writable",
		   "O_WRONLY|O_TRUNC %d O_RDWR %d truncate %d (ETXTBSY %d), O_RDONLY %d, "
		   "size %ld", wr, rw, t, ETXTBSY, rd, (long)st.st_size);
}

/* A copy run by a child: busy while it runs, writable after it exited. */
static void test_copy_running(void)
{
	int hold = -1, during, after;
	pid_t pid = spawn_held(COPY, &hold);

	usleep(100000);		/* let it get through execve */
	during = open_errno(COPY, O_WRONLY);
	release(pid, hold);
	after = open_errno(COPY, O_WRONLY);
	ktap_check(pid > 0 && during == ETXTBSY && after == 0, "busy_while_a_child_runs_it",
		   "open for writing while it runs: %d (ETXTBSY %d), after: %d", during,
		   ETXTBSY, after);
}

/* The copy's child (forked, same program) keeps it busy after the copy exited. */
static void test_forked_runner(void)
{
	int p[2], status, during = -1, after;
	pid_t pid;
	char byte;

	if (pipe(p))
		return;
	pid = fork();
	if (pid == 0) {		/* runs the copy, which forks a holder and exits */
		dup2(p[1], 1);
		execl(COPY, COPY, "--fork-hold", (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	waitpid(pid, &status, 0);	/* the copy has exited; its child holds on */
	during = open_errno(COPY, O_WRONLY);
	kill(-pid, SIGKILL);		/* the holder's group: setpgid below */
	while (read(p[0], &byte, 1) > 0)	/* until the holder is gone */
		;
	close(p[0]);
	/* Its files close before its memory goes (exit_files, exit_mm): a moment more */
	for (int i = 0; i < 100 && (after = open_errno(COPY, O_WRONLY)) == ETXTBSY; i++)
		usleep(20000);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && during == ETXTBSY &&
		   after == 0, "busy_while_a_forked_child_runs_it",
		   "copy status %#x, open for writing while its child runs: %d (ETXTBSY %d), "
		   "after: %d", status, during, ETXTBSY, after);
}

/* A file open for writing does not execve; closed, it does. */
static void test_exec_open_for_writing(void)
{
	int fd = open(COPY, O_WRONLY), busy, fine;

	busy = exec_errno(COPY);
	close(fd);
	fine = exec_errno(COPY);
	ktap_check(fd >= 0 && busy == ETXTBSY && fine == 0, "execve_of_file_open_for_writing",
		   "execve while open for writing: %d (ETXTBSY %d), after close: %d", busy,
		   ETXTBSY, fine);
}

/* A #! script open for writing does not execve either (Linux opens it as it opens a program). */
static void test_script(void)
{
	int fd = open(SCRIPT, O_WRONLY | O_CREAT | O_TRUNC, 0755), busy, fine;
	const char line[] = "#!" COPY "\n";

	if (fd < 0 || write(fd, line, sizeof(line) - 1) != sizeof(line) - 1) {
		ktap_check(0, "execve_of_script_open_for_writing", "cannot write %s: %d", SCRIPT,
			   errno);
		return;
	}
	busy = exec_errno(SCRIPT);
	close(fd);
	fine = exec_errno(SCRIPT);	/* the copy, with its path and --exit after */
	ktap_check(busy == ETXTBSY && fine == 0, "execve_of_script_open_for_writing",
		   "execve while open for writing: %d (ETXTBSY %d), after close: %d", busy,
		   ETXTBSY, fine);
	unlink(SCRIPT);
}

/* The interpreter a script names, open for writing: ETXTBSY too. */
static void test_interpreter(void)
{
	int fd, sfd = open(SCRIPT, O_WRONLY | O_CREAT | O_TRUNC, 0755), busy;
	const char line[] = "#!" COPY "\n";

	if (sfd < 0 || write(sfd, line, sizeof(line) - 1) != sizeof(line) - 1)
		return (void)ktap_check(0, "execve_interpreter_open_for_writing", "write %d",
					errno);
	close(sfd);
	fd = open(COPY, O_WRONLY);
	busy = exec_errno(SCRIPT);
	close(fd);
	ktap_check(fd >= 0 && busy == ETXTBSY, "execve_interpreter_open_for_writing",
		   "execve of a script whose interpreter is open for writing: %d (ETXTBSY %d)",
		   busy, ETXTBSY);
	unlink(SCRIPT);
}

int main(int argc, char **argv)
{
	char byte;

	if (argc > 1 && !strcmp(argv[argc - 1], "--exit"))
		return 0;
	if (argc > 1 && !strcmp(argv[1], "--hold"))
		return read(0, &byte, 1) == 1 ? 0 : 1;
	if (argc > 1 && !strcmp(argv[1], "--fork-hold")) {
		setpgid(0, 0);	/* the parent kills the group */
		if (fork() == 0)
			for (;;)
				pause();	/* holds stdout (the parent's pipe) open */
		return 0;
	}
	ktap_start("txtbsy", NR_CASES);
	mkdir("/tmp", 01777);
	if (copy_file(argv[0], COPY)) {
		printf("# cannot copy %s to %s: errno %d\n", argv[0], COPY, errno);
		return 1;
	}
	test_self(argv[0]);
	test_copy_running();
	test_forked_runner();
	test_exec_open_for_writing();
	test_script();
	test_interpreter();
	unlink(COPY);
	return ktap_finish();
}
