/* SPDX-License-Identifier: GPL-2.0 */
/* sys/auxv.h: the ELF auxiliary vector the kernel puts above envp (lib/start.c). */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#define AT_NULL		0
#define AT_PHDR		3
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_CLKTCK	17
#define AT_RANDOM	25
#define AT_EXECFN	31
#define AT_SYSINFO_EHDR	33	/* the vDSO's ELF header (lib/vdso.c) */

/* The value for type, or 0 when the kernel did not pass it. */
unsigned long getauxval(unsigned long type);

#endif /* _SYS_AUXV_H */
