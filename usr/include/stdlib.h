/* SPDX-License-Identifier: GPL-2.0 */
/* stdlib.h: malloc on brk/mmap (lib/malloc.c), conversions, environment, exit. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);

long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
int atoi(const char *s);

char *getenv(const char *name);
extern char **environ;

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

/* A small, fast generator (xorshift64*); the same seed gives the same run. */
void srand(unsigned int seed);
int rand(void);
#define RAND_MAX	0x7fffffff

__attribute__((noreturn)) void exit(int status);
__attribute__((noreturn)) void abort(void);

#endif /* _STDLIB_H */
