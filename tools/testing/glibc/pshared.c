// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/pshared.c: futexes shared between processes, as
 * Linux keys them (get_futex_key): a shared futex (no FUTEX_PRIVATE_FLAG)
 * on memory two processes share is one futex for both, whatever address
 * each maps it at:
 *
 *   - anonymous MAP_SHARED memory across fork: a raw FUTEX_WAIT in the
 *     child seen queued and woken by the parent (also in a MAP_SHARED
 *     mapping of /dev/zero), FUTEX_CMP_REQUEUE and
 *     FUTEX_WAKE_OP between the processes; glibc's PTHREAD_PROCESS_SHARED
 *     mutex and condition variable ping-pong, a process-shared sem_t
 *     ping-pong, a robust shared mutex whose owner process dies
 *     (EOWNERDEAD to the waiter in the other process), a shared PI mutex
 *     handed across processes, and a raw PI lock whose owner process
 *     exits holding it (handed to the waiter, FUTEX_OWNER_DIED), also in
 *     a file the two processes map at different places, and when the
 *     owner unmapped the memory before exiting (Linux's waiter makes the
 *     word its own: fixup_pi_state_owner), while a process that does not
 *     own it exiting meanwhile leaves the waiter waiting for the owner;
 *   - a private futex (FUTEX_PRIVATE_FLAG) on the same memory is the
 *     process's own: the other process's private wake does not reach it;
 *   - a /tmp file mapped MAP_SHARED by two processes on their own, at
 *     different addresses and file offsets: wait in one, wake in the other;
 *     a read-only MAP_PRIVATE mapping of the file, whose page is the
 *     file's, woken through the other's MAP_SHARED one (Linux keys that
 *     page by the file too), a writable one not (the wait copies the page:
 *     private memory); two mappings of the file in one process;
 *   - a shared futex on unmapped memory: EFAULT.
 *
 * Every wait has a deadline (WAIT_MS): where the wake-up does not cross
 * between the processes the case fails with "timed out" rather than hang.
 * KTAP out; runs under qemu-aarch64 too (Linux's answers).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 17
#define PG 4096
#define WAIT_MS 5000
#define ROUNDS 100
#define FILE_NAME "/tmp/pshared-futex"

static long futex(uint32_t *uaddr, int op, uint32_t val, const void *ts, uint32_t *uaddr2,
		  uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, ts, uaddr2, val3);
}

static const struct timespec wait_ts = { WAIT_MS / 1000, (WAIT_MS % 1000) * 1000000L };

/* CLOCK_REALTIME WAIT_MS from now: the deadline of glibc's timed waits. */
static struct timespec deadline(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += WAIT_MS / 1000;
	return t;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* How many wait on the shared futex f (requeue onto itself moves nobody). */
static long queued(uint32_t *f)
{
	return futex(f, FUTEX_REQUEUE, 0, (void *)(long)INT_MAX, f, 0);
}

/* Until n wait on f, at most WAIT_MS: 1, or 0 if they never showed. */
static int wait_queued(uint32_t *f, long n)
{
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (queued(f) < n) {
		if (ms_since(&t0) > WAIT_MS)
			return 0;
		sched_yield();
	}
	return 1;
}

/* The child's exit status, -1 if it did not exit (killed). */
static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void *shared_anon(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	memset(p, 0, len);
	return p;
}

/* Child: FUTEX_WAIT on *f (op: shared or private) while 0; 0 if woken, 1 timed out. */
static int child_wait(uint32_t *f, int op)
{
	long r = futex(f, op, 0, &wait_ts, NULL, 0);

	if (r == 0)
		return 0;
	return errno == ETIMEDOUT ? 1 : 2;
}

/* ---- raw futex operations across fork ------------------------------------------------- */

/* MAP_SHARED of /dev/zero: a shmem object too, as Linux's mmap_zero makes it. */
static void *shared_dev_zero(size_t len)
{
	int fd = open("/dev/zero", O_RDWR);
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	close(fd);
	return p;
}

static void raw_wait_wake(int dev_zero)
{
	uint32_t *f = dev_zero ? shared_dev_zero(PG) : shared_anon(PG);
	int seen, woke, st;
	pid_t pid;

	if (f == MAP_FAILED) {
		ktap_check(0, "dev_zero_shared_wait_wake", "mmap of /dev/zero: errno %d", errno);
		return;
	}
	pid = fork();

	if (pid == 0)
		_exit(child_wait(f, FUTEX_WAIT));
	seen = wait_queued(f, 1);
	*f = 1;
	woke = futex(f, FUTEX_WAKE, 1, NULL, NULL, 0);
	st = reap(pid);
	ktap_check(seen && woke == 1 && st == 0,
		   dev_zero ? "dev_zero_shared_wait_wake" : "anon_shared_wait_wake",
		   "%s; FUTEX_WAKE woke %d, child %d (1: timed out: the wake-up did not cross)",
		   seen ? "child seen waiting" : "child's wait never seen from the parent",
		   woke, st);
	munmap(f, PG);
}

/* A private futex is the process's own even on shared memory: no wake-up crosses. */
static void raw_private_stays_private(void)
{
	uint32_t *f = shared_anon(PG);
	struct timespec short_ts = { 0, 300 * 1000000L };
	pid_t pid = fork();
	long woke = 0;
	int st;

	if (pid == 0)
		_exit(futex(f, FUTEX_WAIT_PRIVATE, 0, &short_ts, NULL, 0) == -1 &&
		      errno == ETIMEDOUT ? 0 : 1);
	for (int i = 0; i < 20; i++) {	/* through its wait (300 ms) */
		woke += futex(f, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
		usleep(10000);
	}
	st = reap(pid);
	ktap_check(woke == 0 && st == 0, "private_futex_not_woken_across",
		   "parent's private wakes woke %ld, child %d (1: woken)", woke, st);
	munmap(f, PG);
}

static void raw_requeue_wake_op(void)
{
	uint32_t *a = shared_anon(PG), *b = a + 1;
	pid_t pid = fork();
	long moved = -1, on_b = -1, woke = -1, op_woke = -1;
	int st1, st2;

	if (pid == 0)
		_exit(child_wait(a, FUTEX_WAIT));
	if (wait_queued(a, 1)) {
		moved = futex(a, FUTEX_CMP_REQUEUE, 0, (void *)1L, b, 0);
		on_b = queued(b);
		*b = 1;
		woke = futex(b, FUTEX_WAKE, 1, NULL, NULL, 0);
	}
	st1 = reap(pid);

	pid = fork();
	if (pid == 0)
		_exit(child_wait(a, FUTEX_WAIT));
	if (wait_queued(a, 1))	/* *a = 1, then wake on a and (old 0 == 0) on b */
		op_woke = futex(b, FUTEX_WAKE_OP, 0, (void *)1L, a,
				FUTEX_OP(FUTEX_OP_SET, 1, FUTEX_OP_CMP_EQ, 0));
	st2 = reap(pid);
	ktap_check(moved == 1 && on_b == 1 && woke == 1 && st1 == 0 && op_woke == 1 &&
		   st2 == 0 && *a == 1, "anon_shared_requeue_and_wake_op",
		   "requeue moved %ld, %ld on b, woke %ld, child %d; wake_op woke %ld, child %d",
		   moved, on_b, woke, st1, op_woke, st2);
	munmap(a, PG);
}

/* ---- glibc's process-shared objects --------------------------------------------------- */

struct pingpong {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int turn;		/* 0: the parent's, 1: the child's */
	int rounds;
	int timed_out;
};

/* Take ROUNDS turns with the other process; me: 0 or 1. */
static int play(struct pingpong *pp, int me)
{
	for (int i = 0; i < ROUNDS; i++) {
		struct timespec t = deadline();

		if (pthread_mutex_timedlock(&pp->lock, &t))
			return pp->timed_out = 1;
		while (pp->turn != me) {
			int err = pthread_cond_timedwait(&pp->cond, &pp->lock, &t);

			if (err == ETIMEDOUT) {
				pp->timed_out = 1;
				pthread_mutex_unlock(&pp->lock);
				return 1;
			}
		}
		pp->turn = !me;
		pp->rounds++;
		pthread_cond_signal(&pp->cond);
		pthread_mutex_unlock(&pp->lock);
	}
	return 0;
}

static void mutex_cond_pingpong(void)
{
	struct pingpong *pp = shared_anon(PG);
	pthread_mutexattr_t ma;
	pthread_condattr_t ca;
	int st, mine;
	pid_t pid;

	pthread_mutexattr_init(&ma);
	pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
	pthread_mutex_init(&pp->lock, &ma);
	pthread_condattr_init(&ca);
	pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
	pthread_cond_init(&pp->cond, &ca);
	pid = fork();
	if (pid == 0)
		_exit(play(pp, 1));
	mine = play(pp, 0);
	st = reap(pid);
	ktap_check(!mine && st == 0 && pp->rounds == 2 * ROUNDS, "pshared_mutex_cond_pingpong",
		   "%d of %d turns, %s", pp->rounds, 2 * ROUNDS,
		   pp->timed_out ? "timed out: a wake-up did not cross" : "a process failed");
	munmap(pp, PG);
}

struct sems {
	sem_t ping, pong;
	int count;
};

static int sem_side(sem_t *wait_on, sem_t *post, int *count)
{
	for (int i = 0; i < ROUNDS; i++) {
		struct timespec t = deadline();

		if (sem_timedwait(wait_on, &t))
			return 1;
		(*count)++;
		sem_post(post);
	}
	return 0;
}

static void sem_pingpong(void)
{
	struct sems *s = shared_anon(PG);
	int st, mine;
	pid_t pid;

	sem_init(&s->ping, 1, 0);
	sem_init(&s->pong, 1, 0);
	pid = fork();
	if (pid == 0)
		_exit(sem_side(&s->ping, &s->pong, &s->count));
	sem_post(&s->ping);
	mine = sem_side(&s->pong, &s->ping, &s->count);
	st = reap(pid);
	ktap_check(!mine && st == 0, "pshared_sem_pingpong",
		   "%d of %d posts seen; parent %d child %d (1: sem_timedwait timed out)",
		   s->count, 2 * ROUNDS, mine, st);
	munmap(s, PG);
}

/* The child takes the robust mutex and exits holding it; the parent waits for it. */
static void robust_owner_dies(void)
{
	struct { pthread_mutex_t m; uint32_t taken; } *r = shared_anon(PG);
	pthread_mutexattr_t ma;
	struct timespec t;
	int err = -1, queued_seen, st;
	pid_t pid;

	pthread_mutexattr_init(&ma);
	pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&r->m, &ma);
	pid = fork();
	if (pid == 0) {
		pthread_mutex_lock(&r->m);
		r->taken = 1;
		futex(&r->taken, FUTEX_WAKE, 1, NULL, NULL, 0);
		/* Until the parent waits in the kernel on the mutex's word. */
		queued_seen = wait_queued((uint32_t *)&r->m.__data.__lock, 1);
		_exit(queued_seen ? 0 : 3);
	}
	futex(&r->taken, FUTEX_WAIT, 0, &wait_ts, NULL, 0);
	t = deadline();
	err = pthread_mutex_timedlock(&r->m, &t);
	st = reap(pid);
	ktap_check(err == EOWNERDEAD && st == 0, "pshared_robust_owner_dies",
		   "timedlock %d (want EOWNERDEAD %d; ETIMEDOUT: the dead owner's wake-up did "
		   "not cross), child %d", err, EOWNERDEAD, st);
	if (err == EOWNERDEAD) {
		pthread_mutex_consistent(&r->m);
		pthread_mutex_unlock(&r->m);
	}
	munmap(r, PG);
}

/* A shared PI mutex held by the child, the parent blocked on it, handed over. */
static void pi_mutex_across(void)
{
	struct { pthread_mutex_t m; uint32_t taken; uint32_t order; } *r = shared_anon(PG);
	pthread_mutexattr_t ma;
	struct timespec t;
	int err, st;
	pid_t pid;

	pthread_mutexattr_init(&ma);
	pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_INHERIT);
	pthread_mutex_init(&r->m, &ma);
	pid = fork();
	if (pid == 0) {
		uint32_t *word = (uint32_t *)&r->m.__data.__lock;
		struct timespec t0;

		pthread_mutex_lock(&r->m);
		r->taken = 1;
		futex(&r->taken, FUTEX_WAKE, 1, NULL, NULL, 0);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		while (!(__atomic_load_n(word, __ATOMIC_ACQUIRE) & FUTEX_WAITERS))
			if (ms_since(&t0) > WAIT_MS)
				_exit(3);
			else
				sched_yield();
		r->order = 1;
		pthread_mutex_unlock(&r->m);	/* FUTEX_UNLOCK_PI: to the parent */
		_exit(0);
	}
	futex(&r->taken, FUTEX_WAIT, 0, &wait_ts, NULL, 0);
	t = deadline();
	err = pthread_mutex_timedlock(&r->m, &t);
	st = reap(pid);
	ktap_check(err == 0 && st == 0 && r->order == 1, "pshared_pi_mutex_handed_across",
		   "timedlock %d, child %d (3: never saw the parent wait), order %u", err, st,
		   r->order);
	if (!err)
		pthread_mutex_unlock(&r->m);
	munmap(r, PG);
}

enum pi_owner_case { PI_ANON, PI_FILE, PI_UNMAPPED };

static const char *const pi_owner_case_name[] = {
	[PI_ANON] = "pi_lock_owner_exits_across",
	[PI_FILE] = "pi_lock_owner_exits_across_file",
	[PI_UNMAPPED] = "pi_lock_owner_unmaps_then_exits",
};

/*
 * The child owns a raw PI lock and exits holding it: the parent, waiting,
 * gets it. In anonymous shared memory across fork (the same address in
 * both), or in a /tmp file each maps on its own (the child all of it, the
 * word at PG + 16; the parent only its second page, the word at 16); or,
 * anonymous again, with the child unmapping the memory before it exits:
 * it can no longer reach the word, and on Linux the waiter is still
 * handed the lock (exit_pi_state_list needs no mapping of the owner's;
 * the new owner writes the word through its own).
 */
static void pi_owner_exits(enum pi_owner_case how)
{
	const char *name = pi_owner_case_name[how];
	int file = how == PI_FILE;
	int fd = file ? open(FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0644) : -1;
	uint32_t *word, *base;
	struct timespec t;
	pid_t pid;
	long r;
	int st;

	if (file && (fd < 0 || ftruncate(fd, 2 * PG))) {
		ktap_check(0, name, "open/ftruncate errno %d", errno);
		return;
	}
	base = file ? mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PG) : shared_anon(PG);
	word = (uint32_t *)((char *)base + 16);
	pid = fork();
	if (pid == 0) {
		struct timespec t0;
		uint32_t *mine = word;

		if (file) {
			char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

			munmap(base, PG);	/* only its own mapping of the file left */
			if (p == MAP_FAILED)
				_exit(4);
			mine = (uint32_t *)(p + PG + 16);
		}
		*mine = gettid();
		clock_gettime(CLOCK_MONOTONIC, &t0);
		while (!(__atomic_load_n(mine, __ATOMIC_ACQUIRE) & FUTEX_WAITERS))
			if (ms_since(&t0) > WAIT_MS)
				_exit(3);
			else
				sched_yield();
		if (how == PI_UNMAPPED && munmap(base, PG))
			_exit(5);
		_exit(0);	/* holding it */
	}
	while (!__atomic_load_n(word, __ATOMIC_ACQUIRE))
		sched_yield();
	t = deadline();		/* FUTEX_LOCK_PI: absolute CLOCK_REALTIME */
	r = futex(word, FUTEX_LOCK_PI, 0, &t, NULL, 0);
	st = reap(pid);
	ktap_check(r == 0 && (*word & FUTEX_TID_MASK) == (uint32_t)gettid() &&
		   (*word & FUTEX_OWNER_DIED) && st == 0, name,
		   "LOCK_PI %ld errno %d, word %#x (tid %d), child %d (3: never saw the parent "
		   "wait)", r, r ? errno : 0, *word, gettid(), st);
	munmap(base, PG);
	if (file) {
		close(fd);
		unlink(FILE_NAME);
	}
}

/*
 * The child owns a raw PI lock the parent waits for; a grandchild, which
 * owns nothing, exits meanwhile (the child reaps it), then the child
 * unlocks: the parent gets the lock from its owner (FUTEX_UNLOCK_PI), with
 * no FUTEX_OWNER_DIED, not from the exit of a process that did not own it.
 */
static void pi_other_process_exits(void)
{
	uint32_t *word = shared_anon(PG);
	struct timespec t;
	pid_t pid;
	long r;
	int st;

	pid = fork();
	if (pid == 0) {
		struct timespec t0;
		pid_t other;
		int ost;

		*word = gettid();
		clock_gettime(CLOCK_MONOTONIC, &t0);
		while (!(__atomic_load_n(word, __ATOMIC_ACQUIRE) & FUTEX_WAITERS))
			if (ms_since(&t0) > WAIT_MS)
				_exit(3);
			else
				sched_yield();
		other = fork();
		if (other == 0)
			_exit(0);	/* owns no lock */
		if (waitpid(other, &ost, 0) != other)
			_exit(4);
		_exit(futex(word, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0) ? 5 : 0);
	}
	while (!__atomic_load_n(word, __ATOMIC_ACQUIRE))
		sched_yield();
	t = deadline();
	r = futex(word, FUTEX_LOCK_PI, 0, &t, NULL, 0);
	st = reap(pid);
	ktap_check(r == 0 && (*word & FUTEX_TID_MASK) == (uint32_t)gettid() &&
		   !(*word & FUTEX_OWNER_DIED) && st == 0, "pi_lock_other_process_exits_waiter_waits",
		   "LOCK_PI %ld errno %d, word %#x (tid %d), child %d (3: never saw the parent "
		   "wait, 5: its FUTEX_UNLOCK_PI failed)", r, r ? errno : 0, *word, gettid(), st);
	munmap(word, PG);
}

/* ---- a /tmp file mapped by two processes ---------------------------------------------- */


enum child_map { CHILD_SHARED, CHILD_PRIVATE_RO, CHILD_PRIVATE_RW };

static const char *const file_case[] = {
	[CHILD_SHARED] = "file_shared_wait_wake",
	[CHILD_PRIVATE_RO] = "file_private_ro_woken_through_shared",
	[CHILD_PRIVATE_RW] = "file_private_rw_copied_not_woken",
};

/*
 * The child opens and maps the file on its own, all of it (the word at
 * PG + 8 of its mapping), and waits there; the parent maps only the
 * second page (the word at 8, another address) and wakes it. A child's
 * read-only MAP_PRIVATE mapping waits on the file's page (keyed by the
 * file, woken); a writable one has the page copied by the wait itself
 * (Linux's get_futex_key faults it in for writing first), so that it is
 * private memory, the parent's wake-ups do not reach it, and it times out.
 */
static void file_wait_wake(enum child_map how)
{
	int fd = open(FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0644);
	struct timespec short_ts = { 0, 300 * 1000000L };
	uint32_t *mine, *f;
	int seen = 0, woke = 0, st, ok;
	pid_t pid;

	if (fd < 0 || ftruncate(fd, 2 * PG)) {
		ktap_check(0, file_case[how], "open/ftruncate errno %d", errno);
		return;
	}
	mine = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PG);
	pid = fork();
	if (pid == 0) {
		int cfd = open(FILE_NAME, O_RDWR);
		char *p = mmap(NULL, 2 * PG, how == CHILD_PRIVATE_RO ? PROT_READ :
			       PROT_READ | PROT_WRITE, how == CHILD_SHARED ? MAP_SHARED : MAP_PRIVATE,
			       cfd, 0);

		if (cfd < 0 || p == MAP_FAILED)
			_exit(4);
		f = (uint32_t *)(p + PG + 8);
		if (how == CHILD_PRIVATE_RW)
			_exit(futex(f, FUTEX_WAIT, 0, &short_ts, NULL, 0) == -1 &&
			      errno == ETIMEDOUT ? 0 : 1);
		_exit(child_wait(f, FUTEX_WAIT));
	}
	f = (uint32_t *)((char *)mine + 8);
	if (how == CHILD_PRIVATE_RW) {
		for (int i = 0; i < 20; i++) {	/* through its wait (300 ms) */
			woke += futex(f, FUTEX_WAKE, 1, NULL, NULL, 0);
			usleep(10000);
		}
		st = reap(pid);
		ok = woke == 0 && st == 0;
	} else {
		seen = wait_queued(f, 1);
		*f = 1;
		woke = futex(f, FUTEX_WAKE, 1, NULL, NULL, 0);
		st = reap(pid);
		ok = seen && woke == 1 && st == 0;
	}
	ktap_check(mine != MAP_FAILED && ok, file_case[how],
		   "%s; FUTEX_WAKE woke %d, child %d (1: timed out or woken, 4: no mapping)",
		   seen ? "child seen waiting" : "child not seen waiting from the parent",
		   woke, st);
	munmap(mine, PG);
	close(fd);
	unlink(FILE_NAME);
}

static void *thread_wait(void *f)
{
	return (void *)(long)child_wait(f, FUTEX_WAIT);
}

/* Two mappings of one file page in one process: one shared futex, at two addresses. */
static void file_two_mappings_one_futex(void)
{
	int fd = open(FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0644);
	uint32_t *a = MAP_FAILED, *b = MAP_FAILED;
	void *res = (void *)-1L;
	long woke = -1;
	pthread_t t;

	if (fd >= 0 && !ftruncate(fd, PG)) {
		a = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		b = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	}
	if (a != MAP_FAILED && b != MAP_FAILED && a != b &&
	    !pthread_create(&t, NULL, thread_wait, a)) {
		wait_queued(b, 1);
		*b = 1;
		woke = futex(b, FUTEX_WAKE, 1, NULL, NULL, 0);
		pthread_join(t, &res);
	}
	ktap_check(woke == 1 && res == NULL, "file_two_mappings_one_futex",
		   "a %p b %p: wake through b woke %ld, waiter on a %ld (1: timed out)", a, b,
		   woke, (long)res);
	close(fd);
	unlink(FILE_NAME);
}

/*
 * A shared futex on memory no VMA covers, or on private memory that cannot
 * be written (Linux: "a RO anonymous page will never change"): EFAULT; a
 * private one there is only an address: nobody to wake, 0.
 */
static void shared_futex_efault(void)
{
	uint32_t *f = shared_anon(PG);
	uint32_t *ro = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long gone, rdonly, priv;
	int e1, e2;

	munmap(f, PG);
	gone = futex(f, FUTEX_WAKE, 1, NULL, NULL, 0);
	e1 = errno;
	rdonly = futex(ro, FUTEX_WAKE, 1, NULL, NULL, 0);
	e2 = errno;
	priv = futex(ro, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	ktap_check(gone == -1 && e1 == EFAULT && rdonly == -1 && e2 == EFAULT && priv == 0,
		   "shared_futex_efault", "unmapped: %ld errno %d; read-only: %ld errno %d; "
		   "private on read-only: %ld", gone, e1, rdonly, e2, priv);
	munmap(ro, PG);
}

int main(void)
{
	ktap_start("pshared", NR_CASES);
	mkdir("/tmp", 01777);
	raw_wait_wake(0);
	raw_wait_wake(1);
	raw_private_stays_private();
	raw_requeue_wake_op();
	mutex_cond_pingpong();
	sem_pingpong();
	robust_owner_dies();
	pi_mutex_across();
	pi_owner_exits(PI_ANON);
	pi_owner_exits(PI_FILE);
	pi_owner_exits(PI_UNMAPPED);
	pi_other_process_exits();
	file_wait_wake(CHILD_SHARED);
	file_wait_wake(CHILD_PRIVATE_RO);
	file_wait_wake(CHILD_PRIVATE_RW);
	file_two_mappings_one_futex();
	shared_futex_efault();
	return ktap_finish();
}
