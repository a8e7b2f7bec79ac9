// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/itimer.c: getitimer/setitimer, ITIMER_REAL: a process's
 * SIGALRM timer (glibc's alarm() is setitimer on arm64, which has no alarm
 * system call). It runs on an hrtimer in the process's signal_struct,
 * counter-exact, re-armed by its interval from its own expiry so that a
 * periodic timer does not drift; it dies with the process (do_exit) and is
 * inherited by nobody (fork starts disarmed, exec keeps it, as Linux).
 *
 * An interval shorter than IT_REAL_MIN_NS is taken as IT_REAL_MIN_NS, so
 * that no process can keep the CPU in timer interrupts (Linux is bounded
 * by its clock event device's minimum delta instead).
 *
 * Locking: the threads of a process share the timer and may call these on
 * different CPUs: the process's sighand->siglock guards it_real_incr and
 * arming; the timer is cancelled with no lock held, since cancelling waits
 * for a running it_real_fn, which takes the siglock to send SIGALRM.
 *
 * ITIMER_VIRTUAL and ITIMER_PROF (CPU-time timers) are not implemented:
 * they fail with -EINVAL.
 */
#include <linux/clockchips.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define ITIMER_REAL	0
#define ITIMER_VIRTUAL	1
#define ITIMER_PROF	2
#define NSEC_PER_SEC	1000000000ULL
#define NSEC_PER_USEC	1000ULL
#define IT_REAL_MIN_NS	(100 * NSEC_PER_USEC)

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;	/* re-arm with this, 0: once */
	struct __kernel_old_timeval it_value;		/* first expiry, 0: disarm */
};

/* The timer's interrupt: SIGALRM, and the next period (skipping any missed). */
static enum hrtimer_restart it_real_fn(struct hrtimer *timer)
{
	struct signal_struct *sig = container_of(timer, struct signal_struct, real_timer);
	struct clock_event_device *dev = tick_get_device();
	u64 incr, now;

	send_sig(SIGALRM, sig->owner);
	if (!sig->it_real_incr || !dev)
		return HRTIMER_NORESTART;
	incr = ns_to_cycles(sig->it_real_incr);
	now = dev->read_counter();
	timer->expires += incr;
	if (timer->expires <= now)	/* overrun: one signal for them all, as Linux */
		timer->expires += ((now - timer->expires) / incr + 1) * incr;
	return HRTIMER_RESTART;
}

void itimer_init(struct signal_struct *sig)
{
	hrtimer_init(&sig->real_timer, it_real_fn);
	sig->it_real_incr = 0;
}

static u64 timeval_to_ns(const struct __kernel_old_timeval *tv)
{
	return (u64)tv->tv_sec * NSEC_PER_SEC + (u64)tv->tv_usec * NSEC_PER_USEC;
}

static void ns_to_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	/* A running timer never reads 0 (that means disarmed): round up, as Linux. */
	ns = (ns + NSEC_PER_USEC - 1) / NSEC_PER_USEC * NSEC_PER_USEC;
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
}

/* Interrupts masked. Time left on the timer, ns (0: disarmed). */
static u64 it_real_remaining(struct signal_struct *sig)
{
	struct clock_event_device *dev = tick_get_device();
	u64 now, left;

	if (!hrtimer_is_queued(&sig->real_timer) || !dev || !dev->freq)
		return 0;
	now = dev->read_counter();
	if (sig->real_timer.expires <= now)
		return 1;		/* due: about to fire */
	left = sig->real_timer.expires - now;
	return left / dev->freq * NSEC_PER_SEC + left % dev->freq * NSEC_PER_SEC / dev->freq;
}

static void get_it_real(struct signal_struct *sig, struct __kernel_old_itimerval *value)
{
	ns_to_timeval(it_real_remaining(sig), &value->it_value);
	ns_to_timeval(sig->it_real_incr, &value->it_interval);
}

static bool valid_timeval(const struct __kernel_old_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000 &&
	       (u64)tv->tv_sec < ~0ULL / NSEC_PER_SEC / 2;
}

SYSCALL_DEFINE2(getitimer, int, which, struct __kernel_old_itimerval __user *, value)
{
	struct __kernel_old_itimerval v;
	unsigned long flags;

	if (which != ITIMER_REAL)
		return -EINVAL;
	spin_lock_irqsave(&current->sighand->siglock, flags);
	get_it_real(current->signal, &v);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	return copy_to_user(value, &v, sizeof(v)) ? -EFAULT : 0;
}

SYSCALL_DEFINE3(setitimer, int, which, struct __kernel_old_itimerval __user *, value,
		struct __kernel_old_itimerval __user *, ovalue)
{
	struct signal_struct *sig = current->signal;
	struct __kernel_old_itimerval v, old;
	unsigned long flags;
	u64 ns;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (value) {
		if (copy_from_user(&v, value, sizeof(v)))
			return -EFAULT;
		if (!valid_timeval(&v.it_value) || !valid_timeval(&v.it_interval))
			return -EINVAL;
	}
	spin_lock_irqsave(&current->sighand->siglock, flags);
	get_it_real(sig, &old);
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	if (value) {
		hrtimer_cancel(&sig->real_timer);
		spin_lock_irqsave(&current->sighand->siglock, flags);
		ns = timeval_to_ns(&v.it_value);
		sig->it_real_incr = ns ? timeval_to_ns(&v.it_interval) : 0;
		if (sig->it_real_incr && sig->it_real_incr < IT_REAL_MIN_NS)
			sig->it_real_incr = IT_REAL_MIN_NS;
		if (ns)
			hrtimer_start_ns(&sig->real_timer, ns);
		spin_unlock_irqrestore(&current->sighand->siglock, flags);
	}
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
