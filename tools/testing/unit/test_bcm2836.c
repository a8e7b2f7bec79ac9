// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_bcm2836.c: the Raspberry Pi's per-core interrupt
 * controller driver (drivers/irqchip/irq-bcm2836.c), built from the real
 * source against a fake register block (stubs/mmio.h): every register
 * access it makes is logged in order, with the core it runs on set by the
 * test. QEMU's raspi3b does not model the PMU routing registers, and runs
 * the cores with logical CPU n on core n; what a boot there cannot show is
 * checked here: the PMU line routed to the core that unmasks it, IPIs to
 * the physical core of a logical CPU, a mailbox bit cleared before its
 * IPI's handler runs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/irq.h>
#include <linux/irqchip.h>
#include <asm/smp.h>

#include "stubs/printk_capture.h"

/* The driver's registers (Linux's include/linux/irqchip/irq-bcm2836.h). */
#define LOCAL_PM_ROUTING_SET		0x010
#define LOCAL_PM_ROUTING_CLR		0x014
#define LOCAL_TIMER_INT_CONTROL0	0x040
#define LOCAL_MAILBOX_INT_CONTROL0	0x050
#define LOCAL_IRQ_PENDING0		0x060
#define LOCAL_MAILBOX0_SET0		0x080
#define LOCAL_MAILBOX0_CLR0		0x0c0
#define IPI_BASE			12	/* this kernel's irqs for IPIs 0-7 */
#define PHYS				0x40000000

/* ---- What the driver is linked against -------------------------------- */

struct pt_regs;
int set_handle_irq(void (*handle_irq)(struct pt_regs *regs));	/* asm/irq.h's */

void *initial_boot_params;
unsigned int nr_cpu_ids = 4;
u64 __cpu_logical_map[NR_CPUS];
u64 unit_mpidr;

static u32 regs[0x100 / 4];
enum { READ, WRITE, BARRIER, HANDLE };
static struct access {
	int kind;
	unsigned int offset;	/* READ, WRITE: the register; HANDLE: the irq */
	u32 value;
} log_[64];
static int nlog;

static void record(int kind, unsigned int offset, u32 value)
{
	assert_true(nlog < (int)(sizeof(log_) / sizeof(log_[0])));
	log_[nlog++] = (struct access){ kind, offset, value };
}

static unsigned int offset_of(const volatile void *addr)
{
	uintptr_t off = (uintptr_t)addr - (uintptr_t)regs;

	assert_true(off < sizeof(regs) && off % 4 == 0);	/* inside the block, aligned */
	return off;
}

u32 mmio_readl(const volatile void *addr)
{
	unsigned int off = offset_of(addr);

	record(READ, off, regs[off / 4]);
	return regs[off / 4];
}

void mmio_writel(u32 v, volatile void *addr)
{
	record(WRITE, offset_of(addr), v);
}

void mmio_barrier(void)
{
	record(BARRIER, 0, 0);
}

void *ioremap(phys_addr_t phys, size_t size)
{
	return phys == PHYS && size == 0x100 ? regs : NULL;
}

int of_address_to_resource(int node, int index, phys_addr_t *addr, u64 *size)
{
	*addr = PHYS;
	*size = 0x100;
	return 0;
}

static struct irq_chip *chips[NR_IRQS];
static void (*root_handler)(struct pt_regs *);
static int (*starting)(unsigned int cpu);
static void (*cross_call)(const struct cpumask *, unsigned int);
static int ipi_base = -1, nr_ipis;

void irq_set_chip_range(unsigned int first, unsigned int n, struct irq_chip *chip)
{
	for (unsigned int irq = first; irq < first + n; irq++)
		chips[irq] = chip;
}

void irq_set_default_host(int fdt_node, irq_xlate_t xlate)
{
}

int generic_handle_irq(unsigned int irq)
{
	record(HANDLE, irq, 0);
	return 0;
}

int set_handle_irq(void (*handle_irq)(struct pt_regs *regs))
{
	root_handler = handle_irq;
	return 0;
}

int cpuhp_setup_state_nocalls(enum cpuhp_state state, const char *name,
			      int (*startup)(unsigned int cpu))
{
	assert_int_equal(state, CPUHP_AP_IRQ_BCM2836_STARTING);
	starting = startup;
	return 0;
}

void set_smp_cross_call(void (*fn)(const struct cpumask *mask, unsigned int irq))
{
	cross_call = fn;
}

void set_smp_ipi_range(int base, int n)
{
	ipi_base = base;
	nr_ipis = n;
}

/* ---- Helpers ------------------------------------------------------------ */

static void assert_log(const struct access *want, int n)
{
	for (int i = 0; i < n && i < nlog; i++) {
		if (want[i].kind != log_[i].kind || want[i].offset != log_[i].offset ||
		    want[i].value != log_[i].value)
			fail_msg("access %d: got kind %d offset %#x value %#x, want %d %#x %#x", i,
				 log_[i].kind, log_[i].offset, log_[i].value, want[i].kind,
				 want[i].offset, want[i].value);
	}
	assert_int_equal(nlog, n);
}

#define ASSERT_LOG(...)								\
	do {									\
		const struct access want[] = { __VA_ARGS__ };			\
		assert_log(want, sizeof(want) / sizeof(want[0]));		\
	} while (0)

static struct irq_data line(unsigned int hwirq)
{
	assert_non_null(chips[hwirq]);
	return (struct irq_data){ .irq = hwirq, .hwirq = hwirq, .chip = chips[hwirq] };
}

/* Probe on core 0 with logical CPUs 0-3 on cores 0, 1, 3, 2. */
static int setup(void **state)
{
	static const u64 cores[] = { 0, 1, 3, 2 };

	memset(regs, 0, sizeof(regs));
	memset(chips, 0, sizeof(chips));
	for (int cpu = 0; cpu < 4; cpu++)
		__cpu_logical_map[cpu] = cores[cpu];
	unit_mpidr = 0x80000000;	/* MPIDR_EL1's RES1 bit 31, Aff0 0 */
	root_handler = NULL;
	starting = NULL;
	cross_call = NULL;
	ipi_base = -1;
	printk_capture_reset();
	assert_int_equal(bcm2836_arm_irqchip_l1_intc_of_init(0), 0);
	nlog = 0;
	return 0;
}

/* ---- Tests -------------------------------------------------------------- */

/* The probe: IPIs are irqs 12-19, the boot core's mailbox 0 interrupt is on. */
static void test_probe_sets_up_ipis(void **state)
{
	assert_non_null(root_handler);
	assert_non_null(starting);
	assert_non_null(cross_call);
	assert_int_equal(ipi_base, IPI_BASE);
	assert_true(nr_ipis >= NR_IPI);
	for (int irq = IPI_BASE; irq < IPI_BASE + 8; irq++)
		assert_string_equal(chips[irq]->name, "IPI");
	assert_string_equal(chips[9]->name, "bcm2836-l1");
	assert_null(chips[IPI_BASE + 8]);
	assert_non_null(strstr(printk_captured(),
			       "bcm2836-l1-intc: local interrupts of core 0 at 0x40000000\n"));
	/* The probe's writes, redone to see them: core 0's mailbox control. */
	assert_int_equal(bcm2836_arm_irqchip_l1_intc_of_init(0), 0);
	for (int i = 0; i < nlog; i++)
		if (log_[i].kind == WRITE && log_[i].offset == LOCAL_MAILBOX_INT_CONTROL0) {
			assert_int_equal(log_[i].value, 1);
			return;
		}
	fail_msg("the probe did not enable core 0's mailbox 0 interrupt");
}

/* Each core that starts enables its own mailbox 0 interrupt, IRQ not FIQ. */
static void test_starting_core_enables_its_mailbox(void **state)
{
	unit_mpidr = 0x80000003;
	assert_int_equal(starting(2), 0);	/* logical CPU 2 is core 3 */
	ASSERT_LOG({ WRITE, LOCAL_MAILBOX_INT_CONTROL0 + 4 * 3, 1 });
}

/* An IPI goes to each target's core, bit n for IPI n, after a barrier. */
static void test_send_goes_to_physical_cores(void **state)
{
	struct cpumask mask = { 0 };

	cpumask_set_cpu(1, &mask);
	cpumask_set_cpu(2, &mask);
	cross_call(&mask, IPI_BASE + IPI_CALL_FUNC);
	ASSERT_LOG({ BARRIER, 0, 0 },
		   { WRITE, LOCAL_MAILBOX0_SET0 + 16 * 1, 1U << IPI_CALL_FUNC },
		   { WRITE, LOCAL_MAILBOX0_SET0 + 16 * 3, 1U << IPI_CALL_FUNC });
}

/*
 * On core 2: the timer (line 3) and mailbox 0 (line 4) pending; the
 * mailbox holds IPIs 0 and 2. Each bit is cleared before its handler,
 * on this core's clear register; line 4 itself is no interrupt.
 */
static void test_root_handler_takes_each_ipi(void **state)
{
	unit_mpidr = 0x80000002;
	regs[(LOCAL_IRQ_PENDING0 + 4 * 2) / 4] = 1U << 3 | 1U << 4;
	regs[(LOCAL_MAILBOX0_CLR0 + 16 * 2) / 4] = 1U << 0 | 1U << 2;
	root_handler(NULL);
	ASSERT_LOG({ READ, LOCAL_IRQ_PENDING0 + 4 * 2, 1U << 3 | 1U << 4 },
		   { HANDLE, 3, 0 },
		   { READ, LOCAL_MAILBOX0_CLR0 + 16 * 2, 1U << 0 | 1U << 2 },
		   { WRITE, LOCAL_MAILBOX0_CLR0 + 16 * 2, 1U << 0 },
		   { HANDLE, IPI_BASE + 0, 0 },
		   { WRITE, LOCAL_MAILBOX0_CLR0 + 16 * 2, 1U << 2 },
		   { HANDLE, IPI_BASE + 2, 0 });
}

/* A mailbox bit that is no IPI of ours is cleared, and runs nothing. */
static void test_unknown_mailbox_bit_is_cleared(void **state)
{
	unit_mpidr = 0x80000001;
	regs[(LOCAL_IRQ_PENDING0 + 4 * 1) / 4] = 1U << 4;
	regs[(LOCAL_MAILBOX0_CLR0 + 16 * 1) / 4] = 1U << 31;
	root_handler(NULL);
	ASSERT_LOG({ READ, LOCAL_IRQ_PENDING0 + 4 * 1, 1U << 4 },
		   { READ, LOCAL_MAILBOX0_CLR0 + 16 * 1, 1U << 31 },
		   { WRITE, LOCAL_MAILBOX0_CLR0 + 16 * 1, 1U << 31 });
}

/* The PMU line (9) goes to, and leaves, the core that (un)masks it. */
static void test_pmu_routed_per_core(void **state)
{
	struct irq_data pmu = line(9);

	for (unsigned int core = 0; core < 4; core++) {
		unit_mpidr = 0x80000000 | core;
		nlog = 0;
		pmu.chip->irq_unmask(&pmu);
		ASSERT_LOG({ WRITE, LOCAL_PM_ROUTING_SET, 1U << core });
		nlog = 0;
		pmu.chip->irq_mask(&pmu);
		ASSERT_LOG({ WRITE, LOCAL_PM_ROUTING_CLR, 1U << core });
	}
}

/* The virtual timer (line 3): this core's control register, its bit 3 only. */
static void test_timer_enabled_per_core(void **state)
{
	struct irq_data cntv = line(3);

	unit_mpidr = 0x80000003;
	regs[(LOCAL_TIMER_INT_CONTROL0 + 4 * 3) / 4] = 1U << 1;
	cntv.chip->irq_unmask(&cntv);
	ASSERT_LOG({ READ, LOCAL_TIMER_INT_CONTROL0 + 4 * 3, 1U << 1 },
		   { WRITE, LOCAL_TIMER_INT_CONTROL0 + 4 * 3, 1U << 1 | 1U << 3 });
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_probe_sets_up_ipis, setup),
		cmocka_unit_test_setup(test_starting_core_enables_its_mailbox, setup),
		cmocka_unit_test_setup(test_send_goes_to_physical_cores, setup),
		cmocka_unit_test_setup(test_root_handler_takes_each_ipi, setup),
		cmocka_unit_test_setup(test_unknown_mailbox_bit_is_cleared, setup),
		cmocka_unit_test_setup(test_pmu_routed_per_core, setup),
		cmocka_unit_test_setup(test_timer_enabled_per_core, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
