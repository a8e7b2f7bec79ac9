/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/dump_stack.h: the lines that open every register dump
 * ("CPU: 0 PID: 0 Comm: swapper Not tainted 0.1.0 #3", "Hardware name:
 * linux,dummy-virt (DT)"), dump_stack(), and the taint flags they show
 * (lib/dump_stack.c).
 */
#ifndef __LINUX_DUMP_STACK_H
#define __LINUX_DUMP_STACK_H

#include <linux/compiler.h>
#include <linux/types.h>

#define TAINT_WARN 9		/* a WARN has fired: 'W', as in Linux */

void add_taint(unsigned int flag);
bool test_taint(unsigned int flag);

/* What "Hardware name:" says; setup_arch sets "<model> (DT)". */
__printf(1, 2) void dump_stack_set_arch_desc(const char *fmt, ...);
void dump_stack_print_info(const char *log_lvl);

/* printk at level lvl (KERN_EMERG...), given as a string at run time. */
__printf(2, 3) void printk_lvl(const char *lvl, const char *fmt, ...);

/* Where we are: the info lines and a "Call trace:" from the caller. */
void dump_stack(void);

#endif
