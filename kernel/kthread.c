// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/kthread.c: kernel threads, tasks that run a kernel function with
 * no user address space (mm == NULL, TTBR0 on reserved_pg_dir).
 *
 *	p = kthread_create(fn, data, "name%d", n);	// made, not running
 *	wake_up_process(p);				// now it may run
 *	p = kthread_run(fn, data, "name");		// both at once
 *	kthread_bind(p, cpu);				// before the wake-up: on cpu only
 *
 * The thread runs fn(data) with interrupts on; when fn returns, or calls
 * do_exit, the thread is gone and its memory freed (nobody waits for it).
 * Do not keep the task pointer past that point.
 */
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/stdarg.h>

struct task_struct *copy_process(struct kernel_clone_args *args);

/* ret_from_fork calls this first, with interrupts masked. */
static int kthread(void *unused)
{
	struct task_struct *self = current;

	local_irq_enable();
	do_exit(self->threadfn(self->thread_data));
}

struct task_struct *kthread_create(int (*fn)(void *data), void *data, const char *namefmt, ...)
{
	struct kernel_clone_args args = { .fn = kthread, .exit_signal = -1 };
	char name[TASK_COMM_LEN];
	struct task_struct *p;
	va_list ap;

	va_start(ap, namefmt);
	vsnprintf(name, sizeof(name), namefmt, ap);
	va_end(ap);
	args.name = name;
	p = copy_process(&args);
	if (IS_ERR(p))
		return NULL;
	p->threadfn = fn;
	p->thread_data = data;
	return p;
}

struct task_struct *kthread_run(int (*fn)(void *data), void *data, const char *name)
{
	struct task_struct *p = kthread_create(fn, data, "%s", name);

	if (p)
		wake_up_process(p);
	return p;
}

/* A thread made but not yet woken runs on cpu only (its first wake-up places it there). */
void kthread_bind(struct task_struct *p, unsigned int cpu)
{
	cpumask_clear(&p->cpus_mask);
	cpumask_set_cpu(cpu, &p->cpus_mask);
}
