// SPDX-License-Identifier: GPL-2.0
/* ktap.c: the KTAP printer of ktap.h, one write(2) per line. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "ktap.h"

const char *ktap_argv0;

static const char *suite_name;
static int planned, ran, passed, failed, skipped;
static int indent;

static void line(const char *fmt, va_list ap, const char *prefix, const char *suffix)
{
	char buf[512];
	int n = 0;

	n += snprintf(buf + n, sizeof(buf) - n, "%*s%s", indent, "", prefix);
	if (n < (int)sizeof(buf))
		n += vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	if (n < (int)sizeof(buf))
		n += snprintf(buf + n, sizeof(buf) - n, "%s", suffix);
	if (n >= (int)sizeof(buf) - 1) {
		n = sizeof(buf) - 1;
		buf[n - 1] = '\n';
	}
	write_all(1, buf, (size_t)n);
}

static void linef(const char *prefix, const char *suffix, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	line(fmt, ap, prefix, suffix);
	va_end(ap);
}

void ktap_start(const char *suite, int nr_cases)
{
	const char *depth = getenv("KTAP_DEPTH");

	indent = depth ? 4 * atoi(depth) : 0;
	suite_name = suite;
	planned = nr_cases;
	linef("", "\n", "KTAP version 1");
	if (indent)
		linef("", "\n", "# Subtest: %s", suite);
	linef("", "\n", "1..%d", nr_cases);
}

int ktap_result(int ok, const char *name, ...)
{
	char prefix[32];
	va_list ap;

	ran++;
	ok ? passed++ : failed++;
	snprintf(prefix, sizeof(prefix), "%s %d ", ok ? "ok" : "not ok", ran);
	va_start(ap, name);
	line(name, ap, prefix, "\n");
	va_end(ap);
	return ok;
}

void ktap_skip(const char *reason, const char *name, ...)
{
	char prefix[32], suffix[256];
	va_list ap;

	ran++;
	skipped++;
	snprintf(prefix, sizeof(prefix), "ok %d ", ran);
	snprintf(suffix, sizeof(suffix), " # SKIP %s\n", reason);
	va_start(ap, name);
	line(name, ap, prefix, suffix);
	va_end(ap);
}

void ktap_diag(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	line(fmt, ap, "# ", "\n");
	va_end(ap);
}

int ktap_finish(void)
{
	if (ran != planned) {
		ktap_diag("planned %d cases but ran %d", planned, ran);
		failed++;
	}
	ktap_diag("%s: pass:%d fail:%d skip:%d total:%d", suite_name, passed, failed,
		  skipped, ran);
	if (failed)
		return KSFT_FAIL;
	return skipped == ran && ran ? KSFT_SKIP : KSFT_PASS;
}

int ktap_on_linux(void)
{
	static struct utsname u;

	if (!u.sysname[0] && uname(&u) < 0)
		return 0;
	return !strcmp(u.sysname, "Linux");
}

int ktap_qemu_user(void)
{
	const char *e = getenv("HS_EMULATOR");

	return e && !strcmp(e, "qemu-user");
}
