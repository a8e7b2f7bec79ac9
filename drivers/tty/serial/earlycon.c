// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/serial/earlycon.c: the boot consoles, usable before the
 * kernel has set up its drivers:
 *   earlycon              the UART /chosen/stdout-path names
 *   earlycon=pl011,<addr> (also pl011,mmio32,<addr>) a PL011 at <addr>,
 *                         which must be one the device tree describes
 *   earlycon=uart8250,mmio32,<addr>  an 8250 with 32-bit registers (the
 *                         Raspberry Pi's mini UART), also one the tree has
 * and the fallback UART (CONFIG_DEBUG_UART_PHYS) that reports a device tree
 * the kernel cannot use. Registers are reached through the fixmap.
 */
#define pr_fmt(fmt) "earlycon: " fmt

#include <linux/amba/bus.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/memblock.h>
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

/* The two kinds of UART: their compatible and how they are written. */
struct earlycon_kind {
	const char *param;	/* as earlycon= names it */
	const char *compatible;
	const char *name;	/* the console's name, as Linux's */
	const char *iotype;	/* for the message: "MMIO" or "MMIO32" */
	void (*write)(struct console *con, const char *s, unsigned int n);
};

static const struct earlycon_kind pl011_kind = {
	"pl011", "arm,pl011", "pl11", "MMIO", pl011_console_write,
};
static const struct earlycon_kind uart8250_kind = {
	"uart8250", "brcm,bcm2835-aux-uart", "uart8250", "MMIO32", serial8250_console_write,
};

static int __init earlycon_start(phys_addr_t phys, const char *options,
				 const struct earlycon_kind *kind)
{
	void *base = set_fixmap_io(FIX_EARLYCON_MEM_BASE, phys);

	/* Nothing there, or not a PrimeCell: writing would hang or abort. */
	if (kind == &pl011_kind && !amba_device_present(base)) {
		pr_err("no PL011 answers at %#llx: earlycon not enabled\n", phys);
		return -ENODEV;
	}
	early_con.data = base;
	early_con.write = kind->write;
	strlcpy(early_con.name, kind->name, sizeof(early_con.name));
	pr_info("%s at %s %#018llx (options '%s')\n", early_con.name, kind->iotype, phys,
		options);
	register_console(&early_con);
	return 0;
}

/* Is phys where a node of this kind in the device tree has its registers? */
static bool __init earlycon_in_dt(phys_addr_t phys, const struct earlycon_kind *kind)
{
	int node;

	for (node = of_fdt_next_compatible(-1, kind->compatible); node >= 0;
	     node = of_fdt_next_compatible(node, kind->compatible)) {
		phys_addr_t reg;
		u64 size;

		if (!of_address_to_resource(node, 0, &reg, &size) && reg == phys)
			return true;
	}
	return false;
}

/* `earlycon` alone: the console of /chosen/stdout-path, if we drive it. */
static int __init earlycon_from_stdout_path(void)
{
	const struct earlycon_kind *kind = &pl011_kind;
	const char *options;
	int node = of_stdout_node(&options);
	phys_addr_t phys;
	u64 size;

	if (node < 0 || !initial_boot_params)
		return -ENODEV;
	if (!fdt_node_check_compatible(initial_boot_params, node, uart8250_kind.compatible))
		kind = &uart8250_kind;
	else if (fdt_node_check_compatible(initial_boot_params, node, "arm,pl011")) {
		pr_warn("no earlycon driver for the stdout-path device\n");
		return -ENODEV;
	}
	if (of_address_to_resource(node, 0, &phys, &size)) {
		pr_warn("the stdout-path device has no usable reg\n");
		return -ENODEV;
	}
	return earlycon_start(phys, options, kind);
}

static int __init param_setup_earlycon(char *arg)
{
	char *p;

	if (early_con.flags & CON_ENABLED)
		return 0;
	const struct earlycon_kind *kind = &pl011_kind;

	if (!arg || !*arg)
		return earlycon_from_stdout_path();
	if (!strncmp(arg, "uart8250,mmio32,", 16)) {
		kind = &uart8250_kind;
		arg += 16;
	} else if (!strncmp(arg, "pl011,", 6)) {
		arg += 6;
		if (!strncmp(arg, "mmio32,", 7))
			arg += 7;
	} else {
		pr_warn("unsupported earlycon '%s' (only pl011 and uart8250,mmio32)\n", arg);
		return -EINVAL;
	}
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
	if (!earlycon_in_dt(phys, kind)) {
		pr_err("%s at %#llx: no %s node in the device tree has its "
		       "registers there: earlycon not enabled\n", kind->param, phys,
		       kind->compatible);
		return -EINVAL;
	}
	return earlycon_start(phys, p, kind);
}
early_param("earlycon", param_setup_earlycon);

static struct console fallback_con = {
	.name = "uart",
	.index = -1,
	.flags = CON_BOOT,
};

/*
 * The UART /chosen/stdout-path names, if the tree is readable and it is
 * one we can write to: its address and kind.
 */
static const struct earlycon_kind *__init fallback_from_stdout_path(phys_addr_t *phys)
{
	const char *options;
	int node = initial_boot_params ? of_stdout_node(&options) : -1;
	u64 size;

	if (node < 0 || of_address_to_resource(node, 0, phys, &size))
		return NULL;
	if (!fdt_node_check_compatible(initial_boot_params, node, uart8250_kind.compatible))
		return &uart8250_kind;
	if (!fdt_node_check_compatible(initial_boot_params, node, pl011_kind.compatible))
		return &pl011_kind;
	return NULL;
}

void __init fallback_console_init(bool stdout_path)
{
	const struct earlycon_kind *kind = NULL;
	phys_addr_t phys;

	if (fallback_con.flags & CON_ENABLED)
		return;
	if (stdout_path)
		kind = fallback_from_stdout_path(&phys);
	/*
	 * A tree that parses may still be wrong: use its UART only if it is
	 * not RAM and, for a PL011, a PrimeCell answers there.
	 */
	if (kind && (memblock_is_memory(phys) ||
		     (kind == &pl011_kind &&
		      !amba_device_present(set_fixmap_io(FIX_EARLYCON_MEM_BASE, phys)))))
		kind = NULL;
	if (!kind) {
		phys = CONFIG_DEBUG_UART_PHYS;
		kind = IS_ENABLED(CONFIG_DEBUG_UART_8250) ? &uart8250_kind : &pl011_kind;
	}
	fallback_con.write = kind->write;
	fallback_con.data = set_fixmap_io(FIX_EARLYCON_MEM_BASE, phys);
	register_console(&fallback_con);
}
