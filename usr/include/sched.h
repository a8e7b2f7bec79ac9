/* SPDX-License-Identifier: GPL-2.0 */
/* sched.h: sched_yield(). */
#ifndef _SCHED_H
#define _SCHED_H

int sched_yield(void);

#endif /* _SCHED_H */
