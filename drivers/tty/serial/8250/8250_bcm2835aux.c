// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/serial/8250/8250_bcm2835aux.c: the Raspberry Pi's "mini UART"
 * (compatible "brcm,bcm2835-aux-uart"), a cut-down 16550 in the BCM2835
 * family's AUX block, as the console and the tty ttyS<n> (n from the
 * serial<n> alias: ttyS1 on the Pi 3, whose DTB's stdout-path names it).
 *
 * Registers as an 8250 with reg-shift 2 (8250_early.c writes them); the
 * node's reg is a bus address that the SoC's ranges translate (0x7e215040
 * -> 0x3f215040 on the Pi 3). Output is polled; input comes by interrupt:
 * IER's receive bit, the node's interrupt (bank 1 line 29 of the
 * peripheral controller), and a handler that empties the receive FIFO
 * into the tty. As in Linux, the clock and the baud rate are the
 * firmware's (enable_uart=1 in config.txt); nothing here changes them.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/serial_core.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <libfdt.h>

#define UART_RX		0	/* receive buffer (read) */
#define UART_IER	1	/* interrupt enable */
#define UART_IER_RDI	0x01	/* receive data available */
#define UART_LSR	5	/* line status */
#define UART_LSR_DR	0x01	/* a byte is waiting */
#define UART_LSR_OE	0x02	/* overrun: a byte was lost */
#define BCM2835AUX_REG_SIZE	0x40

#define RX_RING 256		/* a power of two */
static struct bcm2835aux_port {
	void *base;
	int node;
	int line;		/* ttyS<line> */
	unsigned int irq;
	unsigned char ring[RX_RING];
	unsigned int head, tail;	/* free-running; head - tail bytes queued */
	unsigned long overruns;
	struct tty_struct tty;
} port;

static struct console bcm2835aux_console = {
	.name = "ttyS",
	.write = serial8250_console_write,
};

static u32 serial_in(int reg)
{
	return readl(port.base + (reg << 2));
}

static void serial_out(int reg, u32 val)
{
	writel(val, port.base + (reg << 2));
}

int __init serial8250_console_init(void)
{
	const void *fdt = initial_boot_params;
	const char *options;
	int stdout_node = of_stdout_node(&options), node;
	bool any_console_given;

	for (node = of_fdt_next_compatible(-1, "brcm,bcm2835-aux-uart"); node >= 0;
	     node = of_fdt_next_compatible(node, "brcm,bcm2835-aux-uart")) {
		int line = of_alias_serial_line(node);
		bool wanted = console_requested("ttyS", line, &any_console_given);
		phys_addr_t phys;
		u64 size;
		void *base;

		/* With no console= at all, stdout-path chooses, as on Linux. */
		if (!wanted && (any_console_given || node != stdout_node))
			continue;
		if (!of_fdt_device_is_available(node) ||
		    of_address_to_resource(node, 0, &phys, &size) || size < BCM2835AUX_REG_SIZE ||
		    memblock_is_memory(phys) || !(base = ioremap(phys, size))) {
			pr_err("bcm2835-aux-uart: cannot use %s: disabled, or no usable reg\n",
			       fdt_get_name(fdt, node, NULL));
			continue;
		}
		pr_info("%llx.serial: ttyS%d at MMIO %#llx is a 16550\n", phys, line, phys);
		port.base = base;
		port.node = node;
		port.line = line;
		bcm2835aux_console.index = line;
		bcm2835aux_console.data = base;
		register_console(&bcm2835aux_console);
		return 0;
	}
	return -ENODEV;
}

/* ---- receiving ---------------------------------------------------------------- */

static irqreturn_t bcm2835aux_int(int irq, void *dev_id)
{
	bool any = false;
	u32 lsr;

	while ((lsr = serial_in(UART_LSR)) & UART_LSR_DR) {
		u32 ch = serial_in(UART_RX);

		any = true;
		if (lsr & UART_LSR_OE)
			port.overruns++;
		if (port.head - port.tail == RX_RING) {
			port.overruns++;
			continue;
		}
		port.ring[port.head++ % RX_RING] = ch & 0xff;
	}
	while (port.head != port.tail) {
		unsigned int start = port.tail % RX_RING;
		unsigned int n = port.head - port.tail;

		if (n > RX_RING - start)
			n = RX_RING - start;	/* up to the ring's end first */
		port.tail += n;
		tty_receive(&port.tty, port.ring + start, n);
	}
	return any ? IRQ_HANDLED : IRQ_NONE;
}

static void bcm2835aux_tty_write(struct tty_struct *tty, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		serial8250_early_putc(port.base, buf[i]);
}

static const struct tty_operations bcm2835aux_tty_ops = {
	.write = bcm2835aux_tty_write,
};

int __init serial8250_tty_init(void)
{
	unsigned long flags;
	int err;

	if (!port.base)
		return -ENODEV;
	err = tty_register(&port.tty, "ttyS", port.line, true, &bcm2835aux_tty_ops, &port);
	if (err)
		return err;
	port.irq = irq_of_parse_and_map(port.node, 0);
	if (!port.irq) {
		pr_warn("bcm2835-aux-uart: no interrupt in the device tree: no console input\n");
		return -ENXIO;
	}
	err = request_irq(port.irq, bcm2835aux_int, 0, "serial", &port);
	if (err) {
		pr_err("bcm2835-aux-uart: IRQ %u: %d: no console input\n", port.irq, err);
		return err;
	}
	serial_out(UART_IER, UART_IER_RDI);
	local_irq_save(flags);
	bcm2835aux_int(port.irq, &port);	/* what was typed before */
	local_irq_restore(flags);
	pr_info("%s: receiving on IRQ %u\n", port.tty.name, port.irq);
	return 0;
}
