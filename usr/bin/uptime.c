// SPDX-License-Identifier: GPL-2.0
/*
 * uptime: time since boot (CLOCK_MONOTONIC, which starts at boot), then the
 * number of processes and the load averages from sysinfo(2) when the kernel
 * has it.
 */
#include <stdio.h>
#include <sys/sysinfo.h>
#include <time.h>

static void load(char *buf, unsigned long l)
{
	unsigned long hundredths = (l * 100 + (1 << (SI_LOAD_SHIFT - 1))) >> SI_LOAD_SHIFT;

	sprintf(buf, "%lu.%02lu", hundredths / 100, hundredths % 100);
}

int main(void)
{
	struct timespec ts;
	struct sysinfo si;
	char l1[16], l5[16], l15[16], line[160];
	long s;
	int n;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0) {
		perror("uptime: clock_gettime");
		return 1;
	}
	s = ts.tv_sec;
	n = snprintf(line, sizeof(line), " up ");
	if (s >= 86400)
		n += snprintf(line + n, sizeof(line) - n, "%ld day%s, ", s / 86400,
			      s >= 2 * 86400 ? "s" : "");
	n += snprintf(line + n, sizeof(line) - n, "%ld:%02ld:%02ld", s / 3600 % 24,
		      s / 60 % 60, s % 60);
	if (sysinfo(&si) == 0) {
		load(l1, si.loads[0]);
		load(l5, si.loads[1]);
		load(l15, si.loads[2]);
		snprintf(line + n, sizeof(line) - n, ",  %u processes,  load average: %s, %s, %s",
			 si.procs, l1, l5, l15);
	}
	puts(line);		/* one write */
	return 0;
}
