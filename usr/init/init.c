// SPDX-License-Identifier: GPL-2.0
/*
 * init: process 1, the first program the kernel runs (/init in the initramfs,
 * as Linux's "Run /init as init process").
 *
 *	/init			show /etc/motd, run /bin/sh; when the shell
 *				exits, start a new one
 *	/init prog [args]	run prog once (e.g. /bin/usertests from a test
 *				boot), then power off
 *
 * Either way it reaps every process that ends while orphaned: the kernel
 * makes init the parent of an orphan, and only init's wait4 frees a zombie.
 * Each program it runs leads a session of its own with the console as its
 * controlling tty (see controlling_tty()).
 * The kernel passes the arguments after `--` on its command line as argv[1..]
 * (Linux's rule) and opens /dev/console as fds 0, 1 and 2; if it did not,
 * init opens it itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char *default_argv[] = { "sh", NULL };

/* PATH, HOME and TERM unless the kernel passed them; the rest as given. */
static char **make_env(char **envp)
{
	static char *defaults[] = { "PATH=/bin:/test", "HOME=/", "TERM=linux" };
	static char *env[64];
	int n = 0, i, j;

	for (i = 0; envp[i] && n < 60; i++)
		env[n++] = envp[i];
	for (j = 0; j < 3; j++) {
		size_t klen = strchr(defaults[j], '=') - defaults[j] + 1;

		for (i = 0; i < n && strncmp(env[i], defaults[j], klen); i++)
			;
		if (i == n)
			env[n++] = defaults[j];
	}
	env[n] = NULL;
	return env;
}

static void console_fds(void)
{
	int fd;

	if (write(1, "", 0) == 0)
		return;		/* fd 1 works: the kernel set up the console */
	while ((fd = open("/dev/console", O_RDWR)) >= 0 && fd < 2)
		;
}

static void show_motd(void)
{
	char buf[512];
	ssize_t n;
	int fd = open("/etc/motd", O_RDONLY);

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write_all(1, buf, (size_t)n);
	close(fd);
}

/*
 * The child's terminal, as `setsid -c` or busybox's cttyhack would: a new
 * session whose controlling tty is the console's tty, and fds 0-2 reopened
 * through /dev/tty, which are then ordinary tty files (those of
 * /dev/console are exempt from job control, as on Linux). So the shell
 * gets job control, and ^C, ^Z reach its foreground job.
 */
static void controlling_tty(void)
{
	int fd, pgrp;

	if (ioctl(0, TIOCGPGRP, &pgrp) == 0)
		return;		/* already ours: init runs under a terminal's session (a pty) */
	if (setsid() < 0 || ioctl(0, TIOCSCTTY, 0) < 0)
		return;
	fd = open("/dev/tty", O_RDWR);
	if (fd < 0)
		return;
	dup2(fd, 0);
	dup2(fd, 1);
	dup2(fd, 2);
	if (fd > 2)
		close(fd);
}

static pid_t spawn(const char *path, char **argv, char **env)
{
	pid_t pid = fork();

	if (pid == 0) {
		signal(SIGINT, SIG_DFL);	/* init's own choices are not inherited */
		signal(SIGTERM, SIG_DFL);
		controlling_tty();
		execve(path, argv, env);
		dprintf(2, "init: cannot run %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		dprintf(2, "init: fork: %s\n", strerror(errno));
	return pid;
}

static void status_line(const char *path, int st)
{
	if (WIFSIGNALED(st))
		dprintf(2, "init: %s killed by signal %d (%s)\n", path, WTERMSIG(st),
			strsignal(WTERMSIG(st)));
	else
		dprintf(2, "init: %s exited with status %d\n", path, WEXITSTATUS(st));
}

/* Wait for `main`, reaping orphans on the way; returns its status. */
static int wait_for(pid_t main)
{
	pid_t pid;
	int st;

	for (;;) {
		pid = wait4(-1, &st, 0, NULL);
		if (pid == main)
			return st;
		if (pid < 0 && errno == ECHILD)
			return 0;	/* cannot happen while main lives */
	}
}

int main(int argc, char **argv, char **envp)
{
	const char *path = argc > 1 ? argv[1] : "/bin/sh";
	char **prog_argv = argc > 1 ? argv + 1 : default_argv;
	char **env = make_env(envp);
	long long started;
	pid_t pid;
	int st;

	console_fds();
	if (ioctl(0, TIOCGPGRP, &pid) < 0)
		setsid();	/* leads session 1, as Linux's inits make it (not under a pty) */
	signal(SIGINT, SIG_IGN);	/* a ^C on the console must not end init */
	signal(SIGTERM, SIG_IGN);

	if (argc > 1) {
		pid = spawn(path, prog_argv, env);
		st = pid > 0 ? wait_for(pid) : 127 << 8;
		status_line(path, st);
		reboot(LINUX_REBOOT_CMD_POWER_OFF);
		dprintf(2, "init: poweroff: %s\n", strerror(errno));
		return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
	}

	show_motd();
	for (;;) {
		started = monotonic_ns();
		pid = spawn(path, prog_argv, env);
		if (pid > 0) {
			st = wait_for(pid);
			status_line(path, st);
		}
		if (monotonic_ns() - started < 1000000000LL)
			sleep(1);	/* dying at once: do not spin */
		dprintf(2, "init: restarting %s\n", path);
	}
}
