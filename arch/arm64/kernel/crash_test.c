// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/crash_test.c: deliberate faults, for checking what the
 * kernel prints when things go wrong (tools/testing/boot/test_exceptions.py
 * and Documentation/arm64/exceptions.rst). Test-only: nothing happens
 * unless the command line says
 *
 *	test.crash=null		write through a NULL pointer: oops
 *	test.crash=paging	read an unmapped kernel address: oops
 *	test.crash=rodata	write to a page mapped read-only: oops
 *	test.crash=undef	an undefined instruction: oops
 *	test.crash=bug		BUG(): "kernel BUG at ..." and oops
 *	test.crash=warn		WARN_ON(1): a warning, then the boot goes on
 *	test.crash=exec	call a function at address 0: oops
 *
 * start_kernel runs it after the self-tests, the other CPUs up. Each fault
 * sits in a function of its own that also calls out, so that it has a frame
 * record and the "Call trace:" names it, then crash_test_run, then
 * start_kernel. For the stop of the other CPUs that a panic makes
 * (tools/testing/gdb/test_gdb_cpu_stop.py), two more:
 *
 *	test.crash_cpu=N[,M...]	the crash happens on each CPU listed instead,
 *				all at the same moment (they meet first; if
 *				several, with interrupts masked), each in a
 *				kernel thread bound to it ("crash_test/N");
 *				the boot CPU, unless listed, waits for them
 *				with interrupts on
 *	test.crash_stuck_cpu=S	just before the crash, CPU S is made to spin for
 *				good with interrupts masked (in a function-call
 *				IPI), as a CPU caught in a loop would: the stop
 *				IPI cannot reach it
 */
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/memory.h>
#include <asm/pgtable.h>
#include <asm/traps.h>

static const char *crash_type __ro_after_init;

static int __init crash_setup(char *arg)
{
	crash_type = arg;
	return 0;
}
__setup("test.crash=", crash_setup);

/* Set when an argument below was wrong (said at parse time): no crash is run. */
static bool crash_cpu_arg_bad __ro_after_init;
static struct cpumask crash_cpus __ro_after_init;
static const char *crash_cpu_arg __ro_after_init;
static int crash_stuck_cpu __ro_after_init = -1;

/*
 * "N" or "N,M,...": CPU numbers into *cpus. Anything else is said
 * ("test.crash_cpu=x: want CPU numbers") and no crash is run.
 */
static void __init parse_cpus(const char *name, const char *arg, struct cpumask *cpus)
{
	const char *s = arg ? arg : "";

	cpumask_clear(cpus);
	for (;;) {
		char *end;
		unsigned long long cpu = simple_strtoull(s, &end, 10);

		if (end == s || cpu >= NR_CPUS || (*end && *end != ',')) {
			pr_err("crash_test: %s%s: want CPU numbers\n", name, arg ? arg : "");
			crash_cpu_arg_bad = true;
			return;
		}
		cpumask_set_cpu(cpu, cpus);
		if (!*end)
			return;
		s = end + 1;
	}
}

static int __init crash_cpu_setup(char *arg)
{
	parse_cpus("test.crash_cpu=", arg, &crash_cpus);
	crash_cpu_arg = arg;
	return 0;
}
__setup("test.crash_cpu=", crash_cpu_setup);

static int __init crash_stuck_cpu_setup(char *arg)
{
	struct cpumask cpu;

	parse_cpus("test.crash_stuck_cpu=", arg, &cpu);
	if (cpumask_weight(&cpu) > 1) {
		pr_err("crash_test: test.crash_stuck_cpu=%s: want one CPU\n", arg);
		crash_cpu_arg_bad = true;
	}
	crash_stuck_cpu = cpumask_weight(&cpu) == 1 ? (int)cpumask_next(-1, &cpu) : -1;
	return 0;
}
__setup("test.crash_stuck_cpu=", crash_stuck_cpu_setup);

/* A pointer the compiler cannot see through, so it emits the access. */
static void *opaque(unsigned long addr)
{
	void *p = (void *)addr;

	__asm__ volatile("" : "+r"(p));
	return p;
}

static noinline void crash_test_null(void)
{
	*(volatile int *)opaque(0) = 0x2a;
	pr_err("crash_test: NULL write did not fault\n");
}

static noinline void crash_test_paging(void)
{
	/* The start of the modules area: nothing is mapped there. */
	pr_err("crash_test: read %d\n", *(volatile int *)opaque(MODULES_VADDR + 0x1230));
}

/* A page of the image, also mapped read-only at a VA nothing else uses. */
static u8 crash_page[PAGE_SIZE] __aligned(PAGE_SIZE);
#define CRASH_RO_VA (MODULES_END - 2 * PAGE_SIZE)

static noinline void crash_test_rodata(void)
{
	create_mapping(init_mm_pgd, CRASH_RO_VA, __pa_symbol(crash_page), PAGE_SIZE,
		       PAGE_KERNEL_RO);
	*(volatile u8 *)opaque(CRASH_RO_VA + 8) = 1;
	pr_err("crash_test: read-only write did not fault\n");
}

static noinline void crash_test_undef(void)
{
	__asm__ volatile(".inst 0x00000000");	/* UDF #0 */
	pr_err("crash_test: undefined instruction did not trap\n");
}

static noinline void crash_test_bug(void)
{
	pr_info("crash_test: BUG() next\n");
	BUG();
}

static noinline void crash_test_warn(void)
{
	WARN_ON(1);
	pr_info("crash_test: still running after WARN_ON\n");
}

static noinline void crash_test_exec(void)
{
	void (*fn)(void) = opaque(0);

	fn();
	pr_err("crash_test: call to NULL returned\n");
}

static const struct {
	const char *name;
	void (*fn)(void);
} crash_tests[] = {
	{ "null", crash_test_null },
	{ "paging", crash_test_paging },
	{ "rodata", crash_test_rodata },
	{ "undef", crash_test_undef },
	{ "bug", crash_test_bug },
	{ "warn", crash_test_warn },
	{ "exec", crash_test_exec },
};

static bool crash_stuck_spinning;

/* test.crash_stuck_cpu=: an IPI handler, interrupts masked, that never returns. */
static noinline void crash_test_stuck(void *unused)
{
	WRITE_ONCE(crash_stuck_spinning, true);
	for (;;)
		cpu_relax();
}

static atomic_t crash_cpus_ready = ATOMIC_INIT(0);

/*
 * The crash, on a CPU that is to crash: the first of them makes the stuck
 * CPU spin, then they all meet and crash together. Inlined: the "Call
 * trace:" goes from the fault to crash_test_run as it always did.
 */
static __always_inline void crash_test_here(void (*fn)(void))
{
	if (crash_stuck_cpu >= 0 && smp_processor_id() == cpumask_next(-1, &crash_cpus)) {
		smp_call_function_single(crash_stuck_cpu, crash_test_stuck, NULL, 0);
		while (!READ_ONCE(crash_stuck_spinning))
			cpu_relax();
	}
	if (cpumask_weight(&crash_cpus) == 1) {
		fn();
		return;
	}
	/*
	 * Several: masked before they meet, so that no stop IPI from the first
	 * to crash can reach one still on its way from the meeting to its own
	 * crash; each reaches panic().
	 */
	local_irq_disable();
	atomic_inc(&crash_cpus_ready);
	while (atomic_read(&crash_cpus_ready) < (int)cpumask_weight(&crash_cpus))
		cpu_relax();
	fn();
	local_irq_enable();
}

static atomic_t crash_threads_done = ATOMIC_INIT(0);

static int crash_test_thread(void *fn)
{
	crash_test_here(fn);
	atomic_inc(&crash_threads_done);	/* test.crash=warn: boot goes on */
	return 0;
}

/* test.crash_cpu=: a thread on each listed CPU but this one; this one's part, or a wait. */
static void crash_test_on_cpus(void (*fn)(void))
{
	unsigned int cpu, me = smp_processor_id();
	int threads = 0;

	for_each_cpu(cpu, &crash_cpus) {
		struct task_struct *p;

		if (cpu == me)
			continue;
		p = kthread_create(crash_test_thread, fn, "crash_test/%u", cpu);
		if (!p) {
			pr_err("crash_test: no thread for CPU%u\n", cpu);
			continue;	/* the others wait for it for ever: said */
		}
		kthread_bind(p, cpu);
		wake_up_process(p);
		threads++;
	}
	if (cpumask_test_cpu(me, &crash_cpus))
		crash_test_here(fn);
	while (atomic_read(&crash_threads_done) < threads)
		cpu_relax();
}

/* Are the CPUs named usable? If not, say why (the crash is not run). */
static bool crash_test_cpus_ok(void)
{
	unsigned int cpu;

	if (crash_cpu_arg_bad)
		return false;
	if (!crash_cpus.bits)
		cpumask_set_cpu(smp_processor_id(), &crash_cpus);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {	/* for_each_cpu stops at nr_cpu_ids */
		if (cpumask_test_cpu(cpu, &crash_cpus) && !cpu_online(cpu)) {
			pr_err("crash_test: test.crash_cpu=%s: CPU%u is not online\n",
			       crash_cpu_arg, cpu);
			return false;
		}
	}
	if (crash_stuck_cpu >= 0 && (cpumask_test_cpu(crash_stuck_cpu, &crash_cpus) ||
				     !cpu_online(crash_stuck_cpu))) {
		pr_err("crash_test: test.crash_stuck_cpu=%d: want an online CPU that does not crash\n",
		       crash_stuck_cpu);
		return false;
	}
	return true;
}

noinline void crash_test_run(void)
{
	if (!crash_type)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(crash_tests); i++) {
		if (strcmp(crash_type, crash_tests[i].name))
			continue;
		if (!crash_test_cpus_ok())
			return;
		pr_info("crash_test: %s\n", crash_type);
		if (crash_cpus.bits == 1UL << smp_processor_id())
			crash_test_here(crash_tests[i].fn);
		else
			crash_test_on_cpus(crash_tests[i].fn);
		return;
	}
	pr_err("crash_test: unknown test.crash=%s\n", crash_type);
}
