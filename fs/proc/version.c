// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/version.c: /proc/version. Linux prints its banner built from the
 * same uname fields: "<sysname> version <release> (<builder>) (<compiler>)
 * <version>". headstart's banner (init/version-timestamp.c) already has
 * that shape and is what uname(2) reads its release and version from, so
 * the two always agree: the system is called "headstart", not "Linux".
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include "internal.h"

extern const char linux_banner[];

int proc_version_show(char *buf, size_t size)
{
	return snprintf(buf, size, "%s", linux_banner);
}
