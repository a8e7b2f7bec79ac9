// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/serial/earlycon.c: the boot consoles, usable before the
 * kernel has set up its drivers:
 *   earlycon              the UART /chosen/stdout-path names
 *   earlycon=pl011,<addr> (also pl011,mmio32,<addr>) a PL011 at <addr>,
 *                         which must be one the device tree describes
 * and the fallback UART (CONFIG_DEBUG_UART_PHYS) that reports a device tree
 * the kernel cannot use. Registers are reached through the fixmap.
 */
#define pr_fmt(fmt) "earlycon: " fmt

#include <linux/amba/bus.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/serial_core.h>
#include <linux/string.h>
#include <asm/fixmap.h>
#include <libfdt.h>

static struct console early_con = {
	.name = "pl11",		/* Linux's earlycon name for the PL011 */
	.index = -1,
	.flags = CON_BOOT,
	.write = pl011_console_write,
};

static int __init earlycon_start(phys_addr_t phys, const char *options)
{
	void *base = set_fixmap_io(FIX_EARLYCON_MEM_BASE, phys);

	/* Nothing there, or not a PrimeCell: writing would hang or abort. */
	if (!amba_device_present(base)) {
		pr_err("no PL011 answers at %#llx: earlycon not enabled\n", phys);
		return -ENODEV;
	}
	early_con.data = base;
	pr_info("%s at MMIO %#018llx (options '%s')\n", early_con.name, phys, options);
	register_console(&early_con);
	return 0;
}

/* Is phys where an arm,pl011 node of the device tree has its registers? */
static bool __init earlycon_in_dt(phys_addr_t phys)
{
	int node;

	for (node = of_fdt_next_compatible(-1, "arm,pl011"); node >= 0;
	     node = of_fdt_next_compatible(node, "arm,pl011")) {
		phys_addr_t reg;
		u64 size;

		if (!of_address_to_resource(node, 0, &reg, &size) && reg == phys)
			return true;
	}
	return false;
}

/* `earlycon` alone: the console of /chosen/stdout-path, if it is a PL011. */
static int __init earlycon_from_stdout_path(void)
{
	const char *options;
	int node = of_stdout_node(&options);
	phys_addr_t phys;
	u64 size;

	if (node < 0 || !initial_boot_params)
		return -ENODEV;
	if (fdt_node_check_compatible(initial_boot_params, node, "arm,pl011")) {
		pr_warn("no earlycon driver for the stdout-path device\n");
		return -ENODEV;
	}
	if (of_address_to_resource(node, 0, &phys, &size)) {
		pr_warn("the stdout-path device has no usable reg\n");
		return -ENODEV;
	}
	return earlycon_start(phys, options);
}

static int __init param_setup_earlycon(char *arg)
{
	char *p;

	if (early_con.flags & CON_ENABLED)
		return 0;
	if (!arg || !*arg)
		return earlycon_from_stdout_path();
	if (strncmp(arg, "pl011,", 6)) {
		pr_warn("unsupported earlycon '%s' (only pl011)\n", arg);
		return -EINVAL;
	}
	arg += 6;
	if (!strncmp(arg, "mmio32,", 7))
		arg += 7;
	phys_addr_t phys = simple_strtoull(arg, &p, 0);

	if (p == arg || (*p && *p != ',')) {
		pr_err("earlycon=%s: not an address\n", arg);
		return -EINVAL;
	}
	if (*p == ',')
		p++;
	/*
	 * Linux trusts the address; a wrong one hangs or aborts on the first
	 * character. Only a PL011 the device tree describes is used.
	 */
	if (!earlycon_in_dt(phys)) {
		pr_err("pl011 at %#llx: no arm,pl011 node in the device tree has its "
		       "registers there: earlycon not enabled\n", phys);
		return -EINVAL;
	}
	return earlycon_start(phys, p);
}
early_param("earlycon", param_setup_earlycon);

static struct console fallback_con = {
	.name = "uart",
	.index = -1,
	.flags = CON_BOOT,
	.write = pl011_console_write,
};

void __init fallback_console_init(void)
{
	if (fallback_con.flags & CON_ENABLED)
		return;
	fallback_con.data = set_fixmap_io(FIX_EARLYCON_MEM_BASE, CONFIG_DEBUG_UART_PHYS);
	register_console(&fallback_con);
}
