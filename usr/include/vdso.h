/* SPDX-License-Identifier: GPL-2.0 */
/* vdso.h: functions of the kernel's vDSO by name and version (lib/vdso.c). */
#ifndef _VDSO_H
#define _VDSO_H

/* vdso_sym("LINUX_2.6.39", "__kernel_clock_gettime"), or NULL if none. */
void *vdso_sym(const char *version, const char *name);

#endif /* _VDSO_H */
