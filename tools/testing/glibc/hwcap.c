// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/hwcap.c: what a glibc program is told about the CPU's
 * features, printed for test_hwcap.py (tools/testing/boot) to compare with
 * the ID registers it reads itself: getauxval(AT_HWCAP) and AT_HWCAP2 as
 * "hwcap: AT_HWCAP=0x... AT_HWCAP2=0x...", then /proc/cpuinfo as is.
 * Exits 1 if /proc/cpuinfo cannot be read.
 */
#include <stdio.h>
#include <sys/auxv.h>

int main(void)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[512];

	printf("hwcap: AT_HWCAP=%#lx AT_HWCAP2=%#lx\n", getauxval(AT_HWCAP), getauxval(AT_HWCAP2));
	if (!f) {
		perror("hwcap: /proc/cpuinfo");
		return 1;
	}
	while (fgets(line, sizeof(line), f))
		fputs(line, stdout);
	fclose(f);
	return 0;
}
