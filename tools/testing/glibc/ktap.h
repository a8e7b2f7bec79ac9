/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/glibc/ktap.h: KTAP output for the glibc test programs,
 * one header-only helper (they are single-file programs):
 *
 *	KTAP version 1
 *	1..N
 *	ok 1 name
 *	not ok 2 name # what was seen
 *	# signals: pass:1 fail:1 skip:0 total:2
 *
 * test_glibc.py fails on any `not ok`, on a missing plan line, and on a
 * count of results other than the plan.
 */
#ifndef GLIBC_KTAP_H
#define GLIBC_KTAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static const char *ktap_suite;
static int ktap_nr, ktap_pass, ktap_fail;

static void ktap_start(const char *suite, int nr_cases)
{
	ktap_suite = suite;
	setvbuf(stdout, NULL, _IONBF, 0);	/* lines reach the console in order */
	printf("KTAP version 1\n1..%d\n", nr_cases);
}

/* One result; why is printed after `#` when the case failed. */
static int __attribute__((format(printf, 3, 4)))
ktap_check(int ok, const char *name, const char *why, ...)
{
	va_list ap;

	ktap_nr++;
	if (ok) {
		ktap_pass++;
		printf("ok %d %s\n", ktap_nr, name);
		return 1;
	}
	ktap_fail++;
	printf("not ok %d %s # ", ktap_nr, name);
	va_start(ap, why);
	vprintf(why, ap);
	va_end(ap);
	printf("\n");
	return 0;
}

static int ktap_finish(void)
{
	printf("# %s: pass:%d fail:%d skip:0 total:%d\n", ktap_suite, ktap_pass, ktap_fail,
	       ktap_nr);
	return ktap_fail ? 1 : 0;
}

#endif
