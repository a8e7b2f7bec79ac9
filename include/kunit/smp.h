/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/kunit/smp.h: what the KUnit suites that work across CPUs share
 * (sched_smp, hrtimer_smp): their CPU count, and how they wait for the
 * other CPUs.
 */
#ifndef _KUNIT_SMP_H
#define _KUNIT_SMP_H

#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <asm/processor.h>
#include <kunit/test.h>

/* CPU0 runs the case; it needs two more to work on, or it is skipped. */
static inline bool kunit_enough_cpus(struct kunit *test)
{
	if (num_online_cpus() >= 3)
		return true;
	kunit_skip(test, "needs 3 CPUs");
	return false;
}

/*
 * Let the others run until cond holds or a second has passed: this CPU's
 * tasks (schedule()), and the other CPUs. The case runs in CPU0's idle
 * task, so with nothing else queued here this is a busy wait, and like
 * every busy wait it says so with cpu_relax() (yield). That matters under
 * QEMU 7.2's -icount, where the CPUs take turns on one host thread and a
 * CPU that never halts or yields uses the whole turn up to the next timer
 * deadline, leaving the CPU after it in QEMU's list (CPU1) a budget of
 * zero, turn after turn: CPU1 took no interrupt at all for the whole
 * second. Documentation/arm64/smp.rst has the details.
 */
#define kunit_wait_until(cond) ({					\
	unsigned long __deadline = jiffies + HZ;			\
	while (!(cond) && time_before(jiffies, __deadline)) {		\
		schedule();						\
		cpu_relax();						\
	}								\
	(cond);								\
})

#endif
