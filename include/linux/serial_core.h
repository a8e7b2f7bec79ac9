/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/serial_core.h: the serial console drivers' entry points.
 *   earlycon   (drivers/tty/serial/earlycon.c): the `earlycon` boot argument
 *   PL011      (drivers/tty/serial/amba-pl011.c): the ttyAMA console
 */
#ifndef __LINUX_SERIAL_CORE_H
#define __LINUX_SERIAL_CORE_H

#include <linux/console.h>
#include <linux/types.h>

/* Write a character to a PL011 at base, waiting while its FIFO is full. */
void pl011_putc(void *base, char c);
/* A console's write() for a PL011 whose registers are at con->data. */
void pl011_console_write(struct console *con, const char *s, unsigned int n);

/* Register the PL011 named by stdout-path or console=ttyAMA<n> as a console. */
int pl011_console_init(void);
/*
 * Once the interrupt controller is up: that PL011 as the tty ttyAMA<n>
 * (and /dev/console), receiving by interrupt. 0 or -errno.
 */
int pl011_tty_init(void);
/* Its receive interrupt (0 if none), and the bytes it lost since boot. */
unsigned int pl011_rx_irq(void);
unsigned long pl011_rx_overruns(void);

/* An 8250 (mmio32, reg-shift 2) at base: polled output (8250_early.c). */
void serial8250_early_putc(void *base, char c);
void serial8250_console_write(struct console *con, const char *s, unsigned int n);
/*
 * The Raspberry Pi's mini UART (8250_bcm2835aux.c) named by stdout-path or
 * console=ttyS<n> as the console (-ENODEV if none is wanted), then as the
 * tty ttyS<n> receiving by interrupt.
 */
int serial8250_console_init(void);
int serial8250_tty_init(void);

/*
 * The UART that tells the user why the kernel stops before it has a
 * console: with stdout_path, the one /chosen/stdout-path names if the tree
 * is readable and we can write to it; else CONFIG_DEBUG_UART_PHYS, a
 * PL011 or an 8250 (CONFIG_DEBUG_UART_PL011/8250). As a boot console.
 */
void fallback_console_init(bool stdout_path);

/* console=name<index>[,options] recorded by kernel/printk (NULL if none). */
bool console_requested(const char *name, int index, bool *any_given);

#endif
