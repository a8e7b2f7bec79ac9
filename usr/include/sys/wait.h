/* SPDX-License-Identifier: GPL-2.0 */
/* sys/wait.h: wait4() and friends, with Linux's status word encoding. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <unistd.h>

#define WNOHANG		1

/* Exit: code << 8. Killed: the signal number in bits 0..6 (bit 7: core). */
#define WEXITSTATUS(s)	(((s) >> 8) & 0xff)
#define WTERMSIG(s)	((s) & 0x7f)
#define WIFEXITED(s)	(WTERMSIG(s) == 0)
#define WIFSIGNALED(s)	(WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)

struct rusage;
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);

#endif /* _SYS_WAIT_H */
