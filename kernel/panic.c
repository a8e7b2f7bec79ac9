// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/panic.c: panic(), the end of the line for an unrecoverable error,
 * and the stack-protector hooks libfdt (built with -fstack-protector-strong
 * by Debian) calls.
 */
#include <linux/atomic.h>
#include <linux/console.h>
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/smp.h>
#include <asm/smp.h>
#include <asm/setup.h>

#define PANIC_CPU_INVALID	-1

/* The CPU that panics first: it alone prints and stops the others. */
static atomic_t panic_cpu = ATOMIC_INIT(PANIC_CPU_INVALID);

__noreturn void panic(const char *fmt, ...)
{
	char buf[256];
	va_list args;
	int this_cpu, old_cpu;

	/*
	 * As v5.15: interrupts off first (an interrupt handler that panicked
	 * again would wait in panic_smp_self_stop for ever), then only the
	 * first CPU goes on; one that panics while another one is panicking
	 * stops itself, leaving the online mask as the stop IPI would make it.
	 */
	local_irq_disable();
	this_cpu = smp_processor_id();
	old_cpu = atomic_cmpxchg(&panic_cpu, PANIC_CPU_INVALID, this_cpu);
	if (old_cpu != PANIC_CPU_INVALID && old_cpu != this_cpu)
		panic_smp_self_stop();

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
