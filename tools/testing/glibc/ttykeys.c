// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/ttykeys.c: the line discipline's special keys in
 * canonical mode with ECHO, typed by test_tty.py as each `# press KEYS`
 * line asks (`after-silence KEYS2`: the test checks that nothing comes out
 * for a while, then types KEYS2). Linux's n_tty:
 *
 *   ^V^C      a 0x03 in the line, no SIGINT (VLNEXT)
 *   ^R        the line reprinted (VREPRINT)
 *   ^S ... ^Q output stopped, a write() still returns (and poll says
 *             writable) while less than 256 bytes are held, one that
 *             does not fit in the 4096 held waits, and so does tcdrain;
 *             the output comes out
 *             on ^Q (IXON); with IXANY any key starts it and is input
 *   ^C        while stopped: SIGINT, the held output dropped, output
 *             started, then "^C" echoed; with NOFLSH nothing is dropped
 *
 * test_tty.py checks the echo; this checks what read() and signals say.
 * KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 12

static volatile sig_atomic_t sigints;

static void on_sigint(int sig)
{
	sigints++;
}

/* Ask for keys and read the line they make. */
static ssize_t ask_line(const char *keys, char *buf, size_t n)
{
	ssize_t got;

	printf("# press %s\n", keys);
	got = read(0, buf, n - 1);
	buf[got > 0 ? got : 0] = '\0';
	return got;
}

static void set_flags(tcflag_t iflag_on, tcflag_t iflag_off, tcflag_t lflag_on,
		      tcflag_t lflag_off)
{
	struct termios t;

	tcgetattr(0, &t);
	t.c_iflag = (t.c_iflag | iflag_on) & ~iflag_off;
	t.c_lflag = (t.c_lflag | lflag_on) & ~lflag_off;
	tcsetattr(0, TCSANOW, &t);
}

static void literal_next(void)
{
	char buf[64];
	ssize_t got = ask_line("a^V^Cb<CR>", buf, sizeof(buf));

	ktap_check(got == 4 && !strcmp(buf, "a\x03" "b\n") && !sigints, "lnext_ctrl_c_literal",
		   "read %zd, %d SIGINT", got, (int)sigints);
}

static void reprint(void)
{
	char buf[64];
	ssize_t got = ask_line("xy^Rz<CR>", buf, sizeof(buf));

	ktap_check(got == 4 && !strcmp(buf, "xyz\n"), "reprint_keeps_line", "read %zd", got);
}

/*
 * ^S, a line, a write(): it returns at once though nothing comes out until
 * restart. The verdict is printed once output runs again (a ^C drops what
 * was held).
 */
struct stopped_write {
	ssize_t got, put, len;
	char buf[64];
};

static void stopped_write(const char *keys, const char *text, struct stopped_write *w)
{
	w->got = ask_line(keys, w->buf, sizeof(w->buf));
	w->len = strlen(text);
	w->put = write(1, text, w->len);
}

static void check_stopped_write(const struct stopped_write *w, const char *name)
{
	ktap_check(w->got == 3 && !strcmp(w->buf, "go\n") && w->put == w->len, name,
		   "read %zd, write %zd", w->got, w->put);
}

/* ^C while stopped: the signal comes (SIGINT blocked: sigwait takes it). */
static void ctrl_c_while_stopped(const char *text, const char *write_name, const char *name)
{
	struct stopped_write w;
	sigset_t intr;
	int sig = 0;

	sigemptyset(&intr);
	sigaddset(&intr, SIGINT);
	sigprocmask(SIG_BLOCK, &intr, NULL);
	stopped_write("^Sgo<CR> after-silence ^C", text, &w);
	sigwait(&intr, &sig);
	printf("\n");
	check_stopped_write(&w, write_name);
	ktap_check(sig == SIGINT, name, "signal %d", sig);
	sigprocmask(SIG_UNBLOCK, &intr, NULL);
}

static volatile sig_atomic_t sigalrms;

static void on_sigalrm(int sig)
{
	sigalrms++;
}

/* tcdrain waits for the held output: SIGALRM (a second, before ^Q) ends it with EINTR. */
static void drain_while_stopped(void)
{
	struct sigaction sa = { .sa_handler = on_sigalrm };	/* no SA_RESTART */
	int ret, e;

	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	ret = tcdrain(1);
	e = errno;
	ktap_check(ret == -1 && e == EINTR && sigalrms == 1, "ixon_tcdrain_waits",
		   "tcdrain %d (%s), %d SIGALRM", ret, strerror(e), (int)sigalrms);
}

/* n lines of 79 '=' in one write(). */
static ssize_t write_lines(int n)
{
	static char buf[80 * 64];

	for (int i = 0; i < n; i++) {
		memset(buf + 80 * i, '=', 79);
		buf[80 * i + 79] = '\n';
	}
	return write(1, buf, 80 * n);
}

static short pollout_now(void)
{
	struct pollfd p = { .fd = 1, .events = POLLOUT };

	return poll(&p, 1, 0) == 1 ? p.revents : 0;
}

/*
 * Still stopped: writable (poll) while less than 256 bytes are held;
 * a write that does not fit in the 4096 held waits for ^Q, then is whole.
 */
static void fill_while_stopped(void)
{
	short before = pollout_now(), after;
	ssize_t some = write_lines(4), more;

	after = pollout_now();
	more = write_lines(50);
	ktap_check(before == POLLOUT && some == 320 && after == 0, "ixon_pollout_below_256_held",
		   "poll %#x, write %zd, poll %#x", before, some, after);
	ktap_check(more == 4000, "ixon_full_write_waits_for_start", "write %zd", more);
}

/*
 * IXANY: every key but ^S starts output, so no line can follow the ^S;
 * the write comes half a second after asking, well inside the silence
 * test_tty.py waits for, and k then starts output and is read.
 */
static void ixany(void)
{
	struct timespec half = { .tv_nsec = 500000000 };
	const char *text = "held until any key\n";
	char buf[64];
	ssize_t put, got;

	printf("# press ^S after-silence k\n");
	nanosleep(&half, NULL);
	put = write(1, text, strlen(text));
	ktap_check(put == (ssize_t)strlen(text), "ixany_write_returns", "write %zd", put);
	got = ask_line("<CR>", buf, sizeof(buf));
	ktap_check(got == 2 && !strcmp(buf, "k\n"), "ixany_key_is_input", "read %zd", got);
}

int main(void)
{
	struct stopped_write w;

	ktap_start("ttykeys", NR_CASES);
	signal(SIGINT, on_sigint);
	literal_next();
	reprint();
	stopped_write("^Sgo<CR> after-silence ^Q", "held by ixon\n", &w);
	drain_while_stopped();
	fill_while_stopped();
	check_stopped_write(&w, "ixon_write_returns");
	ask_line("<CR>", w.buf, sizeof(w.buf));	/* held until ^Q: the test saw ^Q work */
	set_flags(IXANY, 0, 0, 0);
	ixany();
	set_flags(0, IXANY, 0, 0);
	ctrl_c_while_stopped("dropped by ctrl-c\n", "ctrl_c_write_returns", "ctrl_c_while_stopped");
	set_flags(0, 0, NOFLSH, 0);
	ctrl_c_while_stopped("kept with noflsh\n", "noflsh_write_returns",
			     "noflsh_ctrl_c_while_stopped");
	set_flags(0, 0, 0, NOFLSH);
	return ktap_finish();
}
