/* SPDX-License-Identifier: GPL-2.0 */
/*
 * crt0.S: _start, the entry point of every program (ENTRY in lib/user.lds).
 *
 * The kernel's execve jumps here at EL0 with the stack Linux lays out
 * (fs/binfmt_elf.c create_elf_tables), 16-byte aligned:
 *
 *	sp ->	argc
 *		argv[0] .. argv[argc - 1], NULL
 *		envp[0] .. envp[n - 1], NULL
 *		auxv: (type, value) pairs .. (AT_NULL, 0)
 *		the strings and AT_RANDOM's 16 bytes, higher up
 *
 * No register other than sp is relied on (Linux leaves x0 = 0 for a static
 * program; a dynamic linker would pass its fini function there).
 */
#include <linkage.h>

	.text
SYM_CODE_START(_start)
	mov	x29, #0				// outermost frame: backtraces stop here
	mov	x30, #0
	mov	x0, sp				// x0 = &argc
	and	sp, x0, #~15			// keep the AAPCS64 alignment whatever we got
	bl	__libc_start			// lib/start.c; calls exit(main(...))
	brk	#0x3e8				// not reached
SYM_CODE_END(_start)
