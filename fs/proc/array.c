// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/array.c: the text of /proc/PID/stat and /proc/PID/status, in
 * Linux's formats (do_task_stat, proc_pid_status; man 5 proc).
 *
 * stat is one line of 52 fields:
 *   1 pid  2 (comm)  3 state  4 ppid  5 pgrp  6 session  7 tty_nr  8 tpgid
 *   9 flags  10-13 fault counts  14 utime  15 stime  16 cutime  17 cstime
 *   18 priority  19 nice  20 num_threads  21 itrealvalue  22 starttime
 *   23 vsize  24 rss  25 rsslim  26 startcode  27 endcode  28 startstack
 *   29 kstkesp  30 kstkeip  31 signal  32 blocked  33 sigignore  34 sigcatch
 *   35 wchan  36 nswap  37 cnswap  38 exit_signal  39 processor
 *   40 rt_priority  41 policy  42 delayacct_blkio_ticks  43 guest_time
 *   44 cguest_time  45 start_data  46 end_data  47 start_brk  48 arg_start
 *   49 arg_end  50 env_start  51 env_end  52 exit_code
 * What headstart does not count (page faults, guest time...) is 0, as Linux writes a field it has no value for; kstkesp and
 * kstkeip are 0 as on Linux for a live task.
 *
 * Times are in clock ticks of USER_HZ (100 a second), whatever HZ is.
 * Called under tasklist_lock (fs/proc/root.c), so the task stays put.
 */
#include <linux/cpumask.h>
#include <linux/fdtable.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm_types.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/tty.h>
#include <asm/page.h>
#include "internal.h"

#define RLIM_INFINITY (~0ULL)
#define RLIMIT_RSS 5
#define RLIMIT_SIGPENDING 11
#define CAP_FULL_SET 0x000001ffffffffffULL	/* CAP_LAST_CAP 40 (v5.15) */

static const char *task_state_name(const struct task_struct *p)
{
	if (p->exit_state & EXIT_ZOMBIE)
		return "Z (zombie)";
	if (p->exit_state & EXIT_DEAD)
		return "X (dead)";
	if (p->state == TASK_RUNNING)
		return "R (running)";
	if (p->state & __TASK_STOPPED)
		return "T (stopped)";
	if (p->state & TASK_UNINTERRUPTIBLE)
		return "D (disk sleep)";
	return "S (sleeping)";
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

/* SigQ: signals queued to the task and its process / RLIMIT_SIGPENDING (siglock taken). */
static void task_sigq(struct task_struct *p, unsigned int *queued, u64 *limit)
{
	struct sigqueue *q;

	*queued = 0;
	*limit = p->signal ? p->signal->rlim[RLIMIT_SIGPENDING].rlim_cur : 0;
	if (!p->sighand)
		return;
	spin_lock(&p->sighand->siglock);
	list_for_each_entry(q, &p->pending.list, list)
		++*queued;
	if (p->signal)
		list_for_each_entry(q, &p->signal->shared_pending.list, list)
			++*queued;
	spin_unlock(&p->sighand->siglock);
}

static int nr_threads_of(const struct task_struct *p)
{
	return p->signal ? p->signal->live : 1;
}

static int parent_tgid(const struct task_struct *p)
{
	return p->parent ? p->parent->tgid : 0;
}

/* Ignored and caught signals, bit sig - 1 (Linux's collect_sigign_sigcatch). */
static void sig_ign_cgt(const struct task_struct *p, u64 *ign, u64 *cgt)
{
	*ign = *cgt = 0;
	if (!p->sighand)
		return;
	for (int sig = 1; sig < _NSIG; sig++) {
		unsigned long h = p->sighand->action[sig - 1].sa_handler;

		if (h == 1)		/* SIG_IGN */
			*ign |= 1ULL << (sig - 1);
		else if (h > 1)
			*cgt |= 1ULL << (sig - 1);
	}
}

/*
 * Bytes the VMAs span: the mm's counts (mm/mmap.c's vm_stat_account), read
 * without its mmap_lock (which sleeps; tasklist_lock is held here), as Linux
 * reads them; the VMA list itself may be changing on another CPU.
 */
static unsigned long vm_bytes(const unsigned long *pages)
{
	return READ_ONCE(*pages) << PAGE_SHIFT;
}

int proc_pid_stat(struct task_struct *p, char *buf, size_t size)
{
	struct mm_struct *mm = p->mm;
	u64 ign, cgt, rsslim = p->signal ? p->signal->rlim[RLIMIT_RSS].rlim_cur : RLIM_INFINITY;
	u64 cutime = p->signal ? p->signal->cutime : 0, cstime = p->signal ? p->signal->cstime : 0;
	int len, tty_nr, tpgid;

	task_tty(p, &tty_nr, &tpgid);
	sig_ign_cgt(p, &ign, &cgt);
	len = snprintf(buf, size,
		       "%d (%s) %c %d %d %d %d %d %u %lu %lu %lu %lu %llu %llu %llu %llu %d %d %d "
		       "%d %llu %lu %lu %llu %lu %lu %lu %lu %lu %llu %llu %llu %llu %lu %lu %lu "
		       "%d %u %u %u %llu %llu %llu",
		       p->pid, p->comm, task_state_name(p)[0], parent_tgid(p), task_pgrp_nr(p),
		       task_session_nr(p), tty_nr, tpgid, p->flags, 0UL, 0UL, 0UL, 0UL,
		       to_clock_t(p->utime), to_clock_t(p->stime), to_clock_t(cutime),
		       to_clock_t(cstime), 20, 0, nr_threads_of(p), 0, to_clock_t(p->start_time),
		       mm ? vm_bytes(&mm->total_vm) : 0, mm ? mm->rss : 0, rsslim,
		       mm ? mm->start_code : 0, mm ? mm->end_code : 0, mm ? mm->start_stack : 0,
		       0UL, 0UL, p->pending.signal & 0x7fffffffULL, p->blocked & 0x7fffffffULL,
		       ign & 0x7fffffffULL, cgt & 0x7fffffffULL,
		       (unsigned long)(p->state != TASK_RUNNING), 0UL, 0UL,
		       p->exit_signal, p->cpu, 0, 0, 0ULL, 0ULL, 0ULL);
	if (len < (int)size)
		len += snprintf(buf + len, size - len, " %lu %lu %lu %lu %lu %lu %lu %d\n",
				mm ? mm->start_data : 0, mm ? mm->end_data : 0,
				mm ? mm->start_brk : 0, mm ? mm->arg_start : 0,
				mm ? mm->arg_end : 0, mm ? mm->env_start : 0,
				mm ? mm->env_end : 0, p->exit_code);
	return len < (int)size ? len : (int)size - 1;
}

/* Linux's task_mem: sizes in kB. Peaks are not tracked: VmPeak/VmHWM are the current sizes. */
static int task_mem(const struct mm_struct *mm, char *buf, size_t size)
{
	unsigned long kb = PAGE_SIZE / 1024, total = vm_bytes(&mm->total_vm) >> 10;
	unsigned long stack = vm_bytes(&mm->stack_vm) >> 10;
	unsigned long data = vm_bytes(&mm->data_vm) >> 10;
	unsigned long exe = (PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK)) >> 10;

	return snprintf(buf, size,
			"VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\nVmPin:\t%8lu kB\n"
			"VmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\nRssAnon:\t%8lu kB\nRssFile:\t%8lu kB\n"
			"RssShmem:\t%8lu kB\nVmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\n"
			"VmLib:\t%8lu kB\nVmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n"
			"HugetlbPages:\t%8lu kB\n",
			total, total, 0UL, 0UL, mm->rss * kb, mm->rss * kb, mm->rss * kb, 0UL, 0UL,
			data, stack, exe, 0UL, mm->pgtables * kb, 0UL, 0UL);
}

/*
 * The CPUs the task may run on (its affinity, sched_setaffinity), as Linux
 * prints the mask: hex, and ranges ("0-3").
 */
static int cpus_allowed(const struct task_struct *p, char *buf, size_t size)
{
	unsigned long bits = READ_ONCE(p->cpus_mask.bits);
	int len, first = -1, cpu;

	len = snprintf(buf, size, "Cpus_allowed:\t%lx\nCpus_allowed_list:\t", bits);
	for (cpu = 0; cpu <= 64 && len < (int)size; cpu++) {
		bool in = cpu < 64 && (bits & (1UL << cpu));

		if (in && first < 0)
			first = cpu;
		if (!in && first >= 0) {
			len += snprintf(buf + len, size - len, "%s%d", (bits & ((1UL << first) - 1))
					? "," : "", first);
			if (cpu - 1 > first)
				len += snprintf(buf + len, size - len, "-%d", cpu - 1);
			first = -1;
		}
	}
	if (len < (int)size)
		len += snprintf(buf + len, size - len, "\n");
	return len;
}

int proc_pid_status(struct task_struct *p, char *buf, size_t size)
{
	const struct cred *c = &p->cred;
	u64 ign, cgt, shd = p->signal ? p->signal->shared_pending.signal : 0;
	u64 caps = c->euid == 0 ? CAP_FULL_SET : 0, sigq_limit;
	unsigned int sigq, umask = p->fs ? READ_ONCE(p->fs->umask) : 022;
	int len;

	sig_ign_cgt(p, &ign, &cgt);
	task_sigq(p, &sigq, &sigq_limit);
	len = snprintf(buf, size,
		       "Name:\t%s\nUmask:\t%04o\nState:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\n"
		       "PPid:\t%d\nTracerPid:\t0\nUid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n"
		       "FDSize:\t%d\nGroups:\t",
		       p->comm, umask, task_state_name(p), p->tgid, p->pid, parent_tgid(p),
		       c->uid, c->euid, c->suid, c->fsuid, c->gid, c->egid, c->sgid, c->fsgid,
		       p->files ? NR_OPEN_DEFAULT : 0);
	for (int g = 0; g < c->ngroups && len < (int)size; g++)
		len += snprintf(buf + len, size - len, "%s%u", g ? " " : "", c->groups[g]);
	if (len < (int)size)
		len += snprintf(buf + len, size - len,
				" \nNStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
				p->tgid, p->pid, task_pgrp_nr(p), task_session_nr(p));
	if (p->mm && len < (int)size)
		len += task_mem(p->mm, buf + len, size - len);
	if (len < (int)size)
		len += snprintf(buf + len, size - len,
				"CoreDumping:\t0\nTHP_enabled:\t0\nThreads:\t%d\nSigQ:\t%u/%llu\n"
				"SigPnd:\t%016llx\nShdPnd:\t%016llx\nSigBlk:\t%016llx\n"
				"SigIgn:\t%016llx\nSigCgt:\t%016llx\nCapInh:\t%016llx\n"
				"CapPrm:\t%016llx\nCapEff:\t%016llx\nCapBnd:\t%016llx\n"
				"CapAmb:\t%016llx\nNoNewPrivs:\t0\nSeccomp:\t0\n"
				"Seccomp_filters:\t0\n",
				nr_threads_of(p), sigq, sigq_limit, p->pending.signal, shd, p->blocked, ign,
				cgt, 0ULL, caps, caps, CAP_FULL_SET, 0ULL);
	if (len < (int)size)
		len += cpus_allowed(p, buf + len, size - len);
	if (len < (int)size)
		len += snprintf(buf + len, size - len,
				"Mems_allowed:\t1\nMems_allowed_list:\t0\n"
				"voluntary_ctxt_switches:\t%llu\nnonvoluntary_ctxt_switches:\t%llu\n",
				p->nvcsw, p->nivcsw);
	return len < (int)size ? len : (int)size - 1;
}
