// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/sigqueue.c: rt_sigqueueinfo (138), glibc's sigqueue,
 * and rt_tgsigqueueinfo (240): the value and sender reach the handler and
 * sigtimedwait, queued real-time signals keep their order and values, a
 * thread gets its own; Linux's rules: kill's permission check for another
 * user's process, and no one, root included, may send another process a
 * siginfo that claims to come from the kernel or from kill/tgkill; bad
 * input. KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES	8

static volatile int got_sig, got_code, got_pid, got_value, got_tid;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
	got_sig = sig;
	got_code = si->si_code;
	got_pid = si->si_pid;
	got_value = si->si_value.sival_int;
	got_tid = gettid();
}

static void install(int sig)
{
	struct sigaction sa = { .sa_sigaction = on_signal, .sa_flags = SA_SIGINFO };

	sigaction(sig, &sa, NULL);
}

static long sys_sigqueueinfo(pid_t pid, int sig, int code, int value)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = code;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = value;
	return syscall(SYS_rt_sigqueueinfo, pid, sig, &si);
}

static void test_to_self(void)
{
	union sigval v = { .sival_int = 42 };
	int r;

	install(SIGRTMIN);
	r = sigqueue(getpid(), SIGRTMIN, v);
	ktap_check(r == 0 && got_sig == SIGRTMIN && got_code == SI_QUEUE && got_pid == getpid() &&
		   got_value == 42, "sigqueue_to_handler", "ret %d sig %d code %d pid %d value %d",
		   r, got_sig, got_code, got_pid, got_value);
	r = sigqueue(getpid(), 0, v);
	ktap_check(r == 0, "signal_0_checks_only", "ret %d errno %d", r, errno);
}

/* Three queued values come out of sigtimedwait in the order they went in. */
static void test_queued_order(void)
{
	struct timespec zero = { 0, 0 };
	sigset_t set;
	siginfo_t si;
	int values[3] = { -1, -1, -1 };

	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN + 1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	for (int i = 1; i <= 3; i++)
		sigqueue(getpid(), SIGRTMIN + 1, (union sigval){ .sival_int = i * 10 });
	for (int i = 0; i < 3; i++)
		if (sigtimedwait(&set, &si, &zero) == SIGRTMIN + 1 && si.si_code == SI_QUEUE)
			values[i] = si.si_value.sival_int;
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	ktap_check(values[0] == 10 && values[1] == 20 && values[2] == 30, "queued_in_order",
		   "values %d %d %d", values[0], values[1], values[2]);
}

static volatile int thread_tid;

static void *waiter(void *arg)
{
	thread_tid = gettid();
	while (!got_tid)
		;
	return NULL;
}

/* rt_tgsigqueueinfo: to one thread, which runs the handler itself. */
static void test_to_thread(void)
{
	pthread_t t;
	siginfo_t si;
	long r;

	got_tid = 0;
	install(SIGUSR1);
	pthread_create(&t, NULL, waiter, NULL);
	while (!thread_tid)
		;
	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_value.sival_int = 7;
	r = syscall(SYS_rt_tgsigqueueinfo, getpid(), thread_tid, SIGUSR1, &si);
	pthread_join(t, NULL);
	ktap_check(r == 0 && got_tid == thread_tid && got_value == 7 && got_code == SI_QUEUE,
		   "tgsigqueueinfo_to_thread", "ret %ld ran in %d (thread %d) value %d", r,
		   got_tid, thread_tid, got_value);
	errno = 0;
	r = syscall(SYS_rt_tgsigqueueinfo, getpid() + 1000, gettid(), SIGUSR1, &si);
	ktap_check(r == -1 && errno == ESRCH, "tgsigqueueinfo_wrong_tgid", "ret %ld errno %d", r,
		   errno);
}

/* Root may not forge a kernel or kill siginfo to another process; another user may not at all. */
static void test_permissions(void)
{
	int forged = 0, status = -1;
	pid_t child = fork();

	if (child == 0) {
		for (;;)
			pause();
	}
	if (!(sys_sigqueueinfo(child, SIGUSR1, SI_USER, 0) == -1 && errno == EPERM))
		forged |= 1;
	if (!(sys_sigqueueinfo(child, SIGUSR1, SI_KERNEL, 0) == -1 && errno == EPERM))
		forged |= 2;
	if (!(sys_sigqueueinfo(child, SIGUSR1, SI_TKILL, 0) == -1 && errno == EPERM))
		forged |= 4;
	ktap_check(!forged, "no_forged_siginfo_to_others", "accepted %#x", forged);
	kill(child, SIGKILL);
	waitpid(child, NULL, 0);

	child = fork();
	if (child == 0) {
		setresuid(1000, 1000, 1000);
		_exit(sigqueue(getppid(), SIGUSR1, (union sigval){ 0 }) == -1 && errno == EPERM ?
		      0 : 1);
	}
	waitpid(child, &status, 0);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "other_user_eperm",
		   "status %#x", status);
}

static void test_bad_input(void)
{
	int bad = 0;

	errno = 0;
	bad |= !(sys_sigqueueinfo(getpid(), 100, SI_QUEUE, 0) == -1 && errno == EINVAL);
	errno = 0;
	bad |= !(syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, (void *)8) == -1 &&
		 errno == EFAULT) << 1;
	errno = 0;
	bad |= !(sys_sigqueueinfo(99999, SIGUSR1, SI_QUEUE, 0) == -1 && errno == ESRCH) << 2;
	errno = 0;
	bad |= !(syscall(SYS_rt_tgsigqueueinfo, getpid(), 0, SIGUSR1, NULL) == -1 &&
		 errno == EINVAL) << 3;
	ktap_check(!bad, "bad_input", "failed checks %#x", bad);
}

int main(void)
{
	ktap_start("sigqueue", NR_CASES);
	test_to_self();
	test_queued_order();
	test_to_thread();
	test_permissions();
	test_bad_input();
	return ktap_finish();
}
