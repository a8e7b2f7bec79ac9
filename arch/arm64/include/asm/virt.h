/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/virt.h: the exception level the CPU booted at, as
 * init_kernel_el (head.S) reports it in w0 and set_cpu_boot_mode_flag
 * records it in __boot_cpu_mode. Same values as Linux.
 */
#ifndef __ASM_VIRT_H
#define __ASM_VIRT_H

#define BOOT_CPU_MODE_EL1 (0xe11)
#define BOOT_CPU_MODE_EL2 (0xe12)

#ifndef __ASSEMBLY__
#include <linux/types.h>

extern u32 __boot_cpu_mode;

static inline bool is_hyp_mode_available(void)
{
	return __boot_cpu_mode == BOOT_CPU_MODE_EL2;
}
#endif

#endif
