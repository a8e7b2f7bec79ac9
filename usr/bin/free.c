// SPDX-License-Identifier: GPL-2.0
/* free [-b|-k|-m]: total, used and free memory from sysinfo(2), in KiB by default. */
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>

int main(int argc, char **argv)
{
	unsigned long long unit, total, avail, shift = 10;
	struct sysinfo si;

	if (argc > 1) {
		if (!strcmp(argv[1], "-b"))
			shift = 0;
		else if (!strcmp(argv[1], "-m"))
			shift = 20;
		else if (strcmp(argv[1], "-k")) {
			dprintf(2, "usage: free [-b|-k|-m]\n");
			return 2;
		}
	}
	if (sysinfo(&si) < 0) {
		perror("free: sysinfo");
		return 1;
	}
	unit = si.mem_unit ? si.mem_unit : 1;
	total = si.totalram * unit;
	avail = si.freeram * unit;
	printf("%18s %12s %12s %12s\n", "total", "used", "free", "shared");
	printf("Mem:  %12llu %12llu %12llu %12llu\n", total >> shift,
	       (total - avail) >> shift, avail >> shift, (si.sharedram * unit) >> shift);
	printf("Swap: %12llu %12llu %12llu\n", (si.totalswap * unit) >> shift,
	       ((si.totalswap - si.freeswap) * unit) >> shift, (si.freeswap * unit) >> shift);
	return 0;
}
