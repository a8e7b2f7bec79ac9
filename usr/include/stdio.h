/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stdio.h: formatted output (lib/printf.c) and line input (lib/stdio.c).
 *
 * There is no buffering across calls: each printf() is one write(2) (longer
 * output, in 256-byte pieces), so nothing is lost at _exit() or duplicated by
 * fork(), and lines from different processes do not mix mid-line.
 * A FILE is only a file descriptor.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF	(-1)

typedef struct __file {
	int fd;
} FILE;

extern FILE *const stdin, *const stdout, *const stderr;

#define __printf(f, a)	__attribute__((format(printf, f, a)))

int printf(const char *fmt, ...) __printf(1, 2);
int fprintf(FILE *f, const char *fmt, ...) __printf(2, 3);
int dprintf(int fd, const char *fmt, ...) __printf(2, 3);
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

int putchar(int c);
int puts(const char *s);
int fputs(const char *s, FILE *f);
void perror(const char *msg);

int getchar(void);
/*
 * Read one line from fd into buf (at most size-1 bytes, NUL-terminated,
 * without the newline). Returns its length, or -1 at end of input with
 * nothing read. See lib/stdio.c for what it does with ^H, DEL and ^U.
 */
int readline(int fd, char *buf, size_t size);

#endif /* _STDIO_H */
