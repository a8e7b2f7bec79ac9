// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/ttywrite.c: processes on several CPUs writing the
 * same tty at once, while someone types on it (test_tty.py boots it as the
 * program init runs, on 4 CPUs of QEMU's multi-threaded TCG).
 *
 * Each of W writers (-w, 4) writes blocks of L lines (-l, 3) in one
 * write() each, line k of block i of writer w being
 *
 *	w iiii/k <64 times the letter 'a' + w>
 *
 * until it has written N blocks (-n, 30) and the parent says stop. The
 * parent prints "ttywrite: writing", then reads one line from the tty
 * (typed by the test, echoed while the writers write) and then says stop.
 * The test reads the console: every block's lines must come whole and in
 * order, never with another writer's bytes or an echo inside them (echo
 * may come between two lines). Here: each write() returns its whole
 * length, every writer exits 0. KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "ktap.h"

#define LETTERS 64
#define MAX_LINES 16

/* Writer w's blocks until n are out and stop is readable; 0, or 1 for a short write. */
static int writer(int w, int n, int lines, int stop)
{
	char buf[MAX_LINES * (LETTERS + 16)];
	struct pollfd pfd = { .fd = stop, .events = POLLIN };

	for (int i = 0; i < n || !poll(&pfd, 1, 0); i++) {
		size_t len = 0;
		ssize_t r;

		for (int k = 0; k < lines; k++) {
			len += sprintf(buf + len, "%d %04d/%d ", w, i % 10000, k);
			memset(buf + len, 'a' + w, LETTERS);
			len += LETTERS;
			buf[len++] = '\n';
		}
		r = write(1, buf, len);
		if (r != (ssize_t)len) {
			dprintf(2, "writer %d: write %zd of %zu: %s\n", w, r, len, strerror(errno));
			return 1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	int writers = 4, n = 30, lines = 3, opt, stop[2], failed = 0, st;
	pid_t pids[16];
	char line[256];
	ssize_t got;

	while ((opt = getopt(argc, argv, "w:n:l:")) != -1) {
		if (opt == 'w')
			writers = atoi(optarg);
		else if (opt == 'n')
			n = atoi(optarg);
		else if (opt == 'l')
			lines = atoi(optarg);
	}
	if (writers < 1 || writers > 16 || n < 1 || lines < 1 || lines > MAX_LINES) {
		fprintf(stderr, "usage: ttywrite [-w 1..16] [-n blocks] [-l 1..%d]\n", MAX_LINES);
		return 2;
	}
	ktap_start("ttywrite", 3);
	if (pipe(stop))
		return 1;
	printf("ttywrite: writing\n");
	for (int w = 0; w < writers; w++) {
		pids[w] = fork();
		if (pids[w] == 0) {
			close(stop[1]);
			_exit(writer(w, n, lines, stop[0]));
		}
	}
	close(stop[0]);
	got = read(0, line, sizeof(line));	/* the test types a line meanwhile */
	close(stop[1]);				/* the writers stop */
	for (int w = 0; w < writers; w++)
		if (waitpid(pids[w], &st, 0) != pids[w] || !WIFEXITED(st) || WEXITSTATUS(st))
			failed++;
	printf("ttywrite: done\n");
	ktap_check(got > 0, "typed_line_read", "read %zd", got);
	ktap_check(!failed, "every_write_whole", "%d writers failed", failed);
	ktap_check(tcflush(0, TCIFLUSH) == 0, "tcflush", "%s", strerror(errno));
	return ktap_finish();
}
