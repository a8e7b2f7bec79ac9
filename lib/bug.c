// SPDX-License-Identifier: GPL-2.0
/*
 * lib/bug.c: what BUG() and WARN() print. Their brk traps to the arch's
 * brk handler (arch/arm64/kernel/traps.c), which calls report_bug() with
 * the address of the brk; the __bug_table entry there (asm/bug.h, gathered
 * by vmlinux.lds.S) gives the file, the line and the kind.
 */
#include <linux/bug.h>
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/ptrace.h>
#include <asm/traps.h>

extern const struct bug_entry __start___bug_table[], __stop___bug_table[];

unsigned int warn_count;
const struct bug_entry *bug_last_reported;

const struct bug_entry *find_bug(unsigned long addr)
{
	for (const struct bug_entry *bug = __start___bug_table; bug < __stop___bug_table; bug++)
		if (bug_addr(bug) == addr)
			return bug;
	return NULL;
}

void __warn_printk(const char *fmt, ...)
{
	va_list args;

	pr_warn("------------[ cut here ]------------\n");
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}

/* "WARNING: CPU: 0 PID: 0 at lib/foo.c:12 func+0x10/0x40", registers, trace. */
static void __warn(const char *file, unsigned int line, struct pt_regs *regs)
{
	char sym[KSYM_SYMBOL_LEN];

	sprint_symbol(sym, sizeof(sym), regs->pc);
	pr_warn("WARNING: CPU: %d PID: %d at %s:%u %s\n", raw_smp_processor_id(), current->pid,
		file, line, sym);
	pr_warn("Modules linked in:\n");
	add_taint(TAINT_WARN);
	show_regs(regs);
	pr_warn("---[ end trace %016x ]---\n", 0);
	warn_count++;
}

enum bug_trap_type report_bug(unsigned long addr, struct pt_regs *regs)
{
	const struct bug_entry *bug = find_bug(addr);

	if (!bug)
		return BUG_TRAP_TYPE_NONE;
	bug_last_reported = bug;
	if (!(bug->flags & BUGFLAG_NO_CUT_HERE))
		pr_warn("------------[ cut here ]------------\n");
	if (bug->flags & BUGFLAG_WARNING) {
		__warn(bug_file(bug), bug->line, regs);
		return BUG_TRAP_TYPE_WARN;
	}
	pr_crit("kernel BUG at %s:%u!\n", bug_file(bug), bug->line);
	return BUG_TRAP_TYPE_BUG;
}
