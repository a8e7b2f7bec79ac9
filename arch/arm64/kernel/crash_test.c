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
 *	test.crash_cpu=N	the crash happens on CPU N instead, in a kernel
 *				thread bound to it ("crash_test/N"), while the
 *				boot CPU waits for it with interrupts on
 *	test.crash_stuck_cpu=M	just before the crash, CPU M is made to spin for
 *				good with interrupts masked (in a function-call
 *				IPI), as a CPU caught in a loop would: the stop
 *				IPI cannot reach it
 */
#include <linux/bug.h>
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

#define CPU_ARG_BAD	-2	/* said at parse time; the crash is not run */

static int crash_cpu __ro_after_init = -1;
static int crash_stuck_cpu __ro_after_init = -1;

/* A CPU number, or CPU_ARG_BAD with an error: "test.crash_cpu=x: want a CPU number". */
static int __init parse_cpu(const char *name, const char *arg)
{
	char *end;
	unsigned long long cpu = arg ? simple_strtoull(arg, &end, 10) : 0;

	if (!arg || !*arg || *end || cpu >= NR_CPUS) {
		pr_err("crash_test: %s%s: want a CPU number\n", name, arg ? arg : "");
		return CPU_ARG_BAD;
	}
	return cpu;
}

static int __init crash_cpu_setup(char *arg)
{
	crash_cpu = parse_cpu("test.crash_cpu=", arg);
	return 0;
}
__setup("test.crash_cpu=", crash_cpu_setup);

static int __init crash_stuck_cpu_setup(char *arg)
{
	crash_stuck_cpu = parse_cpu("test.crash_stuck_cpu=", arg);
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

/* The crash, on the CPU that is to crash; the stuck CPU spinning first. Inlined:
 * the "Call trace:" goes from the fault to crash_test_run as it always did. */
static __always_inline void crash_test_here(void (*fn)(void))
{
	if (crash_stuck_cpu >= 0) {
		smp_call_function_single(crash_stuck_cpu, crash_test_stuck, NULL, 0);
		while (!READ_ONCE(crash_stuck_spinning))
			cpu_relax();
	}
	fn();
}

static bool crash_thread_done;

static int crash_test_thread(void *fn)
{
	crash_test_here(fn);
	WRITE_ONCE(crash_thread_done, true);	/* test.crash=warn: boot goes on */
	return 0;
}

/* test.crash_cpu=: the crash in a thread on that CPU, the boot CPU waiting. */
static void crash_test_on(unsigned int cpu, void (*fn)(void))
{
	struct task_struct *p = kthread_create(crash_test_thread, fn, "crash_test/%u", cpu);

	if (!p) {
		pr_err("crash_test: no thread for CPU%u\n", cpu);
		return;
	}
	kthread_bind(p, cpu);
	wake_up_process(p);
	while (!READ_ONCE(crash_thread_done))
		cpu_relax();
}

/* The CPU the crash happens on, or -1 with the reason when a CPU given is not usable. */
static int crash_test_cpu(void)
{
	int cpu = crash_cpu >= 0 ? crash_cpu : (int)smp_processor_id();

	if (crash_cpu == CPU_ARG_BAD || crash_stuck_cpu == CPU_ARG_BAD)
		return -1;
	if (!cpu_online(cpu)) {
		pr_err("crash_test: test.crash_cpu=%d: CPU%d is not online\n", cpu, cpu);
		return -1;
	}
	if (crash_stuck_cpu >= 0 && (crash_stuck_cpu == cpu || !cpu_online(crash_stuck_cpu))) {
		pr_err("crash_test: test.crash_stuck_cpu=%d: want an online CPU other than CPU%d\n",
		       crash_stuck_cpu, cpu);
		return -1;
	}
	return cpu;
}

noinline void crash_test_run(void)
{
	int cpu;

	if (!crash_type)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(crash_tests); i++) {
		if (strcmp(crash_type, crash_tests[i].name))
			continue;
		cpu = crash_test_cpu();
		if (cpu < 0)
			return;
		pr_info("crash_test: %s\n", crash_type);
		if (cpu == (int)smp_processor_id())
			crash_test_here(crash_tests[i].fn);
		else
			crash_test_on(cpu, crash_tests[i].fn);
		return;
	}
	pr_err("crash_test: unknown test.crash=%s\n", crash_type);
}
