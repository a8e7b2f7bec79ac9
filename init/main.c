// SPDX-License-Identifier: GPL-2.0
/*
 * init/main.c: start_kernel(), the C half of boot. head.S
 * (__primary_switched) calls it on the init task's stack, with the MMU on,
 * the kernel at KIMAGE_VADDR, .bss cleared and interrupts masked.
 * It reads as the list of steps the kernel takes, in order.
 */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/mm.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/ramfs.h>
#include <linux/reboot.h>
#include <linux/serial_core.h>
#include <kunit/test.h>
#include <asm/arch_timer.h>
#include <asm/irq.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/sysreg.h>
#include <asm/traps.h>
#include <asm/time.h>

extern const char linux_banner[];

static void __init console_init(void)
{
	/* The PL011 of stdout-path or console=; retires any boot console. */
	pl011_console_init();
}

/* The boot CPU has nothing left to do: idle, or power off if asked to. */
static __noreturn void cpu_startup_entry(void)
{
	if (poweroff_on_halt)
		kernel_power_off();
	for (;;)
		wfi();
}

__noreturn void __init start_kernel(void)
{
	char *command_line;

	sched_clock_init_early();	/* timestamps count from here */
	smp_setup_processor_id();	/* "Booting headstart on physical CPU ..." */
	pr_notice("%s", linux_banner);
	setup_arch(&command_line);	/* device tree, early params, memory, PSCI */
	pr_notice("Kernel command line: %s\n", command_line);
	parse_args_late();		/* __setup handlers: console= ... */
	mm_init();			/* buddy allocator, kmalloc: "Memory: ..." */
	populate_rootfs();		/* the initramfs, into the root filesystem */
	console_init();
	init_IRQ();			/* the interrupt controller the DTB names */
	time_init();			/* generic timer: the HZ tick, jiffies */
	local_irq_enable();		/* from here on interrupts are taken */
	smp_cpus_done();		/* "CPU: All CPU(s) started at EL2" */
	debug_checkwx();		/* no W+X mapping; the `ptdump` bootarg dumps them */
	kunit_run_all_tests();		/* only with kunit.filter_glob= */
	crash_test_run();		/* only with test.crash= */

	pr_info("headstart: boot complete, CPU0 idle\n");
	cpu_startup_entry();
}
