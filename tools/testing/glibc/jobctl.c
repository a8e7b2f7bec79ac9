// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/jobctl.c: sessions, process groups and the
 * controlling tty as a glibc program sees them (test_glibc.py boots it as
 * the program init runs: init makes it a session leader whose controlling
 * tty is the console, fds 0-2 opened through /dev/tty, as a login shell's).
 * Each case checks what Linux does: setsid/setpgid/getpgid/getsid and
 * their errors, tcgetpgrp/tcsetpgrp, SIGTTIN and SIGTTOU for background
 * groups (and -EIO when ignored or orphaned), orphaned groups' SIGHUP,
 * TIOCSCTTY/TIOCNOTTY/TIOCGSID, acquiring a tty by open(), /dev/tty,
 * the hangup when a session leader exits (its foreground group gets
 * SIGHUP, the tty's files read EOF and fail writes and ioctls with -EIO,
 * the session loses the tty; /dev/console's files go on working),
 * termios (TCGETS's 36 bytes, VMIN/VTIME 0), the window size and SIGWINCH,
 * and bad ioctl arguments (-EFAULT/-EINVAL/-ENOTTY, never a hang).
 * Nobody types on the console meanwhile: no read here waits for input.
 * KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 46
#define NO_SUCH_PID 99999

/* The kernel's struct termios on arm64 (asm-generic/termbits.h). */
struct kernel_termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[19];
};

static volatile sig_atomic_t got_sig;
static const char *self_path;	/* argv[0]: /bin/jobctl */

static void on_signal(int sig)
{
	got_sig = sig;
}

static void set_handler(int sig, void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigaction(sig, &sa, NULL);
}

/* -errno of a call that failed, the result if it did not. */
static long err(long r)
{
	return r < 0 ? -errno : r;
}

/* Run fn in a child; its exit status (0: all its checks held), or the signal. */
static int in_child(int (*fn)(void))
{
	int st;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn());
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1000 + WTERMSIG(st);
}

/* A child in a background group of its own doing fn; its wait status (WUNTRACED). */
static int background(int (*fn)(void), pid_t *child)
{
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		_exit(fn());
	}
	setpgid(pid, pid);	/* both sides, as a shell does: no race */
	waitpid(pid, &st, WUNTRACED);
	*child = pid;
	return st;
}

static int __attribute__((noreturn)) pause_forever(void);

static void reap_stopped(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* ---- the children's parts -------------------------------------------------- */

static int read_tty(void)
{
	char c;

	return read(0, &c, 1) < 0 ? errno : 0;
}

static int read_tty_ignoring(void)
{
	signal(SIGTTIN, SIG_IGN);
	return read_tty() == EIO ? 0 : 1;
}

static int read_tty_handled(void)
{
	set_handler(SIGTTIN, on_signal);	/* no SA_RESTART: the read fails */
	return read_tty() == EINTR && got_sig == SIGTTIN ? 0 : 1;
}

static int write_tty(void)
{
	return write(1, "", 0) < 0 ? errno : 0;
}

static int set_modes(void)
{
	struct termios t;

	tcgetattr(0, &t);
	return tcsetattr(0, TCSANOW, &t) < 0 ? errno : 0;
}

static int set_modes_ignoring(void)
{
	signal(SIGTTOU, SIG_IGN);
	return set_modes();
}

/* A shell's move: put my group in front, then give it back (SIGTTOU ignored). */
static int take_foreground(void)
{
	pid_t me = getpid(), parent_group = getpgid(getppid());

	signal(SIGTTOU, SIG_IGN);
	if (tcsetpgrp(0, me) || tcgetpgrp(0) != me)
		return 1;
	return tcsetpgrp(0, parent_group) || tcgetpgrp(0) != parent_group ? 2 : 0;
}

static int new_session(void)
{
	pid_t me = getpid();

	if (setsid() != me || getsid(0) != me || getpgid(0) != me)
		return 1;
	if (err(open("/dev/tty", O_RDWR)) != -ENXIO)
		return 2;		/* no controlling tty in the new session */
	if (err(tcgetpgrp(0)) != -ENOTTY || err(ioctl(0, TIOCGSID, &me)) != -ENOTTY)
		return 3;
	if (err(ioctl(0, TIOCSCTTY, 0)) != -EPERM)
		return 4;		/* the tty is another session's */
	if (err(setsid()) != -EPERM)
		return 5;
	/* TIOCSPGRP on a tty that is not ours: Linux reads the argument first. */
	if (err(ioctl(0, TIOCSPGRP, NULL)) != -EFAULT || err(tcsetpgrp(0, -1)) != -EINVAL ||
	    err(tcsetpgrp(0, me)) != -ENOTTY)
		return 6;
	return 0;
}

/* A process group leader may not setsid(), nor one whose pid names a group it left. */
static int group_leader_setsid(void)
{
	pid_t me = getpid(), pid;
	int st;

	if (setpgid(0, 0) || err(setsid()) != -EPERM)
		return 1;
	pid = fork();
	if (pid == 0)
		_exit(pause_forever());
	if (setpgid(0, getpgid(getppid())) || getpgid(pid) != me || err(setsid()) != -EPERM)
		return 2;	/* our old group lives on in the child */
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	return setsid() == me ? 0 : 3;	/* the group is gone: now we may */
}

static int background_tcdrain(void)
{
	return tcdrain(0) < 0 ? errno : 0;
}

static int give_up_tty(void)
{
	if (ioctl(0, TIOCNOTTY) || err(open("/dev/tty", O_RDWR)) != -ENXIO)
		return 1;
	return err(tcgetpgrp(0)) == -ENOTTY ? 0 : 2;
}

/* After the parent let the tty go: opening it as a new session's leader takes it. */
static int acquire_by_open(void)
{
	pid_t me = getpid(), sid = 0;
	int fd;

	if (setsid() != me)
		return 1;
	fd = open("/dev/ttyAMA0", O_RDWR | O_NOCTTY);
	if (fd < 0 || err(tcgetpgrp(fd)) != -ENOTTY)
		return 2;		/* O_NOCTTY: not taken */
	close(fd);
	fd = open("/dev/console", O_RDWR);
	if (fd < 0 || err(tcgetpgrp(fd)) != -ENOTTY)
		return 3;		/* /dev/console never becomes one */
	close(fd);
	fd = open("/dev/ttyAMA0", O_RDWR);
	if (fd < 0 || tcgetpgrp(fd) != me || ioctl(fd, TIOCGSID, &sid) || sid != me)
		return 4;
	return open("/dev/tty", O_RDWR) >= 0 ? 0 : 5;	/* exiting lets it go again */
}

static int pipe_fd[2];

/* The grandchild: its group is orphaned once its parent exits. */
static int orphan_reads(void)
{
	char c;
	int r;

	setpgid(0, 0);
	while (getppid() != 1)	/* until the parent is gone */
		usleep(1000);
	r = read(0, &c, 1) < 0 && errno == EIO;	/* not stopped: -EIO */
	kill(getpid(), SIGTSTP);			/* dropped: nobody would continue it */
	c = r ? 'E' : 'x';
	return write(pipe_fd[1], &c, 1) == 1 ? 0 : 1;
}

static int orphan_parent(void)
{
	if (fork() == 0)
		_exit(orphan_reads());
	return 0;
}

/* The grandchild stops; its parent exits: the orphaned group gets SIGHUP and SIGCONT. */
static void on_hup(int sig)
{
	char c = 'H';

	(void)sig;
	if (write(pipe_fd[1], &c, 1) != 1)
		_exit(2);
	_exit(0);
}

static int stopped_orphan_parent(void)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		setpgid(0, 0);
		set_handler(SIGHUP, on_hup);
		raise(SIGSTOP);
		_exit(1);	/* continued without SIGHUP */
	}
	setpgid(pid, pid);
	waitpid(pid, &st, WUNTRACED);	/* stopped, then we go */
	return WIFSTOPPED(st) ? 0 : 1;
}

static int __attribute__((noreturn)) pause_forever(void)
{
	for (;;)
		pause();
}

/* ---- the cases ------------------------------------------------------------- */

static void ids(void)
{
	pid_t me = getpid(), sid = 0;

	ktap_check(getsid(0) == me && getpgid(0) == me && getpgrp() == me,
		   "init_made_us_a_session_leader", "sid %d pgid %d pid %d", getsid(0), getpgid(0), me);
	ktap_check(tcgetpgrp(0) == me && !ioctl(0, TIOCGSID, &sid) && sid == me,
		   "tcgetpgrp_and_TIOCGSID", "tcgetpgrp %d sid %d", tcgetpgrp(0), sid);
	ktap_check(err(setsid()) == -EPERM && err(setpgid(0, 0)) == -EPERM,
		   "leader_setsid_setpgid_EPERM", "setsid %ld", err(setsid()));
	ktap_check(err(getpgid(NO_SUCH_PID)) == -ESRCH && err(getsid(NO_SUCH_PID)) == -ESRCH &&
		   err(setpgid(NO_SUCH_PID, 0)) == -ESRCH && err(setpgid(1, 1)) == -ESRCH,
		   "no_such_process_ESRCH", "getpgid %ld", err(getpgid(NO_SUCH_PID)));
	ktap_check(err(setpgid(0, -1)) == -EINVAL, "negative_pgid_EINVAL", "%ld",
		   err(setpgid(0, -1)));
	ktap_check(getsid(1) == 1 && getpgid(1) == 1, "init_leads_session_1", "sid %d",
		   getsid(1));
}

static void groups(void)
{
	pid_t pid, a, b;
	int st, pfd[2];
	char c;

	pid = fork();
	if (pid == 0)
		_exit(pause_forever());
	ktap_check(!setpgid(pid, pid) && getpgid(pid) == pid && getsid(pid) == getpid(),
		   "setpgid_child_new_group", "pgid %d", getpgid(pid));
	ktap_check(!setpgid(pid, getpid()) && getpgid(pid) == getpid(),
		   "setpgid_child_back_to_ours", "pgid %d", getpgid(pid));
	ktap_check(err(setpgid(pid, NO_SUCH_PID)) == -EPERM, "setpgid_no_such_group_EPERM",
		   "%ld", err(setpgid(pid, NO_SUCH_PID)));
	reap_stopped(pid);

	/* A child that has exec'd can no longer be moved. */
	if (pipe(pfd))
		return;
	pid = fork();
	if (pid == 0) {
		close(pfd[0]);
		fcntl(pfd[1], F_SETFD, 0);
		dup2(pfd[1], 9);
		execl(self_path, "jobctl", "exec-child", NULL);
		_exit(127);
	}
	close(pfd[1]);
	st = read(pfd[0], &c, 1);	/* the exec'd program says it runs */
	close(pfd[0]);
	ktap_check(st == 1 && err(setpgid(pid, pid)) == -EACCES, "setpgid_after_exec_EACCES",
		   "read %d setpgid %ld", st, err(setpgid(pid, pid)));
	reap_stopped(pid);

	/* kill(-pgrp) and kill(0) reach the whole group. */
	a = fork();
	if (a == 0) {
		setpgid(0, 0);
		_exit(pause_forever());
	}
	setpgid(a, a);
	b = fork();
	if (b == 0) {
		setpgid(0, a);
		_exit(pause_forever());
	}
	setpgid(b, a);
	ktap_check(!kill(-a, SIGKILL) && waitpid(a, &st, 0) == a && WIFSIGNALED(st) &&
		   waitpid(b, &st, 0) == b && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
		   "kill_negative_pgrp_whole_group", "status %#x", st);
	ktap_check(err(kill(-NO_SUCH_PID, 0)) == -ESRCH, "kill_no_such_group_ESRCH", "%ld",
		   err(kill(-NO_SUCH_PID, 0)));

	ktap_check(in_child(new_session) == 0, "setsid_in_child_no_tty", "child said %d",
		   in_child(new_session));
	st = in_child(group_leader_setsid);
	ktap_check(st == 0, "setsid_group_leader_EPERM", "step %d", st);
	if (pipe(pfd))
		return;
	pid = fork();
	if (pid == 0) {
		c = setsid() > 0 ? 's' : 'x';
		if (write(pfd[1], &c, 1) != 1)
			_exit(1);
		_exit(pause_forever());
	}
	c = 0;
	if (read(pfd[0], &c, 1) != 1 || c != 's')
		ktap_check(0, "child_setsid", "got %c", c);
	close(pfd[0]);
	close(pfd[1]);
	ktap_check(err(setpgid(pid, pid)) == -EPERM || err(setpgid(pid, getpid())) == -EPERM,
		   "setpgid_other_session_EPERM", "%ld", err(setpgid(pid, getpid())));
	ktap_check(err(tcsetpgrp(0, pid)) == -EPERM && err(tcsetpgrp(0, NO_SUCH_PID)) == -ESRCH,
		   "tcsetpgrp_other_session_EPERM_none_ESRCH", "%ld", err(tcsetpgrp(0, pid)));
	reap_stopped(pid);

	/* Linux takes the pid of a process of the session where no group has the id. */
	pid = fork();
	if (pid == 0)
		_exit(pause_forever());
	signal(SIGTTOU, SIG_IGN);	/* in the background for a moment */
	st = tcsetpgrp(0, pid) == 0 && tcgetpgrp(0) == pid;
	ktap_check(st && !tcsetpgrp(0, getpid()) && tcgetpgrp(0) == getpid(),
		   "tcsetpgrp_pid_of_a_process_not_a_group", "tcgetpgrp %d", tcgetpgrp(0));
	signal(SIGTTOU, SIG_DFL);
	reap_stopped(pid);
}

static void background_io(void)
{
	struct termios t;
	pid_t pid;
	int st;

	st = background(read_tty, &pid);
	ktap_check(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTTIN, "background_read_SIGTTIN",
		   "status %#x", st);
	/* Continued in the foreground, the read is made again (and returns nothing here). */
	reap_stopped(pid);
	st = background(read_tty_ignoring, &pid);
	ktap_check(WIFEXITED(st) && !WEXITSTATUS(st), "background_read_SIGTTIN_ignored_EIO",
		   "status %#x", st);
	st = background(read_tty_handled, &pid);
	ktap_check(WIFEXITED(st) && !WEXITSTATUS(st), "background_read_handler_EINTR",
		   "status %#x", st);

	st = background(write_tty, &pid);
	ktap_check(WIFEXITED(st) && !WEXITSTATUS(st), "background_write_without_TOSTOP",
		   "status %#x", st);
	tcgetattr(0, &t);
	t.c_lflag |= TOSTOP;
	tcsetattr(0, TCSANOW, &t);
	st = background(write_tty, &pid);
	ktap_check(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTTOU, "background_write_TOSTOP_SIGTTOU",
		   "status %#x", st);
	reap_stopped(pid);
	t.c_lflag &= ~TOSTOP;
	tcsetattr(0, TCSANOW, &t);

	st = background(set_modes, &pid);
	ktap_check(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTTOU, "background_tcsetattr_SIGTTOU",
		   "status %#x", st);
	reap_stopped(pid);
	st = background(set_modes_ignoring, &pid);
	ktap_check(WIFEXITED(st) && !WEXITSTATUS(st), "background_tcsetattr_SIGTTOU_ignored",
		   "status %#x", st);
	st = background(background_tcdrain, &pid);
	ktap_check(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTTOU && tcdrain(0) == 0,
		   "background_tcdrain_SIGTTOU", "status %#x", st);
	reap_stopped(pid);
	st = background(take_foreground, &pid);
	ktap_check(WIFEXITED(st) && !WEXITSTATUS(st) && tcgetpgrp(0) == getpid(),
		   "tcsetpgrp_from_background_ignoring_SIGTTOU", "status %#x", st);
}

static void orphans(void)
{
	char c = 0;

	if (pipe(pipe_fd))
		return;
	set_handler(SIGALRM, on_signal);	/* a grandchild that never writes: EINTR, not a hang */
	alarm(30);
	ktap_check(in_child(orphan_parent) == 0 && read(pipe_fd[0], &c, 1) == 1 && c == 'E',
		   "orphaned_group_read_EIO_and_no_SIGTSTP_stop", "got %c", c);
	c = 0;
	ktap_check(in_child(stopped_orphan_parent) == 0 && read(pipe_fd[0], &c, 1) == 1 &&
		   c == 'H', "orphaned_stopped_group_SIGHUP", "got %c", c);
	alarm(0);
	close(pipe_fd[0]);
	close(pipe_fd[1]);
}

static void modes(void)
{
	unsigned char raw[64];
	struct kernel_termios *kt = (struct kernel_termios *)raw;
	struct termios t, saved;
	struct winsize ws;
	int n = -1, pfd[2];
	char c;

	memset(raw, 0xa5, sizeof(raw));
	ktap_check(!ioctl(0, TCGETS, raw) && raw[36] == 0xa5 && raw[35] != 0xa5 &&
		   kt->c_cc[VINTR] == 3 && kt->c_cc[VSUSP] == 032 && (kt->c_lflag & ISIG),
		   "TCGETS_36_bytes", "byte 36 %#x intr %d", raw[36], kt->c_cc[VINTR]);
	ktap_check(!ioctl(0, TIOCGWINSZ, &ws) && ws.ws_row == 24 && ws.ws_col == 80,
		   "TIOCGWINSZ_24x80", "%dx%d", ws.ws_row, ws.ws_col);
	set_handler(SIGWINCH, on_signal);
	got_sig = 0;
	ws.ws_row = 40;
	ws.ws_col = 100;
	ktap_check(!ioctl(0, TIOCSWINSZ, &ws) && got_sig == SIGWINCH &&
		   !ioctl(0, TIOCGWINSZ, &ws) && ws.ws_row == 40 && ws.ws_col == 100,
		   "TIOCSWINSZ_SIGWINCH", "sig %d, %dx%d", got_sig, ws.ws_row, ws.ws_col);
	ws.ws_row = 24;
	ws.ws_col = 80;
	ioctl(0, TIOCSWINSZ, &ws);

	tcgetattr(0, &saved);
	t = saved;
	cfmakeraw(&t);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 0;
	ktap_check(!tcsetattr(0, TCSAFLUSH, &t) && read(0, &c, 1) == 0 &&
		   !ioctl(0, FIONREAD, &n) && n == 0, "raw_VMIN0_VTIME0_read_returns_0",
		   "FIONREAD %d", n);
	t.c_cc[VTIME] = 1;	/* a tenth of a second for the first byte */
	ktap_check(!tcsetattr(0, TCSANOW, &t) && read(0, &c, 1) == 0,
		   "raw_VMIN0_VTIME1_read_times_out", "errno %d", errno);
	tcsetattr(0, TCSANOW, &saved);
	n = fcntl(0, F_GETFL);
	fcntl(0, F_SETFL, n | O_NONBLOCK);
	ktap_check(err(read(0, &c, 1)) == -EAGAIN, "nonblocking_canonical_read_EAGAIN", "%ld",
		   err(read(0, &c, 1)));
	fcntl(0, F_SETFL, n);

	if (pipe(pfd))
		return;
	ktap_check(err(ioctl(0, TCGETS, NULL)) == -EFAULT &&
		   err(ioctl(0, TCSETS, (void *)1)) == -EFAULT &&
		   err(ioctl(0, TIOCGWINSZ, (void *)8)) == -EFAULT &&
		   err(ioctl(0, TIOCSPGRP, NULL)) == -EFAULT &&
		   err(ioctl(0, TIOCGPGRP, (void *)-1L)) == -EFAULT &&
		   err(ioctl(0, FIONREAD, NULL)) == -EFAULT,
		   "bad_pointers_EFAULT", "TCGETS %ld", err(ioctl(0, TCGETS, NULL)));
	ktap_check(err(ioctl(0, TCFLSH, 7)) == -EINVAL && err(ioctl(0, TCXONC, 9)) == -EINVAL &&
		   !ioctl(0, TCFLSH, TCIFLUSH) && !ioctl(0, TCXONC, TCOON) &&
		   err(tcsetpgrp(0, -1)) == -EINVAL,
		   "bad_arguments_EINVAL", "TCFLSH %ld", err(ioctl(0, TCFLSH, 7)));
	n = -1;
	ktap_check(!tcsendbreak(0, 0) && !ioctl(0, TIOCSBRK) && !ioctl(0, TIOCCBRK) &&
		   !ioctl(0, TIOCGETD, &n) && n == N_TTY && !ioctl(0, TIOCSETD, &n) &&
		   err(ioctl(0, TIOCSETD, &(int){ 5 })) == -EINVAL &&
		   err(ioctl(0, TIOCGETD, NULL)) == -EFAULT,
		   "breaks_and_line_discipline", "TIOCGETD %d", n);
	ktap_check(err(ioctl(0, 0x54ff, 0)) == -ENOTTY && err(ioctl(pfd[0], TCGETS, raw)) == -ENOTTY &&
		   err(tcgetpgrp(pfd[0])) == -ENOTTY && !isatty(pfd[0]),
		   "unknown_ioctl_and_not_a_tty_ENOTTY", "%ld", err(ioctl(0, 0x54ff, 0)));
	close(pfd[0]);
	close(pfd[1]);
}

/*
 * The foreground process of a session whose leader exits: it gets SIGHUP,
 * its tty file is hung up (read 0, write and ioctl -EIO, TIOCSPGRP
 * -ENOTTY, poll POLLHUP) and it has no controlling tty any more. The
 * result goes to the parent by pipe_fd: 'H', or a letter per failed step.
 */
static volatile sig_atomic_t hups;

static void count_hup(int sig)
{
	(void)sig;
	hups++;
}

static char hung_up_foreground(int fd, int ready, int go)
{
	struct sigaction sa;
	struct pollfd pfd = { .fd = fd, .events = POLLIN | POLLOUT };
	struct termios t;
	pid_t pgrp = getpid();
	char c = 'r';

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count_hup;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGHUP, &sa, NULL);	/* SIG_IGN came from the parent */
	if (write(ready, &c, 1) != 1 || read(go, &c, 1) != 1)
		return 'g';		/* the leader put us in front, then exits */
	if (read(fd, &c, 1) != 0)	/* asleep, or not yet: end of file either way */
		return 'r';
	while (!hups)
		usleep(1000);
	if (hups != 1)
		return 's';
	if (err(write(fd, "x", 1)) != -EIO || err(tcgetattr(fd, &t)) != -EIO ||
	    err(ioctl(fd, TIOCSPGRP, &pgrp)) != -ENOTTY)
		return 'w';
	if (poll(&pfd, 1, 0) != 1 || !(pfd.revents & POLLHUP) || !(pfd.revents & POLLERR))
		return 'p';
	if (err(open("/dev/tty", O_RDWR)) != -ENXIO)
		return 't';		/* the session lost its tty */
	return 'H';
}

/*
 * A new session whose leader (the caller) opens the tty, which becomes its
 * controlling tty, and forks a child in a process group of its own that
 * runs foreground(fd, ready, go) and sends its verdict by pipe_fd. The
 * pipes ready (child to leader) and go (leader to child) pace the two.
 * Returns 0, or the step that failed (1, 2); the child's pid in *pid.
 */
static int session_with_foreground(char (*foreground)(int fd, int ready, int go), int *fd,
				   int ready[2], int go[2], pid_t *pid)
{
	char c;

	if (setsid() != getpid() || pipe(ready) || pipe(go))
		return 1;
	*fd = open("/dev/ttyAMA0", O_RDWR);
	if (*fd < 0 || tcgetpgrp(*fd) != getpid())
		return 2;
	*pid = fork();
	if (*pid == 0) {
		c = foreground(*fd, ready[1], go[0]);
		_exit(write(pipe_fd[1], &c, 1) == 1 ? 0 : 1);
	}
	setpgid(*pid, *pid);
	return 0;
}

/* A session leader with the tty as its controlling tty, a foreground job, and its exit. */
static int hangup_leader(void)
{
	int fd, ready[2], go[2], step;
	pid_t pid;
	char c;

	step = session_with_foreground(hung_up_foreground, &fd, ready, go, &pid);
	if (step)
		return step;
	if (read(ready[0], &c, 1) != 1 || tcsetpgrp(fd, pid) || write(go[1], "g", 1) != 1)
		return 3;
	usleep(20000);		/* most likely asleep in read() by now */
	return 0;		/* and the tty hangs up */
}

/*
 * TIOCVHANGUP (vhangup) by the leader: its session loses the tty, the
 * leader gets SIGHUP (and SIGCONT), the foreground group nothing yet; the
 * leader's exit later sends that group SIGHUP and SIGCONT (Linux's
 * tty_old_pgrp). The foreground's verdict by pipe_fd: 'V', or a step.
 */
static volatile sig_atomic_t conts;

static void count_cont(int sig)
{
	(void)sig;
	conts++;
}

static char old_foreground(int fd, int ready, int go)
{
	bool early;
	char c = 'r';

	(void)fd;
	set_handler(SIGHUP, count_hup);
	set_handler(SIGCONT, count_cont);
	if (write(ready, &c, 1) != 1 || read(go, &c, 1) != 1)
		return 'g';
	early = hups || conts;		/* signalled by the hangup itself */
	if (write(ready, &c, 1) != 1)	/* the leader may exit now */
		return 'g';
	if (early)
		return 'e';
	while (!hups || !conts)		/* the leader is on its way out */
		usleep(1000);
	return hups == 1 && conts == 1 ? 'V' : 's';
}

static int vhangup_leader(void)
{
	int fd, ready[2], go[2], step;
	pid_t pid;
	char c;

	step = session_with_foreground(old_foreground, &fd, ready, go, &pid);
	if (step)
		return step;
	set_handler(SIGHUP, count_hup);
	if (read(ready[0], &c, 1) != 1 || tcsetpgrp(fd, pid))
		return 3;
	if (ioctl(fd, TIOCVHANGUP) || hups != 1)
		return 4;
	if (read(fd, &c, 1) != 0 || err(write(fd, "x", 1)) != -EIO ||
	    err(open("/dev/tty", O_RDWR)) != -ENXIO)
		return 5;
	if (write(go[1], "g", 1) != 1 || read(ready[0], &c, 1) != 1)
		return 6;
	return 0;		/* and exit */
}

/*
 * TIOCSCTTY's steal (in a child, while our session has the tty): only a
 * leader with arg 1 and privilege (root here, CAP_SYS_ADMIN on Linux)
 * takes a tty another session has; that session loses it.
 */
static int steal_as_nobody(void)
{
	if (setsid() != getpid() || setuid(65534))
		return 1;
	return err(ioctl(0, TIOCSCTTY, 1)) == -EPERM ? 0 : 2;
}

static int steal_tty(void)
{
	pid_t me = getpid();
	int st;

	if (setsid() != me || err(ioctl(0, TIOCSCTTY, 0)) != -EPERM)
		return 1;
	st = in_child(steal_as_nobody);
	if (st)
		return 10 + st;
	if (ioctl(0, TIOCSCTTY, 1) || tcgetpgrp(0) != me)
		return 3;
	return 0;		/* exiting, we hang it up */
}

/* Last: the session gives its tty up, another takes it by open(), we take it back. */
static void controlling_tty(void)
{
	pid_t me = getpid();
	int st, fd, tty_fd = dup(1);
	struct termios t;
	char c = 0, buf[1];

	ktap_check(in_child(give_up_tty) == 0 && tcgetpgrp(0) == me,
		   "TIOCNOTTY_non_leader_only_itself", "tcgetpgrp %d", tcgetpgrp(0));
	signal(SIGHUP, SIG_IGN);	/* a leader's TIOCNOTTY hangs up its foreground: us */
	st = give_up_tty();
	ktap_check(st == 0, "TIOCNOTTY_leader", "step %d", st);
	/*
	 * From here sessions whose leaders exit hang the tty up, and with it
	 * our files opened through /dev/tty: go on with /dev/console's,
	 * which a hangup leaves alone, as on Linux.
	 */
	fd = open("/dev/console", O_RDWR);
	if (fd < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		ktap_check(0, "console_fds", "fd %d", fd);
	if (fd > 2)
		close(fd);
	st = in_child(acquire_by_open);
	fcntl(tty_fd, F_SETFL, O_NONBLOCK);	/* were it not hung up: -EAGAIN, not a hang */
	ktap_check(st == 0 && read(tty_fd, buf, 1) == 0 && err(write(tty_fd, "x", 1)) == -EIO,
		   "leader_open_acquires_tty_exit_hangs_up", "step %d", st);
	close(tty_fd);
	if (pipe(pipe_fd) == 0) {
		set_handler(SIGALRM, on_signal);
		alarm(30);
		st = in_child(hangup_leader);
		if (read(pipe_fd[0], &c, 1) != 1)
			c = '?';
		alarm(0);
		ktap_check(st == 0 && c == 'H', "leader_exit_hangup_SIGHUP_EOF_EIO_foreground",
			   "leader step %d, foreground step %c", st, c);
		close(pipe_fd[0]);
		close(pipe_fd[1]);
	}
	if (pipe(pipe_fd) == 0) {
		alarm(30);
		st = in_child(vhangup_leader);
		if (read(pipe_fd[0], &c, 1) != 1)
			c = '?';
		alarm(0);
		ktap_check(st == 0 && c == 'V', "TIOCVHANGUP_then_leader_exit_old_foreground_SIGHUP",
			   "leader step %d, foreground step %c", st, c);
		close(pipe_fd[0]);
		close(pipe_fd[1]);
	}
	ktap_check(!ioctl(0, TIOCSCTTY, 0) && tcgetpgrp(0) == me && open("/dev/tty", O_RDWR) >= 0,
		   "TIOCSCTTY_free_tty", "tcgetpgrp %ld", err(tcgetpgrp(0)));
	fd = open("/dev/tty", O_RDWR);
	ktap_check(fd >= 0 && write(fd, "", 0) == 0 && !tcgetattr(fd, &t) && tcgetpgrp(fd) == me,
		   "tty_reopened_after_hangup_works", "fd %d", fd);
	st = in_child(steal_tty);
	ktap_check(st == 0 && err(open("/dev/tty", O_RDWR)) == -ENXIO && !ioctl(0, TIOCSCTTY, 0) &&
		   tcgetpgrp(0) == me, "TIOCSCTTY_steal_root_arg_1_only", "step %d", st);
}

int main(int argc, char **argv)
{
	char c = 'x';

	if (argc > 1 && !strcmp(argv[1], "exec-child")) {
		if (write(9, &c, 1) != 1)
			return 1;
		return pause_forever();
	}
	self_path = argv[0];
	ktap_start("jobctl", NR_CASES);
	ids();
	groups();
	background_io();
	orphans();
	modes();
	controlling_tty();
	return ktap_finish();
}
