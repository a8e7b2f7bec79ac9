/* SPDX-License-Identifier: GPL-2.0 */
/* sys/mman.h: anonymous mmap/munmap (Linux's flag values). */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <stddef.h>

#define PROT_NONE	0
#define PROT_READ	1
#define PROT_WRITE	2
#define PROT_EXEC	4

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_LOCKED	0x2000
#define MAP_POPULATE	0x8000
#define MAP_FAILED	((void *)-1)

void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off);
int munmap(void *addr, size_t len);

#endif /* _SYS_MMAN_H */
