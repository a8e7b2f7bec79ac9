// SPDX-License-Identifier: GPL-2.0
/*
 * cpu_share [seconds]: four CPU burners started at the same instant get
 * their fair share: each one's CPU time (utime + stime from
 * /proc/<pid>/stat) within 10% of the average, after `seconds` (default 4).
 * With one CPU this is the round-robin scheduler's time slicing; with more,
 * the burners share them. Checked on headstart only: under qemu-aarch64
 * (usr/tests) the shares are the host's, and the case is a SKIP.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NBURN	4

/* utime + stime of pid in clock ticks, or -1. */
static long cpu_ticks(pid_t pid)
{
	char path[64], buf[512], *p;
	unsigned long v = 0;
	ssize_t n;
	int fd, field;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strrchr(buf, ')');		/* fields from 3 (state) on */
	if (!p)
		return -1;
	p += 2;
	for (field = 3; field <= 15 && *p; field++) {
		if (field >= 14)
			v += strtoul(p, NULL, 10);
		p = strchr(p, ' ');
		if (!p)
			return field == 15 ? (long)v : -1;
		p++;
	}
	return field > 15 ? (long)v : -1;
}

static void sleep_until(long long t)
{
	long long d;

	while ((d = t - monotonic_ns()) > 0) {
		struct timespec ts = { d / 1000000000, d % 1000000000 };

		nanosleep(&ts, NULL);
	}
}

int main(int argc, char **argv)
{
	int seconds = argc > 1 ? atoi(argv[1]) : 4;
	long long start = monotonic_ns() + 200000000LL;	/* all begin together */
	long ticks[NBURN], sum = 0, avg, worst = 0;
	pid_t pids[NBURN];
	int i, n, all_read = 1;

	ktap_start("cpu_share", 2);
	for (n = 0; n < NBURN; n++) {
		pids[n] = fork();
		if (pids[n] == 0) {
			volatile unsigned long spin = 0;

			sleep_until(start);
			for (;;)
				spin++;
		}
		if (pids[n] < 0)
			break;
	}
	if (n == NBURN) {
		sleep_until(start + seconds * 1000000000LL);
		for (i = 0; i < n; i++) {
			ticks[i] = cpu_ticks(pids[i]);
			all_read &= ticks[i] >= 0;
		}
	}
	for (i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	while (wait4(-1, NULL, 0, NULL) > 0)
		;
	if (!ktap_result(n == NBURN && all_read, "read_cpu_time_of_%d_burners", NBURN)) {
		ktap_diag("forked %d; /proc/<pid>/stat %s", n, all_read ? "read" : "unreadable");
		ktap_result(0, "each_burner_within_10_percent_of_average");
		return ktap_finish();
	}
	for (i = 0; i < NBURN; i++)
		sum += ticks[i];
	avg = sum / NBURN;
	for (i = 0; i < NBURN; i++) {
		long off = ticks[i] > avg ? ticks[i] - avg : avg - ticks[i];

		if (off > worst)
			worst = off;
	}
	ktap_diag("ticks in %d s: %ld %ld %ld %ld (average %ld, worst off by %ld)", seconds,
		  ticks[0], ticks[1], ticks[2], ticks[3], avg, worst);
	/*
	 * Under qemu-aarch64 the burners are host processes: their shares are
	 * the host's scheduling among everything else it runs, not a kernel
	 * under test, so a busy host can miss 10% without any fault here.
	 */
	if (ktap_on_linux())
		ktap_skip("Linux shares the CPUs with the rest of the host",
			  "each_burner_within_10_percent_of_average");
	else
		ktap_result(avg > 0 && worst * 10 <= avg,
			    "each_burner_within_10_percent_of_average");
	return ktap_finish();
}
