/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/stubs/include/linux/printk.h: the kernel's printk.h,
 * plus the capture buffer of the host tests.
 *
 * The real header (found next on the include path) keeps its pr_*() macros
 * and KERN_* levels. printk() itself is stubs/printk.c: instead of a log
 * ring and consoles it appends each message to a buffer the tests read
 * (see printk_capture.h).
 */
#include_next <linux/printk.h>
#include "../../printk_capture.h"
