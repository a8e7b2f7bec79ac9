// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/cpufeature.c: AT_HWCAP and AT_HWCAP2 (fs/exec.c), the
 * CPU features user space may use, read from the ID registers with
 * Linux's meaning of each bit (arch/arm64/include/uapi/asm/hwcap.h).
 *
 * Only features that need nothing from the kernel are reported: SVE (its
 * registers would have to be switched), pointer authentication (keys and
 * SCTLR_EL1.EnIA...), MTE, BTI, the timer event stream and the emulated
 * ID-register reads (HWCAP_CPUID) are left out, though the CPU may have
 * them. One CPU is read: the boot CPU.
 */
#include <linux/kernel.h>
#include <asm/sysreg.h>

#define HWCAP_FP	(1UL << 0)
#define HWCAP_ASIMD	(1UL << 1)
#define HWCAP_AES	(1UL << 3)
#define HWCAP_PMULL	(1UL << 4)
#define HWCAP_SHA1	(1UL << 5)
#define HWCAP_SHA2	(1UL << 6)
#define HWCAP_CRC32	(1UL << 7)
#define HWCAP_ATOMICS	(1UL << 8)
#define HWCAP_FPHP	(1UL << 9)
#define HWCAP_ASIMDHP	(1UL << 10)
#define HWCAP_ASIMDRDM	(1UL << 12)
#define HWCAP_JSCVT	(1UL << 13)
#define HWCAP_FCMA	(1UL << 14)
#define HWCAP_LRCPC	(1UL << 15)
#define HWCAP_DCPOP	(1UL << 16)
#define HWCAP_SHA3	(1UL << 17)
#define HWCAP_SM3	(1UL << 18)
#define HWCAP_SM4	(1UL << 19)
#define HWCAP_ASIMDDP	(1UL << 20)
#define HWCAP_SHA512	(1UL << 21)
#define HWCAP_ASIMDFHM	(1UL << 23)
#define HWCAP_DIT	(1UL << 24)
#define HWCAP_USCAT	(1UL << 25)
#define HWCAP_ILRCPC	(1UL << 26)
#define HWCAP_FLAGM	(1UL << 27)
#define HWCAP_SSBS	(1UL << 28)
#define HWCAP_SB	(1UL << 29)

#define HWCAP2_DCPODP	(1UL << 0)
#define HWCAP2_FLAGM2	(1UL << 7)
#define HWCAP2_FRINT	(1UL << 8)
#define HWCAP2_I8MM	(1UL << 13)
#define HWCAP2_BF16	(1UL << 14)
#define HWCAP2_DGH	(1UL << 15)
#define HWCAP2_RNG	(1UL << 16)

unsigned long cpu_get_elf_hwcap(void);
unsigned long cpu_get_elf_hwcap2(void);

/* A 4-bit ID register field; the signed ones (FP, AdvSIMD) read 0xf as "none". */
static unsigned int field(u64 reg, int shift)
{
	return (reg >> shift) & 0xf;
}

unsigned long cpu_get_elf_hwcap(void)
{
	u64 isar0 = read_sysreg(id_aa64isar0_el1), isar1 = read_sysreg(id_aa64isar1_el1);
	u64 pfr0 = read_sysreg(id_aa64pfr0_el1), pfr1 = read_sysreg(id_aa64pfr1_el1);
	u64 mmfr2 = read_sysreg(s3_0_c0_c7_2);	/* ID_AA64MMFR2_EL1 */
	unsigned long hwcap = 0;

	if (field(pfr0, 16) != 0xf) {
		hwcap |= HWCAP_FP;
		if (field(pfr0, 16) >= 1)
			hwcap |= HWCAP_FPHP;
	}
	if (field(pfr0, 20) != 0xf) {
		hwcap |= HWCAP_ASIMD;
		if (field(pfr0, 20) >= 1)
			hwcap |= HWCAP_ASIMDHP;
	}
	if (field(pfr0, 48) >= 1)
		hwcap |= HWCAP_DIT;
	if (field(pfr1, 4) >= 2)
		hwcap |= HWCAP_SSBS;
	if (field(isar0, 4) >= 1)
		hwcap |= HWCAP_AES;
	if (field(isar0, 4) >= 2)
		hwcap |= HWCAP_PMULL;
	if (field(isar0, 8) >= 1)
		hwcap |= HWCAP_SHA1;
	if (field(isar0, 12) >= 1)
		hwcap |= HWCAP_SHA2;
	if (field(isar0, 12) >= 2)
		hwcap |= HWCAP_SHA512;
	if (field(isar0, 16) >= 1)
		hwcap |= HWCAP_CRC32;
	if (field(isar0, 20) >= 2)
		hwcap |= HWCAP_ATOMICS;
	if (field(isar0, 28) >= 1)
		hwcap |= HWCAP_ASIMDRDM;
	if (field(isar0, 32) >= 1)
		hwcap |= HWCAP_SHA3;
	if (field(isar0, 36) >= 1)
		hwcap |= HWCAP_SM3;
	if (field(isar0, 40) >= 1)
		hwcap |= HWCAP_SM4;
	if (field(isar0, 44) >= 1)
		hwcap |= HWCAP_ASIMDDP;
	if (field(isar0, 48) >= 1)
		hwcap |= HWCAP_ASIMDFHM;
	if (field(isar0, 52) >= 1)
		hwcap |= HWCAP_FLAGM;
	if (field(isar1, 0) >= 1)
		hwcap |= HWCAP_DCPOP;
	if (field(isar1, 12) >= 1)
		hwcap |= HWCAP_JSCVT;
	if (field(isar1, 16) >= 1)
		hwcap |= HWCAP_FCMA;
	if (field(isar1, 20) >= 1)
		hwcap |= HWCAP_LRCPC;
	if (field(isar1, 20) >= 2)
		hwcap |= HWCAP_ILRCPC;
	if (field(isar1, 36) >= 1)
		hwcap |= HWCAP_SB;
	if (field(mmfr2, 32) >= 1)
		hwcap |= HWCAP_USCAT;
	return hwcap;
}

unsigned long cpu_get_elf_hwcap2(void)
{
	u64 isar0 = read_sysreg(id_aa64isar0_el1), isar1 = read_sysreg(id_aa64isar1_el1);
	unsigned long hwcap2 = 0;

	if (field(isar1, 0) >= 2)
		hwcap2 |= HWCAP2_DCPODP;
	if (field(isar0, 52) >= 2)
		hwcap2 |= HWCAP2_FLAGM2;
	if (field(isar1, 32) >= 1)
		hwcap2 |= HWCAP2_FRINT;
	if (field(isar1, 52) >= 1)
		hwcap2 |= HWCAP2_I8MM;
	if (field(isar1, 44) >= 1)
		hwcap2 |= HWCAP2_BF16;
	if (field(isar1, 48) >= 1)
		hwcap2 |= HWCAP2_DGH;
	if (field(isar0, 60) >= 1)
		hwcap2 |= HWCAP2_RNG;
	return hwcap2;
}
