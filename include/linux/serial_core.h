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

/*
 * The UART that tells the user why the device tree could not be used:
 * CONFIG_DEBUG_UART_PHYS as a boot console.
 */
void fallback_console_init(void);

/* console=name<index>[,options] recorded by kernel/printk (NULL if none). */
bool console_requested(const char *name, int index, bool *any_given);

#endif
