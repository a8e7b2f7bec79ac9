// SPDX-License-Identifier: GPL-2.0
/*
 * ls [-l] [-a] [path...]: list directories, sorted, in columns (one per line
 * with -l: type and mode, size, name). Reads getdents64; -l also fstat()s.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define WIDTH	80

static int opt_long, opt_all;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void mode_string(unsigned mode, char *s)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = S_ISDIR(mode) ? 'd' : S_ISCHR(mode) ? 'c' : (mode & S_IFMT) == S_IFLNK ? 'l' : '-';
	for (i = 0; i < 9; i++)
		s[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
	s[10] = '\0';
}

static void long_line(const char *path, const char *name)
{
	struct stat st;
	char mode[11];

	if (stat(path, &st) < 0) {
		printf("?????????? %8s %s\n", "?", name);
		return;
	}
	mode_string(st.st_mode, mode);
	if (S_ISCHR(st.st_mode))
		printf("%s %3u, %3u %s\n", mode, (unsigned)(st.st_rdev >> 8) & 0xfff,
		       (unsigned)(st.st_rdev & 0xff), name);
	else
		printf("%s %8ld %s\n", mode, (long)st.st_size, name);
}

/* Names in columns, down then across, as ls does on a terminal. */
static void columns(char **names, int n)
{
	int i, r, c, w = 1, cols, rows;
	char line[WIDTH + 64];
	size_t len;

	for (i = 0; i < n; i++)
		if ((int)strlen(names[i]) + 2 > w)
			w = (int)strlen(names[i]) + 2;
	cols = WIDTH / w ? WIDTH / w : 1;
	rows = (n + cols - 1) / cols;
	for (r = 0; r < rows; r++) {
		len = 0;
		line[0] = '\0';
		for (c = 0; c < cols && c * rows + r < n; c++) {
			i = c * rows + r;
			if (c + 1 < cols && (c + 1) * rows + r < n)	/* more to the right */
				len += snprintf(line + len, sizeof(line) - len, "%-*s", w, names[i]);
			else
				len += snprintf(line + len, sizeof(line) - len, "%s", names[i]);
		}
		puts(line);
	}
}

static int list(const char *path)
{
	struct stat st;
	struct dirent *e;
	char **names = NULL, full[1024];
	int n = 0, cap = 0, i;
	DIR *d;

	if (stat(path, &st) < 0) {
		dprintf(2, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (opt_long)
			long_line(path, path);
		else
			puts(path);
		return 0;
	}
	d = opendir(path);
	if (!d) {
		dprintf(2, "ls: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' && !opt_all)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			names = realloc(names, cap * sizeof(*names));
			if (!names) {
				dprintf(2, "ls: out of memory\n");
				return 1;
			}
		}
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	if (opt_long) {
		for (i = 0; i < n; i++) {
			snprintf(full, sizeof(full), "%s/%s", path, names[i]);
			long_line(full, names[i]);
		}
	} else if (n) {
		columns(names, n);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return 0;
}

int main(int argc, char **argv)
{
	int i, first, ret = 0, npaths;
	const char *p;

	for (first = 1; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		for (p = argv[first] + 1; *p; p++) {
			if (*p == 'l')
				opt_long = 1;
			else if (*p == 'a')
				opt_all = 1;
			else if (*p != '1') {
				dprintf(2, "usage: ls [-la] [path...]\n");
				return 2;
			}
		}
	}
	npaths = argc - first;
	if (!npaths)
		return list(".");
	for (i = first; i < argc; i++) {
		if (npaths > 1)
			printf("%s%s:\n", i > first ? "\n" : "", argv[i]);
		ret |= list(argv[i]);
	}
	return ret;
}
