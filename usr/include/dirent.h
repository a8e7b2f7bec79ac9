/* SPDX-License-Identifier: GPL-2.0 */
/* dirent.h: directory reading on getdents64 (lib/dirent.c). */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <stdint.h>

/* The kernel's record, struct linux_dirent64, as getdents64 fills it. */
struct dirent {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

#define DT_UNKNOWN	0
#define DT_CHR		2
#define DT_DIR		4
#define DT_REG		8
#define DT_LNK		10

typedef struct __dir DIR;

long getdents64(int fd, void *buf, unsigned long size);
DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);

#endif /* _DIRENT_H */
