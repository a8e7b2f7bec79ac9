// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/panic.c: panic(), the end of the line for an unrecoverable error,
 * and the stack-protector hooks libfdt (built with -fstack-protector-strong
 * by Debian) calls.
 */
#include <linux/console.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <asm/smp.h>
#include <asm/setup.h>

__noreturn void panic(const char *fmt, ...)
{
	char buf[256];
	va_list args;

	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);

	console_verbose();		/* shown even with loglevel=0 */
	console_ensure_output();

	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	smp_send_stop();		/* "SMP: stopping secondary CPUs" */
	dump_kernel_offset();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (poweroff_on_halt)
		kernel_power_off();
	machine_halt();
}

/* The canary value; a fixed one, as nothing random exists this early. */
unsigned long __stack_chk_guard = 0x595e9fbd94fda766UL;

__noreturn void __stack_chk_fail(void);
__noreturn void __stack_chk_fail(void)
{
	panic("stack-protector: Kernel stack is corrupted in: %p",
	      __builtin_return_address(0));
}
