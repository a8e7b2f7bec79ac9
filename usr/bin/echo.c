// SPDX-License-Identifier: GPL-2.0
/* echo: print the arguments, space-separated; -n leaves out the newline. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	size_t len = 1, n;
	int i, first = 1, newline = 1;
	char *buf, *p;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = 0;
		first = 2;
	}
	for (i = first; i < argc; i++)
		len += strlen(argv[i]) + 1;
	p = buf = malloc(len);
	if (!buf)
		return 1;
	for (i = first; i < argc; i++) {
		if (i > first)
			*p++ = ' ';
		n = strlen(argv[i]);
		memcpy(p, argv[i], n);
		p += n;
	}
	if (newline)
		*p++ = '\n';
	return write_all(1, buf, (size_t)(p - buf)) < 0;	/* one write: one line */
}
