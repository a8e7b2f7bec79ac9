// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/tty_test.c: the test.tty_echo=<n> boot argument, for
 * tools/testing/boot/test_tty.py, which types into QEMU's serial console.
 * start_kernel calls tty_echo_test_run() at the end of boot: it reads n
 * lines from the console tty, as a process's read() would (line
 * discipline, echo, erase, ^D), and prints each one back as
 *
 *	tty_echo: line 1: "hello" (6 bytes, 6 chars by IRQ 33)
 *
 * then the count of receive interrupts taken. Without a scheduler to sleep
 * in, it waits for input with wfi between non-blocking reads: the UART's
 * receive interrupt (or the tick) wakes it.
 */
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/serial_core.h>
#include <linux/tty.h>
#include <asm/sysreg.h>

static int echo_lines __ro_after_init;

static int __init tty_echo_setup(char *arg)
{
	echo_lines = simple_strtoull(arg, NULL, 10);
	return 0;
}
__setup("test.tty_echo=", tty_echo_setup);

void __init tty_echo_test_run(void)
{
	struct tty_struct *tty = tty_console();
	char buf[128], shown[4 * sizeof(buf) + 1];

	if (!echo_lines)
		return;
	if (!tty) {
		pr_err("tty_echo: no console tty\n");
		return;
	}
	pr_info("tty_echo: reading %d lines from %s\n", echo_lines, tty->name);
	for (int line = 1; line <= echo_lines; line++) {
		long n;
		int j = 0;

		while ((n = tty_read_kernel(tty, buf, sizeof(buf), true)) == -EAGAIN)
			wfi();
		for (long i = 0; i < n; i++) {	/* control bytes as \xNN */
			unsigned char c = buf[i];

			if (c == '\n')
				continue;
			if (c < ' ' || c >= 0x7f)
				j += snprintf(shown + j, sizeof(shown) - j, "\\x%02x", c);
			else
				shown[j++] = c;
		}
		shown[j] = '\0';
		pr_info("tty_echo: line %d: \"%s\" (%ld bytes%s, %lu chars by IRQ %u)\n", line,
			shown, n, n && buf[n - 1] == '\n' ? "" : ", no newline", tty->rx_chars,
			pl011_rx_irq());
	}
	pr_info("tty_echo: %lu receive interrupts, %lu bytes lost\n",
		kstat_irqs(pl011_rx_irq()), pl011_rx_overruns());
}
