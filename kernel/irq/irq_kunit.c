// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/irq/irq_kunit.c: KUnit checks of interrupts end to end
 * (kunit.filter_glob=irq): the controller the DTB names is the one
 * driving, a software-generated interrupt reaches its handler through the
 * GIC and the IRQ vector, the timer's PPI is taken and counted.
 */
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/irq.h>
#include <linux/of_fdt.h>
#include <kunit/test.h>
#include <clocksource/arm_arch_timer.h>
#include <asm/arch_timer.h>
#include <asm/irq.h>
#include <libfdt.h>

#define TEST_SGI 7

static volatile int sgi_seen;
static volatile bool sgi_in_interrupt;

static irqreturn_t sgi_handler(int irq, void *dev_id)
{
	sgi_seen++;
	sgi_in_interrupt = in_interrupt() && irqs_disabled();
	*(int *)dev_id = irq;
	return IRQ_HANDLED;
}

/* Wait up to ms milliseconds (by the counter) for *flag to become non-zero. */
static bool wait_for(volatile int *flag, unsigned int ms)
{
	for (unsigned int i = 0; i < ms * 10 && !*flag; i++)
		udelay(100);
	return *flag;
}

static void irq_sgi_reaches_its_handler(struct kunit *test)
{
	int irq_seen = -1;
	unsigned long before = kstat_irqs(TEST_SGI);

	sgi_seen = 0;
	KUNIT_ASSERT_EQ(test, request_irq(TEST_SGI, sgi_handler, 0, "kunit-sgi", &irq_seen), 0);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_SGI, sgi_handler, 0, "again", NULL), -EBUSY);
	KUNIT_EXPECT_EQ(test, send_sgi_self(TEST_SGI), 0);
	KUNIT_EXPECT_TRUE(test, wait_for(&sgi_seen, 100));
	KUNIT_EXPECT_EQ(test, sgi_seen, 1);
	KUNIT_EXPECT_EQ(test, irq_seen, TEST_SGI);
	KUNIT_EXPECT_TRUE(test, sgi_in_interrupt);
	KUNIT_EXPECT_EQ(test, kstat_irqs(TEST_SGI), before + 1);

	/* Masked interrupts wait: nothing arrives until they are unmasked. */
	local_irq_disable();
	send_sgi_self(TEST_SGI);
	udelay(2000);
	KUNIT_EXPECT_EQ(test, sgi_seen, 1);
	local_irq_enable();
	udelay(2000);
	KUNIT_EXPECT_EQ(test, sgi_seen, 2);
	free_irq(TEST_SGI, &irq_seen);
}

static void irq_timer_ppi_is_counted(struct kunit *test)
{
	unsigned int irq = arch_timer_irq();
	unsigned long before;

	KUNIT_ASSERT_TRUE(test, irq >= 16 && irq < 32);	/* a PPI */
	KUNIT_EXPECT_EQ(test, irq, 27);		/* the virtual timer's, per the DT */
	before = kstat_irqs(irq);
	mdelay(50);
	KUNIT_EXPECT_GT(test, kstat_irqs(irq), before);
	KUNIT_EXPECT_EQ(test, irq_to_desc(irq)->spurious, 0);
}

/* The driver in charge is the one for the DT's interrupt controller. */
static void irq_controller_matches_device_tree(struct kunit *test)
{
	bool v3 = of_fdt_next_compatible(-1, "arm,gic-v3") >= 0;
	struct irq_desc *desc = irq_to_desc(arch_timer_irq());

	KUNIT_ASSERT_TRUE(test, desc && desc->irq_data.chip);
	KUNIT_EXPECT_STREQ(test, desc->irq_data.chip->name, v3 ? "GICv3" : "GIC");
}

static void irq_request_rejects_bad_numbers(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, request_irq(NR_IRQS, sgi_handler, 0, "bad", NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_SGI, NULL, 0, "bad", NULL), -EINVAL);
}

static struct kunit_case irq_cases[] = {
	KUNIT_CASE(irq_sgi_reaches_its_handler),
	KUNIT_CASE(irq_timer_ppi_is_counted),
	KUNIT_CASE(irq_controller_matches_device_tree),
	KUNIT_CASE(irq_request_rejects_bad_numbers),
	{}
};

static struct kunit_suite irq_suite = {
	.name = "irq",
	.test_cases = irq_cases,
};
kunit_test_suite(irq_suite);
