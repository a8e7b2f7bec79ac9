// SPDX-License-Identifier: GPL-2.0
/*
 * faults: a process that faults dies with Linux's signal and nothing else
 * does. Each case runs the bad access in a child and checks its wait status:
 * SIGSEGV for bad data or instruction addresses and writes to read-only text
 * or execution of data (W^X), SIGILL for an undefined instruction, SIGTRAP
 * for brk. The parent carrying on to print the next line is the other half.
 */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

static void null_read(void)
{
	*(volatile int *)0;
}

static void null_write(void)
{
	*(volatile int *)0 = 1;
}

static void kernel_read(void)
{
	*(volatile long *)0xffff800008000000UL;
}

static void text_write(void)
{
	*(volatile uint32_t *)(uintptr_t)null_read = 0xd503201f;	/* nop */
}

/* Copy a `ret` into heap memory and call it: data is never executable. */
static void heap_exec(void)
{
	uint32_t *code = malloc(64);

	code[0] = 0xd65f03c0;		/* ret */
	((void (*)(void))(uintptr_t)code)();
}

static void jump_to_kernel(void)
{
	((void (*)(void))0xffff800008000000UL)();
}

static void undefined(void)
{
	__asm__ volatile("udf #0");
}

static void breakpoint(void)
{
	__asm__ volatile("brk #0x100");
}

/* Each frame keeps a large array live, so the stack runs out long before 1 TiB. */
static volatile int depth_limit = 1 << 28;

static int recurse(int n)
{
	volatile char pad[4096];

	pad[0] = (char)n;
	if (n == depth_limit)
		return 0;
	return recurse(n + 1) + pad[0];
}

static void stack_overflow(void)
{
	recurse(0);
}

static const struct fault {
	const char *name;
	void (*fn)(void);
	int sig;
} faults[] = {
	{ "null_read_kills_with_sigsegv",		null_read,	SIGSEGV },
	{ "null_write_kills_with_sigsegv",		null_write,	SIGSEGV },
	{ "kernel_address_read_kills_with_sigsegv",	kernel_read,	SIGSEGV },
	{ "write_to_text_kills_with_sigsegv",		text_write,	SIGSEGV },
	{ "executing_heap_kills_with_sigsegv",		heap_exec,	SIGSEGV },
	{ "jump_to_kernel_kills_with_sigsegv",		jump_to_kernel,	SIGSEGV },
	{ "stack_overflow_kills_with_sigsegv",		stack_overflow,	SIGSEGV },
	{ "undefined_instruction_kills_with_sigill",	undefined,	SIGILL },
	{ "brk_kills_with_sigtrap",			breakpoint,	SIGTRAP },
};

#define NR_FAULTS	((int)(sizeof(faults) / sizeof(faults[0])))

int main(void)
{
	int i, st;
	pid_t pid;

	ktap_start("faults", NR_FAULTS + 1);
	for (i = 0; i < NR_FAULTS; i++) {
		pid = fork();
		if (pid == 0) {
			faults[i].fn();
			_exit(0);	/* survived: wrong */
		}
		st = -1;
		if (pid > 0)
			wait4(pid, &st, 0, NULL);
		if (!ktap_result(pid > 0 && st >= 0 && WIFSIGNALED(st) &&
				 WTERMSIG(st) == faults[i].sig, "%s", faults[i].name)) {
			if (st >= 0 && WIFSIGNALED(st))
				ktap_diag("killed by signal %d", WTERMSIG(st));
			else
				ktap_diag("wait status 0x%x", st);
		}
	}
	ktap_result(getppid() > 0 && getpid() > 0, "parent_survives_every_fault");
	return ktap_finish();
}
