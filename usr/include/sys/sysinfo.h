/* SPDX-License-Identifier: GPL-2.0 */
/* sys/sysinfo.h: sysinfo(2), Linux's struct sysinfo on a 64-bit machine (112 bytes). */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 min load averages, << 16 */
	unsigned long totalram;		/* in mem_unit bytes */
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;		/* number of processes */
	unsigned short __pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;		/* bytes per unit above */
	char __f[0];
};

#define SI_LOAD_SHIFT	16

int sysinfo(struct sysinfo *info);

#endif /* _SYS_SYSINFO_H */
