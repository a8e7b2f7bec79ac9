// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/perf_event.c: the PMU, opened to user space for
 * `bench` (usr/). No perf_event_open: the counters are set up once at boot,
 * on every CPU, and EL0 reads them directly:
 *
 *   mrs x0, pmccntr_el0      cycles (64-bit)
 *   mrs x0, pmevcntr0_el0    instructions retired (event 0x08, 32-bit,
 *                            wraps), at EL0 and EL1 alike
 *
 * PMUSERENR_EL0.EN/CR/ER let EL0 read them and also program the PMU
 * (PMEVTYPER<n>_EL0, PMCNTENSET_EL0, PMCR_EL0) if it wants other events.
 * The counters run for the whole machine: they are not saved per task, so
 * a measured loop counts whatever else ran meanwhile (on an idle system,
 * the tick). With QEMU, -icount makes the instruction counts exact.
 */
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include <asm/sysreg.h>

#define ARMV8_PMUV3_PERFCTR_INST_RETIRED 0x08
#define ARMV8_PMU_PMCR_E	BIT(0)	/* enable all counters */
#define ARMV8_PMU_PMCR_P	BIT(1)	/* reset event counters */
#define ARMV8_PMU_PMCR_C	BIT(2)	/* reset the cycle counter */
#define ARMV8_PMU_PMCR_LC	BIT(6)	/* 64-bit cycle counter overflow */
#define ARMV8_PMU_PMCR_N_SHIFT	11
#define ARMV8_PMU_USERENR_EN	BIT(0)	/* EL0 may use the PMU */
#define ARMV8_PMU_USERENR_CR	BIT(2)	/* EL0 may read the cycle counter */
#define ARMV8_PMU_USERENR_ER	BIT(3)	/* EL0 may read event counters */
#define ARMV8_PMU_CYCLE_IDX	31

/*
 * One CPU's PMU: counters on, EL0 allowed. n: the event counters it has.
 * No overflow interrupts (PMINTENCLR, as Linux's armv8pmu_reset): nothing
 * handles the PMU's interrupt, and EL0's 32-bit counter wraps often.
 */
static void armv8pmu_enable_user(void *info)
{
	unsigned int n = *(unsigned int *)info;

	write_sysreg(0xffffffffUL, pmintenclr_el1);		/* every counter */
	write_sysreg(0, pmccfiltr_el0);			/* cycles at EL0 and EL1 */
	if (n) {
		write_sysreg(0, pmselr_el0);
		write_sysreg(ARMV8_PMUV3_PERFCTR_INST_RETIRED, pmevtyper0_el0);
	}
	write_sysreg(BIT(ARMV8_PMU_CYCLE_IDX) | (n ? BIT(0) : 0), pmcntenset_el0);
	write_sysreg(ARMV8_PMU_PMCR_E | ARMV8_PMU_PMCR_P | ARMV8_PMU_PMCR_C | ARMV8_PMU_PMCR_LC,
		     pmcr_el0);
	write_sysreg(ARMV8_PMU_USERENR_EN | ARMV8_PMU_USERENR_CR | ARMV8_PMU_USERENR_ER,
		     pmuserenr_el0);
	isb();
}

/*
 * After smp_init(), as Linux probes its PMU driver from an initcall: every
 * online CPU gets the same set-up (on_each_cpu), so a program reads the
 * counters on whichever CPU it runs, each CPU's own.
 */
void __init pmu_user_init(void)
{
	u64 pmuver = (read_sysreg(id_aa64dfr0_el1) >> 8) & 0xf;
	unsigned int n;

	if (!pmuver || pmuver == 0xf)
		return;			/* none, or not PMUv3 */
	n = (read_sysreg(pmcr_el0) >> ARMV8_PMU_PMCR_N_SHIFT) & 0x1f;
	on_each_cpu(armv8pmu_enable_user, &n, 1);
	pr_info("hw perfevents: enabled with armv8_pmuv3 PMU driver, %u counters available\n",
		n + 1);
}
