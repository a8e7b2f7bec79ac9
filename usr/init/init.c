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
 *
 * It shuts the system down when asked as busybox's init is: busybox's
 * poweroff, halt and reboot (without -f) send SIGUSR2, SIGUSR1 and SIGTERM
 * to process 1. Every other process is sent SIGTERM, then SIGKILL, and
 * reboot(2) does the rest. init has no signal handler: it keeps SIGCHLD and
 * those three blocked and takes them with sigtimedwait, so a child's exit
 * and a request are both seen wherever they fall (the kernel keeps a signal
 * blocked by init pending, as Linux does).
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
		sigset_t none;

		sigemptyset(&none);	/* init's own choices are not inherited */
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGINT, SIG_DFL);
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

/* The signals init waits for: a child's exit and the three requests. */
static sigset_t init_signals(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, SIGUSR1);	/* halt */
	sigaddset(&set, SIGUSR2);	/* poweroff */
	sigaddset(&set, SIGTERM);	/* reboot */
	return set;
}

/*
 * Reap every child that has ended; *main_st gets main's status if it was
 * one. 1 when none is left at all.
 */
static int reap(pid_t main, int *main_st)
{
	pid_t pid;
	int st;

	while ((pid = wait4(-1, &st, WNOHANG, NULL)) > 0)
		if (pid == main)
			*main_st = st;
	return pid < 0 && errno == ECHILD;
}

/* Reap until no process is left or `ms` milliseconds have passed. */
static void reap_all(long ms)
{
	long long left, end = monotonic_ns() + ms * 1000000LL;
	sigset_t chld;
	struct timespec ts;
	int st;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	while (!reap(0, &st) && (left = end - monotonic_ns()) > 0) {
		ts.tv_sec = left / 1000000000LL;
		ts.tv_nsec = left % 1000000000LL;
		sigtimedwait(&chld, NULL, &ts);
	}
}

/* SIGUSR1, SIGUSR2 or SIGTERM came: stop everything, then halt, power off or reboot. */
static void shutdown_system(int sig)
{
	const char *what = sig == SIGUSR1 ? "halt" : sig == SIGUSR2 ? "poweroff" : "reboot";
	unsigned int cmd = sig == SIGUSR1   ? LINUX_REBOOT_CMD_HALT :
			   sig == SIGUSR2   ? LINUX_REBOOT_CMD_POWER_OFF :
					      LINUX_REBOOT_CMD_RESTART;

	dprintf(2, "\nThe system is going down NOW!\n");
	kill(-1, SIGTERM);
	dprintf(2, "Sent SIGTERM to all processes\n");
	reap_all(1000);		/* an interactive shell ignores SIGTERM */
	kill(-1, SIGKILL);
	dprintf(2, "Sent SIGKILL to all processes\n");
	reap_all(1000);
	dprintf(2, "Requesting system %s\n", what);
	reboot(cmd);
	dprintf(2, "init: %s: %s\n", what, strerror(errno));
}

/* Wait for `main`, reaping orphans and taking requests on the way; returns its status. */
static int wait_for(pid_t main)
{
	sigset_t set = init_signals();
	int st = -1, sig;

	for (;;) {
		if (reap(main, &st))
			return st == -1 ? 0 : st;	/* none left: cannot happen while main lives */
		if (st != -1)
			return st;
		sig = sigtimedwait(&set, NULL, NULL);
		if (sig > 0 && sig != SIGCHLD)
			shutdown_system(sig);
	}
}

int main(int argc, char **argv, char **envp)
{
	const char *path = argc > 1 ? argv[1] : "/bin/sh";
	char **prog_argv = argc > 1 ? argv + 1 : default_argv;
	char **env = make_env(envp);
	long long started;
	sigset_t set;
	pid_t pid;
	int st;

	console_fds();
	if (ioctl(0, TIOCGPGRP, &pid) < 0)
		setsid();	/* leads session 1, as Linux's inits make it (not under a pty) */
	signal(SIGINT, SIG_IGN);	/* a ^C on the console must not end init */
	set = init_signals();
	sigprocmask(SIG_BLOCK, &set, NULL);

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
