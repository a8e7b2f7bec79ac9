/* SPDX-License-Identifier: GPL-2.0 */
/*
 * signal.h: signal numbers (Linux's), kill() and signal().
 *
 * signal() takes only SIG_DFL and SIG_IGN: handlers need a signal frame and
 * rt_sigreturn, which headstart does not provide (see usr/README.rst).
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <unistd.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define NSIG		65

typedef void (*sighandler_t)(int);
#define SIG_DFL		((sighandler_t)0)
#define SIG_IGN		((sighandler_t)1)
#define SIG_ERR		((sighandler_t)-1)

int kill(pid_t pid, int sig);
sighandler_t signal(int sig, sighandler_t handler);

/* "SEGV" for SIGSEGV, or NULL; and back: 0 when unknown. (lib/signal.c) */
const char *signame(int sig);
int signum(const char *name);

#endif /* _SIGNAL_H */
