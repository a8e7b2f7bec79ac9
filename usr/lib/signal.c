// SPDX-License-Identifier: GPL-2.0
/* signal.c: signal names (kill -l, kill -TERM) and descriptions (sh's job reports). */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const struct {
	const char *name, *text;
} sigs[] = {
	[SIGHUP]	= { "HUP",	"Hangup" },
	[SIGINT]	= { "INT",	"Interrupt" },
	[SIGQUIT]	= { "QUIT",	"Quit" },
	[SIGILL]	= { "ILL",	"Illegal instruction" },
	[SIGTRAP]	= { "TRAP",	"Trace/breakpoint trap" },
	[SIGABRT]	= { "ABRT",	"Aborted" },
	[SIGBUS]	= { "BUS",	"Bus error" },
	[SIGFPE]	= { "FPE",	"Floating point exception" },
	[SIGKILL]	= { "KILL",	"Killed" },
	[SIGUSR1]	= { "USR1",	"User defined signal 1" },
	[SIGSEGV]	= { "SEGV",	"Segmentation fault" },
	[SIGUSR2]	= { "USR2",	"User defined signal 2" },
	[SIGPIPE]	= { "PIPE",	"Broken pipe" },
	[SIGALRM]	= { "ALRM",	"Alarm clock" },
	[SIGTERM]	= { "TERM",	"Terminated" },
	[SIGCHLD]	= { "CHLD",	"Child exited" },
	[SIGCONT]	= { "CONT",	"Continued" },
	[SIGSTOP]	= { "STOP",	"Stopped (signal)" },
};

#define NR_NAMED	((int)(sizeof(sigs) / sizeof(sigs[0])))

const char *signame(int sig)
{
	return sig > 0 && sig < NR_NAMED ? sigs[sig].name : NULL;
}

int signum(const char *name)
{
	int sig;

	if (!strncmp(name, "SIG", 3))
		name += 3;
	for (sig = 1; sig < NR_NAMED; sig++)
		if (sigs[sig].name && !strcmp(sigs[sig].name, name))
			return sig;
	return 0;
}

const char *strsignal(int sig)
{
	static char unknown[32];

	if (sig > 0 && sig < NR_NAMED && sigs[sig].text)
		return sigs[sig].text;
	snprintf(unknown, sizeof(unknown), "Unknown signal %d", sig);
	return unknown;
}
