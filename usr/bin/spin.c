// SPDX-License-Identifier: GPL-2.0
/*
 * spin [seconds]: burn CPU in user mode, for ever or for that long, to watch
 * the scheduler share the CPU (`spin &` twice, then `ps`).
 */
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	long long end = argc > 1 ? monotonic_ns() + atoi(argv[1]) * 1000000000LL : 0;
	volatile unsigned long n = 0;

	for (;;) {
		n++;
		if (end && !(n & 0xfffff) && monotonic_ns() >= end)
			return 0;
	}
}
