/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/console.h: where printk's output goes. A driver registers a
 * struct console; a boot console (earlycon, the fallback UART) is replaced
 * when the real one registers, as on Linux.
 */
#ifndef __LINUX_CONSOLE_H
#define __LINUX_CONSOLE_H

#include <linux/types.h>

#define CON_BOOT 1		/* an early console, retired by a real one */
#define CON_ENABLED 2

struct console {
	char name[16];
	int index;		/* -1: no number (boot consoles) */
	unsigned int flags;
	void (*write)(struct console *con, const char *s, unsigned int n);
	void *data;		/* driver's own state */
	struct console *next;
};

void register_console(struct console *con);
void unregister_console(struct console *con);

/* Before halting: make sure some console shows the log (the fallback UART). */
void console_ensure_output(void);
/* Is an enabled console registered: a boot one (boot) or a real one (!boot)? */
bool console_has_enabled(bool boot);
/* A warning for each console= option: used when none of them matched. */
void console_report_unmatched(void);

#endif
