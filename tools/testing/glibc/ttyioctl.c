// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/ttyioctl.c: the tty ioctls that change who may use
 * a tty, and vhangup(), as Linux v5.15 answers them (test_glibc.py boots
 * it as the program init runs: a session leader whose controlling tty is
 * the console, fds 0-2 opened through /dev/tty):
 *
 *   TIOCSTI           a byte in as if typed: on the caller's controlling
 *                     tty, or by root (CAP_SYS_ADMIN) on any; else -EPERM
 *   TIOCEXCL/NXCL     while set, open() of the tty (through /dev/tty or
 *                     /dev/console too) is -EBUSY but for root; TIOCGEXCL
 *   TIOCGDEV          the real tty's device number, also through
 *                     /dev/console: (204, 64) for ttyAMA0
 *   TIOCCONS          root moves /dev/console's output to a tty file
 *                     (-EBUSY while moved; on a /dev/console file it
 *                     undoes it; -EBADF read-only; -EPERM for others);
 *                     a hangup of that tty undoes it too
 *   vhangup (58)      root hangs up its controlling tty: its files read
 *                     EOF and fail writes with -EIO, the session loses it,
 *                     output held by TCOOFF is dropped (poll: writable);
 *                     0 without one; -EPERM for others
 *
 * and a bad pointer gives -EFAULT. KTAP goes to /dev/console (fd 1 is
 * reopened on it), which the hangup leaves alone; TIOCCONS is left
 * pointing at fd 0's file for the hangup to undo. KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 19
#define NOBODY 65534
#define BAD_PTR ((void *)8)

static volatile sig_atomic_t sigints;

static void on_sigint(int sig)
{
	sigints++;
}

static int err(long ret)
{
	return ret < 0 ? -errno : (int)ret;
}

/* fn's result in a child (as nobody if asked): its exit status, or 100 + signal. */
static int in_child(int (*fn)(void), int as_nobody)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		if (as_nobody && setuid(NOBODY))
			_exit(99);
		_exit(fn());
	}
	if (waitpid(pid, &st, 0) != pid)
		return 98;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

static int push(int fd, const char *s)
{
	for (; *s; s++)
		if (ioctl(fd, TIOCSTI, s))
			return -errno;
	return 0;
}

/* ---- TIOCSTI ------------------------------------------------------------ */

static int sti_not_my_tty(void)		/* nobody, after leaving the session */
{
	return setsid() > 0 && err(ioctl(0, TIOCSTI, "x")) == -EPERM ? 0 : 1;
}

static int sti_my_tty(void)		/* nobody, on its own controlling tty */
{
	return push(0, "n\n");
}

static int sti_root_any_tty(void)	/* root, after leaving the session */
{
	return setsid() > 0 ? -push(0, "r\n") : 1;
}

static void tiocsti(void)
{
	struct termios t, quiet;
	char buf[16] = "";
	ssize_t got;
	int ret, st;

	tcgetattr(0, &t);
	quiet = t;
	quiet.c_lflag &= ~ECHO;
	tcsetattr(0, TCSANOW, &quiet);
	ret = push(0, "hi\n");
	got = read(0, buf, sizeof(buf));
	ktap_check(!ret && got == 3 && !memcmp(buf, "hi\n", 3), "TIOCSTI_own_tty_as_typed",
		   "ioctl %d, read %zd", ret, got);
	ret = push(0, "\x03");
	ktap_check(!ret && sigints == 1, "TIOCSTI_ctrl_c_signals", "ioctl %d, %d SIGINT", ret,
		   (int)sigints);
	ktap_check(err(ioctl(0, TIOCSTI, BAD_PTR)) == -EFAULT, "TIOCSTI_bad_pointer", "-EFAULT");
	st = in_child(sti_not_my_tty, 1);
	ktap_check(st == 0, "TIOCSTI_other_tty_nobody_eperm", "child %d", st);
	st = in_child(sti_my_tty, 1);
	got = read(0, buf, sizeof(buf));
	ktap_check(st == 0 && got == 2 && buf[0] == 'n', "TIOCSTI_own_tty_nobody",
		   "child %d, read %zd", st, got);
	st = in_child(sti_root_any_tty, 0);
	got = read(0, buf, sizeof(buf));
	ktap_check(st == 0 && got == 2 && buf[0] == 'r', "TIOCSTI_root_any_tty",
		   "child %d, read %zd", st, got);
	tcsetattr(0, TCSANOW, &t);
}

/* ---- TIOCEXCL ----------------------------------------------------------- */

static int open_tty_busy(void)
{
	return err(open("/dev/tty", O_RDWR)) == -EBUSY &&
	       err(open("/dev/console", O_WRONLY)) == -EBUSY ? 0 : 1;
}

static int open_tty_ok(void)
{
	return open("/dev/tty", O_RDWR) >= 0 ? 0 : 1;
}

static void tiocexcl(void)
{
	int excl = -1, fd, busy, ok;

	struct stat st = { .st_mode = 0600 };

	/*
	 * /dev/console is root's 0600 (as on Linux's devtmpfs): nobody's open
	 * would stop at its mode (EACCES) before the tty is asked. For the
	 * while, others may write it, so that the tty answers.
	 */
	stat("/dev/console", &st);
	chmod("/dev/console", 0622);
	ioctl(0, TIOCEXCL);
	ioctl(0, TIOCGEXCL, &excl);
	fd = open("/dev/tty", O_RDWR);		/* root may */
	busy = in_child(open_tty_busy, 1);
	chmod("/dev/console", st.st_mode & 07777);
	ktap_check(excl == 1 && fd >= 0 && busy == 0, "TIOCEXCL_others_ebusy",
		   "TIOCGEXCL %d, root's open %d, nobody's %d", excl, fd, busy);
	close(fd);
	ioctl(0, TIOCNXCL);
	ioctl(0, TIOCGEXCL, &excl);
	ok = in_child(open_tty_ok, 1);
	ktap_check(excl == 0 && ok == 0, "TIOCNXCL_others_open", "TIOCGEXCL %d, nobody's %d",
		   excl, ok);
	ktap_check(err(ioctl(0, TIOCGEXCL, BAD_PTR)) == -EFAULT, "TIOCGEXCL_bad_pointer",
		   "-EFAULT");
}

/* ---- TIOCGDEV ----------------------------------------------------------- */

static void tiocgdev(int console)
{
	unsigned int dev = 0, cdev = 0;
	struct stat st;

	stat("/dev/ttyAMA0", &st);
	ioctl(0, TIOCGDEV, &dev);
	ioctl(console, TIOCGDEV, &cdev);
	ktap_check(dev == st.st_rdev && major(dev) == 204 && minor(dev) == 64 && cdev == dev,
		   "TIOCGDEV_real_tty", "%u:%u through /dev/tty, %u:%u /dev/console", major(dev),
		   minor(dev), major(cdev), minor(cdev));
	ktap_check(err(ioctl(0, TIOCGDEV, BAD_PTR)) == -EFAULT, "TIOCGDEV_bad_pointer",
		   "-EFAULT");
}

/* ---- TIOCCONS ----------------------------------------------------------- */

static int cons_nobody(void)
{
	return err(ioctl(0, TIOCCONS)) == -EPERM ? 0 : 1;
}

static void tioccons(int console)
{
	int rdonly = open("/dev/tty", O_RDONLY);
	int st = in_child(cons_nobody, 1);
	int bad = err(ioctl(rdonly, TIOCCONS));
	int set = err(ioctl(0, TIOCCONS)), again = err(ioctl(0, TIOCCONS));
	ssize_t put = write(console, "# through the redirect\n", 23);
	int undo = err(ioctl(console, TIOCCONS)), reset = err(ioctl(0, TIOCCONS));

	close(rdonly);
	ktap_check(st == 0 && bad == -EBADF, "TIOCCONS_eperm_ebadf", "nobody %d, read-only %d",
		   st, bad);
	ktap_check(!set && again == -EBUSY && put == 23 && !undo && !reset,
		   "TIOCCONS_moves_console", "set %d, again %d, write %zd, undo %d, reset %d", set,
		   again, put, undo, reset);
}

/* ---- vhangup (last: it hangs the tty up) -------------------------------- */

static int vhangup_nobody(void)
{
	return err(vhangup()) == -EPERM ? 0 : 1;
}

static short pollout(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };

	return poll(&p, 1, 0) == 1 ? p.revents : 0;
}

static void do_vhangup(int console)
{
	int st = in_child(vhangup_nobody, 1), ret, fd, cons;
	char c, dashes[300];
	short before, after;
	ssize_t held;

	ktap_check(st == 0, "vhangup_nobody_eperm", "child %d", st);
	signal(SIGHUP, SIG_IGN);	/* the leader gets SIGHUP */
	memset(dashes, '-', sizeof(dashes) - 1);
	dashes[sizeof(dashes) - 1] = '\n';
	tcflow(0, TCOOFF);		/* output held from now on, KTAP too */
	held = write(2, dashes, sizeof(dashes));
	before = pollout(console);
	ret = err(vhangup());
	after = pollout(console);
	ioctl(console, TCXONC, TCOON);
	ktap_check(ret == 0 && read(0, &c, 1) == 0 && err(write(2, "x", 1)) == -EIO,
		   "vhangup_hangs_up_files", "vhangup %d", ret);
	ktap_check(held == sizeof(dashes) && before == 0 && after == POLLOUT,
		   "vhangup_drops_held_output", "write %zd, poll %#x before, %#x after", held,
		   before, after);
	ktap_check(err(open("/dev/tty", O_RDWR)) == -ENXIO, "vhangup_session_loses_tty",
		   "-ENXIO");
	ktap_check(err(vhangup()) == 0, "vhangup_without_tty", "0");
	fd = open("/dev/ttyAMA0", O_RDWR | O_NOCTTY);	/* the redirect went with the hangup */
	cons = err(ioctl(fd, TIOCCONS));
	ktap_check(fd >= 0 && cons == 0 && !ioctl(console, TIOCCONS), "vhangup_ends_redirect",
		   "TIOCCONS %d", cons);
}

int main(void)
{
	int console = open("/dev/console", O_WRONLY);

	if (console < 0 || dup2(console, 1) != 1)
		return 1;
	ktap_start("ttyioctl", NR_CASES);
	signal(SIGINT, on_sigint);
	tiocsti();
	tiocexcl();
	tiocgdev(console);
	tioccons(console);
	do_vhangup(console);
	return ktap_finish();
}
