/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktap.h: KTAP output for the user-space tests in /test, the format of
 * Linux's KUnit and kselftest (Documentation/dev-tools/ktap.rst):
 *
 *	KTAP version 1
 *	1..3
 *	ok 1 fork_returns_child_pid
 *	not ok 2 child_exit_code_reaches_parent
 *	ok 3 wait_without_children # SKIP reason
 *	# fork_exec_wait: pass:1 fail:1 skip:1 total:3
 *
 * Run by /bin/usertests, a test is one level down: every line is indented by
 * four spaces per level of $KTAP_DEPTH and the header adds `# Subtest: name`.
 * ktap_finish() returns kselftest's exit codes: 0 passed, 1 failed, 4 skipped.
 */
#ifndef _KTAP_H
#define _KTAP_H

#include <stdio.h>

#define KSFT_PASS	0
#define KSFT_FAIL	1
#define KSFT_SKIP	4

void ktap_start(const char *suite, int nr_cases);
/* One case; returns ok so callers can chain on it. */
int ktap_result(int ok, const char *name, ...) __printf(2, 3);
void ktap_skip(const char *reason, const char *name, ...) __printf(2, 3);
/* A `# ...` diagnostic line at the current depth. */
void ktap_diag(const char *fmt, ...) __printf(1, 2);
int ktap_finish(void);

/* True on Linux (qemu-aarch64), where some checks cannot be exact. */
int ktap_on_linux(void);

/*
 * True when the harness says we run under qemu-aarch64's user-mode emulation
 * (usr/tests/hs-chroot sets HS_EMULATOR=qemu-user): QEMU, not Linux, answers
 * the system calls, and where it is known to differ a test may skip.
 */
int ktap_qemu_user(void);

/* The calling test's own path, argv[0], for re-executing itself. */
extern const char *ktap_argv0;

#endif /* _KTAP_H */
