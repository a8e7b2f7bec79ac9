// SPDX-License-Identifier: GPL-2.0
/* stdlib.c: number parsing, the environment, qsort, rand, exit and abort. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 99;
}

/*
 * The shared part of strtol/strtoul: skip spaces, take a sign, find the
 * base (0: 0x.. hex, 0.. octal, else decimal), accumulate, saturating at
 * ULONG_MAX with ERANGE. *neg tells the caller about a '-'.
 */
static unsigned long parse(const char *s, char **end, int base, int *neg)
{
	const char *p = s;
	unsigned long v = 0;
	int any = 0, overflow = 0;

	while (isspace(*p))
		p++;
	*neg = 0;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    isxdigit(p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	for (; digit_value(*p) < base; p++, any = 1) {
		unsigned long d = (unsigned long)digit_value(*p);

		if (v > (ULONG_MAX - d) / (unsigned long)base)
			overflow = 1;
		v = v * (unsigned long)base + d;
	}
	if (end)
		*end = (char *)(any ? p : s);
	if (overflow) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	int neg;
	unsigned long v = parse(s, end, base, &neg);

	return neg ? -v : v;
}

long strtol(const char *s, char **end, int base)
{
	int neg;
	unsigned long v = parse(s, end, base, &neg);

	if (!neg && v > (unsigned long)LONG_MAX) {
		errno = ERANGE;
		return LONG_MAX;
	}
	if (neg && v > (unsigned long)LONG_MAX + 1) {
		errno = ERANGE;
		return LONG_MIN;
	}
	return neg ? (long)(0 - v) : (long)v;
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

char *getenv(const char *name)
{
	size_t n = strlen(name);
	char **e;

	for (e = environ; e && *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

/* Shell sort over bytes: small, in place, good enough for directory listings. */
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	unsigned char *a = base;
	size_t gap, i, j, k;

	for (gap = n / 2; gap; gap /= 2) {
		for (i = gap; i < n; i++) {
			for (j = i; j >= gap && cmp(a + (j - gap) * size, a + j * size) > 0;
			     j -= gap) {
				unsigned char *x = a + (j - gap) * size, *y = a + j * size;

				for (k = 0; k < size; k++) {
					unsigned char t = x[k];

					x[k] = y[k];
					y[k] = t;
				}
			}
		}
	}
}

static unsigned long long rand_state = 0x9e3779b97f4a7c15ULL;

void srand(unsigned int seed)
{
	rand_state = 0x9e3779b97f4a7c15ULL ^ ((unsigned long long)seed << 1 | 1);
}

int rand(void)
{
	rand_state ^= rand_state >> 12;
	rand_state ^= rand_state << 25;
	rand_state ^= rand_state >> 27;
	return (int)((rand_state * 0x2545f4914f6cdd1dULL) >> 33);
}

/* No atexit handlers and no stdio buffers, so exit() is _exit(). */
void exit(int status)
{
	_exit(status);
}

void abort(void)
{
	kill(getpid(), SIGABRT);
	_exit(127);
}
