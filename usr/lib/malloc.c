// SPDX-License-Identifier: GPL-2.0
/*
 * malloc.c: malloc/free/realloc/calloc.
 *
 * Small blocks come from the brk heap, kept as one free list sorted by
 * address: first fit, split what is left over, merge with both neighbours on
 * free. Blocks of MMAP_MIN bytes or more get their own anonymous mmap and are
 * munmap()ed on free, so a large buffer's pages go back to the kernel.
 *
 * Every block starts with a 16-byte header (so user pointers stay 16-byte
 * aligned); `next` is only used while the block is free.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct block {
	size_t size;			/* whole block, header included; | MMAPPED */
	struct block *next;		/* next free block, higher address */
};

#define HDR		sizeof(struct block)
#define MMAPPED		1UL
#define MIN_BLOCK	(2 * HDR)	/* smallest remainder worth splitting off */
#define MMAP_MIN	(128 * 1024UL)
#define GROW_MIN	(64 * 1024UL)	/* brk grows by at least this much */
#define PAGE		4096UL

static struct block *free_list;

static size_t round_up(size_t n, size_t to)
{
	return (n + to - 1) & ~(to - 1);
}

/* Put b on the free list in address order, merging with its neighbours. */
static void insert_free(struct block *b)
{
	struct block **link = &free_list, *prev = NULL;

	while (*link && *link < b) {
		prev = *link;
		link = &(*link)->next;
	}
	b->next = *link;
	*link = b;
	if (b->next && (char *)b + b->size == (char *)b->next) {
		b->size += b->next->size;
		b->next = b->next->next;
	}
	if (prev && (char *)prev + prev->size == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
	}
}

static int grow_heap(size_t need)
{
	size_t len = round_up(need > GROW_MIN ? need : GROW_MIN, PAGE);
	struct block *b = sbrk((intptr_t)len);

	if (b == (void *)-1)
		return -1;
	b->size = len;
	insert_free(b);
	return 0;
}

static void *malloc_mmap(size_t need)
{
	size_t len = round_up(need, PAGE);
	struct block *b = mmap(NULL, len, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (b == MAP_FAILED)
		return NULL;
	b->size = len | MMAPPED;
	return b + 1;
}

void *malloc(size_t size)
{
	size_t need;
	struct block **link, *b;

	if (size > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	need = round_up(size ? size : 1, HDR) + HDR;
	if (need >= MMAP_MIN)
		return malloc_mmap(need);

	for (;;) {
		for (link = &free_list; (b = *link); link = &b->next) {
			if (b->size < need)
				continue;
			if (b->size - need >= MIN_BLOCK) {
				struct block *rest = (struct block *)((char *)b + need);

				rest->size = b->size - need;
				rest->next = b->next;
				*link = rest;
				b->size = need;
			} else {
				*link = b->next;
			}
			return b + 1;
		}
		if (grow_heap(need) < 0) {
			errno = ENOMEM;
			return NULL;
		}
	}
}

void free(void *ptr)
{
	struct block *b;

	if (!ptr)
		return;
	b = (struct block *)ptr - 1;
	if (b->size & MMAPPED)
		munmap(b, b->size & ~MMAPPED);
	else
		insert_free(b);
}

void *calloc(size_t nmemb, size_t size)
{
	void *p;

	if (size && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(nmemb * size);
	if (p)
		memset(p, 0, nmemb * size);
	return p;
}

void *realloc(void *ptr, size_t size)
{
	struct block *b;
	size_t usable;
	void *n;

	if (!ptr)
		return malloc(size);
	if (!size) {
		free(ptr);
		return NULL;
	}
	b = (struct block *)ptr - 1;
	usable = (b->size & ~MMAPPED) - HDR;
	if (size <= usable)
		return ptr;
	n = malloc(size);
	if (n) {
		memcpy(n, ptr, usable);
		free(ptr);
	}
	return n;
}
