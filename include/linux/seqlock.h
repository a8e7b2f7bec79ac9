/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/seqlock.h: sequence counts, Linux's names. Data that many
 * read and one writes (under a lock of its own), read without a lock:
 *
 *	do {
 *		seq = read_seqcount_begin(&s);	waits while a write is under way
 *		... copy the data ...
 *	} while (read_seqcount_retry(&s, seq));	it changed meanwhile: again
 *
 *	write_seqcount_begin(&s); ... change it ... write_seqcount_end(&s);
 *
 * The count is odd while a write is under way. A reader must not be able
 * to interrupt the writer on its own CPU (it would wait for ever): the
 * writer masks interrupts when interrupt handlers read.
 */
#ifndef __LINUX_SEQLOCK_H
#define __LINUX_SEQLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>

typedef struct seqcount {
	unsigned int sequence;
} seqcount_t;

#define SEQCNT_ZERO(name) { 0 }

static inline unsigned int read_seqcount_begin(const seqcount_t *s)
{
	unsigned int seq;

	while ((seq = READ_ONCE(s->sequence)) & 1)
		__asm__ volatile("yield" : : : "memory");
	smp_rmb();		/* the count before the data */
	return seq;
}

static inline int read_seqcount_retry(const seqcount_t *s, unsigned int start)
{
	smp_rmb();		/* the data before the count again */
	return READ_ONCE(s->sequence) != start;
}

static inline void write_seqcount_begin(seqcount_t *s)
{
	WRITE_ONCE(s->sequence, s->sequence + 1);
	smp_wmb();		/* odd before the data changes */
}

static inline void write_seqcount_end(seqcount_t *s)
{
	smp_wmb();		/* the data before even again */
	WRITE_ONCE(s->sequence, s->sequence + 1);
}

#endif
