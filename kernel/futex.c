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
 *   FUTEX_WAKE (nr), FUTEX_WAKE_BITSET      wake up to nr waiters (at least
 *                                           one, as Linux: nr 0 wakes one)
 *   FUTEX_REQUEUE, FUTEX_CMP_REQUEUE        wake nr, move up to nr2 waiters
 *                                           to uaddr2 (CMP: if *uaddr == val3)
 *   FUTEX_WAKE_OP (nr, nr2, uaddr2, op)     change *uaddr2 atomically as op
 *                                           says, wake nr on uaddr and, if
 *                                           op's comparison of the old value
 *                                           holds, nr2 on uaddr2
 *   FUTEX_LOCK_PI, FUTEX_LOCK_PI2,          the PI lock protocol (TID,
 *   FUTEX_TRYLOCK_PI, FUTEX_UNLOCK_PI       FUTEX_WAITERS, FUTEX_OWNER_DIED:
 *                                           see "PI futexes" below)
 *
 * At exit and execve the task's robust list is walked (set_robust_list:
 * owner-died marking, below) and the PI locks it owns are handed on.
 *
 * A waiter is keyed as Linux's get_futex_key keys it (struct futex_key,
 * below): a private futex (FUTEX_PRIVATE_FLAG) by (mm, address); a shared
 * one by the memory itself where other processes can map it too (the
 * shmem object of an anonymous MAP_SHARED mapping, or the ramfs file a
 * mapping maps, with the page's index in it), so processes sharing a page
 * wake each other through it whatever address each maps it at; a shared
 * futex in private memory by (mm, address) again, marked as shared (a
 * private wake-up does not wake a shared waiter, nor the other way round,
 * as on Linux).
 *
 * Locking, as Linux: waiters hang on one of FUTEX_HASH_SIZE hash buckets,
 * chosen by the key, each with its own spinlock. A waiter reads
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
 * SA_RESTART, or with no handler); during a timed wait
 * -ERESTART_RESTARTBLOCK (-EINTR after a handler; stopped and continued,
 * the wait goes on to its deadline);
 * -EINVAL for a misaligned address, a zero bitset, or a PI waiter met by
 * a non-PI operation; -EFAULT; -ENOSYS for an unknown op or WAKE_OP
 * operation, FUTEX_CLOCK_REALTIME on an op without an absolute timeout,
 * and the requeue-PI ops (not written).
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/timekeeping.h>
#include <asm/futex.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_LOCK_PI		6
#define FUTEX_UNLOCK_PI		7
#define FUTEX_TRYLOCK_PI	8
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_LOCK_PI2		13
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY	0xffffffffU
#define NSEC_PER_SEC		1000000000ULL

/*
 * What a waiter waits on (Linux's union futex_key, spelt out): equal keys
 * are the same futex. offset is the word's offset in its page, its low two
 * bits (always 0 in an aligned word's offset) saying what ptr and word are:
 *
 *   FUT_OFF_PRIVATE   ptr: the mm, word: the page's user address
 *                     (FUTEX_PRIVATE_FLAG)
 *   FUT_OFF_MMSHARED  the same, for a shared futex in private memory
 *   FUT_OFF_INODE     ptr: a ramfs file's inode number, word: the page's
 *                     index in the file
 *   FUT_OFF_SHMEM     ptr: a shmem object's number, word: the page's index
 *
 * No reference is held on the file or object while a waiter waits, as
 * Linux holds none on an inode: their numbers are never used again (the
 * ramfs counts from 2 up, mm/shmem.c from 0x40000001 up), so a key cannot
 * come to name other memory. An mm is not freed while its tasks wait.
 */
struct futex_key {
	unsigned long ptr;
	unsigned long word;
	unsigned int offset;
};

#define FUT_OFF_PRIVATE		0
#define FUT_OFF_INODE		1
#define FUT_OFF_MMSHARED	2
#define FUT_OFF_SHMEM		3
#define FUT_OFF_KIND		3

struct futex_q {
	struct list_head list;
	spinlock_t *lock_ptr;	/* the bucket's lock it hangs on */
	struct task_struct *task;
	struct futex_key key;	/* what it waits on (a requeue changes it) */
	struct mm_struct *mm;	/* where the waiter's uaddr is */
	unsigned long uaddr;	/* the word, at the waiter's address (PI hand-over) */
	u32 bitset;
	bool pi;		/* FUTEX_LOCK_PI: woken means handed the lock */
	bool woken;		/* taken off the queue by a waker */
	bool timed_out;
	int pi_dead_owner;	/* a PI waiter: this exiting task may own our lock (look) */
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

/* Multiplicative hashing: the top bits of the product depend on every bit of the key. */
static struct futex_hash_bucket *hash_futex(const struct futex_key *key)
{
	u64 h = (key->ptr + 31 * key->word + key->offset) * 0x9e3779b97f4a7c15ULL;

	return &futex_queues[h >> (64 - FUTEX_HASH_BITS)];
}

/*
 * A shared futex in a private mapping of a file: is its page the file's?
 * As Linux's get_futex_key, the page is faulted in for writing first
 * (a writable mapping's page becomes a private copy: private memory), or
 * for reading if the mapping is read-only (the file's page, unless an
 * earlier write copied it: -EFAULT then, as for read-only private memory).
 * mmap_lock held.
 */
static int private_file_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long uaddr, bool *file_page)
{
	bool write = vma->vm_flags & VM_WRITE;
	u64 pte = user_pte(mm, uaddr);

	if (!(pte & PTE_VALID) || (write && (pte & PTE_SPECIAL))) {
		if (handle_mm_fault(mm, uaddr, write, false))
			return -EFAULT;
		pte = user_pte(mm, uaddr);
	}
	if (!(pte & PTE_VALID))
		return -EFAULT;
	*file_page = pte & PTE_SPECIAL;
	return !*file_page && !write ? -EFAULT : 0;
}

/*
 * The key of the futex word at uaddr of mm (Linux's get_futex_key). A
 * private futex: (mm, address), whatever the memory. A shared one: the
 * shmem object of an anonymous MAP_SHARED mapping and the page's index in
 * it; the ramfs file of a MAP_SHARED mapping of it (or of a read-only
 * MAP_PRIVATE one whose page is still the file's) and the page's index
 * in the file; otherwise (private memory) (mm, address), marked shared.
 * 0, or -EFAULT (shared only) if no VMA covers uaddr, it is the kernel's
 * ([vdso], [vvar]), or private memory that cannot be written (Linux: "a
 * RO anonymous page will never change").
 */
static int get_futex_key(struct mm_struct *mm, unsigned long uaddr, bool shared,
			 struct futex_key *key)
{
	struct vm_area_struct *vma;
	unsigned long index;
	bool file_page = false;
	int err = 0;

	key->ptr = (unsigned long)mm;
	key->word = uaddr & PAGE_MASK;
	key->offset = (uaddr & ~PAGE_MASK) | FUT_OFF_PRIVATE;
	if (!shared)
		return 0;
	if (!mm || uaddr >= TASK_SIZE)
		return -EFAULT;
	mmap_read_lock(mm);
	vma = find_vma(mm, uaddr);
	if (!vma || vma->vm_start > uaddr || (vma->vm_flags & VM_PFNMAP)) {
		err = -EFAULT;
		goto out;
	}
	index = vma->vm_pgoff + ((uaddr - vma->vm_start) >> PAGE_SHIFT);
	if (vma->vm_file && !(vma->vm_flags & VM_SHARED)) {
		err = private_file_page(mm, vma, uaddr, &file_page);
		if (err)
			goto out;
	}
	if (vma->vm_shmem) {
		key->ptr = vma->vm_shmem->ino;
		key->word = index;
		key->offset |= FUT_OFF_SHMEM;
	} else if (vma->vm_file && ((vma->vm_flags & VM_SHARED) || file_page)) {
		key->ptr = vma->vm_file->ino;
		key->word = index;
		key->offset |= FUT_OFF_INODE;
	} else if (vma->vm_flags & VM_WRITE) {
		key->offset |= FUT_OFF_MMSHARED;
	} else {
		err = -EFAULT;
	}
out:
	mmap_read_unlock(mm);
	return err;
}

static bool key_is_shared_memory(const struct futex_key *key)
{
	unsigned int kind = key->offset & FUT_OFF_KIND;

	return kind == FUT_OFF_INODE || kind == FUT_OFF_SHMEM;
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

static bool match(const struct futex_q *q, const struct futex_key *key)
{
	return q->key.ptr == key->ptr && q->key.word == key->word &&
	       q->key.offset == key->offset;
}

/* The bucket's lock held. */
static void wake_futex(struct futex_q *q)
{
	list_del(&q->list);
	q->woken = true;
	wake_up_process(q->task);
}

/*
 * The bucket's lock held. Wake waiters on key whose bitset meets
 * bitset: as Linux, at least one (nr 0 or negative wakes one too, if
 * there is one), then up to nr in all; the count is added to *woken.
 * -EINVAL if a FUTEX_LOCK_PI waiter is met (those already woken stay so).
 */
static int wake_matching(struct futex_hash_bucket *hb, const struct futex_key *key,
			 int nr, u32 bitset, int *woken)
{
	struct list_head *pos, *next;
	int n = 0, ret = 0;

	for (pos = hb->chain.next; pos != &hb->chain; pos = next) {
		struct futex_q *q = list_entry(pos, struct futex_q, list);

		next = pos->next;
		if (!match(q, key))
			continue;
		if (q->pi) {
			ret = -EINVAL;
			break;
		}
		if (!(q->bitset & bitset))
			continue;
		wake_futex(q);
		if (++n >= nr)
			break;
	}
	*woken += n;
	return ret;
}

/* Wake up to nr waiters on the futex at uaddr of mm (shared: not FUTEX_PRIVATE_FLAG). */
static int futex_wake_bits(struct mm_struct *mm, unsigned long uaddr, bool shared, int nr,
			   u32 bitset)
{
	struct futex_hash_bucket *hb;
	struct futex_key key;
	int woken = 0, ret;

	if (!bitset)
		return -EINVAL;
	ret = get_futex_key(mm, uaddr, shared, &key);
	if (ret)
		return ret;
	hb = hash_futex(&key);
	spin_lock(&hb->lock);
	ret = wake_matching(hb, &key, nr, bitset, &woken);
	spin_unlock(&hb->lock);
	return ret ?: woken;
}

/* clear_child_tid's wake-up: a shared futex, as Linux's mm_release makes it. */
int futex_wake_mm(struct mm_struct *mm, unsigned long uaddr, int nr)
{
	return futex_wake_bits(mm, uaddr, true, nr, FUTEX_BITSET_MATCH_ANY);
}

static enum hrtimer_restart futex_timeout(struct hrtimer *timer)
{
	struct futex_q *q = container_of(timer, struct futex_q, timer);

	q->timed_out = true;
	wake_up_process(q->task);
	return HRTIMER_NORESTART;
}

/*
 * q is queued on the bucket whose lock *lockp is held. Sleep until a
 * waker takes q off the queue (q->woken), the timeout (ns from now, ~0:
 * none) or a signal. Returns with the lock of q's bucket then held in
 * *lockp (a requeue may have moved it) and q off the queue: 0 (woken),
 * -ETIMEDOUT or -EINTR; or, a PI waiter whose lock's owner may have
 * exited (q->pi_dead_owner: exit_pi_state_list), FUTEX_LOOK_AT_WORD
 * with q still queued.
 */
#define FUTEX_LOOK_AT_WORD	1
static int futex_sleep(struct futex_q *q, spinlock_t **lockp, u64 ns)
{
	struct task_struct *p = current;
	spinlock_t *lock = *lockp;
	int ret = 0;

	if (ns != ~0ULL)
		hrtimer_start_ns(&q->timer, ns);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (q->woken || q->pi_dead_owner || READ_ONCE(q->timed_out) || signal_pending(p))
			break;
		spin_unlock(lock);
		schedule();
		lock = lock_futex_q(q);
	}
	__set_current_state(TASK_RUNNING);
	if (!q->woken && q->pi_dead_owner) {
		ret = FUTEX_LOOK_AT_WORD;	/* still queued: futex_lock_pi looks */
	} else if (!q->woken) {
		list_del(&q->list);
		ret = READ_ONCE(q->timed_out) ? -ETIMEDOUT : -EINTR;
	}
	*lockp = lock;
	return ret;
}

static long futex_wait(unsigned long uaddr, bool shared, u32 val, u64 ns, u32 bitset);

/* restart_syscall after a timed wait was stopped and continued: what is left of it. */
static long futex_wait_restart(struct restart_block *rb)
{
	u64 now = ktime_get_ns(), expires = rb->futex.expires;

	return futex_wait((unsigned long)rb->futex.uaddr, rb->futex.shared, rb->futex.val,
			  expires > now ? expires - now : 0, rb->futex.bitset);
}


/* The keys of the two futexes requeue and wake_op work on. */
static int get_futex_key_pair(unsigned long uaddr1, unsigned long uaddr2, bool shared,
			      struct futex_key *key1, struct futex_key *key2)
{
	int ret = get_futex_key(current->mm, uaddr1, shared, key1);

	return ret ?: get_futex_key(current->mm, uaddr2, shared, key2);
}

/*
 * Sleep on uaddr while *uaddr == val; ns: how long (~0: no limit). A
 * signal ends an untimed wait with -ERESTARTSYS, a timed one with
 * -ERESTART_RESTARTBLOCK, as Linux: after a handler that is -EINTR, with
 * none (stopped and continued) the wait goes on to its first deadline.
 */
static long futex_wait(unsigned long uaddr, bool shared, u32 val, u64 ns, u32 bitset)
{
	struct task_struct *p = current;
	struct futex_q q = { .task = p, .mm = p->mm, .uaddr = uaddr, .bitset = bitset };
	struct futex_hash_bucket *hb;
	spinlock_t *lock;
	u32 cur;
	long ret = 0;
	u64 now = ktime_get_ns(), expires = ns > ~0ULL - now ? ~0ULL - 1 : now + ns;	/* restart */

	if (!bitset)
		return -EINVAL;
	if (get_user(cur, (u32 __user *)uaddr))	/* faults the page in, no lock held */
		return -EFAULT;
	ret = get_futex_key(p->mm, uaddr, shared, &q.key);
	if (ret)
		return ret;
	hb = hash_futex(&q.key);
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
	ret = futex_sleep(&q, &lock, ns);
	if (ret == -EINTR && ns == ~0ULL) {
		ret = -ERESTARTSYS;
	} else if (ret == -EINTR) {
		struct restart_block *rb = &p->restart_block;

		rb->futex.uaddr = (u32 __user *)uaddr;
		rb->futex.shared = shared;
		rb->futex.val = val;
		rb->futex.bitset = bitset;
		rb->futex.expires = expires;
		rb->fn = futex_wait_restart;
		ret = -ERESTART_RESTARTBLOCK;
	}
out:
	spin_unlock(lock);
	hrtimer_cancel(&q.timer);	/* waits for a running futex_timeout: q is on our stack */
	return ret;
}

static long futex_requeue(unsigned long uaddr1, unsigned long uaddr2, bool shared,
			  int nr_wake, int nr_requeue, u32 *cmpval)
{
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_key key1, key2;
	struct list_head *pos, *next;
	int woken = 0, moved = 0, ret = 0;
	u32 cur;

	if (nr_wake < 0 || nr_requeue < 0)
		return -EINVAL;
	ret = get_futex_key_pair(uaddr1, uaddr2, shared, &key1, &key2);
	if (ret)
		return ret;
	hb1 = hash_futex(&key1);
	hb2 = hash_futex(&key2);
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
		if (!match(q, &key1))
			continue;
		if (q->pi) {		/* a PI waiter waits for FUTEX_UNLOCK_PI only */
			ret = -EINVAL;
			break;
		}
		if (woken < nr_wake) {
			wake_futex(q);
			woken++;
		} else if (moved < nr_requeue) {
			/* (its uaddr, at the waiter's own address, matters to PI waiters only) */
			q->key = key2;
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
	return ret ?: woken + moved;
}

/*
 * FUTEX_WAKE_OP's val3, as Linux encodes it:
 *
 *   bit 31      FUTEX_OP_OPARG_SHIFT: the operand is 1 << oparg
 *   bits 30-28  op: FUTEX_OP_SET, ADD, OR, ANDN, XOR (others: -ENOSYS)
 *   bits 27-24  cmp: FUTEX_OP_CMP_EQ, NE, LT, LE, GT, GE
 *   bits 23-12  oparg, 12 bits, sign-extended
 *   bits 11-0   cmparg, 12 bits, sign-extended
 *
 * *uaddr = old op oparg, atomically; then whether old cmp cmparg holds (1
 * or 0), or an error. As on Linux, an unknown cmp is found only after the
 * word was written (-ENOSYS then), and a shift by more than 31 is taken
 * modulo 32 with a message.
 */
#define FUTEX_OP_OPARG_SHIFT	8
#define FUTEX_OP_CMP_EQ		0
#define FUTEX_OP_CMP_NE		1
#define FUTEX_OP_CMP_LT		2
#define FUTEX_OP_CMP_LE		3
#define FUTEX_OP_CMP_GT		4
#define FUTEX_OP_CMP_GE		5

static int sign_extend12(unsigned int v)
{
	return (int)(v << 20) >> 20;
}

static int futex_atomic_op_inuser(unsigned int encoded_op, u32 __user *uaddr)
{
	unsigned int op = (encoded_op & 0x70000000) >> 28;
	unsigned int cmp = (encoded_op & 0x0f000000) >> 24;
	int oparg = sign_extend12((encoded_op & 0x00fff000) >> 12);
	int cmparg = sign_extend12(encoded_op & 0x00000fff);
	int oldval, ret;

	if (encoded_op & (FUTEX_OP_OPARG_SHIFT << 28)) {
		if (oparg < 0 || oparg > 31) {
			pr_info("futex_wake_op: %s tries to shift op by %d; fix this program\n",
				current->comm, oparg);
			oparg &= 31;
		}
		oparg = 1 << oparg;
	}
	ret = arch_futex_atomic_op_inuser(op, oparg, &oldval, uaddr);
	if (ret)
		return ret;
	switch (cmp) {
	case FUTEX_OP_CMP_EQ:
		return oldval == cmparg;
	case FUTEX_OP_CMP_NE:
		return oldval != cmparg;
	case FUTEX_OP_CMP_LT:
		return oldval < cmparg;
	case FUTEX_OP_CMP_GE:
		return oldval >= cmparg;
	case FUTEX_OP_CMP_LE:
		return oldval <= cmparg;
	case FUTEX_OP_CMP_GT:
		return oldval > cmparg;
	default:
		return -ENOSYS;
	}
}

/*
 * Make the word at uaddr present and writable (a fault taken now, with no
 * lock held): an atomic add of zero, which changes nothing.
 */
static int fault_in_user_writeable(u32 __user *uaddr)
{
	int old, ret;

	do {
		ret = arch_futex_atomic_op_inuser(FUTEX_OP_ADD, 0, &old, uaddr);
	} while (ret == -EAGAIN);
	return ret;
}

/*
 * FUTEX_WAKE_OP: with both buckets locked, apply the operation to *uaddr2;
 * wake up to nr_wake waiters on uaddr1 and, if the comparison held, up to
 * nr_wake2 on uaddr2. The number woken in all.
 */
static long futex_wake_op(unsigned long uaddr1, unsigned long uaddr2, bool shared,
			  int nr_wake, int nr_wake2, unsigned int op)
{
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_key key1, key2;
	int woken = 0, op_ret, ret;

	ret = get_futex_key_pair(uaddr1, uaddr2, shared, &key1, &key2);
	if (ret)
		return ret;
	hb1 = hash_futex(&key1);
	hb2 = hash_futex(&key2);
	for (;;) {
		double_lock_hb(hb1, hb2);
		op_ret = futex_atomic_op_inuser(op, (u32 __user *)uaddr2);
		if (op_ret >= 0)
			break;
		double_unlock_hb(hb1, hb2);
		if (op_ret != -EFAULT && op_ret != -EAGAIN)
			return op_ret;
		if (op_ret == -EFAULT && fault_in_user_writeable((u32 __user *)uaddr2))
			return -EFAULT;
		cond_resched();
	}
	ret = wake_matching(hb1, &key1, nr_wake, FUTEX_BITSET_MATCH_ANY, &woken);
	if (!ret && op_ret > 0)
		ret = wake_matching(hb2, &key2, nr_wake2, FUTEX_BITSET_MATCH_ANY, &woken);
	double_unlock_hb(hb1, hb2);
	return ret ?: woken;
}

/* ---- PI futexes ------------------------------------------------------------------------ */

/*
 * A PI futex word, as Linux's: the owner's thread id, or 0 when free, and
 * two flags. User space takes a free lock with a compare-and-exchange of
 * 0 to its TID and gives it back with TID to 0; it enters the kernel only
 * when that fails: FUTEX_LOCK_PI to wait (setting FUTEX_WAITERS, so that
 * the owner's unlock comes here too), FUTEX_UNLOCK_PI to hand the lock to
 * the first waiter, which the kernel makes the owner (its TID, with
 * FUTEX_WAITERS kept) before waking it. FUTEX_OWNER_DIED says the owner
 * exited holding it (set by the robust list, or by the hand-over of a
 * lock whose owner exited with waiters); a new owner keeps it.
 *
 * Not here, on purpose: priority inheritance itself. Linux lends the
 * waiters' priority to the owner through an rt_mutex; this scheduler
 * runs every task round-robin at one priority, so there is nothing to
 * lend and the waiters queue first come, first served (what an rt_mutex
 * does with equal priorities). Neither is a chain of owners waiting on
 * each other detected (only a task locking what it owns: -EDEADLK), nor
 * FUTEX_WAIT_REQUEUE_PI / FUTEX_CMP_REQUEUE_PI (-ENOSYS).
 *
 * The kernel keeps no per-lock state (Linux's pi_state): the owner is
 * the word's TID, and the lock's waiters are its FUTEX_LOCK_PI futex_qs.
 * A thread that exits owning a PI lock with waiters hands it to the
 * first of them (futex_exit_release); a waiter that finds the owner on
 * its way out waits for that (futex_state), and one that finds no such
 * task gets -ESRCH, as on Linux. The first waiter in another process (a
 * process-shared lock) is handed it as Linux does: the exiting owner
 * does not write the word (it may no longer map it: munmap'd, or not
 * writable), it wakes the waiter, which makes the word its own through
 * its own mapping (Linux's exit_pi_state_list and the new owner's
 * fixup_pi_state_owner): TID, FUTEX_WAITERS, FUTEX_OWNER_DIED.
 */
#define FUTEX_WAITERS		0x80000000
#define FUTEX_OWNER_DIED	0x40000000
#define FUTEX_TID_MASK		0x3fffffff
#define FUTEX_STATE_OK		0
#define FUTEX_STATE_EXITING	1
#define FUTEX_STATE_DEAD	2

/* Tasks in FUTEX_LOCK_PI: an exiting task has PI waiters to look for only if some. */
static atomic_t nr_pi_lockers;

/* The bucket's lock held: the oldest waiter on key, or NULL. */
static struct futex_q *futex_top_waiter(struct futex_hash_bucket *hb,
					const struct futex_key *key)
{
	struct futex_q *q;

	list_for_each_entry(q, &hb->chain, list)
		if (match(q, key))
			return q;
	return NULL;
}

static int cmpxchg_futex_value_locked(u32 *curval, u32 __user *uaddr, u32 uval, u32 newval)
{
	return futex_atomic_cmpxchg_inatomic(curval, uaddr, uval, newval);
}

/* uval to newval, or -EAGAIN if the word is no longer uval; -EFAULT. */
static int lock_pi_update_atomic(u32 __user *uaddr, u32 uval, u32 newval)
{
	u32 curval;
	int err = cmpxchg_futex_value_locked(&curval, uaddr, uval, newval);

	if (err)
		return err;
	return curval != uval ? -EAGAIN : 0;
}

/*
 * The owner named by uval does not exist, or (p) is exiting: -EBUSY while
 * its clean-up is not done (wait, then retry); -EAGAIN if the word changed
 * meanwhile; else -ESRCH: it exited without handing the lock on (no
 * robust list, or a word that never named a real owner).
 */
static int handle_exit_race(u32 __user *uaddr, u32 uval, struct task_struct *p)
{
	u32 uval2;

	if (p && READ_ONCE(p->futex_state) != FUTEX_STATE_DEAD)
		return -EBUSY;
	if (get_user(uval2, uaddr))
		return -EFAULT;
	return uval2 != uval ? -EAGAIN : -ESRCH;
}

/*
 * The bucket's lock held; uval names an owner we are about to wait for.
 * 0 if it is a live user task, or an error as handle_exit_race (with
 * -EBUSY, *exiting is the owner, a reference held), -EPERM for a kernel
 * thread.
 */
static int attach_to_pi_owner(u32 __user *uaddr, u32 uval, struct task_struct **exiting)
{
	int pid = uval & FUTEX_TID_MASK, state = FUTEX_STATE_DEAD;
	struct task_struct *p;
	unsigned long flags;
	bool kthread = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(pid);
	if (p) {
		kthread = p->flags & PF_KTHREAD;
		state = READ_ONCE(p->futex_state);
		if (state == FUTEX_STATE_EXITING)
			get_task_struct(p);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (kthread)
		return -EPERM;
	if (state == FUTEX_STATE_OK)
		return 0;
	if (state == FUTEX_STATE_EXITING) {
		int ret = handle_exit_race(uaddr, uval, p);

		if (ret == -EBUSY)
			*exiting = p;
		else
			put_task_struct(p);
		return ret;
	}
	return handle_exit_race(uaddr, uval, NULL);
}

/*
 * The bucket's lock held: take the lock at uaddr if it is free, else mark
 * it contended and check its owner. 1: it is ours; 0: wait for it; or
 * -EDEADLK (we own it), -EINVAL (non-PI waiters on the word), -EAGAIN
 * (the word changed: retry), -EBUSY (owner exiting), -ESRCH, -EFAULT.
 */
static int futex_lock_pi_atomic(u32 __user *uaddr, struct futex_hash_bucket *hb,
				const struct futex_key *key, struct task_struct **exiting)
{
	struct futex_q *top = futex_top_waiter(hb, key);
	u32 uval, newval;
	int ret;

	if (get_user(uval, uaddr))
		return -EFAULT;
	if ((uval & FUTEX_TID_MASK) == (u32)current->pid)
		return -EDEADLK;
	if (top && !top->pi)
		return -EINVAL;
	if (!(uval & FUTEX_TID_MASK)) {
		/* Free (its owner may have died): ours, the owner-died bit kept. */
		newval = (uval & FUTEX_OWNER_DIED) | current->pid;
		if (top)
			newval |= FUTEX_WAITERS;
		ret = lock_pi_update_atomic(uaddr, uval, newval);
		return ret ?: 1;
	}
	newval = uval | FUTEX_WAITERS;	/* the owner's unlock must come to the kernel */
	ret = lock_pi_update_atomic(uaddr, uval, newval);
	if (ret)
		return ret;
	/* its owner exited; the first waiter is taking it over: wait behind it */
	if (top && top->pi_dead_owner && top->pi_dead_owner == (int)(uval & FUTEX_TID_MASK))
		return 0;
	return attach_to_pi_owner(uaddr, newval, exiting);
}

/*
 * Has the owner tid of a PI lock let it go by exiting or exec'ing? It is
 * exiting (whose last exit_pi_state_list named us: flagged), on its way
 * out (it releases its PI locks: futex_state), or gone; or nobody owns it.
 */
static bool pi_owner_gone(u32 tid, int flagged)
{
	struct task_struct *p;
	unsigned long flags;
	bool gone;

	if (!tid || tid == (u32)flagged)
		return true;
	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_pid(tid);
	gone = !p || READ_ONCE(p->futex_state) != FUTEX_STATE_OK;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return gone;
}

/*
 * q's bucket lock held (*lockp), q queued, q->pi_dead_owner an exiting
 * task that may own q's lock: if the word's owner is gone
 * (pi_owner_gone), the lock is ours, as Linux's fixup_pi_state_owner
 * makes it after exit_pi_state_list: our TID, FUTEX_WAITERS and
 * FUTEX_OWNER_DIED, written through our own mapping; 0 and q off the
 * queue. -EAGAIN: it is someone else's, q waits on. -EFAULT (q off the
 * queue).
 */
static int fixup_dead_owner(struct futex_q *q, spinlock_t **lockp)
{
	u32 __user *uaddr = (u32 __user *)q->uaddr;
	u32 uval, curval, newval = FUTEX_WAITERS | FUTEX_OWNER_DIED | (u32)current->pid;
	int err;

	for (;;) {
		err = get_user(uval, uaddr);
		if (!err && !pi_owner_gone(uval & FUTEX_TID_MASK, q->pi_dead_owner)) {
			q->pi_dead_owner = 0;
			return -EAGAIN;
		}
		if (!err)
			err = cmpxchg_futex_value_locked(&curval, uaddr, uval, newval);
		if (!err && curval == uval) {
			list_del(&q->list);
			return 0;
		}
		if (!err)
			continue;	/* the word changed: look again */
		/* a fault with the lock held: take it without, and look again */
		spin_unlock(*lockp);
		err = fault_in_user_writeable(uaddr);
		*lockp = lock_futex_q(q);
		if (err) {
			list_del(&q->list);
			return err;
		}
	}
}

/* The owner was exiting (or exec'ing): wait until its futexes are cleaned up. */
static void wait_for_owner_exiting(struct task_struct *exiting)
{
	while (READ_ONCE(exiting->futex_state) == FUTEX_STATE_EXITING)
		schedule_hrtimeout_ns(1000000, TASK_UNINTERRUPTIBLE, NULL);
	put_task_struct(exiting);
}

/*
 * FUTEX_LOCK_PI, FUTEX_LOCK_PI2, FUTEX_TRYLOCK_PI: own the lock at uaddr
 * on return (0), waiting for it (ns from now, ~0: no limit) unless
 * trylock. -EWOULDBLOCK (EAGAIN) for trylock on a held lock, -ETIMEDOUT,
 * -ERESTARTNOINTR for a signal (restarted after the handler, as Linux's:
 * the timeout is absolute), and futex_lock_pi_atomic's errors.
 */
static long futex_lock_pi(u32 __user *uaddr, bool shared, u64 ns, bool trylock)
{
	struct task_struct *p = current, *exiting;
	struct futex_q q = { .task = p, .mm = p->mm, .uaddr = (unsigned long)uaddr,
			     .bitset = FUTEX_BITSET_MATCH_ANY, .pi = true };
	struct futex_hash_bucket *hb;
	spinlock_t *lock;
	long ret;

	ret = get_futex_key(p->mm, (unsigned long)uaddr, shared, &q.key);
	if (ret)
		return ret;
	hb = hash_futex(&q.key);
	lock = &hb->lock;
	hrtimer_init(&q.timer, futex_timeout);
	atomic_inc(&nr_pi_lockers);
	smp_mb();	/* counted before we look at an owner's futex_state: futex_exit_release */
	for (;;) {
		ret = fault_in_user_writeable(uaddr);	/* no lock held */
		if (ret)
			goto out;
		exiting = NULL;
		spin_lock(lock);
		ret = futex_lock_pi_atomic(uaddr, hb, &q.key, &exiting);
		if (ret != -EAGAIN && ret != -EBUSY && ret != -EFAULT)
			break;
		spin_unlock(lock);
		if (ret == -EFAULT && fault_in_user_writeable(uaddr))
			goto out;
		if (exiting)
			wait_for_owner_exiting(exiting);
		cond_resched();
	}
	if (ret == 1) {
		ret = 0;
	} else if (!ret && trylock) {
		ret = -EWOULDBLOCK;
	} else if (!ret && !ns) {
		ret = -ETIMEDOUT;	/* the deadline has passed (FUTEX_WAITERS stays set, as Linux) */
	} else if (!ret) {
		q.lock_ptr = lock;
		list_add_tail(&q.list, &hb->chain);
		/* Woken: futex_unlock_pi (or an exiting owner) made us the owner. */
		ret = futex_sleep(&q, &lock, ns);
		/* the owner, in another process, may have exited: look (the timer runs on) */
		while (ret == FUTEX_LOOK_AT_WORD) {
			ret = fixup_dead_owner(&q, &lock);
			if (ret == -EAGAIN)
				ret = futex_sleep(&q, &lock, ~0ULL);
		}
		if (ret == -EINTR)
			ret = -ERESTARTNOINTR;
	}
	spin_unlock(lock);
out:
	hrtimer_cancel(&q.timer);
	atomic_dec(&nr_pi_lockers);
	return ret;
}

/*
 * The bucket's lock held, *uaddr == uval names its owner: hand the lock
 * to waiter q and wake it. The word becomes q's TID with FUTEX_WAITERS
 * (kept while the kernel may have more waiters, as Linux's) and, if the
 * owner died (owner_died), FUTEX_OWNER_DIED: Linux sets it for a PI lock
 * whose owner exited holding it, robust or not. 0, -EAGAIN (the word
 * changed under us: retry), -EINVAL (it changed to something else),
 * -EFAULT.
 */
static int wake_futex_pi(u32 __user *uaddr, u32 uval, struct futex_q *q, bool owner_died)
{
	u32 curval, newval = FUTEX_WAITERS | (u32)q->task->pid;
	int ret;

	if (owner_died)
		newval |= FUTEX_OWNER_DIED;
	ret = cmpxchg_futex_value_locked(&curval, uaddr, uval, newval);
	if (!ret && curval != uval)
		ret = (curval & FUTEX_TID_MASK) == uval ? -EAGAIN : -EINVAL;
	if (!ret)
		wake_futex(q);
	return ret;
}

/*
 * FUTEX_UNLOCK_PI: current gives up the lock at uaddr, to its first
 * waiter if any, else the word becomes 0. -EPERM if we do not own it,
 * -EINVAL if it has non-PI waiters, -EAGAIN if user space changed the
 * word meanwhile (it is left alone then).
 */
static long futex_unlock_pi(u32 __user *uaddr, bool shared)
{
	struct futex_hash_bucket *hb;
	struct futex_key key;
	struct futex_q *top;
	bool changed = false;
	u32 uval, curval;
	int ret;

	ret = get_futex_key(current->mm, (unsigned long)uaddr, shared, &key);
	if (ret)
		return ret;
	hb = hash_futex(&key);
	for (;;) {
		if (get_user(uval, uaddr))
			return -EFAULT;
		if ((uval & FUTEX_TID_MASK) != (u32)current->pid)
			return -EPERM;
		spin_lock(&hb->lock);
		top = futex_top_waiter(hb, &key);
		if (top && !top->pi) {
			ret = -EINVAL;
		} else if (top) {
			ret = wake_futex_pi(uaddr, uval, top, false);
		} else {
			/* Nobody waits in the kernel: free, neither flag kept (we own it). */
			ret = cmpxchg_futex_value_locked(&curval, uaddr, uval, 0);
			changed = !ret && curval != uval;	/* by user space: its business */
		}
		spin_unlock(&hb->lock);
		if (changed)
			return -EAGAIN;
		if (ret != -EAGAIN && ret != -EFAULT)
			return ret;
		if (ret == -EFAULT && fault_in_user_writeable(uaddr))
			return -EFAULT;
		cond_resched();
	}
}

/*
 * The bucket's lock held, q a PI waiter on the word tsk (current) sees at
 * uaddr: if tsk owns q's lock, hand it to q. 0 (handed over, or not
 * tsk's), or -EFAULT if the word could not be reached with the lock held
 * (fault it in and retry).
 */
static int hand_over_pi(struct task_struct *tsk, struct futex_q *q, u32 __user *uaddr)
{
	u32 uval;
	int ret;

	do {
		if (get_user(uval, uaddr))
			return -EFAULT;
		if ((uval & FUTEX_TID_MASK) != (u32)tsk->pid)
			return 0;
		ret = wake_futex_pi(uaddr, uval, q, true);
	} while (ret == -EAGAIN);
	return ret == -EFAULT ? -EFAULT : 0;	/* -EINVAL: a word changed under us, left */
}

/*
 * tsk is leaving its address space: the PI locks it still owns that have
 * waiters go to their first waiter (Linux's exit_pi_state_list), with
 * FUTEX_OWNER_DIED. A waiter of tsk's process is handed the lock here,
 * through tsk's mapping; a fault with a bucket lock held (the mmap_lock
 * only tried) is taken without it, and the bucket looked at again; a word
 * that still cannot be reached is left as it is. The first waiter of a
 * lock in shared memory in another process is woken to look at its word
 * itself (q->pi_dead_owner, fixup_dead_owner), as Linux's waiter fixes
 * the word up in its own address space: tsk may not map the memory any
 * more, and cannot reach the waiter's.
 */
static void exit_pi_state_list(struct task_struct *tsk)
{
	for (int i = 0; i < FUTEX_HASH_SIZE; i++) {
		struct futex_hash_bucket *hb = &futex_queues[i];
		struct list_head *pos, *next;
		int retries = 0;

restart:
		spin_lock(&hb->lock);
		for (pos = hb->chain.next; pos != &hb->chain; pos = next) {
			struct futex_q *q = list_entry(pos, struct futex_q, list);
			u32 __user *uaddr = (u32 __user *)q->uaddr;

			next = pos->next;	/* q may leave the list */
			if (!q->pi)
				continue;
			if (q->mm != tsk->mm) {
				/* (a waiter not yet looking again for an earlier exit: see
				 * pi_owner_gone; only an exec'ing one could be missed) */
				if (key_is_shared_memory(&q->key) &&
				    futex_top_waiter(hb, &q->key) == q) {
					q->pi_dead_owner = tsk->pid;
					wake_up_process(q->task);
				}
				continue;
			}
			if (!hand_over_pi(tsk, q, uaddr) || retries >= 8)
				continue;
			spin_unlock(&hb->lock);	/* q may go away now: uaddr is a copy */
			retries++;
			fault_in_user_writeable(uaddr);
			goto restart;
		}
		spin_unlock(&hb->lock);
	}
}

/* ---- robust futexes ------------------------------------------------------------------ */

/*
 * set_robust_list(head, len): glibc registers, per thread, the list of
 * the robust mutexes it holds (Linux's struct robust_list_head: the first
 * entry, the offset from an entry to its futex word, and the entry being
 * locked or unlocked right now). When the thread exits or execs, each
 * word it still owns gets FUTEX_OWNER_DIED and, if it had waiters, one is
 * woken (a PI one is handed the lock instead, above): the next owner's
 * pthread_mutex_lock returns EOWNERDEAD. Bit 0 of an entry marks a PI
 * futex. A bad pointer ends the walk, as does the 2048th entry.
 */
struct robust_list {
	struct robust_list __user *next;
};

struct robust_list_head {
	struct robust_list list;
	long futex_offset;
	struct robust_list __user *list_op_pending;
};

#define ROBUST_LIST_LIMIT	2048

/*
 * A robust PI lock curr owns (*uaddr == uval): with the bucket locked, to
 * its first waiter if any (the word: its TID, FUTEX_WAITERS and
 * FUTEX_OWNER_DIED, what Linux's exit_pi_state_list and the waiter's
 * fix-up of the word leave), else just marked FUTEX_OWNER_DIED (the
 * waiters bit kept, the TID cleared), for the next locker to take. 0,
 * -EAGAIN (look again), -EFAULT.
 */
static int pi_owner_died(struct task_struct *curr, u32 __user *uaddr, u32 uval)
{
	struct futex_key private, shared;
	struct futex_hash_bucket *hb1, *hb2;
	struct futex_q *top;
	u32 nval;
	int err;

	/* A private or a shared PI mutex: its waiters are under one of the two keys. */
	get_futex_key(curr->mm, (unsigned long)uaddr, false, &private);
	if (get_futex_key(curr->mm, (unsigned long)uaddr, true, &shared))
		shared = private;
	hb1 = hash_futex(&private);
	hb2 = hash_futex(&shared);
	double_lock_hb(hb1, hb2);
	top = futex_top_waiter(hb1, &private);
	if (!top || !top->pi)
		top = futex_top_waiter(hb2, &shared);
	if (top && top->pi) {
		err = wake_futex_pi(uaddr, uval, top, true);
	} else {
		err = cmpxchg_futex_value_locked(&nval, uaddr, uval,
						 (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED);
		if (!err && nval != uval)
			err = -EAGAIN;
	}
	double_unlock_hb(hb1, hb2);
	if (err == -EFAULT && !fault_in_user_writeable(uaddr))
		err = -EAGAIN;
	return err == -EINVAL ? -EAGAIN : err;
}

/* One word of curr's: 0, or -1 to stop the walk. pending_op: list_op_pending's entry. */
static int handle_futex_death(u32 __user *uaddr, struct task_struct *curr, bool pi,
			      bool pending_op)
{
	u32 uval, nval, mval;
	int err;

	if ((unsigned long)uaddr & 3)
		return -1;
	for (;;) {
		if (get_user(uval, uaddr))
			return -1;
		/*
		 * An unlock that set the word to 0 and was killed before its
		 * FUTEX_WAKE, or a woken waiter killed before taking it: wake
		 * another, leave the word (Linux's special case).
		 */
		if (pending_op && !pi && !(uval & FUTEX_TID_MASK)) {
			futex_wake_bits(curr->mm, (unsigned long)uaddr, true, 1,
					FUTEX_BITSET_MATCH_ANY);
			return 0;
		}
		if ((uval & FUTEX_TID_MASK) != (u32)curr->pid)
			return 0;
		if (pi) {
			err = pi_owner_died(curr, uaddr, uval);
			if (err == -EAGAIN)
				continue;
			return err ? -1 : 0;
		}
		mval = (uval & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
		err = cmpxchg_futex_value_locked(&nval, uaddr, uval, mval);
		if (err == -EFAULT) {
			if (fault_in_user_writeable(uaddr))
				return -1;
			continue;
		}
		if (err || nval != uval)
			continue;	/* -EAGAIN, or the word changed: look again */
		break;
	}
	if (uval & FUTEX_WAITERS)
		futex_wake_bits(curr->mm, (unsigned long)uaddr, true, 1, FUTEX_BITSET_MATCH_ANY);
	return 0;
}

/* An entry pointer, bit 0 (PI) apart. */
static int fetch_robust_entry(struct robust_list __user **entry,
			      struct robust_list __user *const __user *head, bool *pi)
{
	unsigned long uentry;

	if (get_user(uentry, (const unsigned long __user *)head))
		return -EFAULT;
	*entry = (struct robust_list __user *)(uentry & ~1UL);
	*pi = uentry & 1;
	return 0;
}

static u32 __user *robust_futex_word(struct robust_list __user *entry, long futex_offset)
{
	return (u32 __user *)((unsigned long)entry + futex_offset);
}

static void exit_robust_list(struct task_struct *curr)
{
	struct robust_list_head __user *head = curr->robust_list;
	struct robust_list __user *entry, *next_entry, *pending;
	unsigned int limit = ROBUST_LIST_LIMIT;
	bool pi, pip, next_pi;
	long futex_offset;
	int rc;

	if (fetch_robust_entry(&entry, &head->list.next, &pi) ||
	    get_user(futex_offset, &head->futex_offset) ||
	    fetch_robust_entry(&pending, &head->list_op_pending, &pip))
		return;
	while (entry != &head->list) {
		rc = fetch_robust_entry(&next_entry, &entry->next, &next_pi);
		/* The entry being locked may be on the list already: once. */
		if (entry != pending &&
		    handle_futex_death(robust_futex_word(entry, futex_offset), curr, pi, false))
			return;
		if (rc)
			return;
		entry = next_entry;
		pi = next_pi;
		if (!--limit)
			break;
		cond_resched();
	}
	if (pending)
		handle_futex_death(robust_futex_word(pending, futex_offset), curr, pip, true);
}

/* Robust list first (it sets FUTEX_OWNER_DIED), then the PI locks' hand-over. */
static void futex_cleanup(struct task_struct *tsk)
{
	if (tsk->robust_list) {
		exit_robust_list(tsk);
		tsk->robust_list = NULL;
	}
	if (atomic_read(&nr_pi_lockers))
		exit_pi_state_list(tsk);
}

void futex_exit_release(struct task_struct *tsk)
{
	WRITE_ONCE(tsk->futex_state, FUTEX_STATE_EXITING);
	smp_mb();	/* pairs with futex_lock_pi's: it sees EXITING, or we see it counted */
	futex_cleanup(tsk);
	smp_mb();
	WRITE_ONCE(tsk->futex_state, FUTEX_STATE_DEAD);
}

/* execve: the same for the old program's locks; the task goes on. */
void futex_exec_release(struct task_struct *tsk)
{
	WRITE_ONCE(tsk->futex_state, FUTEX_STATE_EXITING);
	smp_mb();
	futex_cleanup(tsk);
	smp_mb();
	WRITE_ONCE(tsk->futex_state, FUTEX_STATE_OK);
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
	bool shared = !(op & FUTEX_PRIVATE_FLAG);
	u64 ns;
	int err;

	if (addr & 3)
		return -EINVAL;
	/* As Linux v5.15: the clock can be chosen for these absolute timeouts only. */
	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_LOCK_PI2)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		err = futex_timeout_ns(utime, cmd == FUTEX_WAIT_BITSET,
				       op & FUTEX_CLOCK_REALTIME, &ns);
		if (err)
			return err;
		return futex_wait(addr, shared, val, ns,
				  cmd == FUTEX_WAIT ? FUTEX_BITSET_MATCH_ANY : val3);
	case FUTEX_WAKE:
		return futex_wake_bits(current->mm, addr, shared, (int)val,
				       FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake_bits(current->mm, addr, shared, (int)val, val3);
	case FUTEX_WAKE_OP:
		if ((unsigned long)uaddr2 & 3)
			return -EINVAL;
		/* utime carries nr_wake2, as Linux. */
		return futex_wake_op(addr, (unsigned long)uaddr2, shared, (int)val,
				     (int)(long)utime, val3);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		if ((unsigned long)uaddr2 & 3)
			return -EINVAL;
		/* utime carries nr_requeue for these two, as Linux. */
		return futex_requeue(addr, (unsigned long)uaddr2, shared, (int)val,
				     (int)(long)utime, cmd == FUTEX_CMP_REQUEUE ? &val3 : NULL);
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		/* An absolute timeout: LOCK_PI's on CLOCK_REALTIME, LOCK_PI2's as chosen. */
		err = futex_timeout_ns(utime, true,
				       cmd == FUTEX_LOCK_PI || (op & FUTEX_CLOCK_REALTIME), &ns);
		if (err)
			return err;
		return futex_lock_pi(uaddr, shared, ns, false);
	case FUTEX_TRYLOCK_PI:
		return futex_lock_pi(uaddr, shared, ~0ULL, true);
	case FUTEX_UNLOCK_PI:
		return futex_unlock_pi(uaddr, shared);
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
