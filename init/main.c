// SPDX-License-Identifier: GPL-2.0
/*
 * init/main.c: start_kernel(), the C half of boot. head.S
 * (__primary_switched) calls it on the init task's stack, with the MMU on,
 * the kernel at KIMAGE_VADDR, .bss cleared and interrupts masked.
 * It reads as the list of steps the kernel takes, in order.
 */
#include <linux/binfmts.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/hrtimer.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/ramfs.h>
#include <linux/reboot.h>
#include <linux/proc_fs.h>
#include <linux/serial_core.h>
#include <linux/tty.h>
#include <kunit/test.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/arch_timer.h>
#include <asm/mmu_context.h>
#include <asm/irq.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/sysreg.h>
#include <asm/traps.h>
#include <asm/time.h>

extern const char linux_banner[];
void pmu_user_init(void);		/* arch/arm64/kernel/perf_event.c */
void pl031_rtc_init(void);		/* drivers/rtc/rtc-pl031.c */
void rand_initialize(void);		/* drivers/char/random.c */

/* rdinit= (what to run from the initramfs) and init=, as on Linux. */
static const char *ramdisk_execute_command = "/init";
static const char *execute_command;

static int __init rdinit_setup(char *str)
{
	ramdisk_execute_command = str;
	return 0;
}
__setup("rdinit=", rdinit_setup);

static int __init init_setup(char *str)
{
	execute_command = str;
	return 0;
}
__setup("init=", init_setup);

static void __init console_init(void)
{
	/*
	 * The UART of stdout-path or console=: the Raspberry Pi's mini UART
	 * (ttyS), else a PL011 (ttyAMA), which also falls back when neither
	 * can be used. Retires any boot console.
	 */
	if (serial8250_console_init())
		pl011_console_init();
}

/* The boot CPU has nothing left to do: idle, or power off if asked to. */
static __noreturn void cpu_startup_entry(void)
{
	if (poweroff_on_halt)
		kernel_power_off();
	cpu_idle_loop();
}

static int run_init_process(const char *init_filename)
{
	const char *argv[MAX_INIT_ARGS + 2] = { init_filename };
	const char *envp[] = { "HOME=/", "TERM=linux", NULL };

	for (int i = 0; init_args[i]; i++)	/* the words after "--" */
		argv[i + 1] = init_args[i];

	pr_info("Run %s as init process\n", init_filename);
	return kernel_execve(init_filename, argv, envp);
}

/* Like Linux: only files that exist are tried, with no message otherwise. */
static bool try_to_run_init_process(const char *init_filename)
{
	struct ramfs_inode *inode;
	int ret;

	if (ramfs_lookup(init_filename, &inode))
		return false;
	ret = run_init_process(init_filename);
	if (ret)
		pr_err("Starting init: %s exists but couldn't execute it (error %d)\n",
		       init_filename, ret);
	return !ret;
}

/*
 * The end of boot, as Linux's mark_readonly(): __ro_after_init data and
 * swapper_pg_dir become read-only; then the KUnit suites that check what
 * boot left (where Linux runs rodata_test()).
 */
static void mark_readonly(void)
{
	mark_rodata_ro();
	kunit_run_late_tests();		/* only with kunit.filter_glob= */
}

/*
 * Pid 1, a kernel thread until it execs the first program; returning 0
 * then sends it to user space through ret_from_fork (entry.S).
 */
static int kernel_init(void *unused)
{
	struct ramfs_inode *inode;
	int ret;

	local_irq_enable();
	if (console_open_stdio(current))
		pr_err("Warning: unable to open an initial console.\n");
	free_initmem();			/* "Freeing unused kernel memory: ..." */
	mark_readonly();		/* "Write protecting the kernel read-only data: ..." */
	if (ramdisk_execute_command && !ramfs_lookup(ramdisk_execute_command, &inode)) {
		ret = run_init_process(ramdisk_execute_command);
		if (!ret)
			return 0;
		pr_err("Failed to execute %s (error %d)\n", ramdisk_execute_command, ret);
	}
	if (execute_command) {
		ret = run_init_process(execute_command);
		if (!ret)
			return 0;
		panic("Requested init %s failed (error %d).", execute_command, ret);
	}
	if (try_to_run_init_process("/sbin/init") || try_to_run_init_process("/etc/init") ||
	    try_to_run_init_process("/bin/init") || try_to_run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel. "
	      "See Linux Documentation/admin-guide/init.rst for guidance.");
}

/*
 * The end of start_kernel, as on Linux: pid 1 runs the first program and
 * pid 0 becomes the idle task. Without an initramfs (none given, or one
 * that failed to unpack) there is no program to run: the boot ends as it
 * always did, idle or, with `poweroff`, powered off; the init sections are
 * freed and the kernel made read-only here then, as pid 1 does otherwise.
 * Not __init: start_kernel's code is freed while this runs.
 */
static noinline __noreturn void rest_init(void)
{
	struct kernel_clone_args args = {
		.fn = kernel_init, .name = "init", .pid = 1, .exit_signal = SIGCHLD,
	};
	long pid;

	if (!initramfs_unpacked) {
		free_initmem();
		mark_readonly();
		pr_info("headstart: boot complete, CPU0 idle\n");
		cpu_startup_entry();
	}
	pr_info("headstart: boot complete, CPU0 idle\n");
	local_irq_disable();		/* init must not run before it is the reaper */
	pid = kernel_clone(&args);
	if (pid != 1)
		panic("Could not create the init process (error %ld)", pid);
	spin_lock(&tasklist_lock);
	child_reaper = find_task_by_pid(1);
	spin_unlock(&tasklist_lock);
	local_irq_enable();
	cpu_idle_loop();
}

__noreturn void __init start_kernel(void)
{
	char *command_line;

	sched_clock_init_early();	/* timestamps count from here */
	smp_setup_processor_id();	/* "Booting headstart on physical CPU ..." */
	pr_notice("%s", linux_banner);
	setup_arch(&command_line);	/* device tree, early params, memory, PSCI, /cpus */
	setup_per_cpu_areas();		/* a copy of the per-CPU data for each CPU */
	smp_prepare_boot_cpu();		/* the boot CPU uses its own copy */
	pr_notice("Kernel command line: %s\n", command_line);
	parse_args_late();		/* __setup handlers: console= ... */
	mm_init();			/* buddy allocator, kmalloc: "Memory: ..." */
	rand_initialize();		/* getrandom: /chosen/rng-seed, kaslr-seed */
	sched_init();			/* the boot task becomes the idle task */
	futex_init();			/* the futex hash buckets and their locks */
	asid_init();			/* TTBR0 for user space: ASIDs, T0SZ */
	populate_rootfs();		/* the initramfs, into the root filesystem */
	hrtimers_init();		/* every CPU's hrtimer queue */
	init_IRQ();			/* the interrupt controller the DTB names */
	time_init();			/* generic timer: the HZ tick, jiffies */
	local_irq_enable();		/* from here on interrupts are taken */
	console_init();			/* after local_irq_enable, as in v5.15 */
	devtmpfs_init();		/* /dev, a filesystem of its own */
	tty_init();			/* /dev/console, ttyAMA: character devices */
	chr_dev_init();			/* /dev/null, zero, full, random, urandom */
	if (serial8250_tty_init())	/* the console UART as a tty, input by IRQ */
		pl011_tty_init();
	proc_root_init();		/* /proc: processes, uptime, meminfo */
	pl031_rtc_init();		/* CLOCK_REALTIME from the RTC */
	smp_init();			/* the other CPUs: "smp: Brought up 1 node, 4 CPUs" */
	if (IS_ENABLED(CONFIG_RANDOMIZE_BASE))
		kaslr_init();		/* "KASLR enabled" or why not */
	pmu_user_init();		/* cycle and instruction counters for EL0 */
	kunit_run_all_tests();		/* only with kunit.filter_glob= */
	crash_test_run();		/* only with test.crash= */
	tty_echo_test_run();		/* only with test.tty_echo= */

	system_state = SYSTEM_RUNNING;
	rest_init();			/* "headstart: boot complete, CPU0 idle"; pid 1 runs /init */
}
