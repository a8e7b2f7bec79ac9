// SPDX-License-Identifier: GPL-2.0
/*
 * fs/exec.c: execve. The new program gets a fresh address space built
 * beside the old one (fs/binfmt_elf.c maps the file; the stack is set up
 * here); only when all of that worked does the process switch to it and
 * drop the old one, so a failed execve returns an error to a process that
 * is still intact.
 *
 * The initial stack is laid out as Linux lays it out, from the top down:
 *
 *   STACK_TOP     8 bytes of zero
 *                 the strings: argv[0..], envp[0..], then the file name
 *                 "aarch64" (AT_PLATFORM), 16 random bytes (AT_RANDOM)
 *   sp (16-aligned) -> argc, argv[0..argc-1], NULL, envp[..], NULL,
 *                 auxv pairs (AT_SYSINFO_EHDR, AT_HWCAP ... AT_NULL)
 *
 * The strings and pointers are limited to ARG_MAX bytes together (-E2BIG).
 */
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_user.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/sysreg.h>
#include <asm/uaccess.h>

#define ARG_MAX		(64 * 1024)
#define ARG_MAX_ORDER	4		/* 64 KiB */
#define MAX_ARG_STRINGS	8192

#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_BASE		7
#define AT_FLAGS	8
#define AT_ENTRY	9
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_HWCAP2	26
#define AT_EXECFN	31
#define AT_SYSINFO_EHDR	33
#define USER_HZ		100

void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp);

int copy_to_mm(struct mm_struct *mm, unsigned long uaddr, const void *src, size_t len)
{
	while (len) {
		size_t chunk = min(len, PAGE_SIZE - (uaddr & ~PAGE_MASK));
		void *dst = mm_user_kaddr(mm, uaddr);

		if (!dst)
			return -ENOMEM;
		memcpy(dst, src, chunk);
		uaddr += chunk;
		src = (const char *)src + chunk;
		len -= chunk;
	}
	return 0;
}

/* The arguments, gathered in one kernel buffer before the old mm goes. */
struct exec_args {
	char *buf;		/* argv strings, envp strings, the file name */
	size_t used;
	int argc, envc;
};

static int add_string(struct exec_args *a, const char *s, bool user)
{
	long n;

	if (user) {
		n = strncpy_from_user(a->buf + a->used, s, ARG_MAX - a->used);
		if (n < 0)
			return n;
	} else {
		n = strnlen(s, ARG_MAX - a->used);
		memcpy(a->buf + a->used, s, n < (long)(ARG_MAX - a->used) ? n + 1 : n);
	}
	if (n >= (long)(ARG_MAX - a->used))
		return -E2BIG;
	a->used += n + 1;
	return 0;
}

/* Copy a NULL-terminated vector of strings (user or kernel) from index *count on; count them. */
static int copy_strings(struct exec_args *a, const char *const *vec, bool user, int *count)
{
	for (; vec; (*count)++) {
		const char *s;
		int err;

		if (*count >= MAX_ARG_STRINGS)
			return -E2BIG;
		if (user) {
			if (get_user(s, (const char *const __user *)vec + *count))
				return -EFAULT;
		} else {
			s = vec[*count];
		}
		if (!s)
			break;
		err = add_string(a, s, user);
		if (err)
			return err;
	}
	return 0;
}

void get_random_bytes(void *buf, size_t len);	/* drivers/char/random.c */
unsigned long cpu_get_elf_hwcap(void);		/* arch/arm64/kernel/cpufeature.c */
unsigned long cpu_get_elf_hwcap2(void);

/* Build the initial stack in mm; returns the new sp or 0 and *err. */
static unsigned long setup_stack(struct linux_binprm *bprm, struct exec_args *a, int *err)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long top = STACK_TOP - sizeof(u64), p, strings, platform, random, sp, arg_end;
	unsigned long *vec;
	size_t nvec, at;
	u8 rnd[16];

	*err = insert_vma(mm, STACK_TOP - STACK_RLIMIT, STACK_TOP, VM_READ | VM_WRITE | VM_GROWSDOWN,
			  NULL);
	if (*err)
		return 0;
	strings = top - a->used;
	platform = strings - sizeof("aarch64");
	random = (platform - sizeof(rnd)) & ~15UL;
	get_random_bytes(rnd, sizeof(rnd));

	nvec = 1 + a->argc + 1 + a->envc + 1 + 2 * 20;
	sp = (random - nvec * sizeof(unsigned long)) & ~15UL;
	if (top - sp > ARG_MAX + PAGE_SIZE) {
		*err = -E2BIG;
		return 0;
	}
	vec = kzalloc(nvec * sizeof(unsigned long), GFP_KERNEL);
	if (!vec) {
		*err = -ENOMEM;
		return 0;
	}
	at = 0;
	vec[at++] = a->argc;
	p = strings;
	for (int i = 0; i < a->argc; i++, p += strlen(a->buf + (p - strings)) + 1)
		vec[at++] = p;
	vec[at++] = 0;				/* end of argv */
	arg_end = p;
	for (int i = 0; i < a->envc; i++, p += strlen(a->buf + (p - strings)) + 1)
		vec[at++] = p;
	vec[at++] = 0;				/* end of envp */
#define NEW_AUX_ENT(id, val) do { vec[at++] = (id); vec[at++] = (val); } while (0)
	NEW_AUX_ENT(AT_SYSINFO_EHDR, vdso_base(mm));	/* ARCH_DLINFO, first as on Linux */
	NEW_AUX_ENT(AT_HWCAP, cpu_get_elf_hwcap());
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, USER_HZ);
	NEW_AUX_ENT(AT_PHDR, bprm->phdr);
	NEW_AUX_ENT(AT_PHENT, 56);
	NEW_AUX_ENT(AT_PHNUM, bprm->phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, bprm->entry);
	NEW_AUX_ENT(AT_UID, 0);
	NEW_AUX_ENT(AT_EUID, 0);
	NEW_AUX_ENT(AT_GID, 0);
	NEW_AUX_ENT(AT_EGID, 0);
	NEW_AUX_ENT(AT_SECURE, 0);
	NEW_AUX_ENT(AT_RANDOM, random);
	NEW_AUX_ENT(AT_HWCAP2, cpu_get_elf_hwcap2());
	NEW_AUX_ENT(AT_EXECFN, p);		/* the file name, after envp */
	NEW_AUX_ENT(AT_PLATFORM, platform);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT

	*err = copy_to_mm(mm, strings, a->buf, a->used) ?:
	       copy_to_mm(mm, platform, "aarch64", sizeof("aarch64")) ?:
	       copy_to_mm(mm, random, rnd, sizeof(rnd)) ?:
	       copy_to_mm(mm, sp, vec, at * sizeof(unsigned long));
	kfree(vec);
	mm->start_stack = sp;
	mm->arg_start = strings;
	mm->env_start = mm->arg_end = arg_end;	/* /proc/PID/cmdline, environ */
	mm->env_end = p;
	return *err ? 0 : sp;
}

__weak int filename_lookup(int dfd, const char *path, struct ramfs_inode **res)
{
	return ramfs_lookup(path, res);
}

__weak void iput(struct ramfs_inode *inode)
{
}

__weak void do_close_on_exec(struct files_struct *files)
{
}

static void set_comm(const char *filename)
{
	const char *base = strrchr(filename, '/');

	strlcpy(current->comm, base ? base + 1 : filename, sizeof(current->comm));
}

/*
 * A "#!" script (Linux's fs/binfmt_script.c): the first line names the
 * interpreter and at most one argument (what follows the name, spaces
 * trimmed), within the first BINPRM_BUF_SIZE bytes. The interpreter runs
 * with argv = { interpreter, [argument,] script path, argv[1..] }. It
 * must itself be a binary: a script interpreting a script gives -ELOOP
 * here, where Linux allows four levels.
 */
#define BINPRM_BUF_SIZE 256

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* interp and arg point into line (NUL-terminated); 0 or -ENOEXEC. */
static int parse_shebang(char *line, size_t n, char **interp, char **arg)
{
	char *p, *end;

	if (n < 3 || line[0] != '#' || line[1] != '!')
		return -ENOEXEC;
	end = memchr(line, '\n', n);
	if (!end) {
		if (n == BINPRM_BUF_SIZE)
			return -ENOEXEC;	/* the name does not fit: Linux's answer too */
		end = line + n;
	}
	*end = '\0';
	for (p = line + 2; is_space(*p); p++)
		;
	if (!*p)
		return -ENOEXEC;
	*interp = p;
	while (*p && !is_space(*p))
		p++;
	*arg = NULL;
	if (*p) {
		*p++ = '\0';
		while (is_space(*p))
			p++;
		if (*p) {
			*arg = p;
			for (p = end; p > *arg && is_space(p[-1]); p--)
				;
			*p = '\0';
		}
	}
	return 0;
}

/*
 * execve in a process with threads (Linux's de_thread): every other thread
 * gets SIGKILL and we wait until they are gone (do_exit wakes us when we
 * are the last one alive). An execve from a thread other than the first
 * then takes the first one's place, as Linux's: its pid (the process id,
 * so the parent's wait and getpid() stay the same), its start time, its
 * place among the parent's children and ITIMER_REAL; the first thread, a
 * zombie by then, is released, and with it the exec'ing thread's own
 * thread id. -EAGAIN if the process is exiting already, or another of its
 * threads is in execve (this one has SIGKILL pending then and dies on its
 * way out). The wait is uninterruptible where Linux's is killable: the
 * others have SIGKILL, so it ends once they reach the kernel's exit.
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct sighand_struct *sighand = tsk->sighand;
	struct task_struct *leader;
	unsigned long flags;
	int pid;

	if (thread_group_empty(tsk))
		goto no_thread_group;
	spin_lock_irqsave(&sighand->siglock, flags);
	if ((sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exit_task) {
		spin_unlock_irqrestore(&sighand->siglock, flags);
		return -EAGAIN;
	}
	/* The others die; a second execve fails, an exit_group exits with SIGKILL. */
	sig->flags |= SIGNAL_GROUP_EXIT;
	sig->group_exit_code = SIGKILL;
	sig->group_exit_task = tsk;
	zap_other_threads(tsk);
	spin_unlock_irqrestore(&sighand->siglock, flags);

	for (;;) {
		spin_lock_irqsave(&tasklist_lock, flags);
		if (sig->live == 1)
			break;			/* with tasklist_lock held */
		/* Set under the lock do_exit wakes us with: no wake-up is lost. */
		set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		schedule();
	}
	leader = tsk->group_leader;
	if (leader != tsk) {
		/* The leader exited (live counts it no more): a zombie kept for its pid. */
		pid = tsk->pid;
		tsk->pid = leader->pid;
		leader->pid = pid;
		tsk->start_time = leader->start_time;
		list_add(&tsk->sibling, &leader->sibling);	/* in the parent's children */
		list_del(&leader->sibling);
		list_del(&tsk->tasks);				/* where the leader was listed */
		list_add(&tsk->tasks, &leader->tasks);
		tsk->group_leader = tsk;
		leader->group_leader = tsk;
		leader->exit_signal = -1;
		if (sig->owner == leader)
			sig->owner = tsk;
		release_task(leader);	/* EXIT_DEAD: nobody reports it; freed when off its CPU */
	}
	spin_lock(&sighand->siglock);
	sig->flags &= ~SIGNAL_GROUP_EXIT;
	sig->group_exit_code = 0;
	sig->group_exit_task = NULL;
	recalc_sigpending();
	spin_unlock(&sighand->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);

no_thread_group:
	tsk->exit_signal = SIGCHLD;	/* a new program: its parent hears of it as of a process */
	return 0;
}

/*
 * The handlers stop being shared with another process (a CLONE_SIGHAND
 * clone without CLONE_THREAD) before execve resets them (Linux's
 * unshare_sighand).
 */
static int unshare_sighand(struct task_struct *tsk)
{
	struct sighand_struct *newsh, *oldsh = tsk->sighand;
	unsigned long flags;

	if (atomic_read(&oldsh->count) == 1)
		return 0;
	newsh = kzalloc(sizeof(*newsh), GFP_KERNEL);
	if (!newsh)
		return -ENOMEM;
	atomic_set(&newsh->count, 1);
	spin_lock_init(&newsh->siglock);
	/* Senders find tsk under tasklist_lock and lock its sighand. */
	spin_lock_irqsave(&tasklist_lock, flags);
	spin_lock(&oldsh->siglock);
	memcpy(newsh->action, oldsh->action, sizeof(newsh->action));
	WRITE_ONCE(tsk->sighand, newsh);
	spin_unlock(&oldsh->siglock);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	atomic_dec(&oldsh->count);	/* another sharer still has it */
	return 0;
}

/* A regular file current may execute (root: one with an x bit somewhere). */
static int may_exec(struct ramfs_inode *inode)
{
	if (!S_ISREG(inode->mode))
		return -EACCES;
	return inode_permission(inode, MAY_EXEC);
}

static int do_execve(const char *filename, const char *const *argv, const char *const *envp,
		     bool user)
{
	char line[BINPRM_BUF_SIZE + 1], *interp = NULL, *interp_arg = NULL;
	struct linux_binprm bprm = { .filename = filename };
	struct exec_args a = { 0 };
	struct ramfs_inode *inode;
	struct mm_struct *old;
	unsigned long sp, flags;
	const char *base;
	int err;

	err = filename_lookup(AT_FDCWD, filename, &inode);
	if (err)
		return err;
	/* Not while open for writing, nor written while we read it (-ETXTBSY) */
	err = may_exec(inode) ?: deny_write_access(inode);
	if (err)
		goto out_inode;
	if (inode->size >= 2 && !memcmp(inode->data, "#!", 2)) {
		size_t n = min(inode->size, (size_t)BINPRM_BUF_SIZE);

		memcpy(line, inode->data, n);
		line[n] = '\0';
		err = parse_shebang(line, n, &interp, &interp_arg);
		if (err)
			goto out_allow;
		allow_write_access(inode);	/* the script: read; its interpreter runs */
		iput(inode);
		err = filename_lookup(AT_FDCWD, interp, &inode);
		if (err)
			return err;
		err = may_exec(inode);
		if (!err && inode->size >= 2 && !memcmp(inode->data, "#!", 2))
			err = -ELOOP;
		if (!err)
			err = deny_write_access(inode);
		if (err)
			goto out_inode;
	}
	/*
	 * Its pages are mapped, not copied (fs/binfmt_elf.c): page aligned
	 * first. Out of memory for that, each page is copied at its first
	 * touch instead (mm/memory.c, do_read_fault).
	 */
	ramfs_make_mappable(inode);
	bprm.data = inode->data;
	bprm.size = inode->size;
	bprm.file = inode;

	a.buf = (char *)__get_free_pages(GFP_KERNEL, ARG_MAX_ORDER);
	if (!a.buf) {
		err = -ENOMEM;
		goto out_allow;
	}
	if (interp) {
		const char *first = NULL;

		/* argv[0] of the script is replaced by the interpreter's line */
		err = add_string(&a, interp, false);
		if (!err && interp_arg)
			err = add_string(&a, interp_arg, false);
		if (!err)
			err = add_string(&a, filename, false);
		a.argc = interp_arg ? 3 : 2;
		if (!err && user && argv && get_user(first, (const char *const __user *)argv))
			err = -EFAULT;
		else if (!user && argv)
			first = argv[0];
		if (!err && first) {
			int next = 1;		/* argv[1..] follow the script's path */

			err = copy_strings(&a, argv, user, &next);
			a.argc += next - 1;
		}
	} else {
		err = copy_strings(&a, argv, user, &a.argc);
	}
	if (!err)
		err = copy_strings(&a, envp, user, &a.envc);
	if (!err)
		err = add_string(&a, filename, false);
	if (err)
		goto out_buf;

	bprm.mm = mm_alloc();
	if (!bprm.mm) {
		err = -ENOMEM;
		goto out_buf;
	}
	base = strrchr(filename, '/');
	base = base ? base + 1 : filename;
	err = load_elf_binary(&bprm, base);
	if (!err)
		err = arch_setup_additional_pages(bprm.mm);	/* [vvar], [vdso] */
	if (!err)
		sp = setup_stack(&bprm, &a, &err);
	if (!err)
		err = de_thread(current);	/* the only thread from here on */
	if (!err)
		err = unshare_sighand(current);
	if (err) {
		mmput(bprm.mm);
		goto out_buf;
	}
	bprm.mm->mmap_base = TASK_UNMAPPED_BASE;
	bprm.mm->exe_file = inode;	/* /proc/PID/exe */
	ihold(inode);
	deny_write_access(inode);	/* while it runs (we hold one: cannot fail) */

	/* The point of no return: the process becomes the new program. */
	set_comm(filename);
	if (current->files)
		do_close_on_exec(current->files);
	flush_signal_handlers(current);
	exec_mm_release(current, current->mm);	/* robust futexes, clear_child_tid */
	spin_lock_irqsave(&tasklist_lock, flags);	/* against get_task_mm */
	old = current->mm;
	current->mm = bprm.mm;
	current->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	check_and_switch_context(bprm.mm);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	complete_vfork_done(current);	/* off the vfork parent's memory */
	mmput(old);
	start_thread(task_pt_regs(current), bprm.entry, sp);
	err = 0;
out_buf:
	free_pages((unsigned long)a.buf, ARG_MAX_ORDER);
out_allow:
	allow_write_access(inode);
out_inode:
	iput(inode);
	return err;
}

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	return do_execve(filename, argv, envp, false);
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	char *name = kmalloc(RAMFS_PATH_MAX, GFP_KERNEL);
	long n, err;

	if (!name)
		return -ENOMEM;
	n = strncpy_from_user(name, filename, RAMFS_PATH_MAX);
	if (n < 0)
		err = n;
	else if (n == RAMFS_PATH_MAX)
		err = -ENAMETOOLONG;
	else if (!n)
		err = -ENOENT;
	else
		err = do_execve(name, (const char *const *)argv, (const char *const *)envp, true);
	kfree(name);
	return err;
}
