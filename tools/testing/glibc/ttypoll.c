// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/ttypoll.c: ppoll() and pselect6() (glibc's pselect)
 * on the console tty, with someone typing: test_tty.py boots it as the
 * program init runs (a session leader, the console its controlling tty)
 * and types what each `# press KEYS` line asks for (^X is a control key,
 * <CR> Enter). Linux's answers:
 *
 *   - no input: both time out (0) after their timeout;
 *   - canonical mode: a line being typed is not readable (here "ab" kept
 *     across ^C by NOFLSH), Enter makes it readable (POLLIN, the fd set);
 *   - raw mode (no ICANON): one key makes it readable;
 *   - a signal ends the wait with EINTR: ^C let through by ppoll's and
 *     pselect6's signal mask (blocked again on return), and SIGALRM;
 *   - a bad pointer gives EFAULT; the tty is always writable (POLLOUT).
 *
 * KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 18
#define SHORT_MS 200		/* no input expected: the wait must time out */
#define LONG_MS 60000		/* the test types meanwhile */

static volatile sig_atomic_t sigints, sigalrms;

static void on_sigint(int sig)
{
	sigints++;
}

static void on_sigalrm(int sig)
{
	sigalrms++;
}

static struct timespec ms(long n)
{
	return (struct timespec){ .tv_sec = n / 1000, .tv_nsec = n % 1000 * 1000000 };
}

/* ppoll (use_select 0) or pselect6 (1) for reading fd 0: 1 ready, 0 timed out, -errno. */
static int wait_readable(int use_select, long timeout_ms, const sigset_t *mask)
{
	struct timespec ts = ms(timeout_ms);
	int ret;

	if (use_select) {
		fd_set rd;

		FD_ZERO(&rd);
		FD_SET(0, &rd);
		ret = pselect(1, &rd, NULL, NULL, timeout_ms < 0 ? NULL : &ts, mask);
		if (ret == 1 && !FD_ISSET(0, &rd))
			return -1000;	/* ready, but the set says otherwise */
	} else {
		struct pollfd p = { .fd = 0, .events = POLLIN };

		ret = ppoll(&p, 1, timeout_ms < 0 ? NULL : &ts, mask);
		if (ret == 1 && p.revents != POLLIN)
			return -1000 - p.revents;
	}
	return ret < 0 ? -errno : ret;
}

static long elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void times_out(int use_select, const char *name)
{
	struct timespec t0;
	long took;
	int ret;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	ret = wait_readable(use_select, SHORT_MS, NULL);
	took = elapsed_ms(&t0);
	ktap_check(ret == 0 && took >= SHORT_MS, name, "returned %d after %ld ms", ret, took);
}

static void set_modes(tcflag_t lflag_on, tcflag_t lflag_off)
{
	struct termios t;

	tcgetattr(0, &t);
	t.c_lflag = (t.c_lflag | lflag_on) & ~lflag_off;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	tcsetattr(0, TCSANOW, &t);
}

/* "ab" then ^C with NOFLSH: a line begun but not finished stays unreadable. */
static void canonical_line(int use_select, const char *call)
{
	sigset_t intr;
	char name[64], buf[16];
	int sig = 0, ret;
	ssize_t got;

	sigemptyset(&intr);
	sigaddset(&intr, SIGINT);
	sigprocmask(SIG_BLOCK, &intr, NULL);
	set_modes(NOFLSH, 0);
	printf("# press ab^C\n");
	sigwait(&intr, &sig);		/* "ab" came before the ^C */
	printf("\n");
	snprintf(name, sizeof(name), "%s_partial_line_not_readable", call);
	ret = wait_readable(use_select, SHORT_MS, NULL);
	ktap_check(ret == 0 && sig == SIGINT, name, "returned %d, signal %d", ret, sig);
	printf("# press <CR>\n");
	ret = wait_readable(use_select, LONG_MS, NULL);
	snprintf(name, sizeof(name), "%s_line_readable", call);
	ktap_check(ret == 1, name, "returned %d", ret);
	got = read(0, buf, sizeof(buf));
	snprintf(name, sizeof(name), "%s_line_read", call);
	ktap_check(got == 3 && !memcmp(buf, "ab\n", 3), name, "read %zd", got);
	set_modes(0, NOFLSH);
	sigprocmask(SIG_UNBLOCK, &intr, NULL);
}

/* Raw mode: one key is enough. */
static void raw_key(int use_select, const char *call, const char *key)
{
	char name[64], c = 0;
	ssize_t got;
	int ret;

	set_modes(0, ICANON | ECHO);
	snprintf(name, sizeof(name), "%s_raw_times_out", call);
	times_out(use_select, name);
	printf("# press %s\n", key);
	ret = wait_readable(use_select, LONG_MS, NULL);
	got = read(0, &c, 1);
	snprintf(name, sizeof(name), "%s_raw_key_readable", call);
	ktap_check(ret == 1 && got == 1 && c == key[0], name, "returned %d, read %zd %#x", ret,
		   got, c);
	set_modes(ICANON | ECHO, 0);
}

/* ^C while SIGINT is blocked but for the call's own mask: EINTR, then blocked again. */
static void interrupted(int use_select, const char *call)
{
	sigset_t intr, during, after;
	char name[64];
	int ret, before = sigints;

	sigemptyset(&intr);
	sigaddset(&intr, SIGINT);
	sigprocmask(SIG_BLOCK, &intr, NULL);
	sigemptyset(&during);
	printf("# press ^C\n");
	ret = wait_readable(use_select, LONG_MS, &during);
	sigprocmask(SIG_BLOCK, NULL, &after);
	printf("\n");
	snprintf(name, sizeof(name), "%s_eintr_by_typed_ctrl_c", call);
	ktap_check(ret == -EINTR && sigints == before + 1 && sigismember(&after, SIGINT), name,
		   "returned %d, %d handler runs, SIGINT %sblocked after", ret,
		   sigints - before, sigismember(&after, SIGINT) ? "" : "not ");
	sigprocmask(SIG_UNBLOCK, &intr, NULL);
}

static void alarm_interrupts(int use_select, const char *call)
{
	char name[64];
	int ret;

	sigalrms = 0;
	alarm(1);
	ret = wait_readable(use_select, -1, NULL);	/* no timeout: only the signal ends it */
	snprintf(name, sizeof(name), "%s_eintr_by_alarm", call);
	ktap_check(ret == -EINTR && sigalrms == 1, name, "returned %d, %d SIGALRM", ret,
		   (int)sigalrms);
}

static void bad_input(void)
{
	struct timespec ts = ms(SHORT_MS);
	struct pollfd p = { .fd = 0, .events = POLLOUT };
	void *volatile bad = (void *)8;	/* hidden from the compiler's checks */
	int r1, e1, r2, e2;

	r1 = ppoll(bad, 1, &ts, NULL);
	e1 = errno;
	r2 = pselect(1, bad, NULL, NULL, &ts, NULL);
	e2 = errno;
	ktap_check(r1 == -1 && e1 == EFAULT && r2 == -1 && e2 == EFAULT, "bad_pointer_efault",
		   "ppoll %d/%s, pselect %d/%s", r1, strerror(e1), r2, strerror(e2));
	r1 = ppoll(&p, 1, &ts, NULL);
	ktap_check(r1 == 1 && p.revents == POLLOUT, "tty_writable", "returned %d, revents %#x",
		   r1, p.revents);
}

int main(void)
{
	static const char *const calls[] = { "ppoll", "pselect6" };

	ktap_start("ttypoll", NR_CASES);
	signal(SIGINT, on_sigint);
	signal(SIGALRM, on_sigalrm);
	for (int s = 0; s < 2; s++) {
		char name[64];

		snprintf(name, sizeof(name), "%s_times_out", calls[s]);
		times_out(s, name);
		canonical_line(s, calls[s]);
		raw_key(s, calls[s], s ? "y" : "x");
		interrupted(s, calls[s]);
		alarm_interrupts(s, calls[s]);
	}
	bad_input();
	return ktap_finish();
}
