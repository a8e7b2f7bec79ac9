/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/stubs/printk_capture.h: what the stub printk()
 * (stubs/printk.c) recorded, for the tests to assert on.
 *
 * Every message is appended to one text buffer, formatted by the kernel's
 * own vsnprintf (lib/vsprintf.c). A leading KERN_<LEVEL> (SOH + digit) is
 * shown as "<digit>", the way /dev/kmsg and dmesg -r show it, so
 * pr_notice("x\n") is recorded as "<5>x\n". Plain C: included by kernel
 * sources and by the tests alike.
 */
#ifndef UNIT_PRINTK_CAPTURE_H
#define UNIT_PRINTK_CAPTURE_H

#define PRINTK_CAPTURE_SIZE 65536

/* Everything printed since the last reset, NUL-terminated. */
const char *printk_captured(void);
/* Forget what was printed. */
void printk_capture_reset(void);
/* Set when the buffer filled up and text was dropped. */
int printk_capture_overflowed(void);

#endif
