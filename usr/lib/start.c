// SPDX-License-Identifier: GPL-2.0
/*
 * start.c: from the initial stack to main(). crt0.S calls __libc_start with
 * the stack pointer the kernel handed over; this finds argv, envp and auxv
 * (layout drawn in crt0.S) and never returns.
 */
#include <stdlib.h>
#include <sys/auxv.h>

char **environ;
static unsigned long *auxv;

int main(int argc, char **argv, char **envp);

__attribute__((noreturn, used)) void __libc_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;

	while (*p)
		p++;
	auxv = (unsigned long *)(p + 1);
	environ = envp;
	exit(main(argc, argv, envp));
}

unsigned long getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}
