// SPDX-License-Identifier: GPL-2.0
/* sleep SECONDS[.FRACTION]: nanosleep that long. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
	struct timespec ts = { 0 };
	const char *p;
	long scale = 100000000;

	if (argc != 2 || !*argv[1])
		goto usage;
	for (p = argv[1]; isdigit(*p); p++)
		ts.tv_sec = ts.tv_sec * 10 + *p - '0';
	if (*p == '.')
		for (p++; isdigit(*p); p++, scale /= 10)
			ts.tv_nsec += (*p - '0') * scale;
	if (*p)
		goto usage;
	if (nanosleep(&ts, NULL) < 0) {
		dprintf(2, "sleep: %s\n", strerror(errno));
		return 1;
	}
	return 0;
usage:
	dprintf(2, "usage: sleep SECONDS[.FRACTION]\n");
	return 2;
}
