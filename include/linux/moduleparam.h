/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/moduleparam.h: command-line parsing (kernel/params.c).
 */
#ifndef __LINUX_MODULEPARAM_H
#define __LINUX_MODULEPARAM_H

#include <linux/types.h>

/* Run the early_param handlers over boot_command_line (setup_arch). */
void parse_early_param(void);
/* Run the __setup handlers; list the words nothing claimed (start_kernel). */
void parse_args_late(void);

extern char boot_command_line[];

/* The words after a lone "--" on the command line, NULL-terminated: they
 * become init's argv[1..], as on Linux. */
#define MAX_INIT_ARGS 32
extern const char *init_args[];

#endif
