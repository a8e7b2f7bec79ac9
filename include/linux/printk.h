/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/printk.h: printk() with Linux's log levels and the pr_*()
 * shorthands. A message starts with KERN_<LEVEL> (an SOH byte and a digit);
 * pr_fmt() lets a file prefix its messages, e.g. "psci: ".
 */
#ifndef __LINUX_PRINTK_H
#define __LINUX_PRINTK_H

#include <linux/kernel.h>

#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_CONT KERN_SOH "c"
#define KERN_DEFAULT ""	/* no level: LOGLEVEL_DEFAULT */

#define LOGLEVEL_DEFAULT 4	/* a message with no level: KERN_WARNING */
#define CONSOLE_LOGLEVEL_QUIET 4
#define CONSOLE_LOGLEVEL_MOTORMOUTH 15	/* everything: oops and panic */

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

/* Messages below this level reach the consoles (loglevel=, quiet). */
extern int console_loglevel;
/* From now on show every message (oops, panic), whatever loglevel= said. */
void console_verbose(void);

/* The log buffer, readable by a debugger: see scripts/gdb. */
extern char __log_buf[];
extern const u32 log_buf_len;
extern u64 log_next;	/* bytes ever written; the next one goes at log_next % log_buf_len */

#endif
