// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/smp.c: the CPUs, as in Linux. Identifies the boot CPU
 * (MPIDR, MIDR), reads /cpus into the logical map (CPU number -> MPIDR,
 * the boot CPU being CPU0) with each CPU's enable-method (cpu_ops.c),
 * starts the others (__cpu_up) and is where each of them arrives in C
 * (secondary_start_kernel, from head.S's __secondary_switched), and
 * reports the CPUs that came up and the exception level they entered at.
 * Documentation/arm64/smp.rst walks through the whole bring-up.
 */
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/barrier.h>
#include <asm/cpu_ops.h>
#include <asm/daifflags.h>
#include <asm/mmu_context.h>
#include <asm/percpu.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/sysreg.h>
#include <asm/virt.h>
#include <libfdt.h>

DEFINE_PER_CPU(unsigned int, cpu_number);
unsigned int nr_cpu_ids __ro_after_init = NR_CPUS;
struct cpumask __cpu_possible_mask __ro_after_init = { 1 };
struct cpumask __cpu_online_mask = { 1 };
struct cpumask __cpu_present_mask __ro_after_init = { 1 };

/* What a starting CPU reads in __secondary_switched (CPU_BOOT_TASK). */
struct secondary_data secondary_data;

u64 __cpu_logical_map[NR_CPUS] = { [0 ... NR_CPUS - 1] = INVALID_HWID };

void __init smp_setup_processor_id(void)
{
	u64 mpidr = read_sysreg(mpidr_el1) & MPIDR_HWID_BITMASK;

	set_cpu_logical_map(0, mpidr);
	pr_info("Booting headstart on physical CPU 0x%010llx [0x%08llx]\n", mpidr,
		read_sysreg(midr_el1));
}

/* The node's reg, the CPU's MPIDR affinity, or INVALID_HWID. */
static u64 __init of_get_cpu_mpidr(int cpus, int node)
{
	const void *fdt = initial_boot_params;
	int len, cells = fdt_address_cells(fdt, cpus);
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);
	u64 hwid;

	if (!reg || cells < 1 || cells > 2 || len < cells * 4) {
		pr_err("%s: missing reg property\n", fdt_get_name(fdt, node, NULL));
		return INVALID_HWID;
	}
	hwid = of_read_number(reg, cells);
	if (hwid & ~MPIDR_HWID_BITMASK) {
		pr_err("%s: invalid reg property\n", fdt_get_name(fdt, node, NULL));
		return INVALID_HWID;
	}
	return hwid;
}

/* The /cpus node of a logical CPU, or -1 (arch/arm64/kernel/cpu_ops.c). */
static int cpu_node[NR_CPUS] __ro_after_init = { [0 ... NR_CPUS - 1] = -1 };

int __init of_get_cpu_node(unsigned int cpu)
{
	return cpu < NR_CPUS ? cpu_node[cpu] : -1;
}

/*
 * Enumerate /cpus as Linux does: the boot CPU is CPU0 whatever its place,
 * the others are numbered in the order they appear; bad or duplicate reg
 * values are skipped, and CPUs past nr_cpu_ids (NR_CPUS or nr_cpus=) are
 * left off.
 */
void __init smp_init_cpus(void)
{
	const void *fdt = initial_boot_params;
	int cpus = of_fdt_path_offset("/cpus"), node;
	unsigned int cpu_count = 1;
	bool bootcpu_valid = false;

	if (cpus < 0) {
		pr_warn("smp: no /cpus node in the device tree\n");
		nr_cpu_ids = 1;
		return;
	}
	of_fdt_for_each_child(node, cpus) {
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);
		u64 hwid;
		bool dup = false;

		if (!type || strcmp(type, "cpu") || !of_fdt_device_is_available(node))
			continue;
		hwid = of_get_cpu_mpidr(cpus, node);
		if (hwid == INVALID_HWID)
			continue;
		for (unsigned int i = 1; i < cpu_count && i < NR_CPUS; i++)
			dup |= cpu_logical_map(i) == hwid;
		if (dup) {
			pr_err("%s: duplicate cpu reg properties in the DT\n",
			       fdt_get_name(fdt, node, NULL));
			continue;
		}
		if (hwid == cpu_logical_map(0)) {
			if (bootcpu_valid) {
				pr_err("%s: duplicate boot cpu reg property in DT\n",
				       fdt_get_name(fdt, node, NULL));
				continue;
			}
			bootcpu_valid = true;
			cpu_node[0] = node;
			continue;
		}
		if (cpu_count >= nr_cpu_ids) {
			cpu_count++;	/* counted for the warning below */
			continue;
		}
		set_cpu_logical_map(cpu_count, hwid);
		cpu_node[cpu_count] = node;
		cpu_count++;
	}
	/* The boot CPU's enable-method is optional (it is running already). */
	init_cpu_ops(0);

	if (!bootcpu_valid) {
		pr_err("missing boot CPU MPIDR, not enabling secondaries\n");
		nr_cpu_ids = 1;
		return;
	}
	if (cpu_count > nr_cpu_ids)
		pr_warn("Number of cores (%d) exceeds configured maximum of %u - clipping\n",
			cpu_count, nr_cpu_ids);
	nr_cpu_ids = min(cpu_count, nr_cpu_ids);
	/* A CPU whose enable-method is unusable is not possible. */
	for (unsigned int cpu = 1; cpu < nr_cpu_ids; cpu++) {
		const struct cpu_operations *ops;

		if (init_cpu_ops(cpu) || !(ops = get_cpu_ops(cpu)) || ops->cpu_init(cpu)) {
			set_cpu_logical_map(cpu, INVALID_HWID);
			continue;
		}
		set_cpu_possible(cpu, true);
	}
}

/* After setup_per_cpu_areas: the boot CPU moves to its own copy. */
void __init smp_prepare_boot_cpu(void)
{
	set_my_cpu_offset(per_cpu_offset(0));
	__this_cpu_write(cpu_number, 0);
	init_task.cpu = 0;
	cpuinfo_store_cpu(0);		/* "Detected PIPT I-cache on CPU0" */
}

/*
 * Before bringing up the others: each CPU's number in its per-CPU copy,
 * and each one's enable-method made ready (a spin-table CPU is moved from
 * the firmware's loop into our holding pen now). Those that are ready are
 * present.
 */
void __init smp_prepare_cpus(unsigned int max_cpus)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		const struct cpu_operations *ops = get_cpu_ops(cpu);

		per_cpu(cpu_number, cpu) = cpu;
		if (cpu == 0 || !ops || max_cpus == 0)
			continue;
		if (ops->cpu_prepare(cpu))
			continue;
		cpumask_set_cpu(cpu, &__cpu_present_mask);
	}
}

static int boot_secondary(unsigned int cpu, struct task_struct *idle)
{
	const struct cpu_operations *ops = get_cpu_ops(cpu);

	if (ops && ops->cpu_boot)
		return ops->cpu_boot(cpu);
	return -EOPNOTSUPP;
}

/*
 * CPUs that entered the kernel, failed, and are parked in its text for
 * good (v5.15 keeps the count for kexec and hibernation, which must not
 * reuse that memory; here it is only reported).
 */
static int cpus_stuck_in_kernel;

/*
 * Why the CPU that did not come online stopped, from what it left behind:
 * secondary_data.status once it ran C, else head.S's
 * __early_cpu_boot_status. Linux v5.15's messages.
 */
static void __init report_stuck_cpu(unsigned int cpu)
{
	long status = READ_ONCE(secondary_data.status);

	if (status == CPU_MMU_OFF)
		status = READ_ONCE(__early_cpu_boot_status);
	switch (status & CPU_BOOT_STATUS_MASK) {
	default:
		pr_err("CPU%u: failed in unknown state : 0x%lx\n", cpu, status);
		cpus_stuck_in_kernel++;
		break;
	case CPU_STUCK_IN_KERNEL:
		pr_crit("CPU%u: is stuck in kernel\n", cpu);
		if (status & CPU_STUCK_REASON_52_BIT_VA)
			pr_crit("CPU%u: does not support 52-bit VAs\n", cpu);
		if (status & CPU_STUCK_REASON_NO_GRAN)
			pr_crit("CPU%u: does not support %luK granule\n", cpu, PAGE_SIZE / SZ_1K);
		cpus_stuck_in_kernel++;
		break;
	case CPU_PANIC_KERNEL:
		panic("CPU%u detected unsupported configuration\n", cpu);
	}
}

/*
 * Start the CPU on its idle task and wait (5 s, as Linux) until it says
 * it is online. A CPU that fails is reported and left out; boot goes on.
 */
int __init __cpu_up(unsigned int cpu, struct task_struct *idle)
{
	unsigned long timeout;
	int ret;

	if (!cpumask_test_cpu(cpu, cpu_present_mask))
		return -ENODEV;
	secondary_data.task = idle;
	update_cpu_boot_status(CPU_MMU_OFF);
	ret = boot_secondary(cpu, idle);
	if (ret) {
		pr_err("CPU%u: failed to boot: %d\n", cpu, ret);
		secondary_data.task = NULL;
		return ret;
	}
	timeout = jiffies + msecs_to_jiffies(5000);
	while (!cpu_online(cpu) && time_before(jiffies, timeout))
		cpu_relax();
	if (cpu_online(cpu))
		return 0;
	pr_crit("CPU%u: failed to come online\n", cpu);
	secondary_data.task = NULL;	/* a late CPU parks in __secondary_too_slow */
	report_stuck_cpu(cpu);
	return -EIO;
}

/*
 * The calling secondary cannot run the kernel: say so, leave it out of
 * the present CPUs, and tell __cpu_up why it will wait in vain (v5.15's
 * cpu_die_early(), without CPU hotplug: the CPU parks instead of dying).
 */
static void __noreturn cpu_die_early(void)
{
	unsigned int cpu = smp_processor_id();

	pr_crit("CPU%u: will not boot\n", cpu);
	cpumask_clear_cpu(cpu, &__cpu_present_mask);
	update_cpu_boot_status(CPU_STUCK_IN_KERNEL);
	cpu_park_loop();
}

/*
 * test.cpu_die_early=N (test-only, like test.crash=): CPU N calls
 * cpu_die_early() as a CPU whose features do not match would, so the
 * report above can be tested on QEMU, whose CPUs all match.
 */
static int test_cpu_die_early __ro_after_init = -1;

static int __init test_cpu_die_early_setup(char *arg)
{
	char *end;
	unsigned long long cpu = arg ? simple_strtoull(arg, &end, 0) : 0;

	if (!arg || *end || cpu == 0 || cpu >= NR_CPUS) {
		pr_err("test.cpu_die_early=%s: want a secondary CPU's number\n", arg ? arg : "");
		return 0;
	}
	test_cpu_die_early = cpu;
	return 0;
}
__setup("test.cpu_die_early=", test_cpu_die_early_setup);

/*
 * A secondary CPU's first C, from head.S's __secondary_switched: the MMU on
 * with the kernel's tables (swapper_pg_dir), VBAR, its idle task in SP_EL0
 * and its stack, its per-CPU offset in TPIDR_EL1, interrupts masked.
 */
void secondary_start_kernel(void)
{
	u64 mpidr = read_sysreg(mpidr_el1) & MPIDR_HWID_BITMASK;
	unsigned int cpu = smp_processor_id();

	/* TTBR0 off the identity map, TCR as the boot CPU has it. */
	cpu_uninstall_idmap();
	cpu_set_default_tcr_t0sz();
	__this_cpu_write(__entry_task, current);
	if ((int)cpu == test_cpu_die_early)
		cpu_die_early();

	cpuinfo_store_cpu(cpu);		/* "Detected PIPT I-cache on CPU1" */
	notify_cpu_starting(cpu);	/* GIC CPU interface, timer PPI */

	pr_info("CPU%u: Booted secondary processor 0x%010llx [0x%08llx]\n", cpu, mpidr,
		read_sysreg(midr_el1));
	update_cpu_boot_status(CPU_BOOT_SUCCESS);
	set_cpu_online(cpu, true);
	local_irq_enable();
	cpu_idle_loop();		/* swapper/N: runs tasks from now on */
}

/* Did every CPU enter at the same EL? (head.S's set_cpu_boot_mode_flag) */
static void __init hyp_mode_check(void)
{
	if (is_hyp_mode_mismatched())
		pr_warn("CPU: CPUs started in inconsistent modes");
	else
		pr_info("CPU: All CPU(s) started at EL%d\n", is_hyp_mode_available() ? 2 : 1);
}

/* ---- Inter-processor interrupts --------------------------------------- */

static int ipi_irq_base __ro_after_init = -1;
static int nr_ipi __ro_after_init;
static void (*__smp_cross_call)(const struct cpumask *, unsigned int);

struct ipi_stat {
	unsigned int count[NR_IPI];
};
static DEFINE_PER_CPU(struct ipi_stat, ipi_stats);

static const char *const ipi_types[NR_IPI] = {
	[IPI_RESCHEDULE] = "Rescheduling interrupts",
	[IPI_CALL_FUNC] = "Function call interrupts",
	[IPI_CPU_STOP] = "CPU stop interrupts",
	[IPI_CPU_CRASH_STOP] = "CPU stop (for crash dump) interrupts",
	[IPI_TIMER] = "Timer broadcast interrupts",
	[IPI_IRQ_WORK] = "IRQ work interrupts",
	[IPI_WAKEUP] = "CPU wake-up interrupts",
};

const char *ipi_name(enum ipi_msg_type ipi)
{
	return ipi < NR_IPI ? ipi_types[ipi] : NULL;
}

bool irq_is_ipi(unsigned int irq)
{
	return ipi_irq_base >= 0 && irq >= (unsigned int)ipi_irq_base &&
	       irq < (unsigned int)(ipi_irq_base + nr_ipi);
}

unsigned int ipi_count(unsigned int cpu, enum ipi_msg_type ipi)
{
	return ipi < NR_IPI ? READ_ONCE(per_cpu(ipi_stats, cpu).count[ipi]) : 0;
}

void set_smp_cross_call(void (*fn)(const struct cpumask *, unsigned int))
{
	__smp_cross_call = fn;
}

static void smp_cross_call(const struct cpumask *target, unsigned int ipinr)
{
	if (__smp_cross_call && ipi_irq_base >= 0 && (int)ipinr < nr_ipi)
		__smp_cross_call(target, ipi_irq_base + ipinr);
}

static void smp_cross_call_one(int cpu, unsigned int ipinr)
{
	struct cpumask mask = { 1UL << cpu };

	smp_cross_call(&mask, ipinr);
}

void arch_send_call_function_ipi_mask(const struct cpumask *mask)
{
	smp_cross_call(mask, IPI_CALL_FUNC);
}

void arch_send_call_function_single_ipi(int cpu)
{
	smp_cross_call_one(cpu, IPI_CALL_FUNC);
}

void smp_send_reschedule(int cpu)
{
	smp_cross_call_one(cpu, IPI_RESCHEDULE);
}

/*
 * IPI_CPU_STOP (and a CPU that panics after another one did): this CPU
 * leaves the online mask, masks every exception and parks for good.
 * smp_send_stop() waits for the first; a CPU stopped here never runs
 * another instruction of a task. Not inlined, so that in gdb each stopped
 * CPU's backtrace starts here (Documentation/arm64/smp.rst).
 */
static noinline __noreturn void local_cpu_stop(void)
{
	set_cpu_online(smp_processor_id(), false);
	local_daif_mask();
	cpu_park_loop();
}

void panic_smp_self_stop(void)
{
	local_cpu_stop();
}

static void do_handle_IPI(int ipinr)
{
	unsigned int cpu = smp_processor_id();

	if ((unsigned int)ipinr < NR_IPI)
		this_cpu_inc(ipi_stats.count[ipinr]);
	switch (ipinr) {
	case IPI_RESCHEDULE:
		scheduler_ipi();
		break;
	case IPI_CALL_FUNC:
		generic_smp_call_function_interrupt();
		break;
	case IPI_CPU_STOP:
	case IPI_CPU_CRASH_STOP:
		local_cpu_stop();
	default:
		pr_crit("CPU%u: Unknown IPI message 0x%x\n", cpu, ipinr);
		break;
	}
}

static irqreturn_t ipi_handler(int irq, void *data)
{
	do_handle_IPI(irq - ipi_irq_base);
	return IRQ_HANDLED;
}

/*
 * The root irqchip gives us n IPIs from ipi_base (the GIC's SGIs, or bits
 * of the bcm2836's mailboxes): one handler for all of them.
 */
void __init set_smp_ipi_range(int ipi_base, int n)
{
	if (n < NR_IPI)
		return;
	nr_ipi = NR_IPI;
	for (int i = 0; i < nr_ipi; i++)
		if (request_irq(ipi_base + i, ipi_handler, 0, "IPI", NULL))
			pr_err("cannot request IPI%d\n", i);
	ipi_irq_base = ipi_base;
}

/*
 * Stop every other online CPU (panic, power off, restart), as v5.15: the
 * stop IPI to each, then up to one second for them to leave the online
 * mask. A CPU spinning with interrupts masked cannot take the IPI: it is
 * reported after the second, by the online mask (which, as Linux prints
 * it, still holds this CPU), and the caller goes on without it.
 */
void smp_send_stop(void)
{
	unsigned long timeout;
	struct cpumask mask;

	cpumask_copy(&mask, cpu_online_mask);
	cpumask_clear_cpu(smp_processor_id(), &mask);
	if (!mask.bits)
		return;
	if (system_state <= SYSTEM_RUNNING)	/* not when powering off: as Linux */
		pr_crit("SMP: stopping secondary CPUs\n");
	smp_cross_call(&mask, IPI_CPU_STOP);
	/* Counter time: interrupts are masked, jiffies may not move. */
	timeout = read_sysreg(cntvct_el0) + read_sysreg(cntfrq_el0);
	while (num_online_cpus() > 1 && read_sysreg(cntvct_el0) < timeout)
		cpu_relax();
	if (num_online_cpus() > 1)
		pr_warn("SMP: failed to stop secondary CPUs %*pbl\n",
			cpumask_pr_args(cpu_online_mask));
}

void __init smp_cpus_done(unsigned int max_cpus)
{
	pr_info("SMP: Total of %d processors activated.\n", num_online_cpus());
	hyp_mode_check();
}
