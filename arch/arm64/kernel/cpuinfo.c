// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/cpuinfo.c: what each CPU reports about itself as it
 * comes up, and /proc/cpuinfo. Each CPU records its MIDR_EL1 and the
 * features its ID registers announce; at boot it prints its level 1
 * instruction cache policy (CTR_EL0.L1Ip) in Linux's words: "Detected
 * PIPT I-cache on CPU1".
 *
 * /proc/cpuinfo lists every online CPU in Linux's arm64 format. The
 * Features line names, in Linux's order, the hwcaps read here from
 * ID_AA64PFR0_EL1 and ID_AA64ISAR0/1_EL1 (fp, asimd, aes, pmull, sha1,
 * sha2, crc32, atomics, fphp, asimdhp, cpuid, asimdrdm, jscvt, fcma,
 * lrcpc, dcpop, sha3, sm3, sm4, asimddp, sha512, asimdfhm, ilrcpc, flagm,
 * dcpodp); those of features this kernel does not detect (sve, paca, ...)
 * are never shown. Nor are "evtstrm" (the timer's event stream is not
 * enabled) and "cpuid" (EL0 reads of ID registers are not emulated).
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <linux/jiffies.h>
#include <clocksource/arm_arch_timer.h>
#include <asm/smp.h>
#include <asm/sysreg.h>

#define CTR_L1IP_SHIFT 14

static const char *const icache_policy_str[] = {
	[0] = "VPIPT",
	[1] = "RESERVED/UNKNOWN",
	[2] = "VIPT",
	[3] = "PIPT",
};

struct cpuinfo_arm64 {
	u64 reg_midr;
	u64 pfr0, isar0, isar1;
};
static DEFINE_PER_CPU(struct cpuinfo_arm64, cpu_data);

/* A 4-bit ID register field. */
#define ID_FIELD(reg, shift) (((reg) >> (shift)) & 0xf)

/* Linux's hwcap names in Linux's order, with the test for each. */
static bool has_hwcap(const struct cpuinfo_arm64 *c, int n)
{
	u64 fp = ID_FIELD(c->pfr0, 16), simd = ID_FIELD(c->pfr0, 20);

	switch (n) {
	case 0: return fp != 0xf;			/* fp */
	case 1: return simd != 0xf;			/* asimd */
	case 2: return false;				/* evtstrm: not enabled */
	case 3: return ID_FIELD(c->isar0, 4) >= 1;	/* aes */
	case 4: return ID_FIELD(c->isar0, 4) >= 2;	/* pmull */
	case 5: return ID_FIELD(c->isar0, 8) >= 1;	/* sha1 */
	case 6: return ID_FIELD(c->isar0, 12) >= 1;	/* sha2 */
	case 7: return ID_FIELD(c->isar0, 16) >= 1;	/* crc32 */
	case 8: return ID_FIELD(c->isar0, 20) >= 2;	/* atomics */
	case 9: return fp == 1;				/* fphp */
	case 10: return simd == 1;			/* asimdhp */
	case 11: return false;				/* cpuid: no MRS emulation */
	case 12: return ID_FIELD(c->isar0, 28) >= 1;	/* asimdrdm */
	case 13: return ID_FIELD(c->isar1, 12) >= 1;	/* jscvt */
	case 14: return ID_FIELD(c->isar1, 16) >= 1;	/* fcma */
	case 15: return ID_FIELD(c->isar1, 20) >= 1;	/* lrcpc */
	case 16: return ID_FIELD(c->isar1, 0) >= 1;	/* dcpop */
	case 17: return ID_FIELD(c->isar0, 32) >= 1;	/* sha3 */
	case 18: return ID_FIELD(c->isar0, 36) >= 1;	/* sm3 */
	case 19: return ID_FIELD(c->isar0, 40) >= 1;	/* sm4 */
	case 20: return ID_FIELD(c->isar0, 44) >= 1;	/* asimddp */
	case 21: return ID_FIELD(c->isar0, 12) >= 2;	/* sha512 */
	case 23: return ID_FIELD(c->isar0, 48) >= 1;	/* asimdfhm */
	case 26: return ID_FIELD(c->isar1, 20) >= 2;	/* ilrcpc */
	case 27: return ID_FIELD(c->isar0, 52) >= 1;	/* flagm */
	case 32: return ID_FIELD(c->isar1, 0) >= 2;	/* dcpodp */
	}
	return false;
}

static const char *const hwcap_str[] = {
	"fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32", "atomics",
	"fphp", "asimdhp", "cpuid", "asimdrdm", "jscvt", "fcma", "lrcpc", "dcpop",
	"sha3", "sm3", "sm4", "asimddp", "sha512", "sve", "asimdfhm", "dit", "uscat",
	"ilrcpc", "flagm", "ssbs", "sb", "paca", "pacg", "dcpodp",
};

void cpuinfo_store_cpu(unsigned int cpu)
{
	struct cpuinfo_arm64 *c = this_cpu_ptr(&cpu_data);
	u64 ctr = read_sysreg(ctr_el0);

	c->reg_midr = read_sysreg(midr_el1);
	c->pfr0 = read_sysreg(id_aa64pfr0_el1);
	c->isar0 = read_sysreg(id_aa64isar0_el1);
	c->isar1 = read_sysreg(id_aa64isar1_el1);
	pr_info("Detected %s I-cache on CPU%u\n", icache_policy_str[(ctr >> CTR_L1IP_SHIFT) & 3], cpu);
}

int show_cpuinfo(char *buf, size_t size)
{
	/* The delay loop counts the timer: loops_per_jiffy as Linux's. */
	unsigned long lpj = arch_timer_get_rate() / HZ;
	unsigned int cpu;
	int n = 0;

	for_each_online_cpu(cpu) {
		const struct cpuinfo_arm64 *c = per_cpu_ptr(&cpu_data, cpu);
		u64 midr = c->reg_midr;

		n += snprintf(buf + n, size - n, "processor\t: %u\nBogoMIPS\t: %lu.%02lu\nFeatures\t:",
			      cpu, lpj / (500000UL / HZ), lpj / (5000UL / HZ) % 100);
		for (int i = 0; i < (int)ARRAY_SIZE(hwcap_str) && n < (int)size; i++)
			if (has_hwcap(c, i))
				n += snprintf(buf + n, size - n, " %s", hwcap_str[i]);
		if (n >= (int)size)
			break;
		n += snprintf(buf + n, size - n,
			      "\nCPU implementer\t: 0x%02llx\nCPU architecture: 8\n"
			      "CPU variant\t: 0x%llx\nCPU part\t: 0x%03llx\nCPU revision\t: %llu\n\n",
			      (midr >> 24) & 0xff, (midr >> 20) & 0xf, (midr >> 4) & 0xfff, midr & 0xf);
		if (n >= (int)size)
			break;
	}
	return n < (int)size ? n : (int)size - 1;
}
