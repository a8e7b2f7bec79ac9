/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/kernel.h: helpers almost every file needs: min/max,
 * formatted output into buffers (lib/vsprintf.c), panic().
 */
#ifndef __LINUX_KERNEL_H
#define __LINUX_KERNEL_H

#include <linux/compiler.h>
#include <linux/const.h>
#include <linux/stdarg.h>
#include <linux/types.h>

#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
unsigned long long simple_strtoull(const char *s, char **end, unsigned int base);

__printf(1, 2) __noreturn void panic(const char *fmt, ...);

/* Where the system is in its life (Linux's values; kernel/reboot.c sets them). */
extern enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
} system_state;

#endif
