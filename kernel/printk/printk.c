// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/printk/printk.c: the kernel log.
 *
 * Every message is formatted once, stamped with the time since boot
 * ("[    0.000123] ") and appended to __log_buf, a ring of text in the
 * syslog(2) format "<level>[time] message\n" that a debugger can read after
 * a crash (scripts/gdb). Lines below console_loglevel also go to every
 * registered console; a console that registers late is first given the
 * whole buffer, so nothing printed before the UART was known is lost.
 *
 * logbuf_lock (interrupts masked) covers storing a message and writing it
 * to the consoles, so lines from different CPUs never interleave, on the
 * console or in the buffer. A CPU that printks while it already holds the
 * lock (an oops inside a console driver) goes on without it rather than
 * deadlock. Consoles are registered at boot, before other CPUs run.
 */
#include <linux/console.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/serial_core.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/arch_timer.h>

#define LOG_BUF_LEN (1 << CONFIG_LOG_BUF_SHIFT)
#define PREFIX_MAX 32	/* "<7>[12345.123456] " fits */

char __log_buf[LOG_BUF_LEN] __aligned(8);
const u32 log_buf_len = LOG_BUF_LEN;
u64 log_next;

int console_loglevel = CONFIG_CONSOLE_LOGLEVEL_DEFAULT;

static struct console *console_list;
static DEFINE_RAW_SPINLOCK(logbuf_lock);
static int logbuf_cpu = -1;	/* the CPU holding logbuf_lock */
static bool line_open;		/* last message did not end with '\n' */
static int open_line_level;

static void log_store(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		__log_buf[(log_next + i) % LOG_BUF_LEN] = s[i];
	log_next += n;
}

static void console_emit(const char *s, size_t n, int level)
{
	if (level >= console_loglevel)
		return;
	for (struct console *con = console_list; con; con = con->next)
		if (con->flags & CON_ENABLED)
			con->write(con, s, n);
}

/* Strip a "<N>" level prefix from a stored line for a console. */
static const char *skip_level(const char *line, size_t *len, int *level)
{
	*level = LOGLEVEL_DEFAULT;
	if (*len >= 3 && line[0] == '<' && line[2] == '>') {
		*level = line[1] - '0';
		*len -= 3;
		return line + 3;
	}
	return line;
}

/*
 * Give a newly registered console everything logged so far, line by line
 * (each line's "<level>" decides whether it is shown, then is dropped). A
 * line longer than the buffer goes out in pieces, its end and newline
 * included, so the next line still starts on a line of its own.
 */
static void console_replay(struct console *con)
{
	u64 start = log_next > LOG_BUF_LEN ? log_next - LOG_BUF_LEN : 0;
	char chunk[256];
	size_t n = 0;
	int level = LOGLEVEL_DEFAULT;
	bool line_start = true;

	for (u64 i = start; i < log_next; i++) {
		char c = __log_buf[i % LOG_BUF_LEN];

		chunk[n++] = c;
		if (line_start && n == 3) {	/* "<N>": the line's level */
			const char *text = skip_level(chunk, &n, &level);

			if (text != chunk)
				n = 0;
			line_start = false;
		}
		if (c == '\n' || n == sizeof(chunk) || i + 1 == log_next) {
			if (level < console_loglevel)
				con->write(con, chunk, n);
			n = 0;
			if (c == '\n') {
				line_start = true;
				level = LOGLEVEL_DEFAULT;
			}
		}
	}
}

static int timestamp(char *buf, size_t size)
{
	u64 ns = local_clock();

	return snprintf(buf, size, "[%5llu.%06llu] ", ns / 1000000000ULL,
			(ns % 1000000000ULL) / 1000);
}

int vprintk(const char *fmt, va_list args)
{
	char text[512];
	const char *p = text, *end;
	int level = -1, len, cpu;
	bool cont = false, recursing;
	unsigned long flags;

	/* The level: KERN_SOH and a digit, or KERN_CONT. */
	while (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] == 'c')
			cont = true;
		else if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		fmt += 2;
	}
	len = vsnprintf(text, sizeof(text), fmt, args);
	if (len >= (int)sizeof(text))
		len = sizeof(text) - 1;
	end = text + len;

	local_irq_save(flags);
	cpu = raw_smp_processor_id();
	recursing = READ_ONCE(logbuf_cpu) == cpu;
	if (!recursing) {
		do_raw_spin_lock(&logbuf_lock);
		WRITE_ONCE(logbuf_cpu, cpu);
	}

	/* A message without a level continues an unfinished line. */
	if (line_open && (cont || level < 0)) {
		level = open_line_level;
	} else {
		if (line_open) {	/* a new message ends the open line */
			log_store("\n", 1);
			console_emit("\n", 1, open_line_level);
		}
		line_open = false;
		if (level < 0)
			level = LOGLEVEL_DEFAULT;
	}

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);
		const char *stop = nl ? nl + 1 : end;
		char line[PREFIX_MAX + sizeof(text)];
		int h = 0;

		/* "<level>[time] " starts a line; consoles get it without "<level>". */
		if (!line_open) {
			h = snprintf(line, PREFIX_MAX, "<%d>", level);
			h += timestamp(line + h, PREFIX_MAX - h);
		}
		memcpy(line + h, p, stop - p);
		log_store(line, h + (stop - p));
		if (h)
			console_emit(line + 3, h - 3 + (stop - p), level);
		else
			console_emit(line, stop - p, level);
		line_open = !nl;
		open_line_level = level;
		p = stop;
	}
	if (!recursing) {
		WRITE_ONCE(logbuf_cpu, -1);
		do_raw_spin_unlock(&logbuf_lock);
	}
	local_irq_restore(flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

static const char *console_label(struct console *con, char *buf, size_t size)
{
	if (con->index >= 0)
		snprintf(buf, size, "%s%d", con->name, con->index);
	else
		snprintf(buf, size, "%s", con->name);
	return buf;
}

void register_console(struct console *con)
{
	struct console **pp, *boot = NULL;
	char label[24];

	for (struct console *c = console_list; c; c = c->next)
		if (c->flags & CON_BOOT)
			boot = c;

	/* A boot console already showed the log: the real one need not. */
	if (!(boot && !(con->flags & CON_BOOT)))
		console_replay(con);

	con->flags |= CON_ENABLED;
	con->next = console_list;
	console_list = con;

	pr_info("printk: %sconsole [%s] enabled\n",
		(con->flags & CON_BOOT) ? "boot" : "", console_label(con, label, sizeof(label)));

	if (boot && !(con->flags & CON_BOOT)) {
		for (pp = &console_list; *pp;) {
			if ((*pp)->flags & CON_BOOT) {
				struct console *b = *pp;

				pr_info("printk: bootconsole [%s] disabled\n",
					console_label(b, label, sizeof(label)));
				*pp = b->next;
				b->flags &= ~CON_ENABLED;
			} else {
				pp = &(*pp)->next;
			}
		}
	}
}

void unregister_console(struct console *con)
{
	for (struct console **pp = &console_list; *pp; pp = &(*pp)->next) {
		if (*pp == con) {
			*pp = con->next;
			con->flags &= ~CON_ENABLED;
			return;
		}
	}
}

/*
 * Called on the way to a halt: if no console was ever registered (the
 * failure came before the device tree named one), give the log to the
 * fallback UART so that the reason is seen.
 */
void console_ensure_output(void)
{
	if (!console_has_enabled(false) && !console_has_enabled(true))
		fallback_console_init(true);	/* the tree may name one */
}

/*
 * loglevel=N and quiet, as on Linux: N may be negative (nothing shown); a
 * value that is not a number is refused ("Malformed early option") and the
 * level stays as it was.
 */
static int __init loglevel_setup(char *arg)
{
	bool negative;
	char *end;
	long long level;

	if (!arg)
		return -EINVAL;
	negative = *arg == '-';
	level = simple_strtoull(arg + negative, &end, 0);
	if (end == arg + negative || *end)
		return -EINVAL;
	console_loglevel = negative ? -level : level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static int __init quiet_setup(char *arg)
{
	console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	return 0;
}
early_param("quiet", quiet_setup);

/* An oops or a panic is shown whatever loglevel= asked, as on Linux. */
void console_verbose(void)
{
	if (console_loglevel < CONSOLE_LOGLEVEL_MOTORMOUTH)
		console_loglevel = CONSOLE_LOGLEVEL_MOTORMOUTH;
}

/*
 * console=name<index>[,options], up to 8 times as on Linux: which consoles
 * the user wants. With none given, drivers follow /chosen/stdout-path.
 */
#define MAX_CMDLINECONSOLES 8
static char console_cmdline[MAX_CMDLINECONSOLES][16];
static int console_cmdline_count;

static int __init console_setup(char *arg)
{
	char *comma;

	if (!arg)
		return -EINVAL;
	if (console_cmdline_count == MAX_CMDLINECONSOLES) {
		pr_warn("printk: more than %d console= options: console=%s ignored\n",
			MAX_CMDLINECONSOLES, arg);
		return 0;
	}
	strlcpy(console_cmdline[console_cmdline_count], arg, sizeof(console_cmdline[0]));
	/* Options after ',' (baud rate...) are accepted and ignored. */
	comma = strchr(console_cmdline[console_cmdline_count], ',');
	if (comma)
		*comma = '\0';
	console_cmdline_count++;
	return 0;
}
__setup("console=", console_setup);

bool console_requested(const char *name, int index, bool *any_given)
{
	char want[24];

	snprintf(want, sizeof(want), "%s%d", name, index);
	*any_given = console_cmdline_count > 0;
	for (int i = 0; i < console_cmdline_count; i++)
		if (!strcmp(console_cmdline[i], want))
			return true;
	return false;
}

/* Say which console= options named nothing this kernel could use. */
void console_report_unmatched(void)
{
	for (int i = 0; i < console_cmdline_count; i++)
		pr_warn("printk: console=%s: no such console here\n",
			console_cmdline[i][0] ? console_cmdline[i] : "(empty)");
}

bool console_has_enabled(bool boot)
{
	for (struct console *c = console_list; c; c = c->next)
		if ((c->flags & CON_ENABLED) && !!(c->flags & CON_BOOT) == boot)
			return true;
	return false;
}
