// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/vdso.c: the vDSO as glibc finds and uses it.
 * AT_SYSINFO_EHDR points at an ELF shared object exporting Linux's
 * arm64 functions at version LINUX_2.6.39; called directly and through
 * glibc, they agree with the system calls (each vDSO reading falls between
 * two system-call readings), run forwards, fall back to the system call
 * for clocks they do not handle, and make no system call for the ones
 * they do: with --pmu, PMU counter 1 counts instructions at EL1 only
 * (PMEVTYPER1_EL0.U: EL0 excluded) around loops of calls. The [vvar] page
 * below the vDSO can be read, not written (SIGSEGV, mprotect -EACCES), and
 * a forked child reads the same time. With --threads, two threads hand
 * readings to each other to check that time never runs backwards from one
 * CPU to another while the tick rewrites the vvar page.
 * KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <link.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_BASE_CASES	15
#define NR_PMU_CASES	3
#define NR_THREAD_CASES	1

typedef int (*clock_gettime_fn)(clockid_t, struct timespec *);
typedef int (*gettimeofday_fn)(struct timeval *, void *);
typedef int (*clock_getres_fn)(clockid_t, struct timespec *);

static const ElfW(Ehdr) *vdso_ehdr;
static uintptr_t vdso_load_offset;
static const ElfW(Sym) *vdso_symtab;
static const char *vdso_strtab;
static const ElfW(Half) *vdso_versym;
static const ElfW(Verdef) *vdso_verdef;
static unsigned int vdso_nsyms;

static long long ns_of(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static long long sys_clock_ns(clockid_t clk)
{
	struct timespec ts;

	syscall(SYS_clock_gettime, clk, &ts);
	return ns_of(&ts);
}

/* The vDSO's dynamic section: symbols, strings, hash, versions. 0 if all there. */
static int vdso_parse(void)
{
	const ElfW(Phdr) *ph = (const void *)((const char *)vdso_ehdr + vdso_ehdr->e_phoff);
	const ElfW(Dyn) *dyn = NULL;
	const ElfW(Word) *hash = NULL;

	for (int i = 0; i < vdso_ehdr->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !vdso_load_offset)
			vdso_load_offset = (uintptr_t)vdso_ehdr + ph[i].p_offset - ph[i].p_vaddr;
		if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const void *)((const char *)vdso_ehdr + ph[i].p_offset);
	}
	if (!dyn)
		return -1;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		const void *p = (const void *)(dyn->d_un.d_ptr + vdso_load_offset);

		switch (dyn->d_tag) {
		case DT_SYMTAB: vdso_symtab = p; break;
		case DT_STRTAB: vdso_strtab = p; break;
		case DT_HASH: hash = p; break;
		case DT_VERSYM: vdso_versym = p; break;
		case DT_VERDEF: vdso_verdef = p; break;
		}
	}
	if (!vdso_symtab || !vdso_strtab || !hash || !vdso_versym || !vdso_verdef)
		return -1;
	vdso_nsyms = hash[1];		/* nchain: one per symbol */
	return 0;
}

/* The name of version index ndx in the vDSO's version definitions. */
static const char *vdso_version_name(unsigned int ndx)
{
	const ElfW(Verdef) *vd = vdso_verdef;

	for (;;) {
		if ((vd->vd_ndx & 0x7fff) == ndx) {
			const ElfW(Verdaux) *aux = (const void *)((const char *)vd + vd->vd_aux);

			return vdso_strtab + aux->vda_name;
		}
		if (!vd->vd_next)
			return NULL;
		vd = (const void *)((const char *)vd + vd->vd_next);
	}
}

/* A global function name@version of the vDSO, or NULL. */
static void *vdso_sym(const char *name, const char *version)
{
	for (unsigned int i = 0; i < vdso_nsyms; i++) {
		const ElfW(Sym) *s = &vdso_symtab[i];
		const char *v;

		if (ELF64_ST_TYPE(s->st_info) != STT_FUNC || ELF64_ST_BIND(s->st_info) != STB_GLOBAL ||
		    s->st_shndx == SHN_UNDEF || strcmp(vdso_strtab + s->st_name, name))
			continue;
		v = vdso_version_name(vdso_versym[i] & 0x7fff);
		if (v && !strcmp(v, version))
			return (void *)(s->st_value + vdso_load_offset);
	}
	return NULL;
}

static clock_gettime_fn vdso_clock_gettime;
static gettimeofday_fn vdso_gettimeofday;
static clock_getres_fn vdso_clock_getres;

static int test_image(void)
{
	static const unsigned char magic[] = { 0x7f, 'E', 'L', 'F' };
	const char *names[] = { "__kernel_clock_gettime", "__kernel_gettimeofday",
				"__kernel_clock_getres", "__kernel_rt_sigreturn" };
	const ElfW(Phdr) *ph;
	int loads = 0, writable = 0, missing = 0;

	vdso_ehdr = (const void *)getauxval(AT_SYSINFO_EHDR);
	if (!ktap_check(vdso_ehdr != NULL, "at_sysinfo_ehdr", "AT_SYSINFO_EHDR is 0"))
		return -1;
	if (!ktap_check(!memcmp(vdso_ehdr->e_ident, magic, 4) && vdso_ehdr->e_type == ET_DYN &&
			vdso_ehdr->e_machine == EM_AARCH64 &&
			vdso_ehdr->e_ident[EI_CLASS] == ELFCLASS64, "vdso_is_an_elf_shared_object",
			"ident %02x %02x %02x %02x type %d machine %d", vdso_ehdr->e_ident[0],
			vdso_ehdr->e_ident[1], vdso_ehdr->e_ident[2], vdso_ehdr->e_ident[3],
			vdso_ehdr->e_type, vdso_ehdr->e_machine))
		return -1;
	ph = (const void *)((const char *)vdso_ehdr + vdso_ehdr->e_phoff);
	for (int i = 0; i < vdso_ehdr->e_phnum; i++) {
		loads += ph[i].p_type == PT_LOAD;
		writable += ph[i].p_type == PT_LOAD && (ph[i].p_flags & PF_W);
	}
	ktap_check(loads == 1 && !writable, "one_read_exec_segment", "%d PT_LOAD, %d writable",
		   loads, writable);
	if (!ktap_check(!vdso_parse(), "dynamic_section", "no symbols, strings, hash or versions"))
		return -1;
	for (int i = 0; i < 4; i++)
		missing += !vdso_sym(names[i], "LINUX_2.6.39");
	ktap_check(!missing && !vdso_sym("__kernel_clock_gettime", "LINUX_2.6"),
		   "symbols_at_LINUX_2.6.39", "%d of 4 missing", missing);
	vdso_clock_gettime = (clock_gettime_fn)vdso_sym("__kernel_clock_gettime", "LINUX_2.6.39");
	vdso_gettimeofday = (gettimeofday_fn)vdso_sym("__kernel_gettimeofday", "LINUX_2.6.39");
	vdso_clock_getres = (clock_getres_fn)vdso_sym("__kernel_clock_getres", "LINUX_2.6.39");
	return missing ? -1 : 0;
}

static const clockid_t vdso_clocks[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE,
	CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME,
};

/* Each clock through the vDSO falls between two system calls; so does glibc's. */
static void test_agrees_with_syscall(void)
{
	int bad = -1, bad_glibc = -1;
	long long before = 0, mid = 0, after = 0;

	for (int round = 0; round < 200; round++) {
		for (unsigned int i = 0; i < sizeof(vdso_clocks) / sizeof(vdso_clocks[0]); i++) {
			clockid_t clk = vdso_clocks[i];
			struct timespec ts;
			long long b, m, a;

			b = sys_clock_ns(clk);
			vdso_clock_gettime(clk, &ts);
			m = ns_of(&ts);
			a = sys_clock_ns(clk);
			if ((m < b || m > a) && bad < 0) {
				bad = clk;
				before = b, mid = m, after = a;
			}
			b = sys_clock_ns(clk);
			clock_gettime(clk, &ts);
			m = ns_of(&ts);
			a = sys_clock_ns(clk);
			if ((m < b || m > a) && bad_glibc < 0)
				bad_glibc = clk;
		}
	}
	ktap_check(bad < 0, "vdso_between_syscalls", "clock %d: %lld, %lld, %lld", bad, before,
		   mid, after);
	ktap_check(bad_glibc < 0, "glibc_between_syscalls", "clock %d", bad_glibc);
}

static void test_gettimeofday(void)
{
	struct timeval tv, s0, s1, g;
	struct timezone tz = { -1, -1 };
	int r;

	syscall(SYS_gettimeofday, &s0, NULL);
	r = vdso_gettimeofday(&tv, &tz);
	gettimeofday(&g, NULL);
	syscall(SYS_gettimeofday, &s1, NULL);
#define US(t) ((t).tv_sec * 1000000LL + (t).tv_usec)
	ktap_check(r == 0 && US(s0) <= US(tv) && US(tv) <= US(g) && US(g) <= US(s1) &&
		   tz.tz_minuteswest == 0 && tz.tz_dsttime == 0, "gettimeofday_agrees",
		   "ret %d: %lld %lld %lld %lld tz %d %d", r, US(s0), US(tv), US(g), US(s1),
		   tz.tz_minuteswest, tz.tz_dsttime);
#undef US
}

/* glibc's clock_gettime never goes backwards, and the coarse clock follows the tick. */
static void test_monotonic(void)
{
	struct timespec t, c0, c1;
	long long last = 0, start, back = 0;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &c0);
	clock_gettime(CLOCK_MONOTONIC, &t);
	start = ns_of(&t);
	do {
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (ns_of(&t) < last && !back)
			back = last - ns_of(&t);
		last = ns_of(&t);
	} while (last - start < 50 * 1000 * 1000LL);	/* 50 ms, a dozen ticks */
	clock_gettime(CLOCK_MONOTONIC_COARSE, &c1);
	ktap_check(!back, "monotonic_never_back", "went back %lld ns", back);
	ktap_check(ns_of(&c1) - ns_of(&c0) >= 30 * 1000 * 1000LL, "coarse_follows_the_tick",
		   "coarse moved %lld ns in 50 ms", ns_of(&c1) - ns_of(&c0));
}

/* What the vDSO does not handle goes to the system call, with its answers. */
static void test_fallback(void)
{
	struct timespec ts = { -1, -1 }, vres, sres;
	int r, r2, same = 1;

	r = vdso_clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	r2 = vdso_clock_gettime(100, &ts);
	errno = 0;
	ktap_check(r == 0 && ts.tv_sec >= 0 && r2 == -EINVAL &&
		   clock_gettime(100, &ts) == -1 && errno == EINVAL, "fallback_to_syscall",
		   "cputime %d, clock 100: %d, glibc errno %d", r, r2, errno);
	for (unsigned int i = 0; i < sizeof(vdso_clocks) / sizeof(vdso_clocks[0]); i++) {
		vdso_clock_getres(vdso_clocks[i], &vres);
		syscall(SYS_clock_getres, vdso_clocks[i], &sres);
		same &= vres.tv_sec == sres.tv_sec && vres.tv_nsec == sres.tv_nsec;
	}
	ktap_check(same, "clock_getres_agrees", "a resolution differs from the syscall's");
}

static sigjmp_buf segv_jmp;
static volatile int segv_code;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	segv_code = si->si_code;
	siglongjmp(segv_jmp, 1);
}

/* [vvar]: the page below the vDSO, readable, not writable, not mprotect-able. */
static void test_vvar(void)
{
	volatile unsigned int *vvar = (volatile unsigned int *)((uintptr_t)vdso_ehdr - 4096);
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO }, old;
	unsigned int seq = 0;
	volatile int wrote = 0;
	int r;

	sigaction(SIGSEGV, &sa, &old);
	if (!sigsetjmp(segv_jmp, 1)) {
		seq = vvar[0];		/* readable */
		vvar[0] = seq;		/* must fault */
		wrote = 1;
	}
	sigaction(SIGSEGV, &old, NULL);
	ktap_check(!wrote && segv_code == SEGV_ACCERR, "vvar_read_only",
		   "wrote %d, si_code %d", wrote, segv_code);
	errno = 0;
	r = mprotect((void *)vvar, 4096, PROT_READ | PROT_WRITE);
	ktap_check(r == -1 && errno == EACCES, "vvar_mprotect_eacces", "ret %d errno %d", r,
		   errno);
}

/* A forked child shares [vvar] and [vdso]: its clock agrees with the parent's. */
static void test_fork(void)
{
	int status = -1;
	pid_t child = fork();

	if (child == 0) {
		struct timespec t;
		long long b = sys_clock_ns(CLOCK_MONOTONIC);

		vdso_clock_gettime(CLOCK_MONOTONIC, &t);
		_exit(ns_of(&t) >= b && ns_of(&t) <= sys_clock_ns(CLOCK_MONOTONIC) ? 0 : 1);
	}
	waitpid(child, &status, 0);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "fork_child_vdso",
		   "status %#x", status);
}

/* PMU counter 1: instructions retired at EL1 only (U: EL0 not counted). */
#define INST_RETIRED	0x08
#define PMEVTYPER_U	(1UL << 30)

static inline unsigned long el1_insns(void)
{
	unsigned long v;

	__asm__ volatile("isb\n\tmrs %0, pmevcntr1_el0" : "=r"(v) : : "memory");
	return v & 0xffffffffUL;
}

static void test_no_syscall(void)
{
	enum { N = 10000 };
	unsigned long pmcr, n, start, vdso_k, glibc_k, sys_k;
	struct timespec ts;
	struct timeval tv;

	__asm__ volatile("mrs %0, pmcr_el0" : "=r"(pmcr));
	n = (pmcr >> 11) & 0x1f;
	__asm__ volatile("msr pmevtyper1_el0, %0\n\tmsr pmcntenset_el0, %1\n\tisb"
			 : : "r"(INST_RETIRED | PMEVTYPER_U), "r"(1UL << 1) : "memory");

	start = el1_insns();
	for (int i = 0; i < N; i++)
		clock_gettime(CLOCK_MONOTONIC, &ts);
	glibc_k = (el1_insns() - start) & 0xffffffffUL;
	start = el1_insns();
	for (int i = 0; i < N; i++)
		gettimeofday(&tv, NULL);
	vdso_k = (el1_insns() - start) & 0xffffffffUL;
	start = el1_insns();
	for (int i = 0; i < N; i++)
		syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	sys_k = (el1_insns() - start) & 0xffffffffUL;

	printf("# EL1 instructions for %d calls: clock_gettime %lu, gettimeofday %lu, "
	       "syscall(SYS_clock_gettime) %lu\n", N, glibc_k, vdso_k, sys_k);
	/* A system call costs the kernel far more than one instruction; the tick a few thousand. */
	ktap_check(n >= 2 && sys_k >= 50UL * N, "pmu_counts_el1", "%lu counters, %lu for syscalls",
		   n, sys_k);
	ktap_check(glibc_k < N, "glibc_clock_gettime_no_syscall", "%lu EL1 instructions", glibc_k);
	ktap_check(vdso_k < N, "glibc_gettimeofday_no_syscall", "%lu EL1 instructions", vdso_k);
}

/*
 * Two threads, each for 100 ms: read the latest reading either published,
 * read CLOCK_MONOTONIC through glibc, check it is not below, publish it.
 * A reading published on one CPU is in the past for the other CPU.
 */
static _Atomic long long published;
static _Atomic int thread_bad;

static void *reader(void *arg)
{
	struct timespec t;
	long long start;

	clock_gettime(CLOCK_MONOTONIC, &t);
	start = ns_of(&t);
	do {
		long long seen = published, now;

		clock_gettime(CLOCK_MONOTONIC, &t);
		now = ns_of(&t);
		if (now < seen)
			thread_bad++;
		while (seen < now && !atomic_compare_exchange_weak(&published, &seen, now))
			;
	} while (ns_of(&t) - start < 100 * 1000 * 1000LL);
	return NULL;
}

static void test_threads(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, reader, NULL);
	pthread_create(&b, NULL, reader, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	ktap_check(!thread_bad, "monotonic_across_threads", "%d readings went back",
		   (int)thread_bad);
}

int main(int argc, char **argv)
{
	int pmu = argc > 1 && !strcmp(argv[1], "--pmu");
	int threads = argc > 1 && !strcmp(argv[1], "--threads");

	ktap_start("vdso", NR_BASE_CASES + (pmu ? NR_PMU_CASES : 0) +
			   (threads ? NR_THREAD_CASES : 0));
	if (test_image())
		return ktap_finish();
	test_agrees_with_syscall();
	test_gettimeofday();
	test_monotonic();
	test_fallback();
	test_vvar();
	test_fork();
	if (pmu)
		test_no_syscall();
	if (threads)
		test_threads();
	return ktap_finish();
}
