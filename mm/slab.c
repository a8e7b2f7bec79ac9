// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab.c: kmalloc() and kfree() (include/linux/slab.h). Requests up to
 * KMALLOC_MAX_CACHE_SIZE are rounded up to a power of two and served by
 * that size's cache; larger ones get whole pages from alloc_pages().
 *
 * A cache's memory comes in slabs: blocks of 2^order pages from the page
 * allocator, big enough for at least seven objects. Each slab starts with a
 * header (its cache, a list of its free objects, and a bitmap of which
 * objects are handed out) followed by the objects, each aligned to its
 * size. Every page of a slab is flagged PG_slab with the slab's order, so
 * kfree() finds the header from any object: the slab is a buddy block, so
 * it starts at the object's pfn rounded down to 2^order.
 *
 * The bitmap, not the free list, decides whether a kfree() is good: a
 * pointer that is not an object's start, or an object already free, is
 * reported and left alone. A slab whose last object is freed goes back to
 * the page allocator at once. kmalloc() and kfree() hold slab_lock with
 * interrupts masked, so any CPU or task may call them.
 */
#include <linux/spinlock.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#define KMALLOC_MIN_SHIFT 3
#define NR_KMALLOC_CACHES (KMALLOC_SHIFT_HIGH - KMALLOC_MIN_SHIFT + 1)
#define MIN_OBJECTS_PER_SLAB 7
#define MAX_OBJECTS_PER_SLAB (PAGE_SIZE / KMALLOC_MIN_SIZE)
#define BITS_PER_LONG (8 * sizeof(long))

struct kmem_cache {
	char name[16];			/* "kmalloc-64" */
	unsigned int size;		/* of one object, a power of two */
	unsigned int order;		/* of each slab */
	unsigned int offset;		/* of the first object in a slab */
	unsigned int objects;		/* per slab */
	struct list_head partial;	/* slabs with at least one free object */
	unsigned long in_use;		/* objects handed out */
	unsigned long nr_slabs;
};

struct slab_header {
	struct kmem_cache *cache;
	void *freelist;			/* free objects, linked through their first word */
	unsigned int inuse;
	unsigned long used[MAX_OBJECTS_PER_SLAB / BITS_PER_LONG];
};

static struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];
unsigned long kfree_bad_frees;

void kmem_cache_init(void)
{
	for (int i = 0; i < NR_KMALLOC_CACHES; i++) {
		struct kmem_cache *c = &kmalloc_caches[i];
		unsigned int size = 1U << (i + KMALLOC_MIN_SHIFT);

		snprintf(c->name, sizeof(c->name), "kmalloc-%u", size);
		c->size = size;
		c->offset = ALIGN(sizeof(struct slab_header), size);
		c->order = 0;
		while (((PAGE_SIZE << c->order) - c->offset) / size < MIN_OBJECTS_PER_SLAB)
			c->order++;
		c->objects = ((PAGE_SIZE << c->order) - c->offset) / size;
		if (c->objects > MAX_OBJECTS_PER_SLAB)
			c->objects = MAX_OBJECTS_PER_SLAB;
		INIT_LIST_HEAD(&c->partial);
		c->in_use = 0;
		c->nr_slabs = 0;
	}
}

static struct kmem_cache *kmalloc_cache(size_t size)
{
	int i = 0;

	while ((KMALLOC_MIN_SIZE << i) < size)
		i++;
	return &kmalloc_caches[i];
}

static struct page *slab_page(struct slab_header *hdr)
{
	return virt_to_page(hdr);
}

static struct slab_header *new_slab(struct kmem_cache *c, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp & ~__GFP_ZERO, c->order);
	struct slab_header *hdr;
	char *obj;

	if (!page)
		return NULL;
	for (unsigned long i = 0; i < (1UL << c->order); i++) {
		page[i].flags |= PG_slab;
		page[i].order = c->order;
	}
	hdr = page_address(page);
	memset(hdr, 0, sizeof(*hdr));
	hdr->cache = c;
	/* Thread the free list through the objects, lowest address first. */
	obj = (char *)hdr + c->offset;
	for (unsigned int i = 0; i < c->objects; i++, obj += c->size)
		*(void **)obj = i + 1 < c->objects ? obj + c->size : NULL;
	hdr->freelist = (char *)hdr + c->offset;
	list_add(&page->lru, &c->partial);
	c->nr_slabs++;
	return hdr;
}

static void discard_slab(struct kmem_cache *c, struct slab_header *hdr)
{
	struct page *page = slab_page(hdr);

	list_del(&page->lru);
	for (unsigned long i = 0; i < (1UL << c->order); i++)
		page[i].flags &= ~PG_slab;
	page->order = c->order;		/* what __free_pages checks */
	c->nr_slabs--;
	__free_pages(page, c->order);
}

static void *kmalloc_large(size_t size, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp, get_order(size));

	if (!page)
		return NULL;
	page->flags |= PG_large_kmalloc;
	return page_address(page);
}

static void *__kmalloc(size_t size, gfp_t gfp)
{
	struct kmem_cache *c;
	struct slab_header *hdr;
	unsigned int index;
	void *obj;

	if (!size)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(size, gfp);
	c = kmalloc_cache(size);
	if (list_empty(&c->partial))
		hdr = new_slab(c, gfp);
	else
		hdr = page_address(list_first_entry(&c->partial, struct page, lru));
	if (!hdr)
		return NULL;

	obj = hdr->freelist;
	hdr->freelist = *(void **)obj;
	index = ((char *)obj - (char *)hdr - c->offset) / c->size;
	hdr->used[index / BITS_PER_LONG] |= 1UL << (index % BITS_PER_LONG);
	hdr->inuse++;
	c->in_use++;
	if (hdr->inuse == c->objects)	/* full: off the partial list */
		list_del(&slab_page(hdr)->lru);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->size);
	return obj;
}

static void bad_kfree(const void *p, const char *cache, const char *why)
{
	kfree_bad_frees++;
	pr_err("BUG %s: kfree(0x%p): %s; not freed\n", cache, p, why);
}

static void kfree_slab(struct page *page, const void *p)
{
	unsigned long pfn = page_to_pfn(page) & ~((1UL << page->order) - 1);
	struct slab_header *hdr = page_address(pfn_to_page(pfn));
	struct kmem_cache *c = hdr->cache;
	unsigned long off = (const char *)p - (const char *)hdr;
	unsigned int index = (off - c->offset) / c->size;
	unsigned long bit = 1UL << (index % BITS_PER_LONG);

	if (off < c->offset || (off - c->offset) % c->size || index >= c->objects) {
		bad_kfree(p, c->name, "not the start of an object");
		return;
	}
	if (!(hdr->used[index / BITS_PER_LONG] & bit)) {
		bad_kfree(p, c->name, "Object already free");
		return;
	}

	hdr->used[index / BITS_PER_LONG] &= ~bit;
	*(void **)p = hdr->freelist;
	hdr->freelist = (void *)p;
	c->in_use--;
	if (hdr->inuse-- == c->objects)	/* was full: back on the partial list */
		list_add(&slab_page(hdr)->lru, &c->partial);
	if (!hdr->inuse)
		discard_slab(c, hdr);
}

static void __kfree(const void *p)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(p))
		return;
	if (!virt_addr_valid(p)) {
		bad_kfree(p, "kmalloc", "not a linear-map address of RAM");
		return;
	}
	page = virt_to_page(p);
	if (page->flags & PG_slab) {
		kfree_slab(page, p);
		return;
	}
	if (!(page->flags & PG_large_kmalloc) || p != page_address(page)) {
		bad_kfree(p, "kmalloc", "not allocated by kmalloc, or already freed");
		return;
	}
	page->flags &= ~PG_large_kmalloc;
	__free_pages(page, page->order);
}

/* One lock for every cache, interrupts masked, as in mm/page_alloc.c. */
static DEFINE_SPINLOCK(slab_lock);

void *kmalloc(size_t size, gfp_t gfp)
{
	unsigned long flags;
	void *p;

	spin_lock_irqsave(&slab_lock, flags);
	p = __kmalloc(size, gfp);
	spin_unlock_irqrestore(&slab_lock, flags);
	return p;
}

void kfree(const void *p)
{
	unsigned long flags;

	spin_lock_irqsave(&slab_lock, flags);
	__kfree(p);
	spin_unlock_irqrestore(&slab_lock, flags);
}

unsigned long kmalloc_objects_in_use(void)
{
	unsigned long n = 0;

	for (int i = 0; i < NR_KMALLOC_CACHES; i++)
		n += kmalloc_caches[i].in_use;
	return n;
}
