/* SPDX-License-Identifier: GPL-2.0 */
/* fcntl.h: open flags (arm64 values, asm-generic/fcntl.h) and openat(). */
#ifndef _FCNTL_H
#define _FCNTL_H

#define O_RDONLY	00
#define O_WRONLY	01
#define O_RDWR		02
#define O_ACCMODE	03
#define O_CREAT		0100
#define O_EXCL		0200
#define O_TRUNC		01000
#define O_APPEND	02000
#define O_NONBLOCK	04000
#define O_DIRECTORY	040000		/* arm64's value, not x86's */
#define O_NOFOLLOW	0100000		/* arm64's value, not x86's */
#define O_CLOEXEC	02000000

#define AT_FDCWD	(-100)

/* fcntl() commands */
#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_DUPFD_CLOEXEC	1030
#define FD_CLOEXEC	1

int openat(int dirfd, const char *path, int flags, ...);
int open(const char *path, int flags, ...);

#endif /* _FCNTL_H */
