/* SPDX-License-Identifier: GPL-2.0 */
/*
 * signal.h: signal numbers (the kernel's, include/uapi/asm-generic/signal.h),
 * kill() and signal().
 *
 * signal() takes only SIG_DFL and SIG_IGN: this libc has no sa_restorer or
 * sigaction() yet, though the kernel runs handlers as Linux does (glibc
 * programs use them: Documentation/userspace-api/syscalls.rst). A program
 * that must act on a signal blocks it and takes it with sigtimedwait(), as
 * init does.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <unistd.h>

#include <uapi/asm-generic/signal.h>
#define NSIG		65

typedef void (*sighandler_t)(int);
#define SIG_DFL		((sighandler_t)0)
#define SIG_IGN		((sighandler_t)1)
#define SIG_ERR		((sighandler_t)-1)

int kill(pid_t pid, int sig);
sighandler_t signal(int sig, sighandler_t handler);

/* The kernel's signal set: bit sig - 1. */
typedef unsigned long sigset_t;
static inline int sigemptyset(sigset_t *set)
{
	*set = 0;
	return 0;
}

static inline int sigaddset(sigset_t *set, int sig)
{
	*set |= 1UL << (sig - 1);
	return 0;
}

struct timespec;
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
/* A signal of *set taken off the pending ones, waiting at most *timeout
 * (NULL: as long as it takes); -1 with EAGAIN when the time ran out. */
int sigtimedwait(const sigset_t *set, void *info, const struct timespec *timeout);

/* "SEGV" for SIGSEGV, or NULL; and back: 0 when unknown. (lib/signal.c) */
const char *signame(int sig);
int signum(const char *name);

#endif /* _SIGNAL_H */
