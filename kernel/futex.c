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
 * MAP_SHARED across fork), a shared futex is a private one too. The check
 * of *uaddr and the queueing happen with interrupts masked, so a waker
 * (another task: one CPU) cannot slip between them and be lost.
 *
 * Returns as Linux: 0 woken; -EAGAIN (EWOULDBLOCK) if *uaddr != val;
 * -ETIMEDOUT; -ERESTARTSYS for a signal (restarted after a handler with
 * SA_RESTART, or with no handler), -EINTR for one during a timed wait;
 * -EINVAL for a misaligned address or an unknown op, -EFAULT, -ENOSYS for
 * the ops not written (WAKE_OP, the PI and requeue-PI ones).
 */
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/sched.h>
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
	struct task_struct *task;
	struct mm_struct *mm;
	unsigned long uaddr;
	u32 bitset;
	bool woken;		/* taken off the queue by a waker */
	bool timed_out;
	struct hrtimer timer;
};

/* Every waiter, oldest first (woken in that order). */
static LIST_HEAD(futex_queue);

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

static bool match(struct futex_q *q, struct mm_struct *mm, unsigned long uaddr)
{
	return q->mm == mm && q->uaddr == uaddr;
}

/* Interrupts masked. */
static void wake_futex(struct futex_q *q)
{
	list_del(&q->list);
	q->woken = true;
	wake_up_process(q->task);
}

static int futex_wake_bits(struct mm_struct *mm, unsigned long uaddr, int nr, u32 bitset)
{
	struct list_head *pos, *next;
	unsigned long flags;
	int woken = 0;

	if (!bitset)
		return -EINVAL;
	local_irq_save(flags);
	for (pos = futex_queue.next; pos != &futex_queue && woken < nr; pos = next) {
		struct futex_q *q = list_entry(pos, struct futex_q, list);

		next = pos->next;
		if (match(q, mm, uaddr) && (q->bitset & bitset)) {
			wake_futex(q);
			woken++;
		}
	}
	local_irq_restore(flags);
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
	unsigned long flags;
	u32 cur;
	long ret = 0;

	if (!bitset)
		return -EINVAL;
	if (get_user(cur, (u32 __user *)uaddr))	/* faults the page in, interrupts on */
		return -EFAULT;
	hrtimer_init(&q.timer, futex_timeout);
	local_irq_save(flags);
	if (get_user(cur, (u32 __user *)uaddr)) {
		ret = -EFAULT;
		goto out;
	}
	if (cur != val) {
		ret = -EAGAIN;
		goto out;
	}
	if (!ns) {
		ret = -ETIMEDOUT;
		goto out;
	}
	list_add_tail(&q.list, &futex_queue);
	if (ns != ~0ULL)
		hrtimer_start_ns(&q.timer, ns);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (q.woken || q.timed_out || signal_pending(p))
			break;
		local_irq_restore(flags);
		schedule();
		local_irq_save(flags);
	}
	__set_current_state(TASK_RUNNING);
	hrtimer_cancel(&q.timer);
	if (!q.woken) {
		list_del(&q.list);
		if (q.timed_out)
			ret = -ETIMEDOUT;
		else
			ret = ns == ~0ULL ? -ERESTARTSYS : -EINTR;
	}
out:
	local_irq_restore(flags);
	return ret;
}

static long futex_requeue(struct mm_struct *mm, unsigned long uaddr1, unsigned long uaddr2,
			  int nr_wake, int nr_requeue, u32 *cmpval)
{
	struct list_head *pos, *next;
	unsigned long flags;
	int woken = 0, moved = 0;
	u32 cur;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	if (cmpval && get_user(cur, (u32 __user *)uaddr1))
		return -EFAULT;
	local_irq_save(flags);
	if (cmpval && (get_user(cur, (u32 __user *)uaddr1) || cur != *cmpval)) {
		local_irq_restore(flags);
		return -EAGAIN;
	}
	for (pos = futex_queue.next; pos != &futex_queue; pos = next) {
		struct futex_q *q = list_entry(pos, struct futex_q, list);

		next = pos->next;
		if (!match(q, mm, uaddr1))
			continue;
		if (woken < nr_wake) {
			wake_futex(q);
			woken++;
		} else if (moved < nr_requeue) {
			q->uaddr = uaddr2;
			moved++;
		} else {
			break;
		}
	}
	local_irq_restore(flags);
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

	local_irq_save(flags);
	if (pid)
		p = find_task_by_pid(pid);
	head = p ? p->robust_list : NULL;
	local_irq_restore(flags);
	if (!p)
		return -ESRCH;
	if (put_user(24UL, len_ptr) || put_user(head, head_ptr))
		return -EFAULT;
	return 0;
}
