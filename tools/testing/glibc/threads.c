// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/threads.c: glibc's pthreads on the kernel: clone with
 * glibc's CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|
 * CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID,
 * joins (the clear_child_tid futex), TLS, mutexes and condition variables
 * under preemption, the futex calls themselves (wait, wake, bitsets,
 * timeouts, requeue, bad input), gettid/getpid, exit vs exit_group,
 * signals to threads and to the process, a process outliving its first
 * thread, a fatal signal ending every thread, execve from a threaded
 * process, the working directory and umask threads share (CLONE_FS) and a
 * forked child does not. KTAP out (ktap.h).
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
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 25
#define NTHREADS 4
#define LOOPS 20000

static __thread int tls_value = 7;

static long futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *ts,
		  uint32_t *uaddr2, uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, ts, uaddr2, val3);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* ---- create, join, ids, TLS ------------------------------------------------------ */

struct ids {
	pid_t pid, tid;
	int tls_before, tls_after;
};

static void *report_ids(void *arg)
{
	struct ids *ids = arg;

	ids->pid = getpid();
	ids->tid = gettid();
	ids->tls_before = tls_value;
	tls_value = 99;
	ids->tls_after = tls_value;
	return (void *)0x1234;
}

static void test_create_join(void)
{
	struct ids ids = { 0 };
	pthread_t t;
	void *ret = NULL;
	int err;

	tls_value = 5;
	err = pthread_create(&t, NULL, report_ids, &ids);
	ktap_check(err == 0, "pthread_create", "error %d (%s)", err, strerror(err));
	if (err)
		return;
	err = pthread_join(t, &ret);
	ktap_check(err == 0 && ret == (void *)0x1234, "pthread_join_value", "error %d ret %p", err,
		   ret);
	ktap_check(ids.pid == getpid() && ids.tid != getpid() && ids.tid > 0 &&
		   gettid() == getpid(), "getpid_gettid", "thread pid %d tid %d, main %d/%d",
		   ids.pid, ids.tid, getpid(), gettid());
	ktap_check(ids.tls_before == 7 && ids.tls_after == 99 && tls_value == 5, "tls",
		   "thread saw %d then %d, main %d", ids.tls_before, ids.tls_after, tls_value);
}

/* ---- mutexes and condition variables ------------------------------------------------ */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int queue_len, consumed, done_producing;

static void *add_many(void *arg)
{
	for (int i = 0; i < LOOPS; i++) {
		pthread_mutex_lock(&lock);
		long c = counter;

		if ((i & 255) == 0)
			sched_yield();	/* make others find the mutex held */
		counter = c + 1;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consume(void *arg)
{
	for (;;) {
		pthread_mutex_lock(&lock);
		while (!queue_len && !done_producing)
			pthread_cond_wait(&cond, &lock);
		if (!queue_len && done_producing) {
			pthread_mutex_unlock(&lock);
			return NULL;
		}
		queue_len--;
		consumed++;
		pthread_mutex_unlock(&lock);
	}
}

static void test_mutex_cond(void)
{
	pthread_t t[NTHREADS];
	struct timespec deadline;
	int err;

	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, add_many, NULL);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	ktap_check(counter == NTHREADS * LOOPS, "mutex_counts_exactly", "counter %ld of %d",
		   counter, NTHREADS * LOOPS);

	for (int i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, consume, NULL);
	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&lock);
		queue_len++;
		pthread_cond_signal(&cond);
		pthread_mutex_unlock(&lock);
		if ((i & 63) == 0)
			sleep_ms(1);	/* let consumers sleep on the condvar */
	}
	pthread_mutex_lock(&lock);
	done_producing = 1;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	ktap_check(consumed == 1000 && queue_len == 0, "condvar_producer_consumers",
		   "consumed %d left %d", consumed, queue_len);

	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_nsec += 20 * 1000 * 1000;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&lock);
	err = pthread_cond_timedwait(&cond, &lock, &deadline);
	pthread_mutex_unlock(&lock);
	ktap_check(err == ETIMEDOUT, "cond_timedwait_times_out", "error %d", err);
}

/* ---- futex itself ------------------------------------------------------------------- */

static uint32_t f1, f2;
static volatile int waiters_done;

static void *wait_f1(void *arg)
{
	while (futex(&f1, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0) && errno == EINTR)
		;
	__atomic_add_fetch(&waiters_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void test_futex(void)
{
	struct timespec ten_ms = { 0, 10 * 1000 * 1000 }, abs;
	pthread_t a, b;
	uint32_t word = 1;
	long r, r2;

	errno = 0;
	r = futex(&word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	ktap_check(r == -1 && errno == EAGAIN, "futex_wait_value_changed", "ret %ld errno %d", r,
		   errno);
	errno = 0;
	r = futex(&word, FUTEX_WAIT_PRIVATE, 1, &ten_ms, NULL, 0);
	ktap_check(r == -1 && errno == ETIMEDOUT, "futex_wait_timeout", "ret %ld errno %d", r,
		   errno);
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_nsec += 10 * 1000 * 1000;
	if (abs.tv_nsec >= 1000000000L) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000L;
	}
	errno = 0;
	r = futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 1, &abs, NULL, FUTEX_BITSET_MATCH_ANY);
	ktap_check(r == -1 && errno == ETIMEDOUT, "futex_wait_bitset_absolute_timeout",
		   "ret %ld errno %d", r, errno);
	ktap_check(futex(&word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0,
		   "futex_wake_nobody", "woke someone");
	errno = 0;
	r = futex((uint32_t *)((char *)&word + 1), FUTEX_WAKE, 1, NULL, NULL, 0);
	ktap_check(r == -1 && errno == EINVAL, "futex_misaligned_einval", "ret %ld errno %d", r,
		   errno);

	/* Two waiters on f1; requeue both to f2; wake them there. */
	pthread_create(&a, NULL, wait_f1, NULL);
	pthread_create(&b, NULL, wait_f1, NULL);
	sleep_ms(20);
	errno = 0;
	r = futex(&f1, FUTEX_CMP_REQUEUE_PRIVATE, 0, (void *)2L, &f2, 1);
	ktap_check(r == -1 && errno == EAGAIN, "futex_cmp_requeue_mismatch", "ret %ld errno %d",
		   r, errno);
	r = futex(&f1, FUTEX_CMP_REQUEUE_PRIVATE, 0, (void *)2L, &f2, 0);
	r2 = futex(&f1, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
	ktap_check(r == 2 && r2 == 0 && waiters_done == 0, "futex_cmp_requeue_moves",
		   "requeued %ld, then woke %ld on f1, done %d", r, r2, waiters_done);
	r = futex(&f2, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	ktap_check(r == 2 && waiters_done == 2, "futex_wake_requeued", "woke %ld done %d", r,
		   waiters_done);
}

/* ---- exit, exit_group, signals, exec ------------------------------------------------------ */

static void *exit_thread_only(void *arg)
{
	syscall(SYS_exit, 0);	/* this thread only */
	return NULL;
}

static void *exit_whole_process(void *arg)
{
	sleep_ms(50);
	exit(4);		/* exit_group */
}

static __attribute__((noreturn)) void *sleep_forever(void *arg)
{
	for (;;)
		sleep_ms(1000);
}

static volatile pid_t handler_tid;

static void on_usr1(int sig)
{
	handler_tid = gettid();
}

struct waiter {
	pid_t tid;
	volatile int ready;
};

static void *wait_for_signal(void *arg)
{
	struct waiter *w = arg;
	sigset_t usr1;

	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
	w->tid = gettid();
	w->ready = 1;
	while (!handler_tid)
		sleep_ms(5);
	return NULL;
}

static int child_status(pid_t child)
{
	int status = -1;

	waitpid(child, &status, 0);
	return status;
}

static void test_exit_and_signals(const char *self)
{
	struct waiter w = { 0 };
	pthread_t t;
	sigset_t usr1;
	pid_t child;
	int status;
	void *ret;

	pthread_create(&t, NULL, exit_thread_only, NULL);
	ktap_check(pthread_join(t, &ret) == 0, "sys_exit_ends_one_thread", "join failed");

	child = fork();
	if (child == 0) {
		pthread_create(&t, NULL, exit_whole_process, NULL);
		pthread_exit(NULL);	/* the first thread goes; the process lives on */
	}
	status = child_status(child);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 4,
		   "process_outlives_first_thread", "status %#x", status);

	child = fork();
	if (child == 0) {
		pthread_create(&t, NULL, sleep_forever, NULL);
		pthread_create(&t, NULL, sleep_forever, NULL);
		sleep_forever(NULL);
	}
	sleep_ms(50);
	kill(child, SIGTERM);
	status = child_status(child);
	ktap_check(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
		   "fatal_signal_ends_all_threads", "status %#x", status);

	/* A process signal goes to the thread that does not block it. */
	signal(SIGUSR1, on_usr1);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, NULL);
	pthread_create(&t, NULL, wait_for_signal, &w);
	while (!w.ready)
		sleep_ms(1);
	kill(getpid(), SIGUSR1);
	pthread_join(t, NULL);
	pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
	ktap_check(handler_tid == w.tid, "process_signal_to_unblocked_thread",
		   "handler ran in %d, thread is %d", handler_tid, w.tid);

	handler_tid = 0;
	w.ready = 0;
	pthread_create(&t, NULL, wait_for_signal, &w);
	while (!w.ready)
		sleep_ms(1);
	pthread_kill(t, SIGUSR1);
	pthread_join(t, NULL);
	ktap_check(handler_tid == w.tid, "pthread_kill_targets_thread",
		   "handler ran in %d, thread is %d", handler_tid, w.tid);

	child = fork();
	if (child == 0) {
		char *argv[] = { (char *)self, "exec-exit-9", NULL };

		pthread_create(&t, NULL, sleep_forever, NULL);
		execv(self, argv);
		_exit(1);
	}
	status = child_status(child);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 9, "execve_from_threaded_process",
		   "status %#x", status);
}

static void test_robust_list(void)
{
	void *head = NULL;
	size_t len = 0;
	long r = syscall(SYS_get_robust_list, 0, &head, &len);

	/* glibc registered one for this thread at start-up. */
	ktap_check(r == 0 && head != NULL && len == 24, "set_robust_list_recorded",
		   "ret %ld head %p len %zu", r, head, len);
}

/* CLONE_FS: one working directory and one umask for all the threads. */
static void *chdir_and_umask(void *arg)
{
	if (chdir(arg))
		return (void *)(long)errno;
	umask(0077);
	return NULL;
}

static void test_shared_fs(void)
{
	char cwd[256] = "", child_cwd[256] = "";
	pthread_t t;
	void *ret = (void *)-1;
	mode_t old;
	pid_t child;
	int status = -1;
	static char dir[256];

	/* A fresh directory where we are (/ on headstart, anywhere on Linux). */
	if (!getcwd(dir, sizeof(dir) - 16))
		strcpy(dir, ".");
	strcat(dir, strcmp(dir, "/") ? "/threads-cwd" : "threads-cwd");
	mkdir(dir, 0755);	/* a failure shows in the thread's chdir */
	old = umask(022);
	if (!pthread_create(&t, NULL, chdir_and_umask, dir))
		pthread_join(t, &ret);
	ktap_check(ret == NULL && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, dir),
		   "clone_fs_thread_chdir_is_everyones", "thread said %p, cwd \"%s\"", ret, cwd);
	ktap_check(umask(022) == 0077, "clone_fs_thread_umask_is_everyones",
		   "umask not the thread's 0077");

	/* fork copies: the child's chdir and umask stay the child's. */
	child = fork();
	if (child == 0) {
		umask(0);
		_exit(chdir("/") ? 1 : 0);
	}
	waitpid(child, &status, 0);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && getcwd(child_cwd, 256) &&
		   !strcmp(child_cwd, dir) && umask(old) == 022,
		   "fork_copies_cwd_and_umask", "status %#x cwd \"%s\"", status, child_cwd);
	if (!chdir(".."))
		rmdir(dir);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exec-exit-9"))
		return 9;
	ktap_start("threads", NR_CASES);
	test_create_join();
	test_mutex_cond();
	test_futex();
	test_exit_and_signals(argv[0]);
	test_robust_list();
	test_shared_fs();
	return ktap_finish();
}
