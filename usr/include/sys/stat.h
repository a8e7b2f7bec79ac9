/* SPDX-License-Identifier: GPL-2.0 */
/* sys/stat.h: struct stat as arm64's fstat fills it (asm-generic/stat.h). */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <stdint.h>

struct stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint32_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_rdev;
	uint64_t __pad1;
	int64_t st_size;
	int32_t st_blksize;
	int32_t __pad2;
	int64_t st_blocks;
	int64_t st_atime;
	uint64_t st_atime_nsec;
	int64_t st_mtime;
	uint64_t st_mtime_nsec;
	int64_t st_ctime;
	uint64_t st_ctime_nsec;
	uint32_t __unused[2];
};

#define S_IFMT		0170000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFREG		0100000
#define S_IFLNK		0120000
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)

int fstat(int fd, struct stat *st);
/* openat + fstat + close: headstart has fstat but not fstatat. */
int stat(const char *path, struct stat *st);

#endif /* _SYS_STAT_H */
