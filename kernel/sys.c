// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sys.c: small system calls about the process and the machine:
 * ids (the setuid family, include/linux/cred.h), umask, resource limits
 * and usage, process groups and sessions, uname, sysinfo and reboot.
 *
 * Locking: another task is looked up under tasklist_lock (and held by a
 * reference past it); the limits and the rusage sums in signal_struct,
 * and the thread group walked for RUSAGE_SELF, under the process's
 * sighand->siglock; signal->pgrp, session, leader and tty under
 * tasklist_lock.
 */
#include <linux/errno.h>
#include <linux/fs_struct.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/sched/loadavg.h>
#include <asm/uaccess.h>

/* The process: its first thread's id (the thread group id). */
SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

/* This thread. */
SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->parent ? current->parent->tgid : 0;
}

SYSCALL_DEFINE0(getuid)
{
	return current->cred.uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current->cred.euid;
}

SYSCALL_DEFINE0(getgid)
{
	return current->cred.gid;
}

SYSCALL_DEFINE0(getegid)
{
	return current->cred.egid;
}

/* ---- the setuid family, as Linux's kernel/sys.c (root = CAP_SETUID/SETGID) ---- */

#define NO_ID ((unsigned int)-1)

static bool capable_setid(void)
{
	return current->cred.euid == 0;
}

/* May an unprivileged task take id? Only one of its own three. */
static bool own_id(unsigned int id, unsigned int r, unsigned int e, unsigned int s)
{
	return id == r || id == e || id == s;
}

static long do_setresid(unsigned int r, unsigned int e, unsigned int s, bool group)
{
	struct cred *c = &current->cred;
	unsigned int *cr = group ? &c->gid : &c->uid, *ce = group ? &c->egid : &c->euid;
	unsigned int *cs = group ? &c->sgid : &c->suid, *cfs = group ? &c->fsgid : &c->fsuid;

	if (!capable_setid()) {
		if ((r != NO_ID && !own_id(r, *cr, *ce, *cs)) ||
		    (e != NO_ID && !own_id(e, *cr, *ce, *cs)) ||
		    (s != NO_ID && !own_id(s, *cr, *ce, *cs)))
			return -EPERM;
	}
	if (r != NO_ID)
		*cr = r;
	if (e != NO_ID)
		*ce = e;
	if (s != NO_ID)
		*cs = s;
	*cfs = *ce;
	return 0;
}

SYSCALL_DEFINE3(setresuid, unsigned int, ruid, unsigned int, euid, unsigned int, suid)
{
	return do_setresid(ruid, euid, suid, false);
}

SYSCALL_DEFINE3(setresgid, unsigned int, rgid, unsigned int, egid, unsigned int, sgid)
{
	return do_setresid(rgid, egid, sgid, true);
}

/* setreuid: a new saved id when the real one is set or the effective one differs. */
static long do_setreid(unsigned int r, unsigned int e, bool group)
{
	struct cred *c = &current->cred;
	unsigned int cr = group ? c->gid : c->uid, s = NO_ID;

	if (!capable_setid()) {
		unsigned int ce = group ? c->egid : c->euid, cs = group ? c->sgid : c->suid;

		if ((r != NO_ID && r != cr && r != ce) || (e != NO_ID && !own_id(e, cr, ce, cs)))
			return -EPERM;
	}
	if (r != NO_ID || (e != NO_ID && e != cr))
		s = e != NO_ID ? e : (group ? c->egid : c->euid);
	/* Already checked: set them as root would. */
	if (r != NO_ID)
		*(group ? &c->gid : &c->uid) = r;
	if (e != NO_ID)
		*(group ? &c->egid : &c->euid) = e;
	if (s != NO_ID)
		*(group ? &c->sgid : &c->suid) = s;
	*(group ? &c->fsgid : &c->fsuid) = group ? c->egid : c->euid;
	return 0;
}

SYSCALL_DEFINE2(setreuid, unsigned int, ruid, unsigned int, euid)
{
	return do_setreid(ruid, euid, false);
}

SYSCALL_DEFINE2(setregid, unsigned int, rgid, unsigned int, egid)
{
	return do_setreid(rgid, egid, true);
}

/* setuid: root sets all three; others only the effective one, to real or saved. */
SYSCALL_DEFINE1(setuid, unsigned int, uid)
{
	struct cred *c = &current->cred;

	if (capable_setid())
		return do_setresid(uid, uid, uid, false);
	if (uid != c->uid && uid != c->suid)
		return -EPERM;
	c->euid = c->fsuid = uid;
	return 0;
}

SYSCALL_DEFINE1(setgid, unsigned int, gid)
{
	struct cred *c = &current->cred;

	if (capable_setid())
		return do_setresid(gid, gid, gid, true);
	if (gid != c->gid && gid != c->sgid)
		return -EPERM;
	c->egid = c->fsgid = gid;
	return 0;
}

static long put_resid(unsigned int r, unsigned int e, unsigned int s, unsigned int __user *ur,
		      unsigned int __user *ue, unsigned int __user *us)
{
	if (put_user(r, ur) || put_user(e, ue) || put_user(s, us))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid, unsigned int __user *, ruid, unsigned int __user *, euid,
		unsigned int __user *, suid)
{
	struct cred *c = &current->cred;

	return put_resid(c->uid, c->euid, c->suid, ruid, euid, suid);
}

SYSCALL_DEFINE3(getresgid, unsigned int __user *, rgid, unsigned int __user *, egid,
		unsigned int __user *, sgid)
{
	struct cred *c = &current->cred;

	return put_resid(c->gid, c->egid, c->sgid, rgid, egid, sgid);
}

/* setfsuid/setfsgid return the old value, whether or not they changed it. */
SYSCALL_DEFINE1(setfsuid, unsigned int, uid)
{
	struct cred *c = &current->cred;
	unsigned int old = c->fsuid;

	if (capable_setid() || own_id(uid, c->uid, c->euid, c->suid) || uid == c->fsuid)
		c->fsuid = uid;
	return old;
}

SYSCALL_DEFINE1(setfsgid, unsigned int, gid)
{
	struct cred *c = &current->cred;
	unsigned int old = c->fsgid;

	if (capable_setid() || own_id(gid, c->gid, c->egid, c->sgid) || gid == c->fsgid)
		c->fsgid = gid;
	return old;
}

SYSCALL_DEFINE2(getgroups, int, size, unsigned int __user *, grouplist)
{
	struct cred *c = &current->cred;

	if (size < 0)
		return -EINVAL;
	if (!size)
		return c->ngroups;
	if (size < c->ngroups)
		return -EINVAL;
	if (copy_to_user(grouplist, c->groups, c->ngroups * sizeof(c->groups[0])))
		return -EFAULT;
	return c->ngroups;
}

SYSCALL_DEFINE2(setgroups, int, size, const unsigned int __user *, grouplist)
{
	struct cred *c = &current->cred;
	unsigned int groups[NGROUPS_SMALL];

	if (!capable_setid())
		return -EPERM;
	if (size < 0 || size > NGROUPS_SMALL)
		return -EINVAL;
	if (copy_from_user(groups, grouplist, size * sizeof(groups[0])))
		return -EFAULT;
	memcpy(c->groups, groups, size * sizeof(groups[0]));
	c->ngroups = size;
	return 0;
}

/* ---- umask, limits, usage ------------------------------------------------------ */

/* Shared by the threads of a process (include/linux/fs_struct.h). */
SYSCALL_DEFINE1(umask, int, mask)
{
	return xchg_fs_umask(current->fs, mask & 0777);
}

struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};

/*
 * Recorded per process and inherited, as Linux keeps them; what this
 * kernel enforces of them: nothing yet (the stack is 8 MiB and the fd table
 * 64 whatever they say; RLIMIT_NOFILE reads 64 for that reason). Raising a
 * hard limit needs root, as on Linux.
 */
static long do_prlimit(struct task_struct *p, unsigned int resource, const struct rlimit64 *new,
		       struct rlimit64 *old)
{
	struct signal_struct *sig = p->signal;
	unsigned long flags;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new && resource == RLIMIT_NOFILE && new->rlim_max > 64)
		return -EPERM;		/* more fds than the table has: Linux's nr_open */
	spin_lock_irqsave(&p->sighand->siglock, flags);
	if (new && new->rlim_max > sig->rlim[resource].rlim_max && !capable_setid()) {
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
		return -EPERM;
	}
	if (old) {
		old->rlim_cur = sig->rlim[resource].rlim_cur;
		old->rlim_max = sig->rlim[resource].rlim_max;
	}
	if (new) {
		sig->rlim[resource].rlim_cur = new->rlim_cur;
		sig->rlim[resource].rlim_max = new->rlim_max;
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	return 0;
}

SYSCALL_DEFINE4(prlimit64, int, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 new, old;
	struct task_struct *p = current;
	unsigned long flags;
	long ret;

	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	if (pid) {
		spin_lock_irqsave(&tasklist_lock, flags);
		p = find_task_by_pid(pid);
		if (p && (p->exit_state || !p->signal))
			p = NULL;
		if (p)
			get_task_struct(p);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (!p)
			return -ESRCH;
		if (!capable_setid() && p->cred.uid != current->cred.uid) {
			put_task_struct(p);
			return -EPERM;
		}
	}
	ret = do_prlimit(p, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (p != current)
		put_task_struct(p);
	if (!ret && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit64 __user *, rlim)
{
	struct rlimit64 old;
	long ret = do_prlimit(current, resource, NULL, &old);

	if (!ret && copy_to_user(rlim, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, const struct rlimit64 __user *, rlim)
{
	struct rlimit64 new;

	if (copy_from_user(&new, rlim, sizeof(new)))
		return -EFAULT;
	return do_prlimit(current, resource, &new, NULL);
}

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_THREAD	1

struct rusage {
	struct { long tv_sec, tv_usec; } ru_utime, ru_stime;
	long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
	long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

static void ticks_to_tv(u64 ticks, long *sec, long *usec)
{
	*sec = ticks / HZ;
	*usec = (ticks % HZ) * (1000000 / HZ);
}

/* CPU time in ticks and context switches; memory and I/O counters stay 0. */
SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct task_struct *p = current, *t;
	struct signal_struct *sig = p->signal;
	u64 ut = 0, st = 0, nv = 0, niv = 0;
	unsigned long flags;
	struct rusage r;

	spin_lock_irqsave(&p->sighand->siglock, flags);	/* the thread group, signal's sums */
	switch (who) {
	case RUSAGE_THREAD:
		ut = p->utime, st = p->stime, nv = p->nvcsw, niv = p->nivcsw;
		break;
	case RUSAGE_SELF:
		ut = sig->utime + p->utime, st = sig->stime + p->stime;
		nv = sig->nvcsw + p->nvcsw, niv = sig->nivcsw + p->nivcsw;
		list_for_each_entry(t, &p->thread_group, thread_group) {
			ut += t->utime, st += t->stime, nv += t->nvcsw, niv += t->nivcsw;
		}
		break;
	case RUSAGE_CHILDREN:
		ut = sig->cutime, st = sig->cstime, nv = sig->cnvcsw, niv = sig->cnivcsw;
		break;
	default:
		spin_unlock_irqrestore(&p->sighand->siglock, flags);
		return -EINVAL;
	}
	spin_unlock_irqrestore(&p->sighand->siglock, flags);
	memset(&r, 0, sizeof(r));
	ticks_to_tv(ut, &r.ru_utime.tv_sec, &r.ru_utime.tv_usec);
	ticks_to_tv(st, &r.ru_stime.tv_sec, &r.ru_stime.tv_usec);
	r.ru_nvcsw = nv;
	r.ru_nivcsw = niv;
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/* ---- process groups and sessions ----------------------------------------- */

/* tasklist_lock held. A process of group pgrp (a zombie too, as Linux), NULL if none. */
static struct task_struct *find_pgrp_member(int pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p->signal && thread_group_leader(p) && task_pgrp_nr(p) == pgrp)
			return p;
	return NULL;
}

/*
 * setpgid(pid, pgid) as Linux's: pid 0 is the caller, pgid 0 the pid.
 * The caller may move itself or a child of its own session that has not
 * exec'd yet (-EACCES after), never a session leader (-EPERM), and only
 * into a group of its own session (-EPERM) or a new one named by the
 * process's pid.
 */
SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	struct task_struct *leader = current->group_leader, *p, *g;
	unsigned long flags;
	int err;

	if (!pid)
		pid = leader->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	spin_lock_irqsave(&tasklist_lock, flags);
	err = -ESRCH;
	p = find_task_by_pid(pid);
	if (!p || p->exit_state)
		goto out;
	err = -EINVAL;
	if (!thread_group_leader(p))
		goto out;
	if (p->parent && p->parent->group_leader == leader) {
		err = -EPERM;
		if (task_session_nr(p) != task_session_nr(leader))
			goto out;
		err = -EACCES;
		if (!(p->flags & PF_FORKNOEXEC))
			goto out;
	} else {
		err = -ESRCH;
		if (p != leader)
			goto out;
	}
	err = -EPERM;
	if (p->signal->leader)
		goto out;
	if (pgid != pid) {
		g = find_pgrp_member(pgid);
		if (!g || task_session_nr(g) != task_session_nr(leader))
			goto out;
	}
	p->signal->pgrp = pgid;
	err = 0;
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/* getpgid(pid), getsid(pid): 0 is the caller; -ESRCH for no such task. */
static long get_job_id(int pid, bool session)
{
	struct task_struct *p;
	unsigned long flags;
	long ret = -ESRCH;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = !pid ? current : find_task_by_pid(pid);
	if (p && p->signal)
		ret = session ? task_session_nr(p) : task_pgrp_nr(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE1(getpgid, int, pid)
{
	return get_job_id(pid, false);
}

SYSCALL_DEFINE1(getsid, int, pid)
{
	return get_job_id(pid, true);
}

/*
 * setsid: the process leads a new session and a new group, both named by
 * its pid, without a controlling tty. -EPERM if it leads a session already
 * or a process group of that id exists (it leads a group).
 */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *leader = current->group_leader;
	int sid = leader->pid;
	unsigned long flags;
	long ret = -EPERM;

	spin_lock_irqsave(&tasklist_lock, flags);
	if (!leader->signal->leader && !find_pgrp_member(sid)) {
		leader->signal->leader = true;
		leader->signal->session = sid;
		leader->signal->pgrp = sid;
		leader->signal->tty = NULL;	/* proc_clear_tty */
		ret = sid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

/* ---- uname --------------------------------------------------------------- */
#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

extern const char linux_banner[];

/* From "headstart version <release> (...) (...) <version>\n". */
static void utsname_fill(struct new_utsname *u)
{
	const char *rel = linux_banner + strlen("headstart version ");
	const char *rel_end = strchr(rel, ' ');
	const char *ver = strstr(rel, ") #"), *next;
	size_t len;

	memset(u, 0, sizeof(*u));
	strlcpy(u->sysname, "headstart", sizeof(u->sysname));
	strlcpy(u->nodename, "(none)", sizeof(u->nodename));
	strlcpy(u->machine, "aarch64", sizeof(u->machine));
	strlcpy(u->domainname, "(none)", sizeof(u->domainname));
	len = rel_end ? (size_t)(rel_end - rel) : strlen(rel);
	memcpy(u->release, rel, min(len, (size_t)__NEW_UTS_LEN));
	while (ver && (next = strstr(ver + 1, ") #")))	/* the compiler may say ") #" too */
		ver = next;
	if (ver) {
		strlcpy(u->version, ver + 2, sizeof(u->version));
		len = strlen(u->version);
		if (len && u->version[len - 1] == '\n')
			u->version[len - 1] = '\0';
	}
}

/* The CPU the caller runs on (it may move right after), and its node: 0. */
SYSCALL_DEFINE3(getcpu, unsigned int __user *, cpup, unsigned int __user *, nodep,
		void __user *, unused)
{
	unsigned int cpu = raw_smp_processor_id();

	if (cpup && put_user(cpu, cpup))
		return -EFAULT;
	if (nodep && put_user(0U, nodep))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	utsname_fill(&u);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/* ---- sysinfo ------------------------------------------------------------- */
struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

#define SI_LOAD_SHIFT 16

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo s;

	memset(&s, 0, sizeof(s));
	s.uptime = (jiffies + HZ - 1) / HZ;
	get_avenrun(s.loads, 0, SI_LOAD_SHIFT - FSHIFT);	/* 16 fraction bits */
	s.totalram = totalram_pages() * PAGE_SIZE;
	s.freeram = nr_free_pages() * PAGE_SIZE;
	s.procs = nr_threads + 1;	/* with the idle task, as Linux counts */
	s.mem_unit = 1;
	return copy_to_user(info, &s, sizeof(s)) ? -EFAULT : 0;
}

/* ---- reboot -------------------------------------------------------------- */
#define LINUX_REBOOT_MAGIC1	0xfee1dead
#define LINUX_REBOOT_MAGIC2	672274793
#define LINUX_REBOOT_MAGIC2A	85072278
#define LINUX_REBOOT_MAGIC2B	369367448
#define LINUX_REBOOT_MAGIC2C	537993216
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xCDEF0123
#define LINUX_REBOOT_CMD_CAD_ON		0x89ABCDEF
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321FEDC

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	/* Only root, whatever the arguments (Linux: CAP_SYS_BOOT, checked first). */
	if (current->cred.euid != 0)
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
	case LINUX_REBOOT_CMD_RESTART:
		kernel_restart();
	case LINUX_REBOOT_CMD_HALT:
		kernel_halt();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
