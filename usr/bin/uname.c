// SPDX-License-Identifier: GPL-2.0
/* uname [-asnrvm]: the fields of uname(2); -s alone by default, -a all. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
	static const char opts[] = "snrvm";
	struct utsname u;
	const char *field[5];
	int want = 0, i, printed = 0;
	const char *p;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-')
			goto usage;
		for (p = argv[i] + 1; *p; p++) {
			const char *o = strchr(opts, *p);

			if (*p == 'a')
				want = 0x1f;
			else if (o)
				want |= 1 << (o - opts);
			else
				goto usage;
		}
	}
	if (!want)
		want = 1;
	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	field[0] = u.sysname;
	field[1] = u.nodename;
	field[2] = u.release;
	field[3] = u.version;
	field[4] = u.machine;
	for (i = 0; i < 5; i++)
		if (want & (1 << i))
			printf("%s%s", printed++ ? " " : "", field[i]);
	printf("\n");
	return 0;
usage:
	dprintf(2, "usage: uname [-asnrvm]\n");
	return 2;
}
