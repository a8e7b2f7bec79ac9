// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sys.c: small system calls about the process and the machine:
 * ids (everyone is root: uid/gid 0), process groups and sessions, uname,
 * sysinfo and reboot.
 */
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
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
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	struct task_struct *p;
	unsigned long flags;
	int ret = 0;

	if (pgid < 0)
		return -EINVAL;
	local_irq_save(flags);
	p = !pid || pid == current->pid ? current : find_task_by_pid(pid);
	if (!p || (p != current && p->parent != current))
		ret = -ESRCH;
	else if (p->sid != current->sid)
		ret = -EPERM;
	else
		p->pgid = pgid ? pgid : p->pid;
	local_irq_restore(flags);
	return ret;
}

SYSCALL_DEFINE1(getpgid, int, pid)
{
	struct task_struct *p;
	unsigned long flags;
	int ret;

	local_irq_save(flags);
	p = !pid ? current : find_task_by_pid(pid);
	ret = p ? p->pgid : -ESRCH;
	local_irq_restore(flags);
	return ret;
}

static int leads_group(struct task_struct *p, void *arg)
{
	return p != arg && p->pgid == ((struct task_struct *)arg)->pid;
}

SYSCALL_DEFINE0(setsid)
{
	struct task_struct *p = current;

	if (for_each_task(leads_group, p))
		return -EPERM;		/* already a group leader's id */
	p->sid = p->pgid = p->pid;
	return p->sid;
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

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo s;

	memset(&s, 0, sizeof(s));
	s.uptime = (jiffies + HZ - 1) / HZ;
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
		pr_emerg("reboot: System halted\n");
		machine_halt();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
