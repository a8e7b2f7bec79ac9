// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/cpuinfo.c: what each CPU reports about itself as it
 * comes up. For now its level 1 instruction cache policy (CTR_EL0.L1Ip),
 * in Linux's words: "Detected PIPT I-cache on CPU1".
 */
#include <linux/init.h>
#include <linux/printk.h>
#include <asm/smp.h>
#include <asm/sysreg.h>

#define CTR_L1IP_SHIFT 14

static const char *const icache_policy_str[] = {
	[0] = "VPIPT",
	[1] = "RESERVED/UNKNOWN",
	[2] = "VIPT",
	[3] = "PIPT",
};

void cpuinfo_store_cpu(unsigned int cpu)
{
	u64 ctr = read_sysreg(ctr_el0);

	pr_info("Detected %s I-cache on CPU%u\n", icache_policy_str[(ctr >> CTR_L1IP_SHIFT) & 3], cpu);
}
