// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/execthread.c: execve in a process with several
 * threads, as Linux's de_thread does it. Each case forks a child that
 * starts threads and execs this program again from one of them; the new
 * program (argv[1] "exec-child") checks what it can see of the old one
 * and exits 42 if everything held, or 50 + the number of the first check
 * that failed; the parent checks the status its waitpid gets.
 *
 *   exec from a second thread   the pid stays (getpid() is the child's pid,
 *                               gettid() == getpid()), the exec'ing
 *                               thread's own id and every other thread are
 *                               gone (tgkill: ESRCH), a child forked by the
 *                               first thread is still ours to wait for; the
 *                               other threads were sleeping, waiting in a
 *                               futex, holding and waiting for a PI lock
 *   ... after the first thread exited (pthread_exit): the same
 *   exec from the first thread  the others are gone
 *   two threads exec at once    one program runs, once
 *
 * and, without exec, wait4 across threads as Linux's: a child another
 * thread forked can be waited for (not with __WNOTHREAD), also after that
 * thread exited (the child is handed to a live thread, not to init).
 *
 * KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 8
#define EXEC_OK 42

static const char *self;

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static int gone(pid_t pid, pid_t tid)
{
	return syscall(SYS_tgkill, pid, tid, 0) == -1 && errno == ESRCH;
}

/*
 * The exec'd program: argv = { self, "exec-child", pid, tid..., "--",
 * grandchild or 0 }. Every tid listed must be gone.
 */
static int exec_child(int argc, char **argv)
{
	pid_t pid = atoi(argv[2]), grandchild = 0;
	int i, status = -1;

	if (getpid() != pid)
		return 50;
	if (gettid() != pid)
		return 51;
	for (i = 3; i < argc && strcmp(argv[i], "--"); i++)
		if (!gone(pid, atoi(argv[i])))
			return 52;
	if (i + 1 < argc)
		grandchild = atoi(argv[i + 1]);
	if (grandchild && (waitpid(grandchild, &status, 0) != grandchild ||
			   !WIFEXITED(status) || WEXITSTATUS(status) != 7))
		return 53;
	if (waitpid(-1, &status, WNOHANG) != -1 || errno != ECHILD)
		return 54;	/* nothing else of ours is left */
	return EXEC_OK;
}

/* ---- the threads of the process that execs -------------------------------------------- */

static uint32_t never;			/* nobody wakes this futex */
static uint32_t pi_word;
static volatile pid_t tids[8];
static volatile int nr_ready;
static pid_t grandchild;
static int with_grandchild;

static void ready(void)
{
	tids[__atomic_fetch_add(&nr_ready, 1, __ATOMIC_SEQ_CST)] = gettid();
}

static __attribute__((noreturn)) void *sleeper(void *arg)
{
	ready();
	for (;;)
		sleep_ms(1000);
}

static __attribute__((noreturn)) void *futex_waiter(void *arg)
{
	ready();
	for (;;)
		syscall(SYS_futex, &never, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
}

static __attribute__((noreturn)) void *pi_owner(void *arg)
{
	__atomic_store_n(&pi_word, (uint32_t)gettid(), __ATOMIC_SEQ_CST);
	ready();
	for (;;)
		sleep_ms(1000);
}

static __attribute__((noreturn)) void *pi_waiter(void *arg)
{
	while (!__atomic_load_n(&pi_word, __ATOMIC_SEQ_CST))
		sleep_ms(1);
	ready();
	for (;;)
		syscall(SYS_futex, &pi_word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0);
}

/* exec this program from the calling thread, listing every thread as to be gone. */
static void *exec_now(void *arg)
{
	char *argv[16], num[12][16];
	int n = 0, k = 0;

	ready();
	while (nr_ready < (long)arg)
		sleep_ms(1);
	sleep_ms(10);		/* the others are asleep in the kernel by now */
	argv[n++] = (char *)self;
	argv[n++] = "exec-child";
	snprintf(num[k], 16, "%d", getpid());
	argv[n++] = num[k++];
	for (int i = 0; i < nr_ready; i++) {
		if (tids[i] == getpid())
			continue;	/* the first thread's id is the process's: it stays */
		snprintf(num[k], 16, "%d", tids[i]);
		argv[n++] = num[k++];
	}
	argv[n++] = "--";
	snprintf(num[k], 16, "%d", grandchild);
	argv[n++] = num[k++];
	argv[n] = NULL;
	execv(self, argv);
	_exit(60 + errno);
}

/* The child of a case: `how` says which thread execs, with which others. */
enum how { FROM_SECOND, FROM_SECOND_LEADER_GONE, FROM_FIRST, TWO_AT_ONCE };

static __attribute__((noreturn)) void run_child(enum how how)
{
	pthread_t t;
	long threads;

	ready();		/* the first thread, whose id is the pid */
	if (with_grandchild) {
		grandchild = fork();
		if (grandchild == 0)
			_exit(7);
	}
	pthread_create(&t, NULL, sleeper, NULL);
	pthread_create(&t, NULL, futex_waiter, NULL);
	pthread_create(&t, NULL, pi_owner, NULL);
	pthread_create(&t, NULL, pi_waiter, NULL);
	threads = 1 + 4;
	switch (how) {
	case FROM_SECOND:
		pthread_create(&t, NULL, exec_now, (void *)(threads + 1));
		pthread_join(t, NULL);		/* the first thread waits in a futex */
		break;
	case FROM_SECOND_LEADER_GONE:
		pthread_create(&t, NULL, exec_now, (void *)(threads + 1));
		pthread_exit(NULL);		/* a zombie until the exec takes its place */
	case FROM_FIRST:
		exec_now((void *)(threads + 1));
		break;
	case TWO_AT_ONCE:
		pthread_create(&t, NULL, exec_now, (void *)(threads + 2));
		exec_now((void *)(threads + 2));
		break;
	}
	_exit(70);
}

static int run_case(enum how how, int grandchild_too)
{
	int status = -1;
	pid_t child, got;

	with_grandchild = grandchild_too;
	child = fork();
	if (child == 0)
		run_child(how);
	got = waitpid(child, &status, 0);
	if (got != child)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + status;
}

/* ---- wait4 for children of other threads ----------------------------------------------- */

static volatile pid_t forked;
static volatile int release_forker;

static void *fork_child(void *arg)
{
	pid_t child = fork();

	if (child == 0) {
		sleep_ms(20);
		_exit((int)(long)arg);
	}
	forked = child;
	while (arg == (void *)6L && !release_forker)	/* stay alive while main waits */
		sleep_ms(1);
	return NULL;
}

static void test_wait_across_threads(void)
{
	pthread_t t;
	pid_t child, got;
	int status = -1;

	pthread_create(&t, NULL, fork_child, (void *)5L);
	pthread_join(t, NULL);		/* the thread has exited: its child is ours */
	child = forked;
	got = waitpid(child, &status, 0);
	ktap_check(got == child && WIFEXITED(status) && WEXITSTATUS(status) == 5,
		   "wait_for_child_of_exited_thread", "waitpid %d of %d, status %#x", got, child,
		   status);

	/* A live thread's child: ours to wait for, but not with __WNOTHREAD. */
	forked = 0;
	pthread_create(&t, NULL, fork_child, (void *)6L);
	while (!forked)
		sleep_ms(1);
	child = forked;
	errno = 0;
	got = waitpid(child, &status, __WNOTHREAD | WNOHANG);
	ktap_check(got == -1 && errno == ECHILD, "wnothread_sees_only_own_children",
		   "waitpid gave %d errno %d", got, errno);
	got = waitpid(child, &status, 0);
	release_forker = 1;
	pthread_join(t, NULL);
	ktap_check(got == child && WIFEXITED(status) && WEXITSTATUS(status) == 6,
		   "wait_for_child_of_other_thread", "waitpid %d of %d, status %#x", got, child,
		   status);
}

int main(int argc, char **argv)
{
	int r;

	self = argv[0];
	if (argc > 2 && !strcmp(argv[1], "exec-child"))
		return exec_child(argc, argv);
	ktap_start("execthread", NR_CASES);
	r = run_case(FROM_SECOND, 1);
	ktap_check(r == EXEC_OK, "exec_from_second_thread_keeps_pid_and_children",
		   "child status %d", r);
	r = run_case(FROM_SECOND_LEADER_GONE, 0);
	ktap_check(r == EXEC_OK, "exec_from_second_thread_after_first_exited",
		   "child status %d", r);
	r = run_case(FROM_FIRST, 1);
	ktap_check(r == EXEC_OK, "exec_from_first_thread_ends_the_others", "child status %d", r);
	r = run_case(TWO_AT_ONCE, 0);
	ktap_check(r == EXEC_OK, "two_threads_exec_at_once_one_wins", "child status %d", r);
	test_wait_across_threads();
	r = waitpid(-1, NULL, WNOHANG);
	ktap_check(r == -1 && errno == ECHILD, "no_child_left", "waitpid gave %d", r);
	return ktap_finish();
}
