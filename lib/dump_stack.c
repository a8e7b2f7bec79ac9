// SPDX-License-Identifier: GPL-2.0
/*
 * lib/dump_stack.c: the header of every register dump and backtrace, in
 * Linux's words, and dump_stack(). The release and build number come from
 * linux_banner (init/version-timestamp.c), the hardware name from the
 * device tree's model (setup_arch).
 */
#include <linux/dump_stack.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/stacktrace.h>

extern const char linux_banner[];

static char arch_desc[128];
static unsigned long tainted_mask;

void add_taint(unsigned int flag)
{
	tainted_mask |= 1UL << flag;
}

bool test_taint(unsigned int flag)
{
	return tainted_mask & (1UL << flag);
}

void dump_stack_set_arch_desc(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(arch_desc, sizeof(arch_desc), fmt, args);
	va_end(args);
}

/*
 * "Not tainted", or Linux's 19 flag columns: 'G' (no proprietary module)
 * first, then a letter for each taint set, a space otherwise.
 */
static const char *print_tainted(char *buf, size_t size)
{
	static const char letters[] = "PFSRMBUDAWCIOELKXTN";

	if (!tainted_mask)
		return "Not tainted";
	if (size < sizeof("Tainted: ") + sizeof(letters))
		return "Tainted";
	strlcpy(buf, "Tainted: ", size);
	for (unsigned int i = 0; i < sizeof(letters) - 1; i++) {
		char c = tainted_mask & (1UL << i) ? letters[i] : ' ';

		if (i == 0 && c == ' ')
			c = 'G';
		buf[9 + i] = c;
	}
	buf[9 + sizeof(letters) - 1] = '\0';
	return buf;
}

/* "0.1.0 #3" from "headstart version 0.1.0 (...) (...) #3 <date>". */
static void release_and_version(char *buf, size_t size)
{
	const char *rel = linux_banner + strlen("headstart version ");
	const char *end = strchr(rel, ' ');
	const char *num = strstr(rel, ") #"), *num_end;
	int n;

	n = snprintf(buf, size, "%.*s", end ? (int)(end - rel) : 0, rel);
	/* The compiler's name may hold ") #" too: the build number is the last. */
	while (num) {
		const char *next = strstr(num + 1, ") #");

		if (!next)
			break;
		num = next;
	}
	if (!num || n < 0 || (size_t)n >= size)
		return;
	num += 2;
	num_end = strchr(num, ' ');
	snprintf(buf + n, size - n, " %.*s", num_end ? (int)(num_end - num) : 0, num);
}

void printk_lvl(const char *lvl, const char *fmt, ...)
{
	char lvl_fmt[128];
	va_list args;

	/* printk reads the level from the format, not from an argument. */
	snprintf(lvl_fmt, sizeof(lvl_fmt), "%s%s", lvl, fmt);
	va_start(args, fmt);
	vprintk(lvl_fmt, args);
	va_end(args);
}

void dump_stack_print_info(const char *log_lvl)
{
	char taint[40], version[64];

	release_and_version(version, sizeof(version));
	printk_lvl(log_lvl, "CPU: %d PID: %d Comm: %.20s %s %s\n", raw_smp_processor_id(),
		   current->pid, current->comm, print_tainted(taint, sizeof(taint)), version);
	if (arch_desc[0])
		printk_lvl(log_lvl, "Hardware name: %s\n", arch_desc);
}

void dump_stack(void)
{
	dump_stack_print_info(KERN_WARNING);
	dump_backtrace(NULL, KERN_WARNING);
}
