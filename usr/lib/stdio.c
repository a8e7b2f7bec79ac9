// SPDX-License-Identifier: GPL-2.0
/*
 * stdio.c: the three standard streams, character output, and line input.
 *
 * Echo is the console's job: headstart's console line discipline, like
 * Linux's n_tty in canonical mode, echoes what is typed, handles backspace
 * and ^U, and hands read() whole lines. readline() still applies any ^H/DEL
 * (erase) or ^U (kill line) bytes that reach it, without echoing, so a raw
 * console (no line discipline yet) still gives the line that was meant.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static FILE files[3] = { { 0 }, { 1 }, { 2 } };
FILE *const stdin = &files[0];
FILE *const stdout = &files[1];
FILE *const stderr = &files[2];

int putchar(int c)
{
	char ch = (char)c;

	return write(1, &ch, 1) == 1 ? (unsigned char)c : EOF;
}

int fputs(const char *s, FILE *f)
{
	return write_all(f->fd, s, strlen(s)) < 0 ? EOF : 0;
}

int puts(const char *s)
{
	size_t n = strlen(s);
	char line[256];

	if (n < sizeof(line)) {		/* one write, so the line stays whole */
		memcpy(line, s, n);
		line[n] = '\n';
		return write_all(1, line, n + 1) < 0 ? EOF : 0;
	}
	if (write_all(1, s, n) < 0 || write_all(1, "\n", 1) < 0)
		return EOF;
	return 0;
}

int getchar(void)
{
	unsigned char c;

	return read(0, &c, 1) == 1 ? c : EOF;
}

#define CTRL(c)	((c) & 0x1f)

int readline(int fd, char *buf, size_t size)
{
	size_t len = 0;
	int got = 0;
	char c;

	while (read(fd, &c, 1) == 1) {
		got = 1;
		if (c == '\n')
			break;
		if (c == '\b' || c == 0x7f) {
			if (len)
				len--;
		} else if (c == CTRL('U')) {
			len = 0;
		} else if (len + 1 < size) {
			buf[len++] = c;
		}
	}
	if (size)
		buf[len < size ? len : size - 1] = '\0';
	return got ? (int)len : -1;
}
