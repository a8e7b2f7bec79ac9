// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/cpuinfo.c: what each CPU reports about itself as it
 * comes up, and /proc/cpuinfo. Each CPU records its MIDR_EL1; at boot it
 * prints its level 1 instruction cache policy (CTR_EL0.L1Ip) in Linux's
 * words: "Detected PIPT I-cache on CPU1".
 *
 * /proc/cpuinfo lists every online CPU in Linux's arm64 format. As in
 * Linux, the Features line is the same for every CPU: the names, in
 * Linux's order, of the bits of AT_HWCAP and AT_HWCAP2 (cpufeature.c reads
 * them from the ID registers), so what a program is told and what
 * /proc/cpuinfo says cannot differ. Features this kernel does not detect
 * (sve, paca, ...) are never shown, nor are "evtstrm" (the timer's event
 * stream is not enabled) and "cpuid" (EL0 reads of ID registers are not
 * emulated).
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
};
static DEFINE_PER_CPU(struct cpuinfo_arm64, cpu_data);

unsigned long cpu_get_elf_hwcap(void);		/* arch/arm64/kernel/cpufeature.c */
unsigned long cpu_get_elf_hwcap2(void);

/*
 * Linux's hwcap names, indexed as its KERNEL_HWCAP_* numbers: AT_HWCAP's
 * bit n is entry n, AT_HWCAP2's bit n is entry 32 + n.
 */
static const char *const hwcap_str[] = {
	"fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32", "atomics",
	"fphp", "asimdhp", "cpuid", "asimdrdm", "jscvt", "fcma", "lrcpc", "dcpop",
	"sha3", "sm3", "sm4", "asimddp", "sha512", "sve", "asimdfhm", "dit", "uscat",
	"ilrcpc", "flagm", "ssbs", "sb", "paca", "pacg", "dcpodp", "sve2", "sveaes",
	"svepmull", "svebitperm", "svesha3", "svesm4", "flagm2", "frint", "svei8mm",
	"svef32mm", "svef64mm", "svebf16", "i8mm", "bf16", "dgh", "rng",
};

void cpuinfo_store_cpu(unsigned int cpu)
{
	struct cpuinfo_arm64 *c = this_cpu_ptr(&cpu_data);
	u64 ctr = read_sysreg(ctr_el0);

	c->reg_midr = read_sysreg(midr_el1);
	pr_info("Detected %s I-cache on CPU%u\n", icache_policy_str[(ctr >> CTR_L1IP_SHIFT) & 3], cpu);
}

int show_cpuinfo(char *buf, size_t size)
{
	/* The delay loop counts the timer: loops_per_jiffy as Linux's. */
	unsigned long lpj = arch_timer_get_rate() / HZ;
	u64 hwcaps = cpu_get_elf_hwcap() | (u64)cpu_get_elf_hwcap2() << 32;
	unsigned int cpu;
	int n = 0;

	for_each_online_cpu(cpu) {
		const struct cpuinfo_arm64 *c = per_cpu_ptr(&cpu_data, cpu);
		u64 midr = c->reg_midr;

		n += snprintf(buf + n, size - n, "processor\t: %u\nBogoMIPS\t: %lu.%02lu\nFeatures\t:",
			      cpu, lpj / (500000UL / HZ), lpj / (5000UL / HZ) % 100);
		for (int i = 0; i < (int)ARRAY_SIZE(hwcap_str) && n < (int)size; i++)
			if (hwcaps & (1ULL << i))
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
