// SPDX-License-Identifier: GPL-2.0
/*
 * init/init_task.c: the boot task (pid 0, "swapper" as on Linux) and its
 * stack, which head.S (__primary_switched) installs before calling
 * start_kernel. Both live in .data, not .bss: head.S clears .bss while
 * already running on this stack.
 */
#include <linux/init.h>
#include <linux/sched.h>

unsigned long init_stack[THREAD_SIZE / sizeof(unsigned long)]
	__section(".data..init_stack") __aligned(THREAD_SIZE);

struct task_struct init_task __section(".data") = {
	.stack = init_stack,
	.pid = 0,
	.comm = "swapper",
};
