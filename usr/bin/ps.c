// SPDX-License-Identifier: GPL-2.0
/*
 * ps: one line per process: pid, parent, state, the CPU it last ran on
 * (procps's PSR), CPU time, command.
 *
 * Reads /proc/<pid>/stat, the file Linux's procfs has (man 5 proc), so ps
 * works the same on Linux and on headstart. What it uses of the line:
 *
 *	pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt
 *	majflt cmajflt utime stime ... processor (field 39) ...
 *
 * comm is the executable's base name (15 characters at most) and may hold
 * spaces or parentheses, so it ends at the last ')'. utime and stime are in
 * clock ticks of AT_CLKTCK (auxv; 100 when absent, as Linux's USER_HZ).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

struct proc {
	int pid, ppid;
	char state;
	unsigned long ticks;	/* utime + stime */
	int cpu;		/* processor, field 39; -1 if the line is shorter */
	char comm[32];
};

static int parse_stat(const char *buf, struct proc *p)
{
	const char *open = strchr(buf, '('), *close = strrchr(buf, ')');
	unsigned long f[36];	/* fields 4..39 after state: ppid .. processor */
	char *end;
	int i;

	if (!open || !close || close < open)
		return -1;
	p->pid = atoi(buf);
	snprintf(p->comm, sizeof(p->comm), "%.*s", (int)(close - open - 1), open + 1);
	end = (char *)close + 1;
	while (*end == ' ')
		end++;
	p->state = *end ? *end++ : '?';
	for (i = 0; i < 36; i++) {
		const char *s = end;

		f[i] = strtoul(s, &end, 10);	/* a negative field (nice) too */
		if (end == s)
			break;
	}
	if (i < 12)
		return -1;	/* fewer fields than Linux's first 15 */
	p->ppid = (int)f[0];
	p->ticks = f[10] + f[11];	/* utime (14) + stime (15) */
	p->cpu = i == 36 ? (int)f[35] : -1;
	return 0;
}

static int read_proc(int pid, struct proc *p)
{
	char path[64], buf[1024];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;		/* it ended since we listed /proc */
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return parse_stat(buf, p);
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct proc *)a)->pid - ((const struct proc *)b)->pid;
}

int main(int argc, char **argv)
{
	unsigned long hz = getauxval(AT_CLKTCK) ? getauxval(AT_CLKTCK) : 100;
	struct proc *procs = NULL;
	struct dirent *e;
	int n = 0, cap = 0, i;
	DIR *d = opendir("/proc");

	if (!d) {
		dprintf(2, "ps: /proc: %s (the kernel provides /proc/<pid>/stat)\n",
			strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		if (!isdigit(e->d_name[0]))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			procs = realloc(procs, cap * sizeof(*procs));
			if (!procs)
				return 1;
		}
		if (read_proc(atoi(e->d_name), &procs[n]) == 0)
			n++;
	}
	closedir(d);
	qsort(procs, n, sizeof(*procs), by_pid);

	printf("%5s %5s %s %3s %9s %s\n", "PID", "PPID", "S", "PSR", "TIME", "COMMAND");
	for (i = 0; i < n; i++) {
		unsigned long cs = procs[i].ticks * 100 / hz;	/* centiseconds */
		char psr[12] = "-";

		if (procs[i].cpu >= 0)
			snprintf(psr, sizeof(psr), "%d", procs[i].cpu);
		printf("%5d %5d %c %3s %3lu:%02lu.%02lu %s\n", procs[i].pid, procs[i].ppid,
		       procs[i].state, psr, cs / 6000, cs / 100 % 60, cs % 100, procs[i].comm);
	}
	return 0;
}
