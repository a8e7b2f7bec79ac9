// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/locking/rwsem_kunit.c: KUnit suite "rwsem" for the read-write
 * semaphore (kernel/locking/rwsem.c): readers share it and keep writers
 * out, a writer keeps everyone out, a waiting writer keeps new readers out
 * (no writer starvation) and is woken, and gets it, when the last reader
 * leaves; readers waiting on a writer are all woken when it leaves. The
 * sleepers are kernel threads, run on whichever CPU the scheduler picks.
 * kunit.filter_glob=rwsem runs it.
 */
#include <linux/atomic.h>
#include <linux/jiffies.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <kunit/test.h>

static DECLARE_RWSEM(test_sem);

static void rwsem_readers_share_writer_alone(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&test_sem));
	down_read(&test_sem);
	KUNIT_EXPECT_TRUE(test, down_read_trylock(&test_sem));	/* a second reader */
	KUNIT_EXPECT_FALSE(test, down_write_trylock(&test_sem));
	up_read(&test_sem);
	KUNIT_EXPECT_FALSE(test, down_write_trylock(&test_sem));	/* one reader left */
	up_read(&test_sem);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&test_sem));
	KUNIT_ASSERT_TRUE(test, down_write_trylock(&test_sem));
	KUNIT_EXPECT_FALSE(test, down_read_trylock(&test_sem));
	KUNIT_EXPECT_FALSE(test, down_write_trylock(&test_sem));
	up_write(&test_sem);
	down_write(&test_sem);		/* free: at once */
	up_write(&test_sem);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&test_sem));
}

static volatile int writer_started, writer_holds, writer_done;

static int writer(void *arg)
{
	writer_started = 1;
	down_write(&test_sem);		/* sleeps: the test's reader holds it */
	writer_holds = 1;
	up_write(&test_sem);
	writer_done = 1;
	return 0;
}

/* Wait (yielding) for flag, at most a second. */
static bool wait_flag(volatile int *flag)
{
	unsigned long deadline = jiffies + HZ;

	while (!*flag && time_before(jiffies, deadline))
		schedule();
	return *flag;
}

static void rwsem_writer_waits_for_readers(struct kunit *test)
{
	unsigned long deadline = jiffies + HZ;

	writer_started = writer_holds = writer_done = 0;
	down_read(&test_sem);
	KUNIT_ASSERT_TRUE(test, kthread_run(writer, NULL, "kunit-rwsem-w") != NULL);
	KUNIT_ASSERT_TRUE(test, wait_flag(&writer_started));
	while (!READ_ONCE(test_sem.writers_waiting) && time_before(jiffies, deadline))
		schedule();
	KUNIT_ASSERT_EQ(test, READ_ONCE(test_sem.writers_waiting), 1U);	/* queued, asleep */
	KUNIT_EXPECT_EQ(test, writer_holds, 0);
	/* A writer waits: a new reader must wait too (the writer is not starved). */
	KUNIT_EXPECT_FALSE(test, down_read_trylock(&test_sem));
	up_read(&test_sem);		/* the last reader wakes the writer */
	KUNIT_EXPECT_TRUE(test, wait_flag(&writer_done));
	KUNIT_EXPECT_EQ(test, writer_holds, 1);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&test_sem));
	KUNIT_EXPECT_EQ(test, test_sem.writers_waiting, 0U);
}

#define NR_READERS 3
static atomic_t readers_in, readers_done;

static int reader(void *arg)
{
	down_read(&test_sem);		/* sleeps: the test's writer holds it */
	atomic_inc(&readers_in);
	up_read(&test_sem);
	atomic_inc(&readers_done);
	return 0;
}

/* Tasks queued on test_sem's wait queue. */
static int sleepers(void)
{
	struct wait_queue_entry *wait;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&test_sem.wait.lock, flags);
	list_for_each_entry(wait, &test_sem.wait.head, entry)
		n++;
	spin_unlock_irqrestore(&test_sem.wait.lock, flags);
	return n;
}

static void rwsem_readers_wait_for_writer(struct kunit *test)
{
	unsigned long deadline = jiffies + HZ;

	atomic_set(&readers_in, 0);
	atomic_set(&readers_done, 0);
	down_write(&test_sem);
	for (int i = 0; i < NR_READERS; i++)
		KUNIT_ASSERT_TRUE(test, kthread_run(reader, NULL, "kunit-rwsem-r") != NULL);
	while (sleepers() < NR_READERS && time_before(jiffies, deadline))
		schedule();		/* until all of them wait on it */
	KUNIT_ASSERT_EQ(test, sleepers(), NR_READERS);
	KUNIT_EXPECT_EQ(test, atomic_read(&readers_in), 0);
	up_write(&test_sem);		/* wakes every one of them */
	while (atomic_read(&readers_done) < NR_READERS && time_before(jiffies, deadline))
		schedule();
	KUNIT_EXPECT_EQ(test, atomic_read(&readers_done), NR_READERS);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&test_sem));
}

static struct kunit_case rwsem_cases[] = {
	KUNIT_CASE(rwsem_readers_share_writer_alone),
	KUNIT_CASE(rwsem_writer_waits_for_readers),
	KUNIT_CASE(rwsem_readers_wait_for_writer),
	{}
};

static struct kunit_suite rwsem_suite = {
	.name = "rwsem",
	.test_cases = rwsem_cases,
};
kunit_test_suite(rwsem_suite);
