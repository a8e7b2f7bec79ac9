/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/vdso/helpers.h: the sequence count around the vvar page
 * (include/vdso/datapage.h), Linux's names. One writer at a time (the
 * kernel holds timekeeper_lock); readers on any CPU, at EL0 or EL1:
 *
 *	do {
 *		seq = vdso_read_begin(vd);	waits while seq is odd
 *		... read the fields ...
 *	} while (vdso_read_retry(vd, seq));	a write came in between
 *
 * The barriers order the field accesses against seq: the writer makes
 * seq odd before it touches a field and even after the last one; the
 * reader reads seq before the first field and again after the last.
 */
#ifndef __VDSO_HELPERS_H
#define __VDSO_HELPERS_H

#include <linux/compiler.h>
#include <asm/barrier.h>
#include <vdso/datapage.h>

static __always_inline u32 vdso_read_begin(const struct vdso_data *vd)
{
	u32 seq;

	while (unlikely((seq = READ_ONCE(vd->seq)) & 1))
		__asm__ volatile("yield" : : : "memory");
	smp_rmb();		/* seq before the fields */
	return seq;
}

static __always_inline u32 vdso_read_retry(const struct vdso_data *vd, u32 start)
{
	smp_rmb();		/* the fields before seq again */
	return READ_ONCE(vd->seq) != start;
}

static __always_inline void vdso_write_begin(struct vdso_data *vd)
{
	WRITE_ONCE(vd[CS_HRES_COARSE].seq, vd[CS_HRES_COARSE].seq + 1);
	WRITE_ONCE(vd[CS_RAW].seq, vd[CS_RAW].seq + 1);
	smp_wmb();		/* seq odd before any field changes */
}

static __always_inline void vdso_write_end(struct vdso_data *vd)
{
	smp_wmb();		/* every field before seq is even again */
	WRITE_ONCE(vd[CS_HRES_COARSE].seq, vd[CS_HRES_COARSE].seq + 1);
	WRITE_ONCE(vd[CS_RAW].seq, vd[CS_RAW].seq + 1);
}

#endif
