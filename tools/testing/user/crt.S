/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/user/crt.S: the entry point. The kernel starts us with sp
 * at argc, then argv[], NULL, envp[], NULL, auxv (fs/exec.c); main gets
 * (argc, argv, envp, the stack pointer) and its result goes to exit_group.
 */
	.text
	.globl	_start
	.type	_start, %function
_start:
	mov	x3, sp				// the initial stack, for auxv checks
	ldr	x0, [sp]			// argc
	add	x1, sp, #8			// argv
	add	x2, x1, x0, lsl #3
	add	x2, x2, #8			// envp: past argv's NULL
	bl	main
	mov	x8, #94				// exit_group(main's result)
	svc	#0
	.size	_start, . - _start
