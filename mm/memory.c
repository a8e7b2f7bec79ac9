// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memory.c: the pages and page tables of user address spaces
 * (include/linux/mm_user.h). The tables have the same format and number
 * of levels as the kernel's (TCR_EL1.T0SZ = VA_BITS, set by asid_init);
 * TTBR0 points at mm->pgd while the process runs.
 *
 * Every user page descriptor is non-global (nG: tagged with the ASID),
 * PXN (never executable by the kernel; every user table descriptor has
 * PXNTable too) and never both writable and executable at EL0. Pages are
 * mapped on first touch (heap, stack, mmap). Which pages are shared, and
 * when one is copied:
 *
 *   - anonymous private memory: pages from the page allocator, one per
 *     page, owned by exactly one mm; fork copies them eagerly (no
 *     copy-on-write for anonymous memory; dup_mm says why that is enough
 *     here), exit and munmap free them;
 *   - a MAP_SHARED mapping of a ramfs file maps the file's own bytes
 *     (inode->data, page aligned for it), in every process that maps it,
 *     writable if the mapping is;
 *   - a MAP_PRIVATE mapping of a file maps the same bytes of the file,
 *     read-only, until the first write to a page (a write fault, or the
 *     kernel writing there for the process): then do_wp_page gives the
 *     page a private copy, owned as anonymous memory is. Until then
 *     writes to the file show through the mapping, after it they do not
 *     (Linux's semantics). A first touch that is a write copies at once
 *     (do_cow_fault);
 *   - an anonymous MAP_SHARED mapping maps the pages of its shmem_object
 *     (mm/shmem.c), the same in every process that inherited it by fork;
 *   - the kernel's own pages (the vDSO, the vvar page), which
 *     remap_pfn_range maps.
 *
 * The file's, shmem object's and kernel's pages are mapped with
 * PTE_SPECIAL (a software bit, as Linux marks pages it must not free):
 * no mm owns them, so unmapping drops the descriptor without freeing,
 * fork maps the same page in the child (a private mapping's file page
 * stays read-only there too, and is copied at the child's first write),
 * and rss does not count them. unmap_mapping_range() takes a file's pages
 * out of every mapping of it before the file's buffer moves or shrinks,
 * so the next touch maps the new buffer.
 *
 * Locking (include/linux/mmap_lock.h): page faults hold mm->mmap_lock for
 * read, so the threads of a process fault on several CPUs at once, even on
 * the same page. A fault therefore installs a table, or a page, only if the
 * entry is still empty when it looks again under mm->page_table_lock; the
 * loser frees what it made and uses the winner's (the access is simply
 * retried). Everything that clears or changes present entries (munmap,
 * mprotect, mremap, madvise, exit) holds mmap_lock for write, so no fault
 * runs in that mm meanwhile, and invalidates the TLB on every CPU
 * (flush_tlb_page: tlbi ...is with the mm's ASID) before the page is freed
 * or loses a permission. Tables are freed only with the mm (mmput), so a
 * walk without the lock never reads a freed table. Two changes of present
 * entries happen without it: do_wp_page replaces a private mapping's file
 * page by its copy (under page_table_lock, if the entry is still that
 * page), and unmap_mapping_range, for a write to the file in any process,
 * takes a file's pages down under ramfs_lock, which every fault that maps
 * or copies a file page holds.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_user.h>
#include <linux/mmap_lock.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/shmem_fs.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/pgtable.h>
#include <asm/sysreg.h>

#define PMD_TABLE_PXN BIT(59)		/* PXNTable: nothing below runs at EL1 */
#define PTE_USER_BASE (PTE_TYPE_PAGE | PTE_AF | PTE_SHARED | PTE_ATTRINDX(MT_NORMAL) | \
		       PTE_NG | PTE_USER | PTE_PXN)

static unsigned int level_index(unsigned long va, int level)
{
	return (va >> ARM64_HW_PGTABLE_LEVEL_SHIFT(level)) & (PTRS_PER_PTE - 1);
}

u64 vm_page_prot(unsigned long vm_flags)
{
	u64 prot = PTE_USER_BASE;

	if (!(vm_flags & VM_WRITE))
		prot |= PTE_RDONLY;
	if (!(vm_flags & VM_EXEC) || (vm_flags & VM_WRITE))
		prot |= PTE_UXN;
	return prot;
}

void sync_icache_page(void *kaddr)
{
	unsigned long line = 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
	unsigned long p = (unsigned long)kaddr;

	for (unsigned long a = p; a < p + PAGE_SIZE; a += line)
		__asm__ volatile("dc cvau, %0" : : "r"(a) : "memory");
	dsb(ish);
	__asm__ volatile("ic ialluis" : : : "memory");
	dsb(ish);
	isb();
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	mm->pgtables = 1;
	atomic_set(&mm->users, 1);
	INIT_LIST_HEAD(&mm->mmap);
	mmap_init_lock(mm);
	spin_lock_init(&mm->page_table_lock);
	return mm;
}

/*
 * The level 3 entry for va. With alloc, missing tables are made (NULL if
 * out of memory); without, NULL if a table is missing, and *stop (if
 * given) says at which level the walk ended.
 */
static u64 *pte_walk(struct mm_struct *mm, unsigned long va, bool alloc, int *stop)
{
	u64 *table = mm->pgd;

	for (int level = PGTABLE_START_LEVEL; level < 3; level++) {
		u64 *entry = &table[level_index(va, level)];
		u64 desc = READ_ONCE(*entry);

		if (!(desc & PTE_VALID)) {
			unsigned long t;

			if (!alloc) {
				if (stop)
					*stop = level;
				return NULL;
			}
			t = get_zeroed_page(GFP_KERNEL);
			if (!t)
				return NULL;
			dsb(ishst);	/* zeroes visible before the entry */
			/* Another CPU's fault may have made this table meanwhile. */
			spin_lock(&mm->page_table_lock);
			desc = READ_ONCE(*entry);
			if (!(desc & PTE_VALID)) {
				desc = __pa(t) | PMD_TYPE_TABLE | PMD_TABLE_PXN;
				WRITE_ONCE(*entry, desc);
				mm->pgtables++;
				t = 0;
			}
			spin_unlock(&mm->page_table_lock);
			if (t)
				free_page(t);	/* it did: use that one */
		}
		table = __va(desc & PTE_ADDR_MASK);
	}
	return &table[level_index(va, 3)];
}

u64 user_pte(struct mm_struct *mm, unsigned long addr)
{
	u64 *pte = pte_walk(mm, addr, false, NULL);

	return pte ? READ_ONCE(*pte) : 0;
}

/*
 * Map a new zeroed page at va, unless another CPU's fault mapped one there
 * first; the kernel address of the page mapped there now.
 */
static void *map_new_page(struct mm_struct *mm, unsigned long va, unsigned long vm_flags)
{
	u64 *pte = pte_walk(mm, va, true, NULL);
	void *page;
	u64 old;

	if (!pte)
		return NULL;
	page = (void *)get_zeroed_page(GFP_KERNEL);
	if (!page)
		return NULL;
	if (vm_flags & VM_EXEC)
		sync_icache_page(page);
	dsb(ishst);		/* the zeroes before the mapping */
	spin_lock(&mm->page_table_lock);
	old = READ_ONCE(*pte);
	if (!(old & PTE_VALID)) {
		WRITE_ONCE(*pte, __pa(page) | vm_page_prot(vm_flags));
		mm->rss++;
	}
	spin_unlock(&mm->page_table_lock);
	if (old & PTE_VALID) {		/* lost the race: the winner's page stays */
		free_page((unsigned long)page);
		return __va(old & PTE_ADDR_MASK);
	}
	dsb(ishst);
	isb();
	return page;
}

/*
 * A private mapping of a file: its pages are the file's, mapped read-only,
 * until a write gives the page a copy of its own (copy-on-write).
 */
static bool is_cow_mapping(const struct vm_area_struct *vma)
{
	return vma->vm_file && !(vma->vm_flags & VM_SHARED);
}

/*
 * Point the descriptor pte (of va) at entry if, looked at again under
 * page_table_lock, it still holds old (0: nothing mapped): another CPU's
 * fault may have been first. A present old is taken down and its TLB
 * entries flushed first (break-before-make). A page the mm owns (not
 * PTE_SPECIAL) is counted in rss. true if it did.
 */
static bool replace_user_pte(struct mm_struct *mm, unsigned long va, u64 *pte, u64 old,
			     u64 entry)
{
	u64 now;
	bool done;

	dsb(ishst);		/* the page's contents before the mapping */
	spin_lock(&mm->page_table_lock);
	now = READ_ONCE(*pte);
	done = old ? now == old : !(now & PTE_VALID);
	if (done) {
		if (old) {
			WRITE_ONCE(*pte, 0);
			flush_tlb_page(mm, va);
		}
		WRITE_ONCE(*pte, entry);
		if (!(entry & PTE_SPECIAL))
			mm->rss++;
	}
	spin_unlock(&mm->page_table_lock);
	dsb(ishst);
	isb();
	return done;
}

/* The offset in the file (or shmem object) of the page at va. */
static u64 vma_offset(const struct vm_area_struct *vma, unsigned long va)
{
	return ((u64)vma->vm_pgoff << PAGE_SHIFT) + (va - vma->vm_start);
}

/*
 * A private page at va with a copy of the file's bytes (zeros past the end
 * of the file): a write to a private file mapping's page not mapped yet
 * (Linux's do_cow_fault), or a read of one whose file cannot lend its
 * page. -EIO (SIGBUS) if the page lies wholly past the end of the file.
 */
static int do_cow_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long va,
			u64 *pte)
{
	struct ramfs_inode *inode = vma->vm_file;
	u64 off = vma_offset(vma, va);
	void *page = (void *)get_zeroed_page(GFP_KERNEL);
	int err = 0;

	if (!page)
		return -ENOMEM;
	spin_lock(&ramfs_lock);		/* the file's size and buffer stay put */
	if (off >= inode->size) {
		err = -EIO;
	} else {
		memcpy(page, (char *)inode->data + off, min((u64)PAGE_SIZE, inode->size - off));
		if (vma->vm_flags & VM_EXEC)
			sync_icache_page(page);
		if (replace_user_pte(mm, va, pte, 0, __pa(page) | vm_page_prot(vma->vm_flags)))
			page = NULL;	/* mapped (else another CPU's fault was first) */
	}
	spin_unlock(&ramfs_lock);
	if (page)
		free_page((unsigned long)page);
	return err;
}

/*
 * Map the file's own page at va (PTE_SPECIAL: not counted in rss, never
 * freed with the mapping): writable in a shared mapping, read-only in a
 * private one until its first write (do_wp_page). -EIO (SIGBUS) if it lies
 * wholly past the end of the file, as on Linux.
 */
static int do_read_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long va,
			 u64 *pte)
{
	struct ramfs_inode *inode = vma->vm_file;
	unsigned long vm_flags = vma->vm_flags;
	u64 off = vma_offset(vma, va);
	int err = 0;
	char *kaddr;

	if (!(vm_flags & VM_SHARED))
		vm_flags &= ~VM_WRITE;
	spin_lock(&ramfs_lock);		/* the file's size and buffer stay put */
	kaddr = (char *)inode->data + off;
	if (off >= inode->size) {
		err = -EIO;
	} else if (!IS_ALIGNED((unsigned long)kaddr, PAGE_SIZE) ||
		   inode->capacity < off + PAGE_SIZE) {
		/* not made mappable (mmap does, ramfs_make_mappable) */
		err = vm_flags & VM_SHARED ? -EIO : -EAGAIN;
	} else {
		if (vm_flags & VM_EXEC)
			sync_icache_page(kaddr);
		replace_user_pte(mm, va, pte, 0,
				 __pa(kaddr) | vm_page_prot(vm_flags) | PTE_SPECIAL);
	}
	spin_unlock(&ramfs_lock);
	if (err == -EAGAIN)		/* a private mapping: a copy will do */
		return do_cow_fault(mm, vma, va, pte);
	return err;
}

/*
 * A write to a private file mapping's page that is still the file's: the
 * page gets a copy of its own, writable (Linux's do_wp_page). From then on
 * writes to the file no longer show there.
 */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long va,
		      u64 *pte)
{
	void *copy = (void *)__get_free_page(GFP_KERNEL);
	u64 entry;

	if (!copy)
		return -ENOMEM;
	spin_lock(&ramfs_lock);		/* the file's page is not taken away meanwhile */
	entry = READ_ONCE(*pte);
	if ((entry & PTE_VALID) && (entry & PTE_SPECIAL)) {
		/* the whole page: past the end of the file it holds zeros */
		memcpy(copy, __va(entry & PTE_ADDR_MASK), PAGE_SIZE);
		if (replace_user_pte(mm, va, pte, entry, __pa(copy) | vm_page_prot(vma->vm_flags)))
			copy = NULL;
	}			/* else taken down, or copied by another thread: retry */
	spin_unlock(&ramfs_lock);
	if (copy)
		free_page((unsigned long)copy);
	return 0;
}

/* An anonymous shared mapping's page: its shmem object's, the same in every mapper. */
static int do_shmem_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long va,
			  u64 *pte)
{
	int err = 0;
	void *page = shmem_get_page(vma->vm_shmem, vma_offset(vma, va) >> PAGE_SHIFT, &err);

	if (!page)
		return err;
	if (vma->vm_flags & VM_EXEC)
		sync_icache_page(page);
	replace_user_pte(mm, va, pte, 0, __pa(page) | vm_page_prot(vma->vm_flags) | PTE_SPECIAL);
	return 0;
}

/*
 * The fault at page va of vma, whose protections allow the access (or the
 * kernel writes for exec): map the page, or copy the file's page that a
 * private mapping writes for the first time.
 */
static int do_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long va,
		    bool write, bool exec)
{
	u64 *pte = pte_walk(mm, va, false, NULL);
	u64 desc = pte ? READ_ONCE(*pte) : 0;

	if (desc & PTE_VALID) {
		if (write && is_cow_mapping(vma) && (desc & PTE_SPECIAL))
			return do_wp_page(mm, vma, va, pte);
		/* Still refused: W^X (a writable VMA's pages never run). */
		if ((write && (desc & PTE_RDONLY)) || (exec && (desc & PTE_UXN)))
			return -EACCES;
		return 0;	/* another thread's fault mapped it meanwhile: retry */
	}
	if (vma->vm_flags & VM_PFNMAP)
		return -EFAULT;		/* mapped whole by remap_pfn_range: no page here */
	pte = pte_walk(mm, va, true, NULL);
	if (!pte)
		return -ENOMEM;
	if (vma->vm_shmem)
		return do_shmem_fault(mm, vma, va, pte);
	if (vma->vm_file && write && !(vma->vm_flags & VM_SHARED))
		return do_cow_fault(mm, vma, va, pte);
	if (vma->vm_file)
		return do_read_fault(mm, vma, va, pte);
	return map_new_page(mm, va, vma->vm_flags) ? 0 : -ENOMEM;
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr, bool write, bool exec)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	mmap_assert_locked(mm);
	if (!vma || addr < vma->vm_start)
		return -EFAULT;
	if ((write && !(vma->vm_flags & VM_WRITE)) ||
	    (exec && !(vma->vm_flags & VM_EXEC)) ||
	    !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		return -EACCES;
	return do_fault(mm, vma, addr & PAGE_MASK, write, exec);
}

void *mm_user_kaddr(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma = find_vma(mm, addr);

	/* The kernel's own pages ([vdso], [vvar]) are never written this way. */
	if (!vma || addr < vma->vm_start || (vma->vm_flags & VM_PFNMAP))
		return NULL;
	/* A page of its own to write: a private mapping's file page is copied. */
	for (int tries = 0; tries < 3; tries++) {
		u64 *pte = pte_walk(mm, addr, false, NULL);
		u64 entry = pte ? READ_ONCE(*pte) : 0;

		if ((entry & PTE_VALID) && !(is_cow_mapping(vma) && (entry & PTE_SPECIAL)))
			return (char *)__va(entry & PTE_ADDR_MASK) + (addr & ~PAGE_MASK);
		if (do_fault(mm, vma, addr & PAGE_MASK, true, false))
			return NULL;
	}
	return NULL;
}

int remap_pfn_range(struct mm_struct *mm, unsigned long addr, unsigned long pfn,
		    unsigned long size, unsigned long vm_flags)
{
	for (unsigned long off = 0; off < size; off += PAGE_SIZE) {
		u64 *pte = pte_walk(mm, addr + off, true, NULL);

		if (!pte)
			return -ENOMEM;
		WRITE_ONCE(*pte, ((pfn << PAGE_SHIFT) + off) | vm_page_prot(vm_flags) |
			   PTE_SPECIAL);
	}
	dsb(ishst);
	isb();
	return 0;
}

int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	int done = 0;

	while (done < len) {
		unsigned long a = addr + done;
		u64 pte = user_pte(mm, a);
		int n = min((unsigned long)(len - done), PAGE_SIZE - (a & ~PAGE_MASK));

		if (!(pte & PTE_VALID) || a >= TASK_SIZE)
			break;
		memcpy((char *)buf + done, (char *)__va(pte & PTE_ADDR_MASK) + (a & ~PAGE_MASK), n);
		done += n;
	}
	return done;
}

/*
 * Visit the present pages of [start, end), skipping whole missing tables:
 * fn(mm, va, pte) for each. Preemption is off throughout, so a shared file
 * page cannot be taken away (unmap_mapping_range) half way through fn.
 */
static void for_each_pte(struct mm_struct *mm, unsigned long start, unsigned long end,
			 void (*fn)(struct mm_struct *mm, unsigned long va, u64 *pte,
				    unsigned long arg), unsigned long arg)
{
	unsigned long va = start;

	preempt_disable();

	while (va < end) {
		int stop = 3;
		u64 *pte = pte_walk(mm, va, false, &stop);
		unsigned long next;

		if (!pte) {		/* skip what the missing table would map */
			unsigned long size = 1UL << ARM64_HW_PGTABLE_LEVEL_SHIFT(stop);

			next = (va & ~(size - 1)) + size;
			if (next <= va)	/* wrapped: the end of the space */
				break;
			va = next;
			continue;
		}
		if (*pte & PTE_VALID)
			fn(mm, va, pte, arg);
		va += PAGE_SIZE;
	}
	preempt_enable();
}

static void unmap_one(struct mm_struct *mm, unsigned long va, u64 *pte, unsigned long arg)
{
	u64 old = *pte;
	phys_addr_t pa = old & PTE_ADDR_MASK;

	WRITE_ONCE(*pte, 0);
	flush_tlb_page(mm, va);
	if (old & PTE_SPECIAL)
		return;			/* the kernel's, a file's or a shmem object's page */
	free_page((unsigned long)__va(pa));
	mm->rss--;
}

void unmap_pages(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	for_each_pte(mm, start, end, unmap_one, 0);
}

static void reprotect_one(struct mm_struct *mm, unsigned long va, u64 *pte,
			  unsigned long vma_arg)
{
	const struct vm_area_struct *vma = (const void *)vma_arg;
	unsigned long vm_flags = vma->vm_flags;
	u64 old = *pte;

	/* A private mapping's file page stays read-only: its first write copies it. */
	if (is_cow_mapping(vma) && (old & PTE_SPECIAL))
		vm_flags &= ~VM_WRITE;
	/* Only permission bits change: no break-before-make needed. */
	WRITE_ONCE(*pte, (old & (PTE_ADDR_MASK | PTE_SPECIAL)) | vm_page_prot(vm_flags));
	if ((vm_flags & VM_EXEC) && !(vm_flags & VM_WRITE) && (old & PTE_UXN))
		sync_icache_page(__va(old & PTE_ADDR_MASK));
	flush_tlb_page(mm, va);
}

void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma;

	/* ramfs_lock: a file page being taken down is not put back with new bits */
	spin_lock(&ramfs_lock);
	list_for_each_entry(vma, &mm->mmap, vm_list)
		if (vma->vm_end > start && vma->vm_start < end)
			for_each_pte(mm, max(start, vma->vm_start), min(end, vma->vm_end),
				     reprotect_one, (unsigned long)vma);
	spin_unlock(&ramfs_lock);
}

/* A file's page in a mapping of it: taken down (private copies stay). */
static void unmap_file_one(struct mm_struct *mm, unsigned long va, u64 *pte, unsigned long arg)
{
	if (*pte & PTE_SPECIAL) {
		WRITE_ONCE(*pte, 0);
		flush_tlb_page(mm, va);
	}
}

void unmap_mapping_range(struct ramfs_inode *inode)
{
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &file_vmas, vm_shared)	/* ramfs_lock held */
		if (vma->vm_file == inode)
			for_each_pte(vma->vm_mm, vma->vm_start, vma->vm_end, unmap_file_one, 0);
}

static void move_one(struct mm_struct *mm, unsigned long va, u64 *pte, unsigned long delta)
{
	u64 *to = pte_walk(mm, va + delta, true, NULL);
	u64 entry = *pte;

	if (!to)
		return;		/* out of memory for a table: the page is dropped */
	WRITE_ONCE(*pte, 0);
	flush_tlb_page(mm, va);
	WRITE_ONCE(*to, entry);
}

int move_page_tables(struct mm_struct *mm, unsigned long old, unsigned long len,
		     unsigned long new)
{
	/* Tables for the destination first, so moving cannot fail half way.
	 * (for_each_pte keeps preemption off while entries move.) */
	for (unsigned long a = new; a < new + len; a += PAGE_SIZE)
		if (user_pte(mm, a - new + old) & PTE_VALID && !pte_walk(mm, a, true, NULL))
			return -ENOMEM;
	spin_lock(&ramfs_lock);		/* not against unmap_mapping_range */
	for_each_pte(mm, old, old + len, move_one, new - old);
	spin_unlock(&ramfs_lock);
	dsb(ishst);
	isb();
	return 0;
}

/* Free a table of this level and everything below it. */
static void free_table(struct mm_struct *mm, u64 *table, int level)
{
	for (int i = 0; i < PTRS_PER_PTE; i++) {
		u64 entry = table[i];

		if (!(entry & PTE_VALID))
			continue;
		if (level < 3) {
			free_table(mm, __va(entry & PTE_ADDR_MASK), level + 1);
		} else if (!(entry & PTE_SPECIAL)) {
			free_page((unsigned long)__va(entry & PTE_ADDR_MASK));
			mm->rss--;
		}
	}
	free_page((unsigned long)table);
	mm->pgtables--;
}

void mmput(struct mm_struct *mm)
{
	if (!mm || !atomic_dec_and_test(&mm->users))
		return;
	/*
	 * Nobody runs on these tables any more (TTBR0 moved on first), and
	 * their ASID is not reused before the next rollover flushes the
	 * TLB (context.c): the pages can go back at once.
	 */
	free_vmas(mm);		/* first: off file_vmas before the tables go */
	free_table(mm, mm->pgd, PGTABLE_START_LEVEL);
	if (mm->exe_file) {
		allow_write_access(mm->exe_file);	/* no longer run by this mm */
		iput(mm->exe_file);
	}
	kfree(mm);
}

/* Copy the table of this level from src into dst, owned pages' contents too. */
static int copy_table(struct mm_struct *dst, u64 *to, const u64 *from, int level)
{
	for (int i = 0; i < PTRS_PER_PTE; i++) {
		u64 entry = from[i];
		void *page;

		if (!(entry & PTE_VALID))
			continue;
		if (level == 3 && (entry & PTE_SPECIAL)) {
			to[i] = entry;		/* no mm's page: the same one */
			continue;
		}
		page = (void *)__get_free_page(GFP_KERNEL);
		if (!page)
			return -ENOMEM;
		if (level < 3) {
			memset(page, 0, PAGE_SIZE);
			dst->pgtables++;
			to[i] = __pa(page) | (entry & ~PTE_ADDR_MASK);
			if (copy_table(dst, page, __va(entry & PTE_ADDR_MASK), level + 1))
				return -ENOMEM;
		} else {
			memcpy(page, __va(entry & PTE_ADDR_MASK), PAGE_SIZE);
			if (!(entry & PTE_UXN))
				sync_icache_page(page);
			dst->rss++;
			to[i] = __pa(page) | (entry & ~PTE_ADDR_MASK);
		}
	}
	return 0;
}

/*
 * fork's copy. The pages a process owns are copied now: processes here
 * are small and most forks are followed by execve, whose new mm starts
 * empty; anonymous memory never touched is not copied (it has no page).
 * Copy-on-write would save the copies at the cost of write faults,
 * reference counts per page and TLB flushes of the parent. Pages no mm
 * owns (PTE_SPECIAL) are shared: a shared mapping's stay shared, a
 * private file mapping's stay the file's, read-only, in both.
 */
struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	int err;

	if (!mm)
		return NULL;
	mm->start_code = old->start_code;
	mm->end_code = old->end_code;
	mm->start_data = old->start_data;
	mm->end_data = old->end_data;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->start_stack = old->start_stack;
	mm->mmap_base = old->mmap_base;
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->env_start = old->env_start;
	mm->env_end = old->env_end;
	mm->exe_file = old->exe_file;
	if (mm->exe_file) {
		ihold(mm->exe_file);
		deny_write_access(mm->exe_file);	/* old's holds one: cannot fail */
	}
	/*
	 * ramfs_lock over the copy: a shared file page copied must not be taken
	 * down (unmap_mapping_range, on another CPU) between reading the
	 * parent's descriptor and writing the child's.
	 */
	mmap_write_lock(old);		/* the parent's other threads change nothing meanwhile */
	err = dup_vmas(mm, old);
	if (!err) {
		spin_lock(&ramfs_lock);
		err = copy_table(mm, mm->pgd, old->pgd, PGTABLE_START_LEVEL);
		spin_unlock(&ramfs_lock);
	}
	mmap_write_unlock(old);
	if (err) {
		mmput(mm);
		return NULL;
	}
	dsb(ishst);
	return mm;
}
