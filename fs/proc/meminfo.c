// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/meminfo.c: /proc/meminfo, the first lines of Linux's: what the
 * page allocator manages and has free. There is no page cache to reclaim,
 * so all free memory is available.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include "internal.h"

int proc_meminfo_show(char *buf, size_t size)
{
	unsigned long kb = PAGE_SIZE / 1024;

	return snprintf(buf, size, "MemTotal:       %8lu kB\nMemFree:        %8lu kB\n"
			"MemAvailable:   %8lu kB\n",
			totalram_pages() * kb, nr_free_pages() * kb, nr_free_pages() * kb);
}
