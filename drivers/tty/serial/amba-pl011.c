// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/serial/amba-pl011.c: the ARM PrimeCell PL011 UART
 * (compatible "arm,pl011"), QEMU virt's serial port, as the console and
 * as the tty ttyAMA<n> (/dev/console).
 *
 * Output is polled: wait while the transmit FIFO is full, then write the
 * data register. Input comes by interrupt: the receive interrupt (FIFO at
 * its trigger level) and the receive timeout (FIFO not empty, line idle)
 * both run pl011_int(), which empties the FIFO into a ring buffer and
 * pushes the ring to the tty (drivers/tty/tty_io.c). The UART is the one
 * /chosen/stdout-path names, or the one console=ttyAMA<n> asks for; its
 * registers come from the device tree's reg through ioremap(), its
 * interrupt from the node's interrupts through irq_of_parse_and_map().
 */
#include <linux/amba/bus.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/memblock.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/serial_core.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <libfdt.h>

#define UART01x_DR 0x00		/* data register */
#define UART01x_FR 0x18		/* flag register */
#define UART01x_DR_OE (1 << 11)	/* overrun: a byte was lost */
#define UART01x_DR_BE (1 << 10)	/* break */
#define UART01x_FR_RXFE (1 << 4)	/* receive FIFO empty */
#define UART01x_FR_TXFF (1 << 5)	/* transmit FIFO full */
#define UART011_LCRH 0x2c	/* line control */
#define UART01x_LCRH_FEN (1 << 4)	/* FIFOs on */
#define UART01x_LCRH_WLEN_8 (3 << 5)
#define UART011_IFLS 0x34	/* FIFO interrupt levels */
#define UART011_IFLS_RX1_8 (0 << 3)
#define UART011_IMSC 0x38	/* interrupt mask: 1 = enabled */
#define UART011_MIS 0x40	/* masked interrupt status */
#define UART011_ICR 0x44	/* interrupt clear */
#define UART011_RXIM (1 << 4)	/* receive */
#define UART011_RTIM (1 << 6)	/* receive timeout */
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

/* The console UART's receive side. */
#define PL011_RX_RING 256	/* a power of two */
static struct pl011_port {
	void *base;
	int node;		/* its device tree node */
	int line;		/* ttyAMA<line> */
	unsigned int irq;
	unsigned char ring[PL011_RX_RING];
	unsigned int head, tail;	/* free-running; head - tail bytes queued */
	unsigned long overruns;	/* bytes lost: FIFO overrun or ring full */
	struct tty_struct tty;
} pl011_port;

static struct console pl011_console = {
	.name = "ttyAMA",
	.write = pl011_console_write,
};

/*
 * The peripheral id a node's "arm,primecell-periphid" gives instead of the
 * registers (the BCM2835's PL011, whose 0x200-byte window lacks them, as
 * Linux's AMBA bus takes it), or 0.
 */
static u32 dt_periphid(int node)
{
	const fdt32_t *p = fdt_getprop(initial_boot_params, node, "arm,primecell-periphid",
				       NULL);

	return p ? fdt32_to_cpu(*p) : 0;
}

/* The revision field of the PrimeCell id: bits 23:20. */
static unsigned int amba_rev(void *base, int node)
{
	u32 id = dt_periphid(node);

	for (int i = 0; i < 4 && !id; i++)
		id |= (readl(base + UART_PERIPHID0 + 4 * i) & 0xff) << (8 * i);
	return (id >> 20) & 0xf;
}

/* ttyAMA<n>: the serial<n> alias if the tree has one, else 0. */
static int pl011_line(int node)
{
	return of_alias_serial_line(node);
}

/*
 * Map a PL011 node's registers and check a PrimeCell answers there. The
 * mapping, or NULL after saying why the node cannot be used.
 */
static void *__init pl011_map(int node, phys_addr_t *phys)
{
	const char *name = fdt_get_name(initial_boot_params, node, NULL);
	u64 size;
	void *base;

	if (!of_fdt_device_is_available(node)) {
		pr_err("pl011: cannot use %s: status is not \"okay\"\n", name);
		return NULL;
	}
	if (of_address_to_resource(node, 0, phys, &size)) {
		pr_err("pl011: cannot use %s: no usable reg (missing, too short for "
		       "#address-cells/#size-cells, or not translatable)\n", name);
		return NULL;
	}
	if (size < SZ_4K && !(dt_periphid(node) && size >= UART011_ICR + 4)) {
		pr_err("pl011: cannot use %s: reg size %#llx, a PL011 needs 0x1000\n", name, size);
		return NULL;
	}
	if (memblock_is_memory(*phys)) {
		pr_err("pl011: cannot use %s: reg %#llx is RAM\n", name, *phys);
		return NULL;
	}
	base = ioremap(*phys, SZ_4K);
	if (!base) {
		pr_err("pl011: ioremap of %#llx failed\n", *phys);
		return NULL;
	}
	if (!dt_periphid(node) && !amba_device_present(base)) {
		pr_err("pl011: cannot use %s: no PrimeCell answers at %#llx\n", name, *phys);
		return NULL;
	}
	return base;
}

/* Nodes already tried and found unusable: each is reported once. */
static int pl011_failed[8], pl011_failed_count;

/* Make the PL011 at node the console ttyAMA<line>. */
static int __init pl011_register(int node, int line)
{
	phys_addr_t phys;
	void *base;

	for (int i = 0; i < pl011_failed_count; i++)
		if (pl011_failed[i] == node)
			return -ENODEV;
	base = pl011_map(node, &phys);
	if (!base) {
		if (pl011_failed_count < (int)ARRAY_SIZE(pl011_failed))
			pl011_failed[pl011_failed_count++] = node;
		return -ENODEV;
	}
	writel(UART01x_CR_UARTEN | UART011_CR_TXE | UART011_CR_RXE, base + UART011_CR);
	pr_info("%llx.pl011: ttyAMA%d at MMIO %#llx is a PL011 rev%u\n", phys, line,
		phys, amba_rev(base, node));
	pl011_console.index = line;
	pl011_console.data = base;
	pl011_port.base = base;
	pl011_port.node = node;
	pl011_port.line = line;
	register_console(&pl011_console);
	return 0;
}

/*
 * Nothing the user or the device tree asked for can be used: rather than
 * go on silently, as Linux would, show the log on the UART of
 * /chosen/stdout-path after all, else on the first usable PL011 in the
 * tree, else on the fallback UART (CONFIG_DEBUG_UART_PHYS), saying why.
 */
static int __init pl011_console_fallback(int stdout_node, bool any_console_given)
{
	int node;

	if (any_console_given)
		console_report_unmatched();
	else if (stdout_node < 0)
		pr_warn("printk: no console= and no usable /chosen/stdout-path\n");
	else
		pr_warn("printk: the /chosen/stdout-path console cannot be used\n");

	if (any_console_given && stdout_node >= 0 &&
	    !fdt_node_check_compatible(initial_boot_params, stdout_node, "arm,pl011") &&
	    !pl011_register(stdout_node, pl011_line(stdout_node))) {
		pr_warn("printk: falling back to ttyAMA%d, the /chosen/stdout-path UART\n",
			pl011_port.line);
		return 0;
	}
	for (node = of_fdt_next_compatible(-1, "arm,pl011"); node >= 0;
	     node = of_fdt_next_compatible(node, "arm,pl011")) {
		if (node == stdout_node && !any_console_given)
			continue;	/* already tried */
		if (!pl011_register(node, pl011_line(node))) {
			pr_warn("printk: falling back to ttyAMA%d, the first usable PL011\n",
				pl011_port.line);
			return 0;
		}
	}
	if (console_has_enabled(true)) {
		pr_warn("printk: no console: keeping the boot console\n");
		return -ENODEV;
	}
	fallback_console_init(false);
	pr_warn("printk: no console: falling back to the UART at %#llx (CONFIG_DEBUG_UART_PHYS)\n",
		(u64)CONFIG_DEBUG_UART_PHYS);
	return -ENODEV;
}

int __init pl011_console_init(void)
{
	const char *options;
	int stdout_node = of_stdout_node(&options), node;
	bool any_console_given;

	console_requested("", 0, &any_console_given);
	for (node = of_fdt_next_compatible(-1, "arm,pl011"); node >= 0;
	     node = of_fdt_next_compatible(node, "arm,pl011")) {
		int line = pl011_line(node);
		bool wanted = console_requested("ttyAMA", line, &any_console_given);

		/* With no console= at all, stdout-path chooses, as on Linux. */
		if (!wanted && (any_console_given || node != stdout_node))
			continue;
		if (!pl011_register(node, line))
			return 0;
	}
	return pl011_console_fallback(stdout_node, any_console_given);
}

/* ---- receiving ---------------------------------------------------------------- */

/* Hand what the ring holds to the tty (Linux's tty_flip_buffer_push). */
static void pl011_push(struct pl011_port *port)
{
	while (port->head != port->tail) {
		unsigned int start = port->tail % PL011_RX_RING;
		unsigned int n = port->head - port->tail;

		if (n > PL011_RX_RING - start)
			n = PL011_RX_RING - start;	/* up to the ring's end first */
		port->tail += n;
		tty_receive(&port->tty, port->ring + start, n);
	}
}

static irqreturn_t pl011_int(int irq, void *dev_id)
{
	struct pl011_port *port = dev_id;
	u32 status = readl(port->base + UART011_MIS);

	if (!(status & (UART011_RXIM | UART011_RTIM)))
		return IRQ_NONE;
	/*
	 * Acknowledge first, then drain: a character that arrives after the
	 * last read raises the interrupt again. Acknowledging after the drain
	 * would clear that new request too, and the character (and every one
	 * queued behind it) would wait for good.
	 */
	writel(UART011_RXIM | UART011_RTIM, port->base + UART011_ICR);
	while (!(readl(port->base + UART01x_FR) & UART01x_FR_RXFE)) {
		u32 ch = readl(port->base + UART01x_DR);

		if (ch & UART01x_DR_OE)
			port->overruns++;
		if (ch & UART01x_DR_BE)
			continue;		/* a break carries no character */
		if (port->head - port->tail == PL011_RX_RING) {
			port->overruns++;
			continue;
		}
		port->ring[port->head++ % PL011_RX_RING] = ch & 0xff;
	}
	pl011_push(port);
	return IRQ_HANDLED;
}

static void pl011_tty_write(struct tty_struct *tty, const char *buf, size_t n)
{
	struct pl011_port *port = tty->driver_data;

	for (size_t i = 0; i < n; i++)
		pl011_putc(port->base, buf[i]);
}

static const struct tty_operations pl011_tty_ops = {
	.write = pl011_tty_write,
};

int __init pl011_tty_init(void)
{
	struct pl011_port *port = &pl011_port;
	unsigned long flags;
	int err;

	if (!port->base)
		return -ENODEV;
	err = tty_register(&port->tty, "ttyAMA", port->line, true, &pl011_tty_ops, port);
	if (err)
		return err;
	port->irq = irq_of_parse_and_map(port->node, 0);
	if (!port->irq) {
		pr_warn("pl011: no interrupt in the device tree: no console input\n");
		return -ENXIO;
	}
	err = request_irq(port->irq, pl011_int, 0, "uart-pl011", port);
	if (err) {
		pr_err("pl011: IRQ %u: %d: no console input\n", port->irq, err);
		return err;
	}
	writel(UART01x_LCRH_WLEN_8 | UART01x_LCRH_FEN, port->base + UART011_LCRH);
	writel(UART011_IFLS_RX1_8, port->base + UART011_IFLS);
	writel(UART011_RXIM | UART011_RTIM, port->base + UART011_ICR);
	writel(UART011_RXIM | UART011_RTIM, port->base + UART011_IMSC);
	local_irq_save(flags);
	pl011_int(port->irq, port);	/* what was typed before the interrupt was on */
	local_irq_restore(flags);
	pr_info("%s: receiving on IRQ %u\n", port->tty.name, port->irq);
	return 0;
}

unsigned long pl011_rx_overruns(void)
{
	return pl011_port.overruns;
}

unsigned int pl011_rx_irq(void)
{
	return pl011_port.irq;
}
