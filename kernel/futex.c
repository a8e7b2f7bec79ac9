// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/futex.c: fast user-space mutexes, the sleep/wake-up glibc builds
 * pthread mutexes, condition variables, joins and once on.
 *
 *   FUTEX_WAIT (val, relative timeout)      sleep if *uaddr == val
 *   FUTEX_WAIT_BITSET (val, absolute, bits) the same, with an absolute
 *                                           CLOCK_MONOTONIC (or, with
 *                                           FUTEX_CLOCK_REALTIME, REALTIME)
 *                                           deadline, taken as a relative
 *                                           one when the call is made (a
 *                                           later clock_settime does not
 *                                           move it), and a wake-up mask
 *   FUTEX_WAKE (nr), FUTEX_WAKE_BITSET      wake up to nr waiters
 *   FUTEX_REQUEUE, FUTEX_CMP_REQUEUE        wake nr, move up to nr2 waiters
 *                                           to uaddr2 (CMP: if *uaddr == val3)
 *
 * A waiter is keyed by (mm, address): FUTEX_PRIVATE_FLAG changes nothing,
 * and since no memory is shared between address spaces here (no
 * MAP_SHARED across fork), a shared futex is a private one too.
 *
 * Locking, as Linux: waiters hang on one of FUTEX_HASH_SIZE hash buckets,
 * chosen by (mm, address), each with its own spinlock. A waiter reads
 * *uaddr and queues itself with its bucket's lock held, and a waker takes
 * the waiter off the queue, marks it woken and wakes it with the same
 * lock held, so a wake-up between the check and the sleep is never lost
 * and the waiter (whose futex_q is on its stack) always sees the whole of
 * it. A requeue moves a waiter to another bucket (both locks taken, the
 * lower address first) and repoints its lock_ptr; a waiter going off on
 * its own (timeout, signal) locks whatever bucket lock_ptr names then and
 * checks that it did not move meanwhile. No interrupt handler takes a
 * bucket lock (the timeout only wakes the task), so spin_lock() it is.
 * *uaddr is read with the lock held (after a first read outside it has
 * faulted the page in). A fault there, with a spinlock held, cannot wait
 * for the mm's mmap_lock (arch/arm64/mm/fault.c only tries it): if the read
 * fails, the lock is dropped, the word read (faulting) without it, and the
 * whole tried again, as Linux does; -EFAULT only if that read fails.
 *
 * Returns as Linux: 0 woken; -EAGAIN (EWOULDBLOCK) if *uaddr != val;
 * -ETIMEDOUT; -ERESTARTSYS for a signal (restarted after a handler with
 * SA_RESTART, or with no handler), -EINTR for one during a timed wait;
 * -EINVAL for a misaligned address or an unknown op, -EFAULT, -ENOSYS for
 * the ops not written (WAKE_OP, the PI and requeue-PI ones).
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <asm/uaccess.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY	0xffffffffU
#define NSEC_PER_SEC		1000000000ULL


struct futex_q {
	struct list_head list;
	spinlock_t *lock_ptr;	/* the bucket's lock it hangs on */
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned long uaddr;
	u32 bitset;
	bool woken;		/* taken off the queue by a waker */
	bool timed_out;
	struct hrtimer timer;
};

#define FUTEX_HASH_BITS	6
#define FUTEX_HASH_SIZE	(1 << FUTEX_HASH_BITS)

/* The waiters of the futexes that hash here, oldest first (woken in that order). */
struct futex_hash_bucket {
	spinlock_t lock;
	struct list_head chain;
};

static struct futex_hash_bucket futex_queues[FUTEX_HASH_SIZE];

static struct futex_hash_bucket *hash_futex(struct mm_struct *mm, unsigned long uaddr)
{
	unsigned long key = (uaddr >> 2) ^ ((unsigned long)mm >> 6);

	key ^= key >> FUTEX_HASH_BITS;
	key ^= key >> (2 * FUTEX_HASH_BITS);
	return &futex_queues[key % FUTEX_HASH_SIZE];
}

/* start_kernel (Linux: a core_initcall): every bucket empty. */
void __init futex_init(void)
{
	for (int i = 0; i < FUTEX_HASH_SIZE; i++) {
		spin_lock_init(&futex_queues[i].lock);
		INIT_LIST_HEAD(&futex_queues[i].chain);
	}
}

/* Lock the bucket q hangs on now (a requeue may move it until we hold it). */
static spinlock_t *lock_futex_q(struct futex_q *q)
{
	for (;;) {
		spinlock_t *lock = READ_ONCE(q->lock_ptr);

		spin_lock(lock);
		if (lock == READ_ONCE(q->lock_ptr))
			return lock;
		spin_unlock(lock);
	}
}

/* Both buckets' locks, the lower address first (one if they are the same). */
static void double_lock_hb(struct futex_hash_bucket *a, struct futex_hash_bucket *b)
{
	if (a > b) {
		struct futex_hash_bucket *t = a;

		a = b;
		b = t;
	}
	spin_lock(&a->lock);
	if (a != b)
		spin_lock(&b->lock);
}

static void double_unlock_hb(struct futex_hash_bucket *a, struct futex_hash_bucket *b)
{
	spin_unlock(&a->lock);
	if (a != b)
		spin_unlock(&b->lock);
}

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

static bool match(struct futex_q *q, struct mm_struct *mm, unsigned long uaddr)
{
	return q->mm == mm && q->uaddr == uaddr;
}

/* The bucket's lock held. */
static void wake_futex(struct futex_q *q)
{
	list_del(&q->list);
	q->woken = true;
	wake_up_process(q->task);
}

static int futex_wake_bits(struct mm_struct *mm, unsigned long uaddr, int nr, u32 bitset)
{
	struct futex_hash_bucket *hb = hash_futex(mm, uaddr);
	struct list_head *pos, *next;
	int woken = 0;

	if (!bitset)
		return -EINVAL;
	spin_lock(&hb->lock);
	for (pos = hb->chain.next; pos != &hb->chain && woken < nr; pos = next) {
		struct futex_q *q = list_entry(pos, struct futex_q, list);

		next = pos->next;
		if (match(q, mm, uaddr) && (q->bitset & bitset)) {
			wake_futex(q);
			woken++;
		}
	}
	spin_unlock(&hb->lock);
	return woken;
}

int futex_wake_mm(struct mm_struct *mm, unsigned long uaddr, int nr)
{
	return futex_wake_bits(mm, uaddr, nr, FUTEX_BITSET_MATCH_ANY);
}

static enum hrtimer_restart futex_timeout(struct hrtimer *timer)
{
	struct futex_q *q = container_of(timer, struct futex_q, timer);

	q->timed_out = true;
	wake_up_process(q->task);
	return HRTIMER_NORESTART;
}

/* Sleep on uaddr while *uaddr == val; ns: how long (~0: no limit). */
static long futex_wait(unsigned long uaddr, u32 val, u64 ns, u32 bitset)
{
	struct task_struct *p = current;
	struct futex_q q = { .task = p, .mm = p->mm, .uaddr = uaddr, .bitset = bitset };
	struct futex_hash_bucket *hb = hash_futex(p->mm, uaddr);
	spinlock_t *lock;
	u32 cur;
	long ret = 0;

	if (!bitset)
		return -EINVAL;
	if (get_user(cur, (u32 __user *)uaddr))	/* faults the page in, no lock held */
		return -EFAULT;
	hrtimer_init(&q.timer, futex_timeout);
retry:
	spin_lock(&hb->lock);
	lock = &hb->lock;
	if (get_user(cur, (u32 __user *)uaddr)) {
		spin_unlock(lock);
		if (get_user(cur, (u32 __user *)uaddr))	/* unlocked: may fault */
			return -EFAULT;
		goto retry;
	}
	if (cur != val) {
		ret = -EAGAIN;
		goto out;
	}
	if (!ns) {
		ret = -ETIMEDOUT;
		goto out;
	}
	q.lock_ptr = &hb->lock;
	list_add_tail(&q.list, &hb->chain);
	if (ns != ~0ULL)
		hrtimer_start_ns(&q.timer, ns);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (q.woken || READ_ONCE(q.timed_out) || signal_pending(p))
			break;
		spin_unlock(lock);
		schedule();
		lock = lock_futex_q(&q);
	}
	__set_current_state(TASK_RUNNING);
	if (!q.woken) {
		list_del(&q.list);
		if (READ_ONCE(q.timed_out))
			ret = -ETIMEDOUT;
		else
			ret = ns == ~0ULL ? -ERESTARTSYS : -EINTR;
	}
out:
	spin_unlock(lock);
	hrtimer_cancel(&q.timer);	/* waits for a running futex_timeout: q is on our stack */
	return ret;
}

static long futex_requeue(struct mm_struct *mm, unsigned long uaddr1, unsigned long uaddr2,
			  int nr_wake, int nr_requeue, u32 *cmpval)
{
	struct futex_hash_bucket *hb1 = hash_futex(mm, uaddr1), *hb2 = hash_futex(mm, uaddr2);
	struct list_head *pos, *next;
	int woken = 0, moved = 0;
	u32 cur;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
retry:
	if (cmpval && get_user(cur, (u32 __user *)uaddr1))
		return -EFAULT;
	double_lock_hb(hb1, hb2);
	if (cmpval && get_user(cur, (u32 __user *)uaddr1)) {
		double_unlock_hb(hb1, hb2);
		goto retry;		/* faulted with the locks held: without them */
	}
	if (cmpval && cur != *cmpval) {
		double_unlock_hb(hb1, hb2);
		return -EAGAIN;
	}
	for (pos = hb1->chain.next; pos != &hb1->chain; pos = next) {
		struct futex_q *q = list_entry(pos, struct futex_q, list);

		next = pos->next;
		if (!match(q, mm, uaddr1))
			continue;
		if (woken < nr_wake) {
			wake_futex(q);
			woken++;
		} else if (moved < nr_requeue) {
			q->uaddr = uaddr2;
			if (hb1 != hb2) {
				list_del(&q->list);
				list_add_tail(&q->list, &hb2->chain);
				WRITE_ONCE(q->lock_ptr, &hb2->lock);
			}
			moved++;
		} else {
			break;
		}
	}
	double_unlock_hb(hb1, hb2);
	return woken + moved;
}

/* The timeout argument in ns from now; absolute ones against their clock. */
static int futex_timeout_ns(const struct __kernel_timespec __user *utime, bool absolute,
			    bool realtime, u64 *ns)
{
	struct __kernel_timespec ts;
	u64 t, now;

	*ns = ~0ULL;
	if (!utime)
		return 0;
	if (copy_from_user(&ts, utime, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	if ((u64)ts.tv_sec >= ~0ULL / NSEC_PER_SEC - 1)
		return 0;			/* for ever */
	t = (u64)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	if (absolute) {
		now = realtime ? ktime_get_real_ns() : ktime_get_ns();
		t = t > now ? t - now : 0;
	}
	*ns = t;
	return 0;
}

SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct __kernel_timespec __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	unsigned long addr = (unsigned long)uaddr;
	u64 ns;
	int err;

	if (addr & 3)
		return -EINVAL;
	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		err = futex_timeout_ns(utime, cmd == FUTEX_WAIT_BITSET,
				       op & FUTEX_CLOCK_REALTIME, &ns);
		if (err)
			return err;
		return futex_wait(addr, val, ns,
				  cmd == FUTEX_WAIT ? FUTEX_BITSET_MATCH_ANY : val3);
	case FUTEX_WAKE:
		return futex_wake_bits(current->mm, addr, (int)val < 0 ? 0x7fffffff : (int)val,
				       FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake_bits(current->mm, addr, (int)val < 0 ? 0x7fffffff : (int)val,
				       val3);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		if ((unsigned long)uaddr2 & 3)
			return -EINVAL;
		/* utime carries nr_requeue for these two, as Linux. */
		return futex_requeue(current->mm, addr, (unsigned long)uaddr2, (int)val,
				     (int)(long)utime, cmd == FUTEX_CMP_REQUEUE ? &val3 : NULL);
	default:
		return -ENOSYS;
	}
}

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != 24)			/* sizeof(struct robust_list_head) */
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

SYSCALL_DEFINE3(get_robust_list, int, pid, void __user * __user *, head_ptr,
		size_t __user *, len_ptr)
{
	struct task_struct *p = current;
	unsigned long flags;
	void __user *head;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (pid)
		p = find_task_by_pid(pid);
	head = p ? p->robust_list : NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!p)
		return -ESRCH;
	if (put_user(24UL, len_ptr) || put_user(head, head_ptr))
		return -EFAULT;
	return 0;
}
