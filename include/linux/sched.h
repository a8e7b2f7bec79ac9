/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/sched.h: struct task_struct, one per thread of execution.
 * Only the boot task exists for now (init/init_task.c); `current` is kept in
 * SP_EL0 as on Linux, set by head.S.
 */
#ifndef __LINUX_SCHED_H
#define __LINUX_SCHED_H

#include <linux/types.h>
#include <asm/memory.h>

#define TASK_COMM_LEN 16

struct files_struct;

struct task_struct {
	void *stack;		/* THREAD_SIZE bytes, THREAD_SIZE aligned */
	int pid;
	char comm[TASK_COMM_LEN];
	struct files_struct *files;	/* open file descriptors (fs/file.c) */
};

extern struct task_struct init_task;
extern unsigned long init_stack[THREAD_SIZE / sizeof(unsigned long)];

static inline struct task_struct *get_current(void)
{
	unsigned long sp_el0;

	__asm__("mrs %0, sp_el0" : "=r"(sp_el0));
	return (struct task_struct *)sp_el0;
}
#define current get_current()

#endif
