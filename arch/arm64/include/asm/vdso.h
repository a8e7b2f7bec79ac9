/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/vdso.h: where the vDSO (arch/arm64/kernel/vdso/)
 * sits. It is linked at VDSO_LBASE (0: a shared object, placed anywhere),
 * with __VVAR_PAGES of data mapped just below its first page, the vvar
 * page (include/vdso/datapage.h), which its code reaches PC-relatively
 * through _vdso_data. vdso-offsets.h, generated from the linked vdso.so.dbg
 * (gen_vdso_offsets.sh), gives the offset of each VDSO_* symbol, so that
 * VDSO_SYMBOL(base, sigtramp) is __kernel_rt_sigreturn in a process whose
 * vDSO text starts at base.
 */
#ifndef __ASM_VDSO_H
#define __ASM_VDSO_H

#define VDSO_LBASE	0x0
#define __VVAR_PAGES	1

#ifndef __ASSEMBLY__

#include <generated/vdso-offsets.h>

#define VDSO_SYMBOL(base, name) ((unsigned long)(base) + vdso_offset_##name)

#endif
#endif
