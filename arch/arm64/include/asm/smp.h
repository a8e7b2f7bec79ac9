/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/smp.h: the logical map, CPU number -> MPIDR
 * affinity (the /cpus reg of each CPU; CPU0 is the boot CPU), as in Linux;
 * what a starting CPU reports back (secondary_data, the boot status);
 * IPIs. head.S includes it for the CPU_* boot status values.
 */
#ifndef __ASM_SMP_H
#define __ASM_SMP_H

#include <linux/const.h>

/*
 * How far a starting CPU got, as v5.15 keeps it: secondary_data.status
 * once the CPU runs C with the MMU on, __early_cpu_boot_status (head.S)
 * before that. The low byte is the state, the next bits say why a CPU is
 * stuck. __cpu_up reports a CPU that did not come online from these.
 */
#define CPU_STUCK_REASON_SHIFT		(8)
#define CPU_BOOT_STATUS_MASK		((UL(1) << CPU_STUCK_REASON_SHIFT) - 1)

#define CPU_MMU_OFF			(-1)	/* look at __early_cpu_boot_status */
#define CPU_BOOT_SUCCESS		(0)
#define CPU_KILL_ME			(1)	/* unused: no CPU hotplug */
#define CPU_STUCK_IN_KERNEL		(2)	/* parked in the kernel's text */
#define CPU_PANIC_KERNEL		(3)

#define CPU_STUCK_REASON_52_BIT_VA	(UL(1) << CPU_STUCK_REASON_SHIFT)
#define CPU_STUCK_REASON_NO_GRAN	(UL(2) << CPU_STUCK_REASON_SHIFT)

#ifndef __ASSEMBLY__
#include <asm/barrier.h>
#include <asm/sysreg.h>
#include <linux/compiler.h>
#include <linux/percpu.h>
#include <linux/types.h>

#define INVALID_HWID (~0UL)

extern u64 __cpu_logical_map[NR_CPUS];
#define cpu_logical_map(cpu) __cpu_logical_map[cpu]

static inline void set_cpu_logical_map(unsigned int cpu, u64 hwid)
{
	__cpu_logical_map[cpu] = hwid;
}

/* The /cpus/cpu@N node of a logical CPU, or -1. */
int of_get_cpu_node(unsigned int cpu);

/*
 * What __cpu_up leaves for the CPU it starts, read in head.S's
 * __secondary_switched (CPU_BOOT_TASK): its idle task, whose stack and
 * cpu number init_cpu_task loads. NULL: the boot CPU gave up on it.
 * status: the CPU's progress once its MMU is on (CPU_* above).
 */
struct secondary_data {
	struct task_struct *task;
	long status;
};
extern struct secondary_data secondary_data;
extern long __early_cpu_boot_status;	/* head.S, written with the MMU off */

static inline void update_cpu_boot_status(int val)
{
	WRITE_ONCE(secondary_data.status, val);
	dsb(ishst);		/* visible to the CPU waiting in __cpu_up */
}

/*
 * Inter-processor interrupts: SGIs of the GIC (bits of each core's mailbox
 * 0 on the Raspberry Pi's bcm2836), from ipi_irq_base on, one per kind
 * (Linux's numbering and names; /proc/interrupts shows them).
 */
enum ipi_msg_type {
	IPI_RESCHEDULE,
	IPI_CALL_FUNC,
	IPI_CPU_STOP,
	IPI_CPU_CRASH_STOP,
	IPI_TIMER,
	IPI_IRQ_WORK,
	IPI_WAKEUP,
	NR_IPI
};

struct cpumask;
/* The root irqchip driver's: the IPIs' interrupts, and how to send one to a set of CPUs. */
void set_smp_ipi_range(int ipi_base, int n);
void set_smp_cross_call(void (*fn)(const struct cpumask *mask, unsigned int sgi));
void arch_send_call_function_ipi_mask(const struct cpumask *mask);
void arch_send_call_function_single_ipi(int cpu);
void smp_send_reschedule(int cpu);
/* Stop every other online CPU (panic, power off): "SMP: stopping secondary CPUs". */
void smp_send_stop(void);
/* panic() on a CPU after another one began to panic: stop this one as the IPI would. */
void __noreturn panic_smp_self_stop(void);

/*
 * Where a CPU that must never run the kernel again waits for good: one
 * stopped by IPI_CPU_STOP (masked), or a secondary that cannot boot.
 */
static inline void __noreturn cpu_park_loop(void)
{
	for (;;) {
		wfe();
		wfi();
	}
}
/* Times each CPU took an IPI of this kind (/proc/interrupts). */
unsigned int ipi_count(unsigned int cpu, enum ipi_msg_type ipi);
const char *ipi_name(enum ipi_msg_type ipi);
/* Is irq one of the IPIs' SGIs? (/proc/interrupts lists those as IPIn.) */
bool irq_is_ipi(unsigned int irq);

/* head.S jumps here on each secondary CPU. */
void secondary_start_kernel(void);

/* "Detected PIPT I-cache on CPU1" (arch/arm64/kernel/cpuinfo.c). */
void cpuinfo_store_cpu(unsigned int cpu);
/* /proc/cpuinfo's text, every online CPU: its length. */
int show_cpuinfo(char *buf, size_t size);

#endif /* !__ASSEMBLY__ */

#endif
