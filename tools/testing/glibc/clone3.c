// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/clone3.c: clone3 (435), Linux's struct clone_args.
 * A fork through it (exit signal apart from the flags, CLONE_PARENT_SETTID,
 * CLONE_CHILD_SETTID, a larger struct whose unknown tail is zero), and
 * what it refuses, with Linux's errors. (Debian's glibc 2.36 has no clone3
 * wrapper on arm64: pthread_create and posix_spawn call clone; this
 * program makes the system call itself.) KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES	5

struct clone_args_v0 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

/* The struct as a later kernel might know it: 64 more bytes. */
struct clone_args_big {
	struct clone_args_v0 v0;
	uint64_t later[8];
};

static long clone3(void *args, size_t size)
{
	return syscall(SYS_clone3, args, size);
}

static void test_fork(void)
{
	struct clone_args_big big;
	int ptid = -1, status = -1, status2 = -1;
	long pid, pid2;

	memset(&big, 0, sizeof(big));
	big.v0.flags = CLONE_PARENT_SETTID;
	big.v0.parent_tid = (uintptr_t)&ptid;
	big.v0.exit_signal = SIGCHLD;
	pid = clone3(&big, sizeof(big.v0));
	if (pid == 0)
		_exit(42);
	waitpid(pid, &status, 0);
	ktap_check(pid > 0 && ptid == pid && WIFEXITED(status) && WEXITSTATUS(status) == 42,
		   "clone3_fork", "pid %ld parent_tid %d status %#x", pid, ptid, status);

	big.v0.flags = 0;
	pid2 = clone3(&big, sizeof(big));	/* unknown tail, all zero: accepted */
	if (pid2 == 0)
		_exit(7);
	waitpid(pid2, &status2, 0);
	ktap_check(pid2 > 0 && WIFEXITED(status2) && WEXITSTATUS(status2) == 7,
		   "larger_struct_zero_tail", "pid %ld status %#x", pid2, status2);
}

/* CLONE_CHILD_SETTID: the child finds its own pid at child_tid, in its copy. */
static void test_child_settid(void)
{
	struct clone_args_v0 a;
	static volatile int ctid;
	int status = -1;
	long pid;

	memset(&a, 0, sizeof(a));
	ctid = 0;
	a.flags = CLONE_CHILD_SETTID;
	a.child_tid = (uintptr_t)&ctid;
	a.exit_signal = SIGCHLD;
	pid = clone3(&a, sizeof(a));
	if (pid == 0)
		_exit(ctid == getpid() ? 0 : 1);
	waitpid(pid, &status, 0);
	ktap_check(pid > 0 && ctid == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
		   "child_settid", "pid %ld parent's ctid %d status %#x", pid, ctid, status);
}

/*
 * CLONE_CHILD_SETTID aimed at the vDSO's ELF header: the kernel's page,
 * shared by every process, must not take the child's pid.
 */
static void test_settid_into_vdso(void)
{
	unsigned char *vdso = (unsigned char *)getauxval(AT_SYSINFO_EHDR);
	struct clone_args_v0 a;
	int status = -1;
	long pid;

	memset(&a, 0, sizeof(a));
	a.flags = CLONE_CHILD_SETTID;
	a.child_tid = (uintptr_t)vdso;
	a.exit_signal = SIGCHLD;
	pid = clone3(&a, sizeof(a));
	if (pid == 0)
		_exit(!memcmp(vdso, "\177ELF", 4) ? 0 : 1);
	waitpid(pid, &status, 0);
	ktap_check(vdso && !memcmp(vdso, "\177ELF", 4) && WIFEXITED(status) &&
		   WEXITSTATUS(status) == 0, "child_settid_not_into_vdso", "status %#x", status);
}

/* Each bad call must fail with its errno, and create nothing. */
static void test_refused(void)
{
	struct { size_t size; uint64_t flags, exit_signal, stack, stack_size; int tail;
		 int err; } bad[] = {
		{ 8, 0, SIGCHLD, 0, 0, 0, EINVAL },			/* before version 0 */
		{ 4096 + 8, 0, SIGCHLD, 0, 0, 0, E2BIG },		/* over a page */
		{ sizeof(struct clone_args_big), 0, SIGCHLD, 0, 0, 1, E2BIG },
		{ 64, SIGCHLD, 0, 0, 0, 0, EINVAL },			/* signal in flags */
		{ 64, 0, 100, 0, 0, 0, EINVAL },			/* no such signal */
		{ 64, CLONE_VM | CLONE_SIGHAND | CLONE_THREAD, SIGCHLD, 0, 0, 0, EINVAL },
		{ 64, 0, SIGCHLD, 0x10000, 0, 0, EINVAL },		/* stack, no size */
		{ 64, 0, SIGCHLD, 0, 4096, 0, EINVAL },			/* size, no stack */
		{ 64, CLONE_PIDFD, SIGCHLD, 0, 0, 0, EINVAL },		/* not here */
	};
	static char page[8192];
	int wrong = -1;
	long r = 0;

	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]) && wrong < 0; i++) {
		struct clone_args_big *a = (void *)page;

		memset(page, 0, sizeof(page));
		a->v0.flags = bad[i].flags;
		a->v0.exit_signal = bad[i].exit_signal;
		a->v0.stack = bad[i].stack;
		a->v0.stack_size = bad[i].stack_size;
		a->later[7] = bad[i].tail;
		errno = 0;
		r = clone3(a, bad[i].size);
		if (r == 0)
			_exit(99);		/* a child that should not be */
		if (r != -1 || errno != bad[i].err)
			wrong = i;
	}
	errno = 0;
	if (wrong < 0 && !(clone3((void *)8, 64) == -1 && errno == EFAULT))
		wrong = 100;
	ktap_check(wrong < 0, "bad_args_refused", "case %d: ret %ld errno %d", wrong, r, errno);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

int main(void)
{
	ktap_start("clone3", NR_CASES);
	test_fork();
	test_child_settid();
	test_settid_into_vdso();
	test_refused();
	return ktap_finish();
}
