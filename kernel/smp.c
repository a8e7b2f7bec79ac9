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
#include <linux/printk.h>
#include <linux/smp.h>

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

/* start_kernel, from pid 1's context in Linux: every possible CPU, up to maxcpus=. */
void __init smp_init(void)
{
	unsigned int cpu, ncpus;

	pr_info("smp: Bringing up secondary CPUs ...\n");
	smp_prepare_cpus(setup_max_cpus);
	if (num_possible_cpus() > 1)
		pr_info("smp: %d CPUs in /cpus; secondary CPU bring-up is not implemented, "
			"they stay off\n", num_possible_cpus());
	(void)cpu;
	ncpus = num_online_cpus();
	pr_info("smp: Brought up %d node%s, %d CPU%s\n", 1, "", ncpus, ncpus > 1 ? "s" : "");
	smp_cpus_done(setup_max_cpus);
}
