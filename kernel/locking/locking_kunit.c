// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/locking/locking_kunit.c: KUnit suites for the locking
 * primitives: the spinlock, atomics, per-CPU variables on this CPU
 * (suite "locking"), and CONFIG_DEBUG_SPINLOCK's reports (suite
 * "spinlock_debug", whose cases print Linux's "BUG: spinlock ..." lines
 * on purpose; tools/testing/boot/test_kunit.py checks them).
 * kunit.filter_glob=locking runs the first.
 */
#include <linux/atomic.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <kunit/test.h>

static DEFINE_SPINLOCK(test_lock);
static DEFINE_PER_CPU(unsigned long, test_percpu_counter);

static void spinlock_lock_unlock(struct kunit *test)
{
	int count = preempt_count();

	KUNIT_EXPECT_FALSE(test, spin_is_locked(&test_lock));
	spin_lock(&test_lock);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&test_lock));
	KUNIT_EXPECT_EQ(test, preempt_count(), count + 1);	/* no preemption inside */
	KUNIT_EXPECT_FALSE(test, spin_trylock(&test_lock));	/* busy: at once, 0 */
	KUNIT_EXPECT_EQ(test, preempt_count(), count + 1);
	spin_unlock(&test_lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&test_lock));
	KUNIT_EXPECT_EQ(test, preempt_count(), count);
	KUNIT_ASSERT_TRUE(test, spin_trylock(&test_lock));
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&test_lock));
	spin_unlock(&test_lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), count);
}

/* Each unlock moves owner up to next: after 70,000 rounds both wrapped. */
static void spinlock_tickets_wrap(struct kunit *test)
{
	spinlock_t lock;

	spin_lock_init(&lock);
	for (int i = 0; i < 70000; i++) {	/* past the 16-bit ticket wrap */
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	KUNIT_EXPECT_EQ(test, lock.rlock.raw_lock.tickets.owner, 70000 & 0xffff);
	KUNIT_EXPECT_EQ(test, lock.rlock.raw_lock.tickets.next, 70000 & 0xffff);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
}

static void spinlock_irqsave_masks(struct kunit *test)
{
	unsigned long flags;

	local_irq_enable();
	spin_lock_irqsave(&test_lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irqrestore(&test_lock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	local_irq_disable();
	spin_lock_irqsave(&test_lock, flags);
	spin_unlock_irqrestore(&test_lock, flags);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());	/* restored, not enabled */
	local_irq_enable();

	spin_lock_irq(&test_lock);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	spin_unlock_irq(&test_lock);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

static void atomic_ops(struct kunit *test)
{
	atomic_t a = ATOMIC_INIT(5);
	atomic64_t b = ATOMIC64_INIT(1LL << 40);

	atomic_inc(&a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 6);
	KUNIT_EXPECT_EQ(test, atomic_add_return(10, &a), 16);
	KUNIT_EXPECT_EQ(test, atomic_sub_return(20, &a), -4);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&a, 7, 9), -4);	/* no match: unchanged */
	KUNIT_EXPECT_EQ(test, atomic_read(&a), -4);
	KUNIT_EXPECT_EQ(test, atomic_cmpxchg(&a, -4, 9), -4);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 9);
	KUNIT_EXPECT_EQ(test, atomic_xchg(&a, 1), 9);
	KUNIT_EXPECT_TRUE(test, atomic_dec_and_test(&a));
	atomic_or(0x30, &a);
	atomic_and(0x20, &a);
	KUNIT_EXPECT_EQ(test, atomic_read(&a), 0x20);

	KUNIT_EXPECT_EQ(test, atomic64_add_return(1, &b), (1LL << 40) + 1);
	KUNIT_EXPECT_EQ(test, atomic64_cmpxchg(&b, (1LL << 40) + 1, 3), (1LL << 40) + 1);
	KUNIT_EXPECT_EQ(test, atomic64_read(&b), 3);
}

static void percpu_this_cpu(struct kunit *test)
{
	unsigned long flags, before;
	unsigned int cpu;

	local_irq_save(flags);
	cpu = smp_processor_id();
	KUNIT_EXPECT_TRUE(test, cpu_online(cpu));
	KUNIT_EXPECT_EQ(test, (unsigned long)this_cpu_ptr(&test_percpu_counter),
			(unsigned long)per_cpu_ptr(&test_percpu_counter, cpu));
	KUNIT_EXPECT_EQ(test, __my_cpu_offset(), per_cpu_offset(cpu));
	/* Every possible CPU has its own copy, none the template. */
	for_each_possible_cpu(cpu) {
		KUNIT_EXPECT_NE(test, (unsigned long)per_cpu_ptr(&test_percpu_counter, cpu),
				(unsigned long)&test_percpu_counter);
		KUNIT_EXPECT_EQ(test, per_cpu(cpu_number, cpu), cpu);
	}
	before = per_cpu(test_percpu_counter, smp_processor_id());
	this_cpu_inc(test_percpu_counter);
	this_cpu_add(test_percpu_counter, 2);
	KUNIT_EXPECT_EQ(test, this_cpu_read(test_percpu_counter), before + 3);
	KUNIT_EXPECT_EQ(test, test_percpu_counter, 0);	/* the template is untouched */
	local_irq_restore(flags);
}

static struct kunit_case locking_cases[] = {
	KUNIT_CASE(spinlock_lock_unlock),
	KUNIT_CASE(spinlock_tickets_wrap),
	KUNIT_CASE(spinlock_irqsave_masks),
	KUNIT_CASE(atomic_ops),
	KUNIT_CASE(percpu_this_cpu),
	{}
};

static struct kunit_suite locking_suite = {
	.name = "locking",
	.test_cases = locking_cases,
};
kunit_test_suite(locking_suite);

#ifdef CONFIG_DEBUG_SPINLOCK
extern int debug_locks;
void debug_spin_lock_before(raw_spinlock_t *lock);

/*
 * Taking a lock the task already holds: reported as "recursion" before
 * the CPU would spin forever (the case calls the check itself and stops
 * there, so the test can go on).
 */
static void spinlock_debug_recursion(struct kunit *test)
{
	spinlock_t lock;

	spin_lock_init(&lock);
	debug_locks = 1;
	spin_lock(&lock);
	KUNIT_EXPECT_TRUE(test, lock.rlock.owner == current);
	KUNIT_EXPECT_EQ(test, lock.rlock.owner_cpu, smp_processor_id());
	debug_spin_lock_before(&lock.rlock);
	KUNIT_EXPECT_EQ(test, debug_locks, 0);		/* reported */
	spin_unlock(&lock);
	KUNIT_EXPECT_TRUE(test, lock.rlock.owner == SPINLOCK_OWNER_INIT);
	debug_locks = 1;
}

static void spinlock_debug_already_unlocked(struct kunit *test)
{
	spinlock_t lock;

	spin_lock_init(&lock);
	debug_locks = 1;
	do_raw_spin_unlock(&lock.rlock);
	KUNIT_EXPECT_EQ(test, debug_locks, 0);
	debug_locks = 1;
}

/* Correct use reports nothing. */
static void spinlock_debug_quiet_when_correct(struct kunit *test)
{
	spinlock_t lock;
	unsigned long flags;

	spin_lock_init(&lock);
	debug_locks = 1;
	spin_lock_irqsave(&lock, flags);
	spin_unlock_irqrestore(&lock, flags);
	KUNIT_ASSERT_TRUE(test, spin_trylock(&lock));
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
}

static struct kunit_case spinlock_debug_cases[] = {
	KUNIT_CASE(spinlock_debug_quiet_when_correct),
	KUNIT_CASE(spinlock_debug_recursion),
	KUNIT_CASE(spinlock_debug_already_unlocked),
	{}
};

static struct kunit_suite spinlock_debug_suite = {
	.name = "spinlock_debug",
	.test_cases = spinlock_debug_cases,
};
kunit_test_suite(spinlock_debug_suite);
#endif
