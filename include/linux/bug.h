/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/bug.h: BUG_ON() for "cannot happen, stop", WARN_ON() and
 * WARN() for "should not happen, say so and go on", as in Linux. Each is a
 * brk (asm/bug.h); the exception handler finds the site in __bug_table
 * (lib/bug.c) and prints "kernel BUG at file:line!" and an oops, or
 * "WARNING: CPU: 0 PID: 0 at file:line func+0x../0x.." and the registers.
 */
#ifndef __LINUX_BUG_H
#define __LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/bug.h>

struct pt_regs;

struct bug_entry {
	int bug_addr_disp;	/* the brk, relative to this entry */
	int file_disp;		/* the file name, relative to this entry */
	unsigned short line;
	unsigned short flags;	/* BUGFLAG_* */
};

enum bug_trap_type {
	BUG_TRAP_TYPE_NONE = 0,	/* not a BUG or WARN site */
	BUG_TRAP_TYPE_WARN = 1,	/* reported: carry on after the brk */
	BUG_TRAP_TYPE_BUG = 2,	/* reported: the caller oopses */
};

#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

#define WARN_ON(condition) ({							\
	int __ret_warn_on = !!(condition);					\
	if (unlikely(__ret_warn_on))						\
		__WARN_FLAGS(0);						\
	unlikely(__ret_warn_on);						\
})

/* Print "cut here" and the message, then warn with no second "cut here". */
__printf(1, 2) void __warn_printk(const char *fmt, ...);

#define WARN(condition, fmt, ...) ({						\
	int __ret_warn_on = !!(condition);					\
	if (unlikely(__ret_warn_on)) {						\
		__warn_printk(fmt, ##__VA_ARGS__);				\
		__WARN_FLAGS(BUGFLAG_NO_CUT_HERE);				\
	}									\
	unlikely(__ret_warn_on);						\
})

#define WARN_ON_ONCE(condition) ({						\
	static bool __warned;							\
	int __ret_warn_once = !!(condition);					\
	if (unlikely(__ret_warn_once && !__warned)) {				\
		__warned = true;						\
		__WARN_FLAGS(0);						\
	}									\
	unlikely(__ret_warn_once);						\
})

/* The table entry for a brk at bug_addr, or NULL. */
const struct bug_entry *find_bug(unsigned long bug_addr);
static inline unsigned long bug_addr(const struct bug_entry *bug)
{
	return (unsigned long)bug + bug->bug_addr_disp;
}

/* Report the BUG/WARN whose brk trapped at regs->pc (arch brk handler). */
enum bug_trap_type report_bug(unsigned long bug_addr, struct pt_regs *regs);

/* Warnings reported since boot, and the last BUG/WARN site (for tests). */
extern unsigned int warn_count;
extern const struct bug_entry *bug_last_reported;

static inline const char *bug_file(const struct bug_entry *bug)
{
	return (const char *)bug + bug->file_disp;
}

#endif
