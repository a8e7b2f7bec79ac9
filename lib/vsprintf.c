// SPDX-License-Identifier: GPL-2.0
/*
 * lib/vsprintf.c: printf-style formatting into a buffer, for printk and
 * snprintf, and number parsing (simple_strtoull, and strtoul for libfdt).
 *
 * Supported: %d %i %u %x %X %o %c %s %p %%, flags '-' '0' ' ' '+' '#',
 * a width and precision (also '*'), and the length modifiers h hh l ll z t.
 * %p prints a kernel pointer in full hex (no hashing: this is a kernel for
 * learning and debugging). Of Linux's %p extensions, the bitmap ones:
 * %*pb (hex) and %*pbl (a list of ranges, "0,2-3"), the width being the
 * number of bits; printk("%*pbl", cpumask_pr_args(mask)) lists CPUs.
 */
#include <linux/kernel.h>
#include <linux/string.h>

#define F_LEFT 1	/* '-': pad on the right */
#define F_ZERO 2	/* '0': pad numbers with zeroes */
#define F_PLUS 4	/* '+': always print a sign */
#define F_SPACE 8	/* ' ': a space where '+' would go */
#define F_SPECIAL 16	/* '#': 0x prefix for hex, 0 for octal */
#define F_SIGNED 32	/* the value is signed */
#define F_UPPER 64	/* ABCDEF */

/* The output cursor: counts every character, stores those that fit. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void format_string(struct out *o, const char *s, int width, int prec, int flags)
{
	int len;

	if (!s)
		s = "(null)";
	len = strnlen(s, prec < 0 ? (size_t)-1 : (size_t)prec);
	if (!(flags & F_LEFT))
		pad(o, ' ', width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (flags & F_LEFT)
		pad(o, ' ', width - len);
}

static void format_number(struct out *o, unsigned long long num, int base,
			  int width, int prec, int flags)
{
	const char *digits = (flags & F_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], sign = 0;
	const char *prefix = "";
	int n = 0, zeroes, prefix_len;

	if (flags & F_SIGNED) {
		if ((long long)num < 0) {
			sign = '-';
			num = 0 - num;	/* unsigned: no overflow for LLONG_MIN */
		} else if (flags & F_PLUS) {
			sign = '+';
		} else if (flags & F_SPACE) {
			sign = ' ';
		}
	}
	if ((flags & F_SPECIAL) && base == 16)
		prefix = (flags & F_UPPER) ? "0X" : "0x";
	else if ((flags & F_SPECIAL) && base == 8)
		prefix = "0";
	prefix_len = strlen(prefix);

	do {
		tmp[n++] = digits[num % base];
		num /= base;
	} while (num);

	/* Precision is the minimum number of digits; '0' pads to width. */
	zeroes = prec > n ? prec - n : 0;
	width -= n + zeroes + prefix_len + (sign ? 1 : 0);
	if ((flags & F_ZERO) && !(flags & F_LEFT) && prec < 0) {
		zeroes += width > 0 ? width : 0;
		width = 0;
	}
	if (!(flags & F_LEFT))
		pad(o, ' ', width);
	if (sign)
		put(o, sign);
	for (int i = 0; i < prefix_len; i++)
		put(o, prefix[i]);
	pad(o, '0', zeroes);
	while (n)
		put(o, tmp[--n]);
	if (flags & F_LEFT)
		pad(o, ' ', width);
}

static bool bitmap_test(const unsigned long *bitmap, int bit)
{
	const int long_bits = 8 * sizeof(long);

	return (bitmap[bit / long_bits] >> (bit % long_bits)) & 1;
}

/* %*pb: 32 bits at a time, most significant first, comma-separated. */
static void format_bitmap_hex(struct out *o, const unsigned long *bitmap, int nr_bits)
{
	/* The top chunk holds what is left over; it gets as many digits as it needs. */
	int chunk_bits = nr_bits % 32 ? nr_bits % 32 : 32;

	for (int first = ((nr_bits + 31) / 32 - 1) * 32; first >= 0; first -= 32) {
		unsigned long long chunk = 0;

		for (int bit = chunk_bits - 1; bit >= 0; bit--)
			chunk = chunk << 1 | bitmap_test(bitmap, first + bit);
		if (first + chunk_bits != nr_bits)
			put(o, ',');
		format_number(o, chunk, 16, (chunk_bits + 3) / 4, -1, F_ZERO);
		chunk_bits = 32;
	}
}

/* %*pbl: each run of set bits as "a" or "a-b", comma-separated. */
static void format_bitmap_list(struct out *o, const unsigned long *bitmap, int nr_bits)
{
	bool first = true;

	for (int bit = 0; bit < nr_bits; bit++) {
		int last = bit;

		if (!bitmap_test(bitmap, bit))
			continue;
		while (last + 1 < nr_bits && bitmap_test(bitmap, last + 1))
			last++;
		if (!first)
			put(o, ',');
		first = false;
		format_number(o, bit, 10, -1, -1, 0);
		if (last > bit) {
			put(o, '-');
			format_number(o, last, 10, -1, -1, 0);
		}
		bit = last;
	}
}

static int skip_atoi(const char **s)
{
	int i = 0;

	while (**s >= '0' && **s <= '9')
		i = i * 10 + *((*s)++) - '0';
	return i;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };

	for (; *fmt; fmt++) {
		int flags = 0, width = -1, prec = -1, base = 10;
		int qualifier = 0;	/* 'H' hh, 'h', 'l', 'L' ll, 'z', 't' */
		unsigned long long num;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}

		for (;;) {	/* flags */
			fmt++;
			if (*fmt == '-')
				flags |= F_LEFT;
			else if (*fmt == '0')
				flags |= F_ZERO;
			else if (*fmt == '+')
				flags |= F_PLUS;
			else if (*fmt == ' ')
				flags |= F_SPACE;
			else if (*fmt == '#')
				flags |= F_SPECIAL;
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(args, int);
			if (width < 0) {
				width = -width;
				flags |= F_LEFT;
			}
			fmt++;
		} else if (*fmt >= '0' && *fmt <= '9') {
			width = skip_atoi(&fmt);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				prec = va_arg(args, int);
				fmt++;
			} else {
				prec = skip_atoi(&fmt);
			}
			if (prec < 0)
				prec = 0;
		}
		if (*fmt == 'h' || *fmt == 'l' || *fmt == 'z' || *fmt == 't') {
			qualifier = *fmt++;
			if (qualifier == 'h' && *fmt == 'h') {
				qualifier = 'H';
				fmt++;
			} else if (qualifier == 'l' && *fmt == 'l') {
				qualifier = 'L';
				fmt++;
			}
		}

		switch (*fmt) {
		case 'c':
			if (!(flags & F_LEFT))
				pad(&o, ' ', width - 1);
			put(&o, (char)va_arg(args, int));
			if (flags & F_LEFT)
				pad(&o, ' ', width - 1);
			continue;
		case 's':
			format_string(&o, va_arg(args, const char *), width, prec, flags);
			continue;
		case 'p':
			if (fmt[1] == 'b') {	/* the width is the bitmap's size in bits */
				const unsigned long *bitmap = va_arg(args, const unsigned long *);

				fmt++;
				if (fmt[1] == 'l') {
					fmt++;
					format_bitmap_list(&o, bitmap, width);
				} else {
					format_bitmap_hex(&o, bitmap, width);
				}
				continue;
			}
			format_number(&o, (unsigned long)va_arg(args, void *), 16,
				      width < 0 ? 16 : width, prec, flags | F_ZERO);
			continue;
		case '%':
			put(&o, '%');
			continue;
		case 'o':
			base = 8;
			break;
		case 'X':
			flags |= F_UPPER;
			/* fall through */
		case 'x':
			base = 16;
			break;
		case 'd':
		case 'i':
			flags |= F_SIGNED;
			break;
		case 'u':
			break;
		default:	/* unknown conversion: print it as it was */
			put(&o, '%');
			if (!*fmt)
				goto done;
			put(&o, *fmt);
			continue;
		}

		if (qualifier == 'L')
			num = va_arg(args, unsigned long long);
		else if (qualifier == 'l' || qualifier == 'z' || qualifier == 't')
			num = va_arg(args, unsigned long);
		else
			num = va_arg(args, unsigned int);

		/* Narrow to the argument's type, then sign-extend if signed. */
		if (flags & F_SIGNED) {
			if (qualifier == 'H')
				num = (signed char)num;
			else if (qualifier == 'h')
				num = (short)num;
			else if (!qualifier)
				num = (int)num;
			else if (qualifier != 'L')
				num = (long)num;
		} else {
			if (qualifier == 'H')
				num = (unsigned char)num;
			else if (qualifier == 'h')
				num = (unsigned short)num;
		}
		format_number(&o, num, base, width, prec, flags);
	}
done:
	if (o.size)
		o.buf[o.len < o.size ? o.len : o.size - 1] = '\0';
	return o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Parse a number; base 0 means: 0x.. hex, 0.. octal, else decimal. */
unsigned long long simple_strtoull(const char *s, char **end, unsigned int base)
{
	unsigned long long v = 0;

	if (base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			base = 16;
		else if (s[0] == '0')
			base = 8;
		else
			base = 10;
	}
	if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	for (; digit_value(*s) < (int)base; s++)
		v = v * base + digit_value(*s);
	if (end)
		*end = (char *)s;
	return v;
}

/* The C library's name, for libfdt. */
unsigned long strtoul(const char *s, char **end, int base)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return simple_strtoull(s, end, base);
}
