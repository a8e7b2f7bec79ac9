// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/serial/amba-pl011.c: the ARM PrimeCell PL011 UART
 * (compatible "arm,pl011"), QEMU virt's serial port, as a console.
 *
 * Output only, polled: wait while the transmit FIFO is full, then write the
 * data register. The UART is the one /chosen/stdout-path names, or the one
 * console=ttyAMA<n> asks for; its registers come from the device tree's reg
 * through ioremap().
 */
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/serial_core.h>
#include <linux/string.h>
#include <asm/io.h>
#include <libfdt.h>

#define UART01x_DR 0x00		/* data register */
#define UART01x_FR 0x18		/* flag register */
#define UART01x_FR_TXFF (1 << 5)	/* transmit FIFO full */
#define UART011_CR 0x30		/* control register */
#define UART01x_CR_UARTEN (1 << 0)
#define UART011_CR_TXE (1 << 8)
#define UART011_CR_RXE (1 << 9)
#define UART_PERIPHID0 0xfe0	/* PrimeCell peripheral id, 4 registers */

void pl011_putc(void *base, char c)
{
	while (readl(base + UART01x_FR) & UART01x_FR_TXFF)
		;
	writel(c, base + UART01x_DR);
}

void pl011_console_write(struct console *con, const char *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		if (s[i] == '\n')
			pl011_putc(con->data, '\r');
		pl011_putc(con->data, s[i]);
	}
}

static struct console pl011_console = {
	.name = "ttyAMA",
	.write = pl011_console_write,
};

/* The revision field of the PrimeCell id: bits 23:20. */
static unsigned int amba_rev(void *base)
{
	u32 id = 0;

	for (int i = 0; i < 4; i++)
		id |= (readl(base + UART_PERIPHID0 + 4 * i) & 0xff) << (8 * i);
	return (id >> 20) & 0xf;
}

/* ttyAMA<n>: the serial<n> alias if the tree has one, else 0. */
static int pl011_line(int node)
{
	const void *fdt = initial_boot_params;
	int aliases = of_fdt_path_offset("/aliases"), off, len;
	char path[128];

	if (aliases < 0 || fdt_get_path(fdt, node, path, sizeof(path)))
		return 0;
	fdt_for_each_property_offset(off, fdt, aliases) {
		const char *name;
		const char *val = fdt_getprop_by_offset(fdt, off, &name, &len);

		if (val && !strncmp(name, "serial", 6) && !strcmp(val, path))
			return simple_strtoull(name + 6, NULL, 10);
	}
	return 0;
}

int __init pl011_console_init(void)
{
	const void *fdt = initial_boot_params;
	const char *options;
	int stdout_node = of_stdout_node(&options), node;
	bool any_console_given;

	for (node = of_fdt_next_compatible(-1, "arm,pl011"); node >= 0;
	     node = of_fdt_next_compatible(node, "arm,pl011")) {
		phys_addr_t phys;
		u64 size;
		void *base;
		int line = pl011_line(node);
		bool wanted = console_requested("ttyAMA", line, &any_console_given);

		/* With no console= at all, stdout-path chooses, as on Linux. */
		if (!wanted && (any_console_given || node != stdout_node))
			continue;
		if (!of_fdt_device_is_available(node) ||
		    of_address_to_resource(node, 0, &phys, &size)) {
			pr_err("pl011: cannot use %s: disabled or no usable reg\n",
			       fdt_get_name(fdt, node, NULL));
			continue;
		}
		base = ioremap(phys, size);
		if (!base) {
			pr_err("pl011: ioremap of %#llx failed\n", phys);
			continue;
		}
		writel(UART01x_CR_UARTEN | UART011_CR_TXE | UART011_CR_RXE, base + UART011_CR);
		pr_info("%llx.pl011: ttyAMA%d at MMIO %#llx is a PL011 rev%u\n", phys, line,
			phys, amba_rev(base));
		pl011_console.index = line;
		pl011_console.data = base;
		register_console(&pl011_console);
		return 0;
	}
	return -1;
}
