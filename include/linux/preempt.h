/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/preempt.h: keeping the tick from switching tasks. The
 * kernel is preemptible (kernel/sched/core.c): on return from an interrupt
 * to EL1, a task whose time slice ran out is switched away, unless its
 * preempt_count is above zero or it had interrupts masked. Code that only
 * needs "no other task runs meanwhile" uses preempt_disable(); code that
 * shares data with an interrupt handler masks interrupts instead
 * (local_irq_save), which also keeps preemption away.
 */
#ifndef __LINUX_PREEMPT_H
#define __LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/sched.h>

static inline int preempt_count(void)
{
	return READ_ONCE(current->thread_info.preempt_count);
}

static inline void preempt_disable(void)
{
	current->thread_info.preempt_count++;
	barrier();
}

/* Re-enable; a reschedule that came due meanwhile happens now. */
static inline void preempt_enable(void)
{
	barrier();
	if (--current->thread_info.preempt_count == 0 && need_resched() && !irqs_disabled())
		preempt_schedule();
}

static inline void preempt_enable_no_resched(void)
{
	barrier();
	current->thread_info.preempt_count--;
}

/* Give the CPU away if the time slice is over (long loops in the kernel). */
static inline void cond_resched(void)
{
	if (need_resched() && !preempt_count())
		schedule();
}

#endif
