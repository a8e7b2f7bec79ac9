// SPDX-License-Identifier: GPL-2.0
/*
 * fs/select.c: ppoll and pselect6, waiting for any of several files to be
 * ready. Each file's poll operation says what it is ready for now and,
 * on the first pass, queues the poller on the wait queues a change would
 * be woken on (poll_wait); the poller then sleeps until one of them, the
 * timeout (an hrtimer) or a signal wakes it, and looks again. A file
 * without a poll operation (regular files, directories) is always ready
 * for reading and writing, as on Linux.
 *
 * The pass runs with preemption off and the task already marked sleeping
 * (set_current_state's barrier orders that before the looks), so a
 * wake-up between the look and the sleep is never lost. Queueing on and
 * off a file's wait queue takes that queue's lock, as wake_up() does: the
 * waker may be on another CPU. The signal
 * mask given to ppoll/pselect6 applies while waiting and is put back
 * afterwards (after the handler, if a signal interrupted the wait: then
 * the call returns -EINTR, never restarted, as on Linux). The remaining
 * time is not written back to the timeout.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/wait.h>
#include <asm/uaccess.h>

#define POLL_MAX_FDS	1024		/* Linux's default RLIMIT_NOFILE */
#define POLL_ENTRIES	128		/* wait queues one sleep can be on */
#define NSEC_PER_SEC	1000000000LL

struct poll_table_entry {
	struct wait_queue_entry wait;
	struct wait_queue_head *wq;
};

struct poll_table_struct {
	bool registering;		/* first pass: poll_wait queues us */
	bool timed_out;
	struct task_struct *task;
	struct hrtimer timer;
	int nr;
	struct poll_table_entry entries[POLL_ENTRIES];
};

void poll_wait(struct file *file, struct wait_queue_head *wq, struct poll_table_struct *pt)
{
	struct poll_table_entry *e;
	unsigned long flags;

	if (!pt || !pt->registering || pt->nr >= POLL_ENTRIES)
		return;
	e = &pt->entries[pt->nr++];
	e->wq = wq;
	e->wait.task = pt->task;
	spin_lock_irqsave(&wq->lock, flags);
	list_add_tail(&e->wait.entry, &wq->head);
	spin_unlock_irqrestore(&wq->lock, flags);
}

unsigned int vfs_poll(struct file *file, struct poll_table_struct *pt)
{
	if (!file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, pt);
}

static enum hrtimer_restart poll_timeout(struct hrtimer *timer)
{
	struct poll_table_struct *pt = container_of(timer, struct poll_table_struct, timer);

	pt->timed_out = true;
	wake_up_process(pt->task);
	return HRTIMER_NORESTART;
}

/* What one pass looks at: fn returns how many entries are ready, or -errno. */
typedef int (*poll_pass_t)(void *arg, struct poll_table_struct *pt);

/*
 * Run passes until one finds something (its count), the timeout passes (0)
 * or a signal comes (-EINTR). ns < 0: no timeout; 0: one pass only.
 */
static int do_poll_wait(poll_pass_t pass, void *arg, long long ns)
{
	struct poll_table_struct *pt = kzalloc(sizeof(*pt), GFP_KERNEL);
	unsigned long flags;
	int ret;

	if (!pt)
		return -ENOMEM;
	pt->task = current;
	pt->registering = ns != 0;
	hrtimer_init(&pt->timer, poll_timeout);
	if (ns > 0)
		hrtimer_start_ns(&pt->timer, ns);
	for (;;) {
		preempt_disable();
		set_current_state(TASK_INTERRUPTIBLE);
		ret = pass(arg, pt);
		pt->registering = false;
		preempt_enable_no_resched();
		if (ret || !ns || READ_ONCE(pt->timed_out))
			break;
		if (signal_pending(current)) {
			ret = -EINTR;
			break;
		}
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	hrtimer_cancel(&pt->timer);
	for (int i = 0; i < pt->nr; i++) {
		struct wait_queue_head *wq = pt->entries[i].wq;

		spin_lock_irqsave(&wq->lock, flags);
		list_del_init(&pt->entries[i].wait.entry);
		spin_unlock_irqrestore(&wq->lock, flags);
	}
	kfree(pt);
	return ret;
}

/* A user timespec as nanoseconds (-1: none), or -EFAULT/-EINVAL. */
static int get_timeout(const void __user *uts, long long *ns)
{
	struct { long long tv_sec, tv_nsec; } ts;

	*ns = -1;
	if (!uts)
		return 0;
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ns = ts.tv_sec > 1000000000LL ? -1 : ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

/* The signal mask while waiting (sigsetsize must be 8); the caller's is saved. */
static int set_user_sigmask(const void __user *umask, size_t sigsetsize, bool *set)
{
	sigset_t mask;

	*set = false;
	if (!umask)
		return 0;
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	set_current_blocked(mask);
	*set = true;
	return 0;
}

/*
 * After the wait, as Linux's poll_select_finish: interrupted by a signal,
 * the caller's mask comes back only after the handler ran (restore_sigmask)
 * and the call is -ERESTARTNOHAND; otherwise it comes back now.
 */
static int finish_sigmask(int ret, bool set)
{
	if (ret == -EINTR) {
		if (set)
			current->restore_sigmask = true;
		return -ERESTARTNOHAND;
	}
	if (set)
		set_current_blocked(current->saved_sigmask);
	return ret;
}

/* ---- ppoll ------------------------------------------------------------------- */
struct pollfd {
	int fd;
	short events, revents;
};

struct poll_args {
	struct pollfd *fds;
	unsigned int nfds;
};

static int poll_pass(void *arg, struct poll_table_struct *pt)
{
	struct poll_args *a = arg;
	int count = 0;

	for (unsigned int i = 0; i < a->nfds; i++) {
		struct pollfd *p = &a->fds[i];
		struct file *file;
		unsigned int mask;

		p->revents = 0;
		if (p->fd < 0)
			continue;
		file = fget(p->fd);
		if (!file) {
			mask = POLLNVAL;
		} else {
			mask = vfs_poll(file, pt);
			fput(file);
			mask &= (unsigned short)p->events | POLLERR | POLLHUP;
		}
		p->revents = mask;
		if (mask)
			count++;
	}
	return count;
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds,
		const void __user *, tsp, const void __user *, sigmask, size_t, sigsetsize)
{
	struct poll_args a = { .nfds = nfds };
	long long ns;
	bool masked;
	int ret;

	if (nfds > POLL_MAX_FDS)
		return -EINVAL;
	ret = get_timeout(tsp, &ns);
	if (ret)
		return ret;
	a.fds = kmalloc(nfds * sizeof(*a.fds) + 1, GFP_KERNEL);
	if (!a.fds)
		return -ENOMEM;
	if (copy_from_user(a.fds, ufds, nfds * sizeof(*a.fds))) {
		kfree(a.fds);
		return -EFAULT;
	}
	ret = set_user_sigmask(sigmask, sigsetsize, &masked);
	if (!ret)
		ret = finish_sigmask(do_poll_wait(poll_pass, &a, ns), masked);
	for (unsigned int i = 0; ret >= 0 && i < nfds; i++)
		if (put_user(a.fds[i].revents, &ufds[i].revents))
			ret = -EFAULT;
	kfree(a.fds);
	return ret;
}

/* ---- pselect6 ---------------------------------------------------------------- */
#define POLLIN_SET	(POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define POLLOUT_SET	(POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define POLLEX_SET	POLLPRI
#define FDS_WORDS(n)	(((n) + 63) / 64)

struct select_args {
	int n;
	u64 in[FDS_WORDS(POLL_MAX_FDS)], out[FDS_WORDS(POLL_MAX_FDS)],
	    ex[FDS_WORDS(POLL_MAX_FDS)];
	u64 res_in[FDS_WORDS(POLL_MAX_FDS)], res_out[FDS_WORDS(POLL_MAX_FDS)],
	    res_ex[FDS_WORDS(POLL_MAX_FDS)];
};

static bool fd_isset(const u64 *set, int fd)
{
	return set[fd / 64] & (1ULL << (fd % 64));
}

static int select_pass(void *arg, struct poll_table_struct *pt)
{
	struct select_args *a = arg;
	int count = 0;

	memset(a->res_in, 0, sizeof(a->res_in));
	memset(a->res_out, 0, sizeof(a->res_out));
	memset(a->res_ex, 0, sizeof(a->res_ex));
	for (int fd = 0; fd < a->n; fd++) {
		bool in = fd_isset(a->in, fd), out = fd_isset(a->out, fd), ex = fd_isset(a->ex, fd);
		struct file *file;
		unsigned int mask;

		if (!in && !out && !ex)
			continue;
		file = fget(fd);
		if (!file)
			return -EBADF;
		mask = vfs_poll(file, pt);
		fput(file);
		if (in && (mask & POLLIN_SET)) {
			a->res_in[fd / 64] |= 1ULL << (fd % 64);
			count++;
		}
		if (out && (mask & POLLOUT_SET)) {
			a->res_out[fd / 64] |= 1ULL << (fd % 64);
			count++;
		}
		if (ex && (mask & POLLEX_SET)) {
			a->res_ex[fd / 64] |= 1ULL << (fd % 64);
			count++;
		}
	}
	return count;
}

struct sigset_argpack {
	const void __user *p;
	size_t size;
};

static int get_set(u64 *set, const void __user *uset, size_t bytes)
{
	if (!uset)
		return 0;
	return copy_from_user(set, uset, bytes) ? -EFAULT : 0;
}

static int put_set(void __user *uset, const u64 *set, size_t bytes)
{
	if (!uset)
		return 0;
	return copy_to_user(uset, set, bytes) ? -EFAULT : 0;
}

SYSCALL_DEFINE6(pselect6, int, n, void __user *, inp, void __user *, outp, void __user *, exp,
		const void __user *, tsp, const struct sigset_argpack __user *, sig)
{
	struct sigset_argpack pack = { NULL, 0 };
	struct select_args *a;
	size_t bytes;
	long long ns;
	bool masked = false;
	int ret;

	if (n < 0)
		return -EINVAL;
	if (n > POLL_MAX_FDS)
		n = POLL_MAX_FDS;
	bytes = FDS_WORDS(n) * sizeof(u64);
	ret = get_timeout(tsp, &ns);
	if (ret)
		return ret;
	if (sig && copy_from_user(&pack, sig, sizeof(pack)))
		return -EFAULT;
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	a->n = n;
	ret = get_set(a->in, inp, bytes) ?: get_set(a->out, outp, bytes) ?:
	      get_set(a->ex, exp, bytes);
	/* bits past n in the last word are not asked about */
	if (!ret && n % 64) {
		u64 keep = (1ULL << (n % 64)) - 1;

		a->in[n / 64] &= keep;
		a->out[n / 64] &= keep;
		a->ex[n / 64] &= keep;
	}
	if (!ret)
		ret = set_user_sigmask(pack.p, pack.size, &masked);
	if (!ret)
		ret = finish_sigmask(do_poll_wait(select_pass, a, ns), masked);
	if (ret >= 0)
		ret = put_set(inp, a->res_in, bytes) ?: put_set(outp, a->res_out, bytes) ?:
		      put_set(exp, a->res_ex, bytes) ?: ret;
	kfree(a);
	return ret;
}
