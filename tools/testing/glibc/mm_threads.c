// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/mm_threads.c: one address space, several CPUs. Four
 * threads of one process, each pinned to its own CPU, change and use their
 * shared mm at the same time, and check every byte they wrote:
 *
 *   shared_faults      all threads write their own word of each page of a
 *                      fresh anonymous mapping, in the same order, so that
 *                      two or more CPUs fault on the same page (and need the
 *                      same page tables) at once: a page mapped twice loses
 *                      what the first writer put there;
 *   private_churn      each thread mmaps, fills, mprotects, mremaps and
 *                      munmaps regions of its own, and grows and shrinks
 *                      nothing it does not own, while the others do the same
 *                      and fault pages of a shared mapping in: the VMA list
 *                      changes under faults on other CPUs;
 *   fork_and_maps      the same churn while one thread forks (the child
 *                      checks a region of known bytes) and another reads
 *                      /proc/self/maps and status; after each churn,
 *                      VmSize is back where it was;
 *   munmap_all_cpus    a page every thread has read (so each CPU's TLB holds
 *                      it) is unmapped by one thread; the others must then
 *                      fault on it (SIGSEGV), not read the freed page;
 *   mprotect_all_cpus  the same for a page made read-only: a write from any
 *                      CPU must fault once mprotect has returned.
 *
 * What the kernel must get right: the mmap lock (faults read, VMA changes
 * write), page-table updates of concurrent faults (the page-table lock), and
 * TLB invalidation broadcast to every CPU with the mm's ASID before a page
 * is freed or loses a permission. `-r N` repeats the whole N times (the soak);
 * `-p PAGES` sizes the shared mapping. KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 5
#define NTHREADS 4
#define PAGE 4096UL

static unsigned long shared_pages = 1024;	/* -p */
static int repeat = 1;				/* -r */

static pthread_barrier_t barrier;
static volatile int stop;
static char *shared;				/* the mapping of the case running */
static unsigned long errors[NTHREADS];		/* per thread: bad values seen */
static char error_text[NTHREADS][128];

static void note_error(int t, const char *fmt, unsigned long a, unsigned long b)
{
	if (!errors[t]++)
		snprintf(error_text[t], sizeof(error_text[t]), fmt, a, b);
}

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);	/* best effort: fewer CPUs still test */
}

/* What thread t writes in word t of page i of round r: never 0. */
static uint64_t stamp(unsigned long i, int t, int r)
{
	return ((uint64_t)(r + 1) << 40) | ((uint64_t)i << 8) | (uint64_t)(t + 1);
}

static void run_threads(void *(*fn)(void *))
{
	pthread_t th[NTHREADS];

	memset(errors, 0, sizeof(errors));
	stop = 0;
	pthread_barrier_init(&barrier, NULL, NTHREADS);
	for (long t = 0; t < NTHREADS; t++)
		if (pthread_create(&th[t], NULL, fn, (void *)t)) {
			printf("# pthread_create failed\n");
			exit(1);
		}
	for (int t = 0; t < NTHREADS; t++)
		pthread_join(th[t], NULL);
	pthread_barrier_destroy(&barrier);
}

/* A case's name; with -r, the round's number after it: each KTAP name once. */
static int round_of_run;

static const char *named(const char *name)
{
	static char buf[64];

	if (repeat == 1)
		return name;
	snprintf(buf, sizeof(buf), "%s_%d", name, round_of_run + 1);
	return buf;
}

static int report(const char *name)
{
	unsigned long total = 0;
	int first = -1;

	for (int t = 0; t < NTHREADS; t++) {
		total += errors[t];
		if (errors[t] && first < 0)
			first = t;
	}
	return ktap_check(!total, named(name), "%lu bad values, first in thread %d: %s", total, first,
			  first >= 0 ? error_text[first] : "");
}

/* ---- shared_faults --------------------------------------------------------------- */

static int round_nr;

static void *fault_shared(void *arg)
{
	int t = (int)(long)arg;

	pin(t);
	pthread_barrier_wait(&barrier);
	for (unsigned long i = 0; i < shared_pages; i++)
		((volatile uint64_t *)(shared + i * PAGE))[t] = stamp(i, t, round_nr);
	pthread_barrier_wait(&barrier);
	/* Every thread checks every thread's words: its CPU's view of each page. */
	for (unsigned long i = 0; i < shared_pages; i++)
		for (int w = 0; w < NTHREADS; w++) {
			uint64_t v = ((volatile uint64_t *)(shared + i * PAGE))[w];

			if (v != stamp(i, w, round_nr))
				note_error(t, "page %lu word %lu lost", i, (unsigned long)w);
		}
	return NULL;
}

static int shared_faults(void)
{
	for (round_nr = 0; round_nr < 4; round_nr++) {
		shared = mmap(NULL, shared_pages * PAGE, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (shared == MAP_FAILED)
			return ktap_check(0, named("shared_faults"), "mmap: %s", strerror(errno));
		run_threads(fault_shared);
		munmap(shared, shared_pages * PAGE);
		if (errors[0] || errors[1] || errors[2] || errors[3])
			break;
	}
	return report("shared_faults");
}

/* ---- private_churn / fork_and_maps ------------------------------------------------ */

static int with_fork;

/* A region of its own: filled, made read-only, moved, checked, unmapped. */
static void churn_once(int t, unsigned long n, unsigned long seq)
{
	unsigned long len = (1 + (seq + t) % 8) * PAGE;
	uint64_t *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint64_t *q;

	if (p == MAP_FAILED) {
		note_error(t, "mmap %lu bytes: errno %lu", len, (unsigned long)errno);
		return;
	}
	for (unsigned long k = 0; k < len / 8; k += 64)
		p[k] = stamp(k, t, (int)n);
	if (mprotect(p, len, PROT_READ))
		note_error(t, "mprotect read-only: errno %lu%lu", (unsigned long)errno, 0);
	q = mremap(p, len, len + PAGE, MREMAP_MAYMOVE);
	if (q == MAP_FAILED) {
		note_error(t, "mremap: errno %lu%lu", (unsigned long)errno, 0);
		q = p;
	} else {
		len += PAGE;
	}
	for (unsigned long k = 0; k < (len - PAGE) / 8; k += 64)
		if (q[k] != stamp(k, t, (int)n))
			note_error(t, "own region word %lu: %lx", k, (unsigned long)q[k]);
	if (munmap(q, len))
		note_error(t, "munmap: errno %lu%lu", (unsigned long)errno, 0);
}

/* A fork from a thread: the child sees the bytes of the parent's region. */
static void fork_check(int t, const uint64_t *known, unsigned long words)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		for (unsigned long k = 0; k < words; k++)
			if (known[k] != ~(uint64_t)k)
				_exit(2);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		note_error(t, "forked child: pid %lu status %lx", (unsigned long)pid,
			   (unsigned long)status);
}

/* /proc/self/<name>'s text into buf (NUL-terminated): its length, or -1. */
static ssize_t read_proc(const char *name, char *buf, size_t size)
{
	char path[64];
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n >= 0)
		buf[n] = 0;
	return n;
}

static void read_maps(int t)
{
	char buf[4096];
	ssize_t n = read_proc("maps", buf, sizeof(buf));

	if (n <= 0 || !strchr(buf, '\n'))
		note_error(t, "read /proc/self/maps: %ld (errno %lu)", (unsigned long)n,
			   (unsigned long)errno);
	n = read_proc("status", buf, sizeof(buf));
	if (n <= 0 || !strstr(buf, "VmSize:"))
		note_error(t, "read /proc/self/status: %ld (errno %lu)", (unsigned long)n,
			   (unsigned long)errno);
}

/* VmSize of /proc/self/status, in kB; 0 if unreadable. */
static unsigned long vm_size_kb(void)
{
	char buf[2048], *p;

	if (read_proc("status", buf, sizeof(buf)) <= 0 || !(p = strstr(buf, "VmSize:")))
		return 0;
	return strtoul(p + 7, NULL, 10);
}

static uint64_t *known;
#define KNOWN_WORDS (8 * PAGE / 8)

static void *churn(void *arg)
{
	int t = (int)(long)arg;
	unsigned long pages_each = shared_pages / NTHREADS;

	pin(t);
	pthread_barrier_wait(&barrier);
	for (unsigned long n = 0; n < pages_each; n++) {
		/* A page of the shared mapping, faulted in while VMAs change. */
		unsigned long i = n * NTHREADS + t;

		((volatile uint64_t *)(shared + i * PAGE))[0] = stamp(i, t, 9);
		churn_once(t, n, n);
		if (with_fork && t == 0 && n % 16 == 0)
			fork_check(t, known, KNOWN_WORDS);
		if (with_fork && t == 1 && n % 8 == 0)
			read_maps(t);
	}
	pthread_barrier_wait(&barrier);
	for (unsigned long n = 0; n < pages_each; n++) {
		unsigned long i = n * NTHREADS + t;
		uint64_t v = ((volatile uint64_t *)(shared + i * PAGE))[0];

		if (v != stamp(i, t, 9))
			note_error(t, "shared page %lu: %lx", i, (unsigned long)v);
	}
	return NULL;
}

static int churn_case(const char *name, int fork_too)
{
	unsigned long before = vm_size_kb(), after;

	with_fork = fork_too;
	shared = mmap(NULL, shared_pages * PAGE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	known = mmap(NULL, KNOWN_WORDS * 8, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		     -1, 0);
	if (shared == MAP_FAILED || known == MAP_FAILED)
		return ktap_check(0, named(name), "mmap: %s", strerror(errno));
	for (unsigned long k = 0; k < KNOWN_WORDS; k++)
		known[k] = ~(uint64_t)k;
	run_threads(churn);
	munmap(shared, shared_pages * PAGE);
	munmap(known, KNOWN_WORDS * 8);
	/* Everything mapped was unmapped: VmSize (the mm's count) is back. */
	after = vm_size_kb();
	if (!before || after != before)
		note_error(0, "VmSize %lu kB before, %lu kB after", before, after);
	return report(name);
}

/* ---- munmap_all_cpus / mprotect_all_cpus ------------------------------------------ */

static __thread sigjmp_buf fault_jmp;
static __thread volatile int expect_fault;
static volatile int phase;		/* 1: read it; 2: it is gone, touch it */
static volatile int readers_done;
static int mprotect_mode;

static void on_segv(int sig)
{
	if (expect_fault)
		siglongjmp(fault_jmp, 1);
	signal(sig, SIG_DFL);
}

/*
 * A barrier that never sleeps: a thread that slept would switch its CPU to
 * the idle task and back, and QEMU drops a CPU's TLB when TTBR0's ASID
 * changes, which would hide a stale entry. Spinning, each thread keeps its
 * CPU, its ASID and whatever its TLB holds.
 */
static unsigned int spin_arrived, spin_generation;

static void spin_barrier(void)
{
	unsigned int gen = __atomic_load_n(&spin_generation, __ATOMIC_ACQUIRE);

	if (__atomic_add_fetch(&spin_arrived, 1, __ATOMIC_ACQ_REL) == NTHREADS) {
		__atomic_store_n(&spin_arrived, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&spin_generation, gen + 1, __ATOMIC_RELEASE);
		return;
	}
	while (__atomic_load_n(&spin_generation, __ATOMIC_ACQUIRE) == gen)
		;
}

static void *tlb_worker(void *arg)
{
	int t = (int)(long)arg;
	volatile uint64_t *p = (volatile uint64_t *)shared;

	pin(t);
	spin_barrier();		/* every thread on its CPU */
	for (int r = 0; r < 16; r++) {
		spin_barrier();	/* thread 0 has mapped and filled it */
		if (p[t] != stamp(0, 0, r))	/* this CPU's TLB now holds the page */
			note_error(t, "round %lu: read %lx before", (unsigned long)r, p[t]);
		spin_barrier();
		if (t == 0) {
			if (mprotect_mode ? mprotect((void *)p, PAGE, PROT_READ) : munmap((void *)p, PAGE))
				note_error(t, "round %lu: errno %lu", (unsigned long)r,
					   (unsigned long)errno);
		}
		spin_barrier();	/* done: no CPU may use the old entry */
		expect_fault = 1;
		if (!sigsetjmp(fault_jmp, 1)) {
			if (mprotect_mode)
				p[t] = 1;
			else
				(void)p[t];
			note_error(t, "round %lu: no fault on thread %lu's CPU after the call",
				   (unsigned long)r, (unsigned long)t);
		}
		expect_fault = 0;
		spin_barrier();
		if (t == 0) {
			if (mprotect_mode)
				munmap((void *)p, PAGE);
			if (mmap((void *)p, PAGE, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != (void *)p)
				note_error(t, "round %lu: mmap again: errno %lu", (unsigned long)r,
					   (unsigned long)errno);
			for (int w = 0; w < NTHREADS; w++)
				p[w] = stamp(0, 0, r + 1);
		}
	}
	spin_barrier();
	return NULL;
}

static int tlb_case(const char *name, int mprotect_too)
{
	struct sigaction sa = { .sa_handler = on_segv, .sa_flags = SA_NODEFER };

	mprotect_mode = mprotect_too;
	sigaction(SIGSEGV, &sa, NULL);
	shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		return ktap_check(0, named(name), "mmap: %s", strerror(errno));
	for (int w = 0; w < NTHREADS; w++)
		((uint64_t *)shared)[w] = stamp(0, 0, 0);
	run_threads(tlb_worker);
	munmap(shared, PAGE);
	signal(SIGSEGV, SIG_DFL);
	return report(name);
}

int main(int argc, char **argv)
{
	int opt;

	while ((opt = getopt(argc, argv, "p:r:")) != -1) {
		if (opt == 'p')
			shared_pages = strtoul(optarg, NULL, 0);
		else if (opt == 'r')
			repeat = atoi(optarg);
		else
			return 2;
	}
	if (shared_pages < NTHREADS || repeat < 1) {
		fprintf(stderr, "usage: mm_threads [-p PAGES (>= %d)] [-r ROUNDS (>= 1)]\n",
			NTHREADS);
		return 2;
	}
	ktap_start("mm_threads", NR_CASES * repeat);
	printf("# %ld CPUs online, %d threads, %lu shared pages, %d round(s)\n",
	       sysconf(_SC_NPROCESSORS_ONLN), NTHREADS, shared_pages, repeat);
	for (round_of_run = 0; round_of_run < repeat; round_of_run++) {
		shared_faults();
		churn_case("private_churn", 0);
		churn_case("fork_and_maps", 1);
		tlb_case("munmap_all_cpus", 0);
		tlb_case("mprotect_all_cpus", 1);
	}
	return ktap_finish();
}
