// SPDX-License-Identifier: GPL-2.0
/*
 * kill [-s SIG | -SIG | -N] pid...  send a signal (SIGTERM by default);
 * kill -l lists the signal names.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_sig(const char *s)
{
	char *end;
	long n;

	if (isdigit(*s)) {
		n = strtol(s, &end, 10);
		return *end || n < 0 || n >= NSIG ? -1 : (int)n;
	}
	n = signum(s);
	return n ? (int)n : -1;
}

int main(int argc, char **argv)
{
	int i = 1, sig = SIGTERM, ret = 0;
	char *end;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		for (sig = 1; sig < NSIG; sig++)
			if (signame(sig))
				printf("%2d %s\n", sig, signame(sig));
		return 0;
	}
	if (argc > 2 && !strcmp(argv[1], "-s")) {
		sig = parse_sig(argv[2]);
		i = 3;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] && !isdigit(argv[1][1])) {
		sig = parse_sig(argv[1] + 1);
		i = 2;
	} else if (argc > 2 && argv[1][0] == '-' && isdigit(argv[1][1])) {
		sig = parse_sig(argv[1] + 1);	/* kill -9 pid */
		i = 2;
	}
	if (sig < 0 || i >= argc) {
		dprintf(2, "usage: kill [-s SIG | -SIG | -N] pid...  |  kill -l\n");
		return 2;
	}
	for (; i < argc; i++) {
		long pid = strtol(argv[i], &end, 10);

		if (*end || end == argv[i]) {
			dprintf(2, "kill: %s: not a process id\n", argv[i]);
			ret = 1;
		} else if (kill((int)pid, sig) < 0) {
			dprintf(2, "kill: (%ld): %s\n", pid, strerror(errno));
			ret = 1;
		}
	}
	return ret;
}
