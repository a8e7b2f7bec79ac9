// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/locking/spinlock_debug.c: CONFIG_DEBUG_SPINLOCK. Every lock
 * records which task and CPU hold it, and misuse is reported in Linux's
 * words, with the lock's state and a backtrace:
 *
 *	BUG: spinlock recursion on CPU#1, init/1
 *	 lock: 0x..., .magic: dead4ead, .owner: init/1, .owner_cpu: 1
 *
 * "bad magic" (not a lock, or never initialised), "recursion" (the task
 * already holds it), "cpu recursion" (this CPU already holds it), and on
 * unlock "already unlocked", "wrong owner", "wrong CPU". As in Linux only
 * the first report is printed (debug_locks goes to 0): after one the
 * kernel is already broken. A report does not stop the operation: a
 * recursive lock still deadlocks, as it would without the option.
 */
#include <linux/dump_stack.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

int debug_locks = 1;

void __raw_spin_lock_init(raw_spinlock_t *lock)
{
	*lock = __RAW_SPIN_LOCK_UNLOCKED(lock);
}

static void spin_dump(raw_spinlock_t *lock, const char *msg)
{
	struct task_struct *owner = READ_ONCE(lock->owner);
	char sym[KSYM_SYMBOL_LEN];

	if (owner == SPINLOCK_OWNER_INIT)
		owner = NULL;
	sprint_symbol(sym, sizeof(sym), (unsigned long)lock);
	pr_emerg("BUG: spinlock %s on CPU#%d, %s/%d\n", msg, raw_smp_processor_id(),
		 current->comm, current->pid);
	pr_emerg(" lock: %s, .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n", sym,
		 READ_ONCE(lock->magic), owner ? owner->comm : "<none>",
		 owner ? owner->pid : -1, (int)READ_ONCE(lock->owner_cpu));
	dump_stack();
}

static void spin_bug(raw_spinlock_t *lock, const char *msg)
{
	/* Only the first: one report, then the kernel is known broken. */
	if (!__atomic_exchange_n(&debug_locks, 0, __ATOMIC_RELAXED))
		return;
	spin_dump(lock, msg);
}

#define SPIN_BUG_ON(cond, lock, msg) do { if (unlikely(cond)) spin_bug(lock, msg); } while (0)

void debug_spin_lock_before(raw_spinlock_t *lock)
{
	SPIN_BUG_ON(READ_ONCE(lock->magic) != SPINLOCK_MAGIC, lock, "bad magic");
	SPIN_BUG_ON(READ_ONCE(lock->owner) == current, lock, "recursion");
	SPIN_BUG_ON(READ_ONCE(lock->owner_cpu) == raw_smp_processor_id(), lock, "cpu recursion");
}

static void debug_spin_lock_after(raw_spinlock_t *lock)
{
	WRITE_ONCE(lock->owner_cpu, raw_smp_processor_id());
	WRITE_ONCE(lock->owner, current);
}

void debug_spin_unlock(raw_spinlock_t *lock)
{
	SPIN_BUG_ON(lock->magic != SPINLOCK_MAGIC, lock, "bad magic");
	SPIN_BUG_ON(!raw_spin_is_locked(lock), lock, "already unlocked");
	SPIN_BUG_ON(lock->owner != current, lock, "wrong owner");
	SPIN_BUG_ON(lock->owner_cpu != raw_smp_processor_id(), lock, "wrong CPU");
	WRITE_ONCE(lock->owner, SPINLOCK_OWNER_INIT);
	WRITE_ONCE(lock->owner_cpu, -1);
}

void do_raw_spin_lock(raw_spinlock_t *lock)
{
	debug_spin_lock_before(lock);
	arch_spin_lock(&lock->raw_lock);
	debug_spin_lock_after(lock);
}

int do_raw_spin_trylock(raw_spinlock_t *lock)
{
	int ret = arch_spin_trylock(&lock->raw_lock);

	if (ret)
		debug_spin_lock_after(lock);
	return ret;
}

void do_raw_spin_unlock(raw_spinlock_t *lock)
{
	debug_spin_unlock(lock);
	arch_spin_unlock(&lock->raw_lock);
}
