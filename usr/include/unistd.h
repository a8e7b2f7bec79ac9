/* SPDX-License-Identifier: GPL-2.0 */
/* unistd.h: the POSIX wrappers of lib/syscalls.c (-1 and errno on failure). */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t;
typedef int pid_t;
typedef long off_t;

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
int chdir(const char *path);

pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
/* Any system call by number (lib/syscalls.c): the result, or -1 and errno. */
long syscall(long n, ...);
pid_t getpid(void);
pid_t getppid(void);
/* A new session and process group led by the caller. */
pid_t setsid(void);
int dup2(int oldfd, int newfd);
__attribute__((noreturn)) void _exit(int status);

int brk(void *addr);
void *sbrk(intptr_t increment);

unsigned int sleep(unsigned int seconds);
int usleep(unsigned long usec);

/* Write all of buf, retrying short writes; -1 on the first error. */
ssize_t write_all(int fd, const void *buf, size_t n);

#endif /* _UNISTD_H */
