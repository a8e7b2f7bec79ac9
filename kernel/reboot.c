// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/reboot.c: powering off and halting.
 *
 * The `poweroff` boot argument (ours; Linux has none) makes the kernel power
 * the machine off through PSCI SYSTEM_OFF where it would otherwise idle or
 * halt for ever: after the final boot line, and after a panic. Tests use it
 * so that QEMU exits by itself.
 */
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <asm/smp.h>
#include <asm/sysreg.h>

enum system_states system_state;

void (*pm_power_off)(void);
void (*pm_restart)(void);
bool poweroff_on_halt __ro_after_init;

static int __init poweroff_setup(char *arg)
{
	poweroff_on_halt = true;
	return 0;
}
early_param("poweroff", poweroff_setup);

__noreturn void machine_halt(void)
{
	__asm__ volatile("msr daifset, #0xf" : : : "memory");
	for (;;)
		wfi();
}

/* reboot(LINUX_REBOOT_CMD_HALT): the others stopped, then this CPU too. */
__noreturn void kernel_halt(void)
{
	system_state = SYSTEM_HALT;
	pr_emerg("reboot: System halted\n");
	local_irq_disable();
	smp_send_stop();		/* as Linux's machine_halt */
	machine_halt();
}

__noreturn void kernel_power_off(void)
{
	system_state = SYSTEM_POWER_OFF;
	pr_emerg("reboot: Power down\n");
	local_irq_disable();
	smp_send_stop();		/* the other CPUs first, as Linux */
	if (pm_power_off)
		pm_power_off();
	pr_emerg("reboot: no way to power off (no PSCI): halting\n");
	machine_halt();
}

__noreturn void kernel_restart(void)
{
	system_state = SYSTEM_RESTART;
	pr_emerg("reboot: Restarting system\n");
	local_irq_disable();
	smp_send_stop();
	if (pm_restart)
		pm_restart();
	pr_emerg("reboot: no way to restart (no PSCI): halting\n");
	machine_halt();
}
