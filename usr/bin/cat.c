// SPDX-License-Identifier: GPL-2.0
/* cat: copy each file (or the input, with no arguments or "-") to the output. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int copy(int fd, const char *name)
{
	char buf[4096];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write_all(1, buf, (size_t)n) < 0)
			return -1;
	if (n < 0) {
		dprintf(2, "cat: %s: %s\n", name, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i, fd, ret = 0;

	if (argc < 2)
		return copy(0, "-") < 0;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			ret |= copy(0, "-") < 0;
			continue;
		}
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			dprintf(2, "cat: %s: %s\n", argv[i], strerror(errno));
			ret = 1;
			continue;
		}
		ret |= copy(fd, argv[i]) < 0;
		close(fd);
	}
	return ret;
}
