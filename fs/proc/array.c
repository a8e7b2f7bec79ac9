// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/array.c: the text of /proc/<pid>/stat, one line of 52 fields as
 * Linux writes it (do_task_stat; man 5 proc). usr/bin/ps reads fields 1-4
 * and 14-15. What headstart does not track (page faults, priorities,
 * memory sizes, signals as bitmaps...) is 0, as a field Linux has no value
 * for is.
 *
 *   1 pid  2 (comm)  3 state  4 ppid  5 pgrp  6 session  7 tty_nr  8 tpgid
 *   9 flags  10-13 fault counts  14 utime  15 stime  16 cutime  17 cstime
 *   18 priority  19 nice  20 num_threads  21 itrealvalue  22 starttime ...
 *
 * Times are in clock ticks of USER_HZ (100 a second), whatever HZ is.
 * Called with interrupts masked (fs/proc/root.c), so the task stays put.
 */
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/tty.h>

#define FIELDS 52

static char task_state(const struct task_struct *p)
{
	if (p->exit_state & EXIT_ZOMBIE)
		return 'Z';
	if (p->exit_state & EXIT_DEAD)
		return 'X';
	if (p->state == TASK_RUNNING)
		return 'R';
	if (p->state & TASK_UNINTERRUPTIBLE)
		return 'D';
	return 'S';
}

static unsigned long long to_clock_t(u64 ticks)
{
	return ticks * USER_HZ / HZ;
}

/* Fields 7 and 8: the controlling tty (Linux's new_encode_dev) and its foreground group. */
static void task_tty(struct task_struct *p, int *tty_nr, int *tpgid)
{
	struct tty_struct *tty = p->signal ? READ_ONCE(p->signal->tty) : NULL;
	u32 dev;

	*tty_nr = 0;
	*tpgid = -1;
	if (!tty)
		return;
	dev = tty_devnum(tty);
	*tty_nr = (int)((MINOR(dev) & 0xff) | (MAJOR(dev) << 8) | ((MINOR(dev) & ~0xffu) << 12));
	*tpgid = tty->pgrp;
}

int proc_pid_stat(struct task_struct *p, char *buf, size_t size)
{
	int len, field, tty_nr, tpgid;

	task_tty(p, &tty_nr, &tpgid);

	len = snprintf(buf, size,
		       "%d (%s) %c %d %d %d %d %d %u %d %d %d %d %llu %llu %d %d %d %d %d %d %llu",
		       p->pid, p->comm, task_state(p), p->parent ? p->parent->pid : 0,
		       task_pgrp_nr(p), task_session_nr(p), tty_nr, tpgid, p->flags, 0, 0, 0, 0,
		       to_clock_t(p->utime), to_clock_t(p->stime), 0, 0,
		       20, 0, 1, 0, to_clock_t(p->start_time));
	for (field = 23; field <= FIELDS && len < (int)size; field++)
		len += snprintf(buf + len, size - len, " 0");
	if (len < (int)size)
		len += snprintf(buf + len, size - len, "\n");
	return len < (int)size ? len : (int)size - 1;
}
