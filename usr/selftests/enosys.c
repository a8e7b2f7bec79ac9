// SPDX-License-Identifier: GPL-2.0
/*
 * enosys: system call numbers no kernel implements give -ENOSYS, the process
 * carries on, and every register but x0 survives a call, known or not.
 * The numbers are unassigned in Linux's arm64 table too (244..259 are the
 * per-architecture range arm64 leaves empty), so the test means the same on
 * Linux. Their upper 32 bits are 0 or all ones: Linux reads the number as
 * 32 bits (w8), and a 64-bit value would alias a real call there.
 */
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ktap.h"

unsigned long svc_regs_changed(long nr, long *result);	/* svc_regs.S */

static const long unknown[] = { 244, 259, 600, 1000, 1023, 4096, 100000, 0x7fffffff, -1 };

#define NR_UNKNOWN	((int)(sizeof(unknown) / sizeof(unknown[0])))

static int regs_case(long nr, long want, const char *name)
{
	long result = 0;
	unsigned long changed = svc_regs_changed(nr, &result);

	if (!ktap_result(!changed && result == want, "%s", name))
		ktap_diag("x0 = %ld (want %ld), changed registers mask %#lx", result, want, changed);
	return !changed;
}

int main(void)
{
	int i, ok = 1;
	long r;

	ktap_start("enosys", NR_UNKNOWN + 3);
	for (i = 0; i < NR_UNKNOWN; i++) {
		r = __syscall6(unknown[i], 1, 2, 3, 4, 5, 6);
		if (!ktap_result(r == -ENOSYS, "syscall_%ld_is_enosys", unknown[i]))
			ktap_diag("returned %ld", r);
	}
	for (i = 0; i < 10000 && ok; i++)
		ok = __syscall0(1000 + (i % 24)) == -ENOSYS;
	ktap_result(ok, "ten_thousand_unknown_calls_and_still_running");

	regs_case(1000, -ENOSYS, "unknown_syscall_keeps_x1_to_x30");
	regs_case(__NR_getpid, getpid(), "getpid_keeps_x1_to_x30");
	return ktap_finish();
}
