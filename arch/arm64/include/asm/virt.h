/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/virt.h: the exception level CPUs booted at, and
 * the hyp stub's calls (arch/arm64/kernel/hyp-stub.S). Names and values as
 * Linux v5.15's asm/virt.h.
 *
 * A stub call is `hvc #0` with its number in x0 and arguments in x1..x4;
 * it may clobber x0..x18 (so call it through the functions below, which
 * the compiler treats as ordinary calls).
 */
#ifndef __ASM_VIRT_H
#define __ASM_VIRT_H

/* HVC_SET_VECTORS: VBAR_EL2 = x1, the physical address of new vectors. */
#define HVC_SET_VECTORS 0
/* HVC_SOFT_RESTART: branch at EL2 to x1 with x0..x2 = x2..x4. */
#define HVC_SOFT_RESTART 1
/* HVC_RESET_VECTORS: back to the stub's vectors. */
#define HVC_RESET_VECTORS 2
/* HVC_VHE_RESTART: v5.15 moves the kernel to EL2 (VHE); the stub here refuses. */
#define HVC_VHE_RESTART 3

/* How many stub calls there are; numbers from here on are a hypervisor's. */
#define HVC_STUB_HCALL_NR 4

/* What the stub returns in x0 for a number it does not know. */
#define HVC_STUB_ERR 0xbadca11

/* What init_kernel_el returns in w0 and set_cpu_boot_mode_flag records. */
#define BOOT_CPU_MODE_EL1 (0xe11)
#define BOOT_CPU_MODE_EL2 (0xe12)

#ifndef __ASSEMBLY__
#include <linux/types.h>
#include <asm/sysreg.h>

/*
 * __boot_cpu_mode (head.S): word 0 starts as BOOT_CPU_MODE_EL2 and is
 * overwritten by any CPU that boots at EL1; word 1 starts as
 * BOOT_CPU_MODE_EL1 and is overwritten by any CPU that boots at EL2. So
 * both hold BOOT_CPU_MODE_EL2 only if every CPU booted at EL2, and they
 * differ if the boot loader started CPUs at different ELs.
 */
extern u32 __boot_cpu_mode[2];

void __hyp_set_vectors(phys_addr_t phys_vector_base);
void __hyp_reset_vectors(void);

/* Every CPU booted at EL2, with the hyp stub in place. */
static inline bool is_hyp_mode_available(void)
{
	return __boot_cpu_mode[0] == BOOT_CPU_MODE_EL2 &&
	       __boot_cpu_mode[1] == BOOT_CPU_MODE_EL2;
}

/* The boot loader started CPUs at different ELs. */
static inline bool is_hyp_mode_mismatched(void)
{
	return __boot_cpu_mode[0] != __boot_cpu_mode[1];
}

/* Never, in headstart: the kernel runs at EL1 (no VHE). */
static inline bool is_kernel_in_hyp_mode(void)
{
	return read_sysreg(CurrentEL) == CurrentEL_EL2;
}
#endif

#endif
