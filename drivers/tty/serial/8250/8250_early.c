// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/serial/8250/8250_early.c: writing to an 8250/16550-style UART
 * by polling, for the boot consoles (earlycon=uart8250,mmio32,<addr>, and
 * the fallback UART when CONFIG_DEBUG_UART_8250) and the console proper of
 * 8250_bcm2835aux.c. Registers are 32 bits wide, 4 bytes apart (mmio32,
 * reg-shift 2), as on the Raspberry Pi's mini UART.
 */
#include <linux/serial_core.h>
#include <asm/io.h>

#define UART_TX		0	/* transmit holding register (write) */
#define UART_LSR	5	/* line status */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */

static u32 serial8250_in(void *base, int reg)
{
	return readl(base + (reg << 2));
}

void serial8250_early_putc(void *base, char c)
{
	while (!(serial8250_in(base, UART_LSR) & UART_LSR_THRE))
		;
	writel(c, base + (UART_TX << 2));
}

void serial8250_console_write(struct console *con, const char *s, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		if (s[i] == '\n')
			serial8250_early_putc(con->data, '\r');
		serial8250_early_putc(con->data, s[i]);
	}
}
