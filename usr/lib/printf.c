// SPDX-License-Identifier: GPL-2.0
/*
 * printf.c: the printf family. One formatter, format(), writes through a
 * `struct sink`: either into a caller's buffer (snprintf: truncating, counting
 * what would have been written) or into a 256-byte buffer flushed to a file
 * descriptor (printf, dprintf, fprintf). See stdio.h for the no-buffering rule.
 *
 * Conversions: %d %i %u %x %X %o %c %s %p %%, flags - 0 + space #, width and
 * precision (also *), length hh h l ll z t j. No floating point: user space is
 * built with -mgeneral-regs-only (usr/Makefile).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct sink {
	char *buf;
	size_t size;		/* room in buf */
	size_t pos;		/* bytes stored in buf */
	size_t total;		/* bytes produced, stored or not */
	int fd;			/* >= 0: flush buf to fd when full */
	int error;
};

static void flush(struct sink *s)
{
	if (s->fd >= 0 && s->pos) {
		if (write_all(s->fd, s->buf, s->pos) < 0)
			s->error = 1;
		s->pos = 0;
	}
}

static void put(struct sink *s, char c)
{
	if (s->fd >= 0) {
		if (s->pos == s->size)
			flush(s);
		s->buf[s->pos++] = c;
	} else if (s->pos + 1 < s->size) {
		s->buf[s->pos++] = c;		/* keep a byte for the NUL */
	}
	s->total++;
}

static void put_n(struct sink *s, char c, int n)
{
	while (n-- > 0)
		put(s, c);
}

enum { LEFT = 1, ZERO = 2, PLUS = 4, SPACE = 8, ALT = 16 };

struct spec {
	int flags;
	int width;
	int prec;		/* -1: none given */
};

static void put_str(struct sink *s, const struct spec *sp, const char *str)
{
	int len, i;

	if (!str)
		str = "(null)";
	len = (int)strnlen(str, sp->prec >= 0 ? (size_t)sp->prec : (size_t)-1);
	if (!(sp->flags & LEFT))
		put_n(s, ' ', sp->width - len);
	for (i = 0; i < len; i++)
		put(s, str[i]);
	if (sp->flags & LEFT)
		put_n(s, ' ', sp->width - len);
}

/*
 * One integer: sign or 0x prefix, then zeros (to the precision, or to the
 * width with the 0 flag), then the digits, padded with spaces to the width.
 */
static void put_num(struct sink *s, struct spec sp, uint64_t v, int negative,
		    unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	const char *prefix = "";
	int n = 0, zeros, pad;

	while (v) {
		tmp[n++] = digits[v % base];
		v /= base;
	}
	if (n == 0 && sp.prec != 0)
		tmp[n++] = '0';
	if (negative)
		prefix = "-";
	else if (sp.flags & PLUS)
		prefix = "+";
	else if (sp.flags & SPACE)
		prefix = " ";
	if ((sp.flags & ALT) && base == 16 && n && !(n == 1 && tmp[0] == '0'))
		prefix = upper ? "0X" : "0x";
	if ((sp.flags & ALT) && base == 8 && tmp[n - 1] != '0')
		prefix = "0";

	zeros = sp.prec > n ? sp.prec - n : 0;
	pad = sp.width - n - zeros - (int)strlen(prefix);
	if ((sp.flags & ZERO) && !(sp.flags & LEFT) && sp.prec < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}
	if (!(sp.flags & LEFT))
		put_n(s, ' ', pad);
	while (*prefix)
		put(s, *prefix++);
	put_n(s, '0', zeros);
	while (n)
		put(s, tmp[--n]);
	if (sp.flags & LEFT)
		put_n(s, ' ', pad);
}

static int parse_int(const char **f)
{
	int v = 0;

	while (**f >= '0' && **f <= '9')
		v = v * 10 + *(*f)++ - '0';
	return v;
}

static void format(struct sink *s, const char *f, va_list ap)
{
	for (; *f; f++) {
		struct spec sp = { .prec = -1 };
		int len = 0;		/* 'H' hh, 'h', 'l' (also ll/z/t/j) */
		int64_t sv;
		uint64_t uv;

		if (*f != '%') {
			put(s, *f);
			continue;
		}
		for (;; f++) {
			int fl = f[1] == '-' ? LEFT : f[1] == '0' ? ZERO : f[1] == '+' ? PLUS :
				 f[1] == ' ' ? SPACE : f[1] == '#' ? ALT : 0;
			if (!fl)
				break;
			sp.flags |= fl;
		}
		f++;
		if (*f == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.flags |= LEFT;
				sp.width = -sp.width;
			}
			f++;
		} else {
			sp.width = parse_int(&f);
		}
		if (*f == '.') {
			f++;
			if (*f == '*') {
				sp.prec = va_arg(ap, int);
				f++;
			} else {
				sp.prec = parse_int(&f);
			}
		}
		if (*f == 'h') {
			len = 'h';
			if (*++f == 'h') {
				len = 'H';
				f++;
			}
		} else if (*f == 'l' || *f == 'z' || *f == 't' || *f == 'j') {
			len = 'l';
			if (*f == 'l' && f[1] == 'l')
				f++;
			f++;
		}

		switch (*f) {
		case 'd':
		case 'i':
			sv = len == 'l' ? va_arg(ap, long) : va_arg(ap, int);
			if (len == 'h')
				sv = (short)sv;
			else if (len == 'H')
				sv = (signed char)sv;
			put_num(s, sp, sv < 0 ? 0 - (uint64_t)sv : (uint64_t)sv, sv < 0, 10, 0);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			uv = len == 'l' ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
			if (len == 'h')
				uv = (unsigned short)uv;
			else if (len == 'H')
				uv = (unsigned char)uv;
			put_num(s, sp, uv, 0, *f == 'u' ? 10 : *f == 'o' ? 8 : 16, *f == 'X');
			break;
		case 'p':
			sp.flags |= ALT;
			put_num(s, sp, (uintptr_t)va_arg(ap, void *), 0, 16, 0);
			break;
		case 'c':
			if (!(sp.flags & LEFT))
				put_n(s, ' ', sp.width - 1);
			put(s, (char)va_arg(ap, int));
			if (sp.flags & LEFT)
				put_n(s, ' ', sp.width - 1);
			break;
		case 's':
			put_str(s, &sp, va_arg(ap, const char *));
			break;
		case '%':
			put(s, '%');
			break;
		case '\0':
			return;
		default:		/* unknown: print it as written */
			put(s, '%');
			put(s, *f);
			break;
		}
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { .buf = buf, .size = size, .fd = -1 };

	format(&s, fmt, ap);
	if (size)
		buf[s.pos] = '\0';
	return (int)s.total;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, (size_t)-1 >> 1, fmt, ap);
	va_end(ap);
	return n;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
	char local[256];
	struct sink s = { .buf = local, .size = sizeof(local), .fd = fd };

	format(&s, fmt, ap);
	flush(&s);
	return s.error ? -1 : (int)s.total;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	return vdprintf(f->fd, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(f->fd, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vdprintf(1, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(1, fmt, ap);
	va_end(ap);
	return n;
}
