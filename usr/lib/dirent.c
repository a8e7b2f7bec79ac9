// SPDX-License-Identifier: GPL-2.0
/* dirent.c: opendir/readdir/closedir, a buffer of getdents64 records per DIR. */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

struct __dir {
	int fd;
	long len;		/* bytes of records in buf */
	long pos;		/* next record */
	char buf[4096] __attribute__((aligned(8)));
};

DIR *opendir(const char *path)
{
	DIR *d;
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	d = malloc(sizeof(*d));
	if (!d) {
		close(fd);
		return NULL;
	}
	d->fd = fd;
	d->len = d->pos = 0;
	return d;
}

struct dirent *readdir(DIR *d)
{
	struct dirent *e;

	if (d->pos >= d->len) {
		d->len = getdents64(d->fd, d->buf, sizeof(d->buf));
		d->pos = 0;
		if (d->len <= 0)
			return NULL;
	}
	e = (struct dirent *)(d->buf + d->pos);
	d->pos += e->d_reclen;
	return e;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}
