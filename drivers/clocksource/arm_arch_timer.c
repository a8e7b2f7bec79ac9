// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/clocksource/arm_arch_timer.c: the Arm generic timer
 * ("arm,armv8-timer") as the kernel's clock event device.
 *
 * The kernel always runs at EL1 (head.S drops from EL2), so it uses the
 * EL1 virtual timer (CNTV_*_EL0) and its PPI, the third of the DT node's
 * interrupts. The counter's frequency is CNTFRQ_EL0, which firmware sets;
 * the DT's clock-frequency overrides it only when CNTFRQ_EL0 is 0, as
 * Linux does. The tick layer (kernel/time/hrtimer.c) programs the compare
 * value; the interrupt masks the timer and hands over to it.
 *
 * Every CPU has its own timer behind the same PPI: each registers it as
 * its clock event device, the boot CPU at time_init, each other CPU as it
 * starts, after enabling the PPI on itself (arch_timer_starting_cpu); its
 * hrtimers and its tick then run on it. One struct serves them all: the
 * registers it writes are the running CPU's.
 */
#define pr_fmt(fmt) "arch_timer: " fmt

#include <linux/clockchips.h>
#include <linux/cpuhotplug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <clocksource/arm_arch_timer.h>
#include <asm/arch_timer.h>
#include <asm/sysreg.h>
#include <libfdt.h>

static u32 arch_timer_rate;
static unsigned int arch_timer_ppi;

u32 arch_timer_get_rate(void)
{
	return arch_timer_rate ? arch_timer_rate : arch_timer_get_cntfrq();
}

unsigned int arch_timer_irq(void)
{
	return arch_timer_ppi;
}

static u64 virt_counter_read(void)
{
	return arch_timer_read_counter();
}

static void virt_set_next_cycle(u64 cycle, struct clock_event_device *evt)
{
	write_sysreg(cycle, cntv_cval_el0);
	write_sysreg(ARCH_TIMER_CTRL_ENABLE, cntv_ctl_el0);	/* unmasked */
	isb();
}

static void virt_set_state_shutdown(struct clock_event_device *evt)
{
	write_sysreg(0, cntv_ctl_el0);
	isb();
}

static struct clock_event_device arch_timer_evt = {
	.name = "arch_sys_timer",
	.set_next_cycle = virt_set_next_cycle,
	.set_state_shutdown = virt_set_state_shutdown,
	.read_counter = virt_counter_read,
};

static irqreturn_t arch_timer_handler_virt(int irq, void *dev_id)
{
	struct clock_event_device *evt = dev_id;
	u64 ctrl = read_sysreg(cntv_ctl_el0);

	if (!(ctrl & ARCH_TIMER_CTRL_IT_STAT))
		return IRQ_NONE;
	/* Quiet the level interrupt until the handler programs the next one. */
	write_sysreg(ctrl | ARCH_TIMER_CTRL_IT_MASK, cntv_ctl_el0);
	isb();
	if (evt->event_handler)
		evt->event_handler(evt);
	return IRQ_HANDLED;
}

/*
 * EL0 may read the virtual counter (CNTVCT_EL0), as on Linux, where the
 * vDSO and user programs read time that way; the timers themselves and
 * the physical counter stay the kernel's. CNTKCTL_EL1 is per CPU.
 */
static void arch_counter_set_user_access(void)
{
	u64 cntkctl = read_sysreg(cntkctl_el1);

	cntkctl &= ~(ARCH_TIMER_USR_PT_ACCESS_EN | ARCH_TIMER_USR_VT_ACCESS_EN |
		     ARCH_TIMER_VIRT_EVT_EN | ARCH_TIMER_USR_PCT_ACCESS_EN);
	cntkctl |= ARCH_TIMER_USR_VCT_ACCESS_EN;
	write_sysreg(cntkctl, cntkctl_el1);
}

/* A secondary CPU starting: its timer quiet, its PPI on, its tick going. */
static int arch_timer_starting_cpu(unsigned int cpu)
{
	virt_set_state_shutdown(&arch_timer_evt);
	arch_counter_set_user_access();
	enable_percpu_irq(arch_timer_ppi, 0);
	clockevents_register_device(&arch_timer_evt);	/* this CPU's hrtimers and tick */
	return 0;
}

int __init arch_timer_of_init(void)
{
	const void *fdt = initial_boot_params;
	const fdt32_t *prop;
	int node, err;

	node = of_fdt_next_compatible(-1, "arm,armv8-timer");
	if (node < 0)
		node = of_fdt_next_compatible(-1, "arm,armv7-timer");
	if (node < 0 || !of_fdt_device_is_available(node)) {
		pr_err("no arm,armv8-timer node in the device tree\n");
		return -ENODEV;
	}

	arch_timer_rate = arch_timer_get_cntfrq();
	prop = fdt_getprop(fdt, node, "clock-frequency", NULL);
	if (!arch_timer_rate && prop)
		arch_timer_rate = fdt32_to_cpu(*prop);
	if (!arch_timer_rate) {
		pr_warn("frequency not available\n");
		return -EINVAL;
	}

	arch_timer_ppi = irq_of_parse_and_map(node, ARCH_TIMER_VIRT_PPI);
	if (!arch_timer_ppi) {
		pr_err("No interrupt available, giving up\n");
		return -EINVAL;
	}
	pr_info("cp15 timer(s) running at %u.%02uMHz (virt).\n", arch_timer_rate / 1000000,
		(arch_timer_rate / 10000) % 100);

	virt_set_state_shutdown(&arch_timer_evt);
	arch_timer_evt.freq = arch_timer_rate;
	arch_timer_evt.irq = arch_timer_ppi;
	err = request_irq(arch_timer_ppi, arch_timer_handler_virt, 0, "arch_timer",
			  &arch_timer_evt);
	if (err) {
		pr_err("can't register interrupt %u (%d)\n", arch_timer_ppi, err);
		return err;
	}
	clockevents_register_device(&arch_timer_evt);
	arch_counter_set_user_access();
	cpuhp_setup_state_nocalls(CPUHP_AP_ARM_ARCH_TIMER_STARTING, "clockevents/arm/arch_timer:starting",
				  arch_timer_starting_cpu);
	return 0;
}
