// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/stubs/printk.c: printk() for the host unit tests.
 *
 * Stands in for kernel/printk/printk.c, which needs a console and the
 * target's log buffer. Formats with the kernel's vsnprintf (this file is
 * built like the kernel sources, so vsnprintf means k_vsnprintf) and keeps
 * the text in a buffer that the tests read through printk_capture.h.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include "../kernel_api.h"	/* checked against the kernel's prototypes */

static char captured[PRINTK_CAPTURE_SIZE];
static size_t captured_len;
static int overflowed;

static void append(const char *s, size_t n)
{
	if (captured_len + n >= sizeof(captured)) {
		overflowed = 1;
		n = sizeof(captured) - 1 - captured_len;
	}
	memcpy(captured + captured_len, s, n);
	captured_len += n;
	captured[captured_len] = '\0';
}

int vprintk(const char *fmt, va_list args)
{
	char line[1024];
	int n;

	/* KERN_SOH + level character -> "<level>" */
	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] != 'c') {
			char level[3] = { '<', fmt[1], '>' };

			append(level, sizeof(level));
		}
		fmt += 2;
	}
	n = vsnprintf(line, sizeof(line), fmt, args);
	if (n >= (int)sizeof(line))
		overflowed = 1;
	append(line, strlen(line));
	return n;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

const char *printk_captured(void)
{
	return captured;
}

void printk_capture_reset(void)
{
	captured_len = 0;
	captured[0] = '\0';
	overflowed = 0;
}

int printk_capture_overflowed(void)
{
	return overflowed;
}
