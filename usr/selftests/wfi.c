// SPDX-License-Identifier: GPL-2.0
/*
 * wfi: a WFI at EL0 traps to the kernel, which skips it (SCTLR_EL1.nTWI is
 * clear, as in Linux v5.15; do_sysinstr in arch/arm64/kernel/traps.c):
 * the program carries on and is not killed. WFE does not trap (nTWE is
 * set) and returns at once after SEVL. Each case runs in a child, so a
 * SIGILL shows up as a wait status rather than ending the test.
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static void many_wfi(void)
{
	for (int i = 0; i < 1000; i++)
		__asm__ volatile("wfi" ::: "memory");
}

static void wfe_after_sevl(void)
{
	for (int i = 0; i < 1000; i++)
		__asm__ volatile("sevl\n\twfe" ::: "memory");
}

/* Run fn in a child; ok if it exits with 0, not by a signal. */
static void in_child(void (*fn)(void), const char *name)
{
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		ktap_result(0, "%s", name);
		ktap_diag("fork or waitpid failed");
		return;
	}
	if (!ktap_result(WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s", name)) {
		if (WIFSIGNALED(status))
			ktap_diag("killed by signal %d", WTERMSIG(status));
		else
			ktap_diag("wait status %#x", status);
	}
}

int main(void)
{
	ktap_start("wfi", 2);
	in_child(many_wfi, "wfi_at_el0_is_skipped");
	in_child(wfe_after_sevl, "wfe_at_el0_returns");
	return ktap_finish();
}
