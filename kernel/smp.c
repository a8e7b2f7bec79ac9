// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/smp.c: bringing up the other CPUs, and the command-line options
 * that limit them, as in Linux:
 *
 *	nosmp		boot CPU only (maxcpus=0)
 *	maxcpus=N	bring up N CPUs at boot (counting the boot CPU)
 *	nr_cpus=N	only N CPUs are possible at all (set early, before
 *			/cpus is read: setup_arch's smp_init_cpus clips to it)
 */
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/list.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/smp.h>

unsigned int setup_max_cpus = NR_CPUS;

static int __init nosmp(char *str)
{
	setup_max_cpus = 0;
	return 0;
}
early_param("nosmp", nosmp);

static int __init maxcpus(char *str)
{
	if (!str)
		return -EINVAL;
	setup_max_cpus = simple_strtoull(str, NULL, 0);
	return 0;
}
early_param("maxcpus", maxcpus);

static int __init nrcpus(char *str)
{
	unsigned long long n;

	if (!str)
		return -EINVAL;
	n = simple_strtoull(str, NULL, 0);
	if (n > 0 && n < nr_cpu_ids)
		nr_cpu_ids = n;
	return 0;
}
early_param("nr_cpus", nrcpus);

static void call_function_init(void);

/*
 * start_kernel (Linux: kernel_init, in pid 1): every present CPU, up to
 * maxcpus=; one that fails is reported by __cpu_up and left off.
 */
void __init smp_init(void)
{
	unsigned int cpu, ncpus;

	pr_info("smp: Bringing up secondary CPUs ...\n");
	call_function_init();
	smp_prepare_cpus(setup_max_cpus);
	/* bringup_nonboot_cpus: in order, until maxcpus= are online. */
	for_each_present_cpu(cpu) {
		if (num_online_cpus() >= setup_max_cpus)
			break;
		if (!cpu_online(cpu))
			cpu_up(cpu);
	}
	ncpus = num_online_cpus();
	pr_info("smp: Brought up %d node%s, %d CPU%s\n", 1, "", ncpus, ncpus > 1 ? "s" : "");
	smp_cpus_done(setup_max_cpus);
}

/* ---- Cross-CPU function calls ---------------------------------------------
 *
 * Each CPU has a queue of call_single_data (csd) for it, under a lock: the
 * caller queues a csd on the target's queue and sends IPI_CALL_FUNC; the
 * target's handler takes its queue and runs every entry, then marks each
 * done. A waiting caller's csd lives on its stack until then; a call that
 * does not wait (wait = 0) uses its CPU's own csd_data, as Linux does,
 * first waiting until that CPU's previous such call has been run (Linux's
 * CSD_FLAG_LOCK is our done == 0).
 */
struct call_single_data {
	struct list_head node;
	smp_call_func_t func;
	void *info;
	int done;		/* set by the target, with release order */
};

struct call_single_queue {
	raw_spinlock_t lock;
	struct list_head list;
};
static DEFINE_PER_CPU(struct call_single_queue, call_single_queue) = {
	.lock = __RAW_SPIN_LOCK_INITIALIZER(call_single_queue.lock),
};
/* Each CPU's csd for the calls it makes without waiting; done: free. */
static DEFINE_PER_CPU(struct call_single_data, csd_data) = { .done = 1 };

/* Each CPU's list head points into its own copy: set once copies exist. */
static void call_function_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		INIT_LIST_HEAD(&per_cpu(call_single_queue, cpu).list);
}

static void csd_queue(int cpu, struct call_single_data *csd)
{
	struct call_single_queue *q = per_cpu_ptr(&call_single_queue, cpu);
	unsigned long flags;

	raw_spin_lock_irqsave(&q->lock, flags);
	list_add_tail(&csd->node, &q->list);
	raw_spin_unlock_irqrestore(&q->lock, flags);
}

void generic_smp_call_function_interrupt(void)
{
	struct call_single_queue *q = this_cpu_ptr(&call_single_queue);
	struct list_head todo;

	INIT_LIST_HEAD(&todo);
	do_raw_spin_lock(&q->lock);
	list_splice_init(&q->list, &todo);
	do_raw_spin_unlock(&q->lock);
	while (!list_empty(&todo)) {
		struct call_single_data *csd = list_first_entry(&todo, struct call_single_data, node);

		list_del(&csd->node);
		csd->func(csd->info);
		smp_store_release(&csd->done, 1);	/* the caller may free it now */
	}
}

static void csd_wait(struct call_single_data *csd)
{
	while (!smp_load_acquire(&csd->done))
		cpu_relax();
}

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	struct call_single_data csd = { .func = func, .info = info };
	unsigned long flags;

	if (cpu < 0 || (unsigned int)cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -ENXIO;
	local_irq_save(flags);
	if ((unsigned int)cpu == smp_processor_id()) {
		func(info);
		local_irq_restore(flags);
		return 0;
	}
	if (flags & (1UL << 7)) {	/* PSTATE.I: they were off */
		local_irq_restore(flags);
		return -EBUSY;		/* the target may be waiting for us */
	}
	if (!wait) {
		/* Interrupts still off: we stay on this CPU, with its csd. */
		struct call_single_data *mine = this_cpu_ptr(&csd_data);

		csd_wait(mine);		/* our previous call has run: free again */
		mine->func = func;
		mine->info = info;
		mine->done = 0;
		csd_queue(cpu, mine);
		arch_send_call_function_single_ipi(cpu);
		local_irq_restore(flags);
		return 0;
	}
	local_irq_restore(flags);
	csd_queue(cpu, &csd);
	arch_send_call_function_single_ipi(cpu);
	csd_wait(&csd);
	return 0;
}

/*
 * Queue func on every other online CPU and send them the IPI; with
 * run_local, run it here too (interrupts masked) while they run it; then
 * wait for them all. As Linux's smp_call_function_many_cond().
 */
static void smp_call_function_many(smp_call_func_t func, void *info, bool run_local)
{
	struct call_single_data csd[NR_CPUS];
	struct cpumask mask;
	unsigned int cpu;
	unsigned long flags;

	if (irqs_disabled())
		return;		/* waiting calls only, and never with interrupts off */
	local_irq_save(flags);
	cpumask_copy(&mask, cpu_online_mask);
	cpumask_clear_cpu(smp_processor_id(), &mask);
	for_each_cpu(cpu, &mask) {
		csd[cpu] = (struct call_single_data){ .func = func, .info = info };
		csd_queue(cpu, &csd[cpu]);
	}
	arch_send_call_function_ipi_mask(&mask);
	if (run_local)
		func(info);
	local_irq_restore(flags);
	for_each_cpu(cpu, &mask)
		csd_wait(&csd[cpu]);
}

void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	if (wait)
		smp_call_function_many(func, info, false);
}

void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	if (wait)
		smp_call_function_many(func, info, true);
}
