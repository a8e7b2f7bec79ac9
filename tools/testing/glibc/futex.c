// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/futex.c: the futex operations beyond wait and wake,
 * as Linux v5.15 answers them, through the raw system call and through
 * the glibc mutexes built on them:
 *
 *   FUTEX_WAKE_OP      each operation (SET, ADD, OR, ANDN, XOR), the
 *                      OPARG_SHIFT flag (and a shift past 31), 12-bit
 *                      sign-extended operands, each comparison deciding
 *                      whether uaddr2's waiter is woken, -ENOSYS for a bad
 *                      operation (word untouched) or comparison (word
 *                      changed first, as Linux), bad addresses;
 *   FUTEX_WAKE         nr 0 still wakes one, as Linux;
 *   FUTEX_REQUEUE      wakes nr, moves nr2; negative counts;
 *   bitsets, FUTEX_CLOCK_REALTIME (WAIT_BITSET only in v5.15);
 *   timed waits    stopped and continued, they go on to their deadline;
 *   PI futexes         FUTEX_LOCK_PI / TRYLOCK_PI / UNLOCK_PI / LOCK_PI2 on
 *                      the TID|FUTEX_WAITERS|FUTEX_OWNER_DIED word: EDEADLK,
 *                      EPERM, EWOULDBLOCK, the hand-over to the waiter,
 *                      timeouts, ESRCH for a vanished owner, an exiting
 *                      owner's lock handed to its waiter, non-PI ops on a
 *                      PI waiter (EINVAL); glibc's PTHREAD_PRIO_INHERIT
 *                      mutex under contention, trylock;
 *   robust mutexes     owner death: EOWNERDEAD to a later locker and to a
 *                      blocked one, pthread_mutex_consistent; the same for
 *                      a robust PI mutex.
 *
 * Whether a waiter has queued in the kernel is asked, not guessed:
 * FUTEX_REQUEUE of a word onto itself moves nobody and returns how many
 * wait there; a PI waiter has set FUTEX_WAITERS under the lock it queues
 * with. KTAP out (ktap.h); run also under qemu-aarch64 for Linux's answers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 34

#ifndef FUTEX_LOCK_PI2
#define FUTEX_LOCK_PI2 13
#endif

static long futex(uint32_t *uaddr, int op, uint32_t val, const void *ts, uint32_t *uaddr2,
		  uint32_t val3)
{
	return syscall(SYS_futex, uaddr, op, val, ts, uaddr2, val3);
}

/* The error of a call that should fail: its errno, or 0 if it did not fail. */
static int fails(long r)
{
	return r == -1 ? errno : 0;
}

/* How many wait on f in the kernel (non-PI waiters). */
static long queued(uint32_t *f)
{
	return futex(f, FUTEX_REQUEUE_PRIVATE, 0, (void *)(long)INT_MAX, f, 0);
}

static void wait_queued(uint32_t *f, long n)
{
	while (queued(f) < n)
		sched_yield();
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static struct timespec from_now(clockid_t clock, long ms)
{
	struct timespec t;

	clock_gettime(clock, &t);
	t.tv_nsec += (ms % 1000) * 1000000L;
	t.tv_sec += ms / 1000 + t.tv_nsec / 1000000000L;
	t.tv_nsec %= 1000000000L;
	return t;
}

static int after(clockid_t clock, const struct timespec *t)
{
	struct timespec now;

	clock_gettime(clock, &now);
	return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

/* ---- FUTEX_WAKE_OP -------------------------------------------------------------------- */

/* A waiter on *word while it holds val, until stop; counts its wake-ups. */
struct looper {
	uint32_t *word;
	volatile int stop, wakeups;
};

static void *wait_loop(void *arg)
{
	struct looper *l = arg;

	while (!l->stop) {
		if (!futex(l->word, FUTEX_WAIT_PRIVATE, *l->word, NULL, NULL, 0))
			__atomic_add_fetch(&l->wakeups, 1, __ATOMIC_SEQ_CST);
	}
	return NULL;
}

static void stop_looper(struct looper *l, pthread_t t)
{
	l->stop = 1;
	while (pthread_tryjoin_np(t, NULL) == EBUSY) {
		futex(l->word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
		sched_yield();
	}
}

static uint32_t w1, w2;

/* WAKE_OP on (&w1, &w2) with no waiters: the return and w2 afterwards. */
static int op_result(uint32_t start, uint32_t op, uint32_t expect)
{
	long r;

	w2 = start;
	r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2, op);
	return r == 0 && w2 == expect;
}

static void test_wake_op(void)
{
	struct looper l1 = { .word = &w1 }, l2 = { .word = &w2 };
	static const struct { int cmp; int32_t old, arg; int holds; } cmps[] = {
		{ FUTEX_OP_CMP_EQ, 7, 7, 1 }, { FUTEX_OP_CMP_EQ, 7, 8, 0 },
		{ FUTEX_OP_CMP_NE, 7, 8, 1 }, { FUTEX_OP_CMP_NE, 7, 7, 0 },
		{ FUTEX_OP_CMP_LT, -5, -1, 1 }, { FUTEX_OP_CMP_LT, 3, 3, 0 },
		{ FUTEX_OP_CMP_LE, 3, 3, 1 }, { FUTEX_OP_CMP_LE, 4, 3, 0 },
		{ FUTEX_OP_CMP_GT, 4, 3, 1 }, { FUTEX_OP_CMP_GT, -2, -1, 0 },
		{ FUTEX_OP_CMP_GE, -1, -1, 1 }, { FUTEX_OP_CMP_GE, -2, -1, 0 },
	};
	pthread_t t1, t2;
	int ok, bad = -1;
	long r;

	ok = op_result(3, FUTEX_OP(FUTEX_OP_SET, 9, 0, 0), 9) &&
	     op_result(3, FUTEX_OP(FUTEX_OP_ADD, 9, 0, 0), 12) &&
	     op_result(0x30, FUTEX_OP(FUTEX_OP_OR, 0x5, 0, 0), 0x35) &&
	     op_result(0x37, FUTEX_OP(FUTEX_OP_ANDN, 0x5, 0, 0), 0x32) &&
	     op_result(0x33, FUTEX_OP(FUTEX_OP_XOR, 0x5, 0, 0), 0x36);
	ktap_check(ok, "wake_op_set_add_or_andn_xor", "w2 %#x", w2);
	/* oparg and cmparg are 12-bit two's complement: 0xfff is -1. */
	ok = op_result(10, FUTEX_OP(FUTEX_OP_ADD, 0xfff, 0, 0), 9) &&
	     op_result(0, FUTEX_OP(FUTEX_OP_SET, 0x800, 0, 0), 0xfffff800);
	ktap_check(ok, "wake_op_oparg_sign_extended", "w2 %#x", w2);
	ok = op_result(1, FUTEX_OP((FUTEX_OP_OR | FUTEX_OP_OPARG_SHIFT), 4, 0, 0), 0x11) &&
	     op_result(0, FUTEX_OP((FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT), 31, 0, 0), 0x80000000) &&
	     /* a shift past 31 is taken modulo 32 (Linux warns and goes on) */
	     op_result(0, FUTEX_OP((FUTEX_OP_SET | FUTEX_OP_OPARG_SHIFT), 40, 0, 0), 0x100);
	ktap_check(ok, "wake_op_oparg_shift", "w2 %#x", w2);

	/* Each comparison, with one waiter on w2 (which never changes: ADD 0). */
	pthread_create(&t2, NULL, wait_loop, &l2);
	for (unsigned int i = 0; i < sizeof(cmps) / sizeof(cmps[0]); i++) {
		int before = l2.wakeups;

		w2 = (uint32_t)cmps[i].old;
		wait_queued(&w2, 1);
		r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2,
			  FUTEX_OP(FUTEX_OP_ADD, 0, cmps[i].cmp, cmps[i].arg & 0xfff));
		if (r != cmps[i].holds || w2 != (uint32_t)cmps[i].old) {
			bad = i;
			break;
		}
		if (cmps[i].holds)
			while (l2.wakeups == before)
				sched_yield();
	}
	ktap_check(bad < 0, "wake_op_comparisons_decide_uaddr2_wakeup",
		   "case %d: returned %ld, w2 %#x", bad, r, w2);

	/* Waiters on both words: nr on uaddr1, nr2 on uaddr2 if the comparison held. */
	w1 = 0;
	w2 = 5;
	pthread_create(&t1, NULL, wait_loop, &l1);
	wait_queued(&w1, 1);
	wait_queued(&w2, 1);
	r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2,
		  FUTEX_OP(FUTEX_OP_SET, 6, FUTEX_OP_CMP_EQ, 5));
	ktap_check(r == 2 && w2 == 6, "wake_op_wakes_both_words", "returned %ld, w2 %u", r, w2);
	wait_queued(&w1, 1);
	wait_queued(&w2, 1);
	r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2,
		  FUTEX_OP(FUTEX_OP_SET, 7, FUTEX_OP_CMP_EQ, 5));
	ktap_check(r == 1 && w2 == 7 && queued(&w2) == 1,
		   "wake_op_false_comparison_wakes_uaddr1_only", "returned %ld, w2 %u", r, w2);
	stop_looper(&l1, t1);
	stop_looper(&l2, t2);

	/* Bad operations: -ENOSYS; a bad comparison is found after the write (Linux). */
	w2 = 3;
	errno = 0;
	r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2, (5u << 28) | (1 << 12));
	ok = fails(r) == ENOSYS && w2 == 3;
	r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, &w2, FUTEX_OP(FUTEX_OP_SET, 9, 6, 0));
	ktap_check(ok && fails(r) == ENOSYS && w2 == 9, "wake_op_bad_op_or_cmp_enosys",
		   "errno %d, w2 %u", errno, w2);
	r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, (uint32_t *)((char *)&w2 + 2), 0);
	ok = fails(r) == EINVAL;
	r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, NULL, 0);
	ok = ok && fails(r) == EFAULT;
	/* A read-only word (the program's text) cannot be changed. */
	r = futex(&w1, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1L, (uint32_t *)(void *)test_wake_op, 0);
	ktap_check(ok && fails(r) == EFAULT, "wake_op_bad_uaddr2", "errno %d", errno);
}

/* ---- wake counts, requeue, bitsets, clocks ---------------------------------------- */

static uint32_t r1, r2;
static volatile int done;

static void *wait_r1(void *arg)
{
	while (futex(&r1, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0) && errno == EINTR)
		;
	__atomic_add_fetch(&done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static uint32_t bits_word;

static void *wait_bit1(void *arg)
{
	long r = futex(&bits_word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, 0x1);

	return (void *)(r ? (long)errno : 0L);
}

static void test_wake_requeue_bitset(void)
{
	struct timespec t;
	pthread_t t1, t2, t3;
	void *ret = (void *)-1;
	long r, a, b;
	int ok;

	pthread_create(&t1, NULL, wait_r1, NULL);
	wait_queued(&r1, 1);
	r = futex(&r1, FUTEX_WAKE_PRIVATE, 0, NULL, NULL, 0);
	pthread_join(t1, NULL);
	ktap_check(r == 1 && done == 1, "wake_nr_0_wakes_one", "woke %ld", r);

	pthread_create(&t1, NULL, wait_r1, NULL);
	pthread_create(&t2, NULL, wait_r1, NULL);
	pthread_create(&t3, NULL, wait_r1, NULL);
	wait_queued(&r1, 3);
	r = futex(&r1, FUTEX_REQUEUE_PRIVATE, 1, (void *)1L, &r2, 0);
	a = queued(&r1);
	b = queued(&r2);
	ktap_check(r == 2 && a == 1 && b == 1, "requeue_wakes_nr_moves_nr2",
		   "returned %ld, then %ld on r1 and %ld on r2", r, a, b);
	errno = 0;
	r = futex(&r1, FUTEX_REQUEUE_PRIVATE, (uint32_t)-1, (void *)1L, &r2, 0);
	ok = fails(r) == EINVAL;
	r = futex(&r1, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)-1L, &r2, 0);
	ktap_check(ok && fails(r) == EINVAL, "requeue_negative_count_einval", "errno %d", errno);
	futex(&r1, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
	futex(&r2, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	pthread_join(t3, NULL);
	ktap_check(done == 4, "requeued_waiters_woken", "done %d", done);

	pthread_create(&t1, NULL, wait_bit1, NULL);
	wait_queued(&bits_word, 1);
	a = futex(&bits_word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0x6);
	b = futex(&bits_word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0x3);
	pthread_join(t1, &ret);
	ktap_check(a == 0 && b == 1 && ret == NULL, "wake_bitset_matches_waiters_bits",
		   "woke %ld then %ld, waiter %p", a, b, ret);
	r = futex(&bits_word, FUTEX_WAKE_BITSET_PRIVATE, 1, NULL, NULL, 0);
	ok = fails(r) == EINVAL;
	r = futex(&bits_word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL, NULL, 0);
	ktap_check(ok && fails(r) == EINVAL, "bitset_zero_einval", "errno %d", errno);

	/* FUTEX_CLOCK_REALTIME: an absolute CLOCK_REALTIME deadline for WAIT_BITSET. */
	t = from_now(CLOCK_REALTIME, 30);
	r = futex(&bits_word, FUTEX_WAIT_BITSET_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &t, NULL,
		  FUTEX_BITSET_MATCH_ANY);
	ktap_check(fails(r) == ETIMEDOUT && after(CLOCK_REALTIME, &t),
		   "wait_bitset_clock_realtime_deadline", "errno %d", errno);
	t.tv_nsec = 1000000000L;
	r = futex(&bits_word, FUTEX_WAIT_BITSET_PRIVATE, 0, &t, NULL, FUTEX_BITSET_MATCH_ANY);
	ktap_check(fails(r) == EINVAL, "wait_bad_timespec_einval", "errno %d", errno);
	/* v5.15 takes the flag on the absolute-timeout ops only. */
	t = (struct timespec){ 0, 1000 };
	r = futex(&bits_word, FUTEX_WAIT_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &t, NULL, 0);
	ok = fails(r) == ENOSYS;
	r = futex(&bits_word, FUTEX_WAKE_PRIVATE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0);
	ok = ok && fails(r) == ENOSYS;
	r = futex(&bits_word, 99, 0, NULL, NULL, 0);
	ktap_check(ok && fails(r) == ENOSYS, "clock_realtime_elsewhere_and_bad_op_enosys",
		   "errno %d", errno);
}

/* ---- PI futexes ------------------------------------------------------------------------- */

static uint32_t pi;

struct pi_locker {
	uint32_t *word;
	pid_t tid;
	long ret;
	int err;
	uint32_t seen;		/* the word once it returned */
	volatile int exit_now;
};

static void *lock_pi_and_report(void *arg)
{
	struct pi_locker *l = arg;

	l->tid = gettid();
	l->ret = futex(l->word, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	l->err = errno;
	l->seen = *l->word;
	if (!l->ret)
		futex(l->word, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

/* Take the lock (the user-space way), then leave without giving it back. */
static void *lock_pi_and_exit(void *arg)
{
	struct pi_locker *l = arg;

	l->tid = gettid();
	__atomic_store_n(l->word, (uint32_t)l->tid, __ATOMIC_SEQ_CST);
	while (!l->exit_now)
		sched_yield();
	syscall(SYS_exit, 0);
	return NULL;
}

static void wait_pi_contended(uint32_t *word)
{
	while (!(__atomic_load_n(word, __ATOMIC_SEQ_CST) & FUTEX_WAITERS))
		sched_yield();
	sleep_ms(5);	/* it queued under the bucket lock it set the bit with: belt and braces */
}

/*
 * Wait until the thread w runs in is asleep (/proc/TID/stat says S): in
 * FUTEX_LOCK_PI, queued. Needed where the word had FUTEX_WAITERS set
 * already, so wait_pi_contended() cannot tell.
 */
static void wait_pi_waiter_asleep(struct pi_locker *w)
{
	char path[64], buf[512], *state;
	pid_t tid;
	FILE *f;

	while (!(tid = __atomic_load_n(&w->tid, __ATOMIC_SEQ_CST)))
		sched_yield();
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)tid);
	for (int tries = 0; tries < 5000; tries++) {	/* 5 s at most: then the check fails */
		f = fopen(path, "r");
		state = f && fgets(buf, sizeof(buf), f) ? strrchr(buf, ')') : NULL;
		if (f)
			fclose(f);
		if (state && state[1] == ' ' && state[2] == 'S')
			return;
		sleep_ms(1);
	}
}

static void test_pi_raw(void)
{
	struct pi_locker l = { .word = &pi };
	pid_t me = gettid();
	struct timespec t;
	pthread_t th;
	long r;
	int ok;

	r = futex(&pi, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	ok = r == 0 && pi == (uint32_t)me;
	r = futex(&pi, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	ok = ok && fails(r) == EDEADLK;
	r = futex(&pi, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	ktap_check(ok && r == 0 && pi == 0, "lock_pi_free_edeadlk_unlock",
		   "ret %ld errno %d word %#x", r, errno, pi);
	r = futex(&pi, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	ok = fails(r) == EPERM;
	r = futex(&pi, FUTEX_TRYLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	ktap_check(ok && r == 0 && pi == (uint32_t)me, "unlock_pi_not_owner_eperm_trylock_free",
		   "ret %ld errno %d word %#x", r, errno, pi);

	/* Held by us: another thread waits, and our unlock hands it the lock. */
	pthread_create(&th, NULL, lock_pi_and_report, &l);
	wait_pi_contended(&pi);
	r = futex(&pi, FUTEX_UNLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	pthread_join(th, NULL);
	ktap_check(r == 0 && l.ret == 0 && l.seen == (FUTEX_WAITERS | (uint32_t)l.tid) && pi == 0,
		   "unlock_pi_hands_lock_to_waiter",
		   "unlock %ld, waiter %ld/%d saw %#x (tid %d), now %#x", r, l.ret, l.err, l.seen,
		   l.tid, pi);

	/* Held by another thread: trylock says EWOULDBLOCK, timed locks time out. */
	l = (struct pi_locker){ .word = &pi };
	pthread_create(&th, NULL, lock_pi_and_exit, &l);
	while (!pi)
		sched_yield();
	r = futex(&pi, FUTEX_TRYLOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	ktap_check(fails(r) == EWOULDBLOCK && pi == (FUTEX_WAITERS | (uint32_t)l.tid),
		   "trylock_pi_held_ewouldblock", "ret %ld errno %d word %#x", r, errno, pi);
	t = from_now(CLOCK_REALTIME, 20);
	r = futex(&pi, FUTEX_LOCK_PI_PRIVATE, 0, &t, NULL, 0);
	ok = fails(r) == ETIMEDOUT && after(CLOCK_REALTIME, &t);
	t = from_now(CLOCK_MONOTONIC, 20);
	r = futex(&pi, FUTEX_LOCK_PI2 | FUTEX_PRIVATE_FLAG, 0, &t, NULL, 0);
	ok = ok && fails(r) == ETIMEDOUT && after(CLOCK_MONOTONIC, &t);
	r = futex(&pi, FUTEX_LOCK_PI_PRIVATE | FUTEX_CLOCK_REALTIME, 0, &t, NULL, 0);
	ktap_check(ok && fails(r) == ENOSYS, "lock_pi_timeouts_realtime_pi2_monotonic",
		   "errno %d", errno);

	/* The owner exits holding it, with a waiter: the waiter gets it, marked owner-died. */
	{
		struct pi_locker w = { .word = &pi };
		pthread_t wt;

		pthread_create(&wt, NULL, lock_pi_and_report, &w);
		wait_pi_waiter_asleep(&w);	/* FUTEX_WAITERS is set already */
		r = futex(&pi, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
		ok = fails(r) == EINVAL;
		r = futex(&pi, FUTEX_REQUEUE_PRIVATE, 0, (void *)1L, &r2, 0);
		ok = ok && fails(r) == EINVAL;
		l.exit_now = 1;
		pthread_join(th, NULL);
		pthread_join(wt, NULL);
		ktap_check(ok, "wake_or_requeue_on_pi_waiter_einval", "errno %d", errno);
		ktap_check(w.ret == 0 && (w.seen & FUTEX_TID_MASK) == (uint32_t)w.tid &&
			   (w.seen & FUTEX_OWNER_DIED) && pi == 0,
			   "exiting_owner_hands_pi_lock_to_waiter", "waiter %ld/%d saw %#x, tid %d",
			   w.ret, w.err, w.seen, w.tid);
	}

	/* A word naming a thread that is gone: ESRCH, as Linux. */
	pi = (uint32_t)l.tid;
	r = futex(&pi, FUTEX_LOCK_PI_PRIVATE, 0, NULL, NULL, 0);
	ktap_check(fails(r) == ESRCH, "lock_pi_vanished_owner_esrch", "ret %ld errno %d word %#x",
		   r, errno, pi);
	pi = 0;
}

/* glibc's PTHREAD_PRIO_INHERIT mutex, contended by several threads. */
#define PI_THREADS 4
#define PI_LOOPS 3000

static pthread_mutex_t pi_mutex;
static long pi_counter;

static void *pi_add_many(void *arg)
{
	for (int i = 0; i < PI_LOOPS; i++) {
		if (pthread_mutex_lock(&pi_mutex))
			return (void *)1L;
		pi_counter++;
		if (i % 64 == 0)
			sched_yield();	/* with the lock held: the others queue in the kernel */
		pthread_mutex_unlock(&pi_mutex);
	}
	return NULL;
}

static void *pi_trylock_result(void *arg)
{
	return (void *)(long)pthread_mutex_trylock(&pi_mutex);
}

static void test_pi_mutex(void)
{
	pthread_mutexattr_t attr;
	pthread_t t[PI_THREADS];
	void *ret = NULL, *r;
	int err;

	pthread_mutexattr_init(&attr);
	err = pthread_mutexattr_setprotocol(&attr, PTHREAD_PRIO_INHERIT);
	err = err ?: pthread_mutex_init(&pi_mutex, &attr);
	ktap_check(!err, "pthread_prio_inherit_mutex_init", "error %d", err);
	for (int i = 0; i < PI_THREADS; i++)
		pthread_create(&t[i], NULL, pi_add_many, NULL);
	for (int i = 0; i < PI_THREADS; i++) {
		pthread_join(t[i], &r);
		ret = ret ?: r;
	}
	ktap_check(!ret && pi_counter == PI_THREADS * PI_LOOPS, "pi_mutex_counts_exactly",
		   "counter %ld of %d", pi_counter, PI_THREADS * PI_LOOPS);
	pthread_mutex_lock(&pi_mutex);
	pthread_create(&t[0], NULL, pi_trylock_result, NULL);
	pthread_join(t[0], &r);
	pthread_mutex_unlock(&pi_mutex);
	ktap_check(r == (void *)(long)EBUSY && pthread_mutex_trylock(&pi_mutex) == 0 &&
		   pthread_mutex_unlock(&pi_mutex) == 0, "pi_mutex_trylock_busy_then_free",
		   "trylock in a thread gave %ld", (long)r);
}

/* ---- robust mutexes ------------------------------------------------------------------- */

static pthread_mutex_t robust;
static volatile int robust_exit_now;

static void *lock_and_die(void *arg)
{
	pthread_mutex_lock(&robust);
	while (arg && !robust_exit_now)
		sched_yield();
	return NULL;	/* pthread_exit with the mutex held */
}

static void *lock_result(void *arg)
{
	return (void *)(long)pthread_mutex_lock(&robust);
}

static void robust_case(int protocol, const char *later_name, const char *blocked_name)
{
	pthread_mutexattr_t attr;
	pthread_t t, w;
	void *r = NULL;
	int err, err2 = -1, err3 = -1;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutexattr_setprotocol(&attr, protocol);
	err = pthread_mutex_init(&robust, &attr);
	if (err) {	/* no set_robust_list (qemu-aarch64 has none): nothing to try */
		ktap_check(0, later_name, "pthread_mutex_init: %d", err);
		ktap_check(0, blocked_name, "pthread_mutex_init: %d", err);
		return;
	}

	/* The owner is gone before we ask. */
	pthread_create(&t, NULL, lock_and_die, NULL);
	pthread_join(t, NULL);
	err = pthread_mutex_lock(&robust);
	if (err == EOWNERDEAD) {
		err2 = pthread_mutex_consistent(&robust);
		pthread_mutex_unlock(&robust);
		err3 = pthread_mutex_lock(&robust);
		pthread_mutex_unlock(&robust);
	}
	ktap_check(err == EOWNERDEAD && !err2 && !err3, later_name,
		   "lock %d, consistent %d, relock %d", err, err2, err3);

	/* We wait in the kernel when it dies. */
	robust_exit_now = 0;
	pthread_create(&t, NULL, lock_and_die, (void *)1L);
	while (!(*(volatile int *)&robust.__data.__lock))
		sched_yield();
	pthread_create(&w, NULL, lock_result, NULL);
	while (!(*(volatile unsigned int *)&robust.__data.__lock & FUTEX_WAITERS))
		sched_yield();
	sleep_ms(5);
	robust_exit_now = 1;
	pthread_join(t, NULL);
	pthread_join(w, &r);
	err = (int)(long)r;
	if (err == EOWNERDEAD) {
		pthread_mutex_consistent(&robust);
		pthread_mutex_unlock(&robust);
	}
	ktap_check(err == EOWNERDEAD, blocked_name, "blocked locker got %d", err);
	pthread_mutex_destroy(&robust);
}

/*
 * A child waits 300 ms on a futex nobody wakes; 50 ms in, the parent stops
 * it for 100 ms. Linux restarts the wait (restart_syscall) to its first
 * deadline: ETIMEDOUT at 300 ms, not EINTR, not 300 ms after SIGCONT.
 * The child exits 0 if so, 2 for a wrong length, 10 + errno otherwise.
 */
static void test_stop_cont(int bitset, const char *name)
{
	int status = -1, stopped = 0;
	pid_t child = fork();

	if (child == 0) {
		struct timespec rel = { 0, 300 * 1000000L }, start, end, abs;
		uint32_t word = 0;
		long took, r;

		clock_gettime(CLOCK_MONOTONIC, &start);
		abs = from_now(CLOCK_MONOTONIC, 300);
		if (bitset)
			r = futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, &abs, NULL,
				  FUTEX_BITSET_MATCH_ANY);
		else
			r = futex(&word, FUTEX_WAIT_PRIVATE, 0, &rel, NULL, 0);
		clock_gettime(CLOCK_MONOTONIC, &end);
		took = (end.tv_sec - start.tv_sec) * 1000L + (end.tv_nsec - start.tv_nsec) / 1000000L;
		if (fails(r) != ETIMEDOUT)
			_exit(10 + fails(r) % 100);
		_exit(took >= 300 && took < 380 ? 0 : 2);
	}
	sleep_ms(50);
	kill(child, SIGSTOP);
	if (waitpid(child, &status, WUNTRACED) == child && WIFSTOPPED(status))
		stopped = 1;
	sleep_ms(100);
	kill(child, SIGCONT);
	waitpid(child, &status, 0);
	ktap_check(stopped && WIFEXITED(status) && WEXITSTATUS(status) == 0, name,
		   "stopped %d, status %#x (2: wrong length, 10+errno: failed)", stopped, status);
}

int main(void)
{
	ktap_start("futex", NR_CASES);
	test_wake_op();
	test_wake_requeue_bitset();
	test_stop_cont(0, "timed_wait_stopped_and_continued_goes_on");
	test_stop_cont(1, "timed_wait_bitset_stopped_and_continued_goes_on");
	test_pi_raw();
	test_pi_mutex();
	robust_case(PTHREAD_PRIO_NONE, "robust_owner_died_eownerdead",
		    "robust_owner_dies_under_blocked_locker");
	robust_case(PTHREAD_PRIO_INHERIT, "robust_pi_owner_died_eownerdead",
		    "robust_pi_owner_dies_under_blocked_locker");
	return ktap_finish();
}
