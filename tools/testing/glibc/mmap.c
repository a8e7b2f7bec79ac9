// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/mmap.c: memory mappings as a glibc program uses
 * them: anonymous private memory, MAP_PRIVATE and MAP_SHARED of a file
 * (read faults see the file, shared writes reach read() and other
 * mappers and a child after fork, private writes stay private), offsets,
 * the errors Linux gives (EACCES, EINVAL, ENODEV, EBADF), SIGBUS past the
 * end of the file caught by a handler, munmap of part of a mapping,
 * mremap (shrink, grow in place, move with contents), madvise
 * (MADV_DONTNEED zeroes anonymous memory, rereads a file), msync, and
 * mprotect. Each result is compared with what Linux does. KTAP out.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 27
#define PG 4096

static sigjmp_buf bus_jmp;
static volatile siginfo_t bus_info;

static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	bus_info = *si;
	siglongjmp(bus_jmp, sig);
}

/* A file of n bytes, byte i = i * 7 + 1 (mod 256); its fd (O_RDWR). */
static int make_file(const char *path, size_t n)
{
	unsigned char buf[PG];
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	for (size_t done = 0; done < n;) {
		size_t k = n - done < sizeof(buf) ? n - done : sizeof(buf);

		for (size_t i = 0; i < k; i++)
			buf[i] = (unsigned char)((done + i) * 7 + 1);
		if (write(fd, buf, k) != (ssize_t)k)
			return -1;
		done += k;
	}
	return fd;
}

static int pattern_ok(const unsigned char *p, size_t from, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)((from + i) * 7 + 1)) {
			printf("# byte %zu of the mapping: %d, not %d\n", i, p[i],
			       (unsigned char)((from + i) * 7 + 1));
			return 0;
		}
	return 1;
}

static void test_anonymous(void)
{
	unsigned char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int zero = 1;

	for (int i = 0; p != MAP_FAILED && i < 3 * PG; i++)
		zero &= p[i] == 0;
	if (p != MAP_FAILED)
		memset(p, 0x5a, 3 * PG);
	ktap_check(p != MAP_FAILED && zero && p[2 * PG + 5] == 0x5a, "anon_private_zeroed",
		   "mmap %p", (void *)p);

	/* munmap of the middle page: the others stay, the hole faults */
	ktap_check(munmap(p + PG, PG) == 0 && p[0] == 0x5a && p[2 * PG] == 0x5a &&
		   mmap(p + PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			-1, 0) == p + PG && p[PG] == 0, "munmap_partial", "errno %d", errno);
	munmap(p, 3 * PG);

	/* MADV_DONTNEED: private anonymous pages read as zeros again */
	p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(p, 0x33, 2 * PG);
	ktap_check(madvise(p, PG, MADV_DONTNEED) == 0 && p[0] == 0 && p[PG - 1] == 0 &&
		   p[PG] == 0x33, "madvise_dontneed_zeroes", "p[0] %d p[PG] %d", p[0], p[PG]);
	ktap_check(madvise(p, PG, MADV_WILLNEED) == 0 && madvise(p, PG, MADV_SEQUENTIAL) == 0 &&
		   madvise(p + 1, PG, MADV_DONTNEED) == -1 && errno == EINVAL &&
		   madvise(p, PG, 12345) == -1 && errno == EINVAL, "madvise_hints_and_errors",
		   "errno %d", errno);

	/* mremap: shrink, grow (in place or moved), contents kept */
	p[0] = 1;
	p[PG] = 2;
	unsigned char *q = mremap(p, 2 * PG, PG, 0);
	ktap_check(q == p && q[0] == 1, "mremap_shrink", "mremap %p (was %p)", (void *)q,
		   (void *)p);
	/* a neighbour right after it: growing must move */
	unsigned char *wall = mmap(p + PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
				   MAP_FIXED_NOREPLACE, -1, 0);
	errno = 0;
	q = mremap(p, PG, 4 * PG, 0);
	ktap_check(wall == p + PG && q == MAP_FAILED && errno == ENOMEM, "mremap_grow_no_room",
		   "mremap %p errno %d", (void *)q, errno);
	q = mremap(p, PG, 4 * PG, MREMAP_MAYMOVE);
	int moved_ok = q != MAP_FAILED && q != p && q[0] == 1 && q[3 * PG] == 0;
	if (q != MAP_FAILED)
		q[3 * PG] = 9;
	ktap_check(moved_ok && q[3 * PG] == 9, "mremap_maymove", "mremap %p", (void *)q);
	munmap(wall, PG);
	ktap_check(mremap((char *)q + 1, PG, 2 * PG, MREMAP_MAYMOVE) == MAP_FAILED &&
		   errno == EINVAL && mremap(q, PG, 2 * PG, MREMAP_FIXED) == MAP_FAILED &&
		   errno == EINVAL, "mremap_errors", "errno %d", errno);
	munmap(q, 4 * PG);
}

static void test_file_private(void)
{
	int fd = make_file("/tmp/mm-priv", 3 * PG + 100);
	unsigned char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, PG);
	unsigned char byte;

	ktap_check(p != MAP_FAILED && pattern_ok(p, PG, 2 * PG + 100),
		   "file_private_reads_file_at_offset", "mmap %p errno %d", (void *)p, errno);
	if (p == MAP_FAILED)
		return;
	/* the last page: 100 bytes of file, then zeros */
	ktap_check(pattern_ok(p + 2 * PG, 3 * PG, 100) && p[2 * PG + 100] == 0 &&
		   p[3 * PG - 1] == 0, "file_private_tail_zeroed", "p[100] %d", p[2 * PG + 100]);
	p[0] = 0xee;
	ktap_check(pread(fd, &byte, 1, PG) == 1 && byte == (unsigned char)(PG * 7 + 1),
		   "file_private_write_stays_private", "file byte %d", byte);
	/* MADV_DONTNEED on a private file mapping: the file's bytes again */
	ktap_check(madvise(p, PG, MADV_DONTNEED) == 0 && p[0] == (unsigned char)(PG * 7 + 1),
		   "madvise_dontneed_rereads_file", "p[0] %d", p[0]);
	munmap(p, 3 * PG);
	close(fd);
	unlink("/tmp/mm-priv");
}

static void test_file_shared(void)
{
	int fd = make_file("/tmp/mm-shared", 2 * PG);
	unsigned char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	unsigned char *p2 = mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd, 0);
	unsigned char buf[8];
	int status;

	ktap_check(p != MAP_FAILED && p2 != MAP_FAILED && pattern_ok(p, 0, 2 * PG),
		   "file_shared_reads_file", "mmap %p errno %d", (void *)p, errno);
	if (p == MAP_FAILED || p2 == MAP_FAILED)
		return;
	memcpy(p + 10, "SHARED", 6);
	ktap_check(pread(fd, buf, 6, 10) == 6 && !memcmp(buf, "SHARED", 6) &&
		   !memcmp(p2 + 10, "SHARED", 6), "file_shared_write_reaches_read_and_mappers",
		   "read %.6s", buf);
	ktap_check(pwrite(fd, "write", 5, PG + 1) == 5 && !memcmp(p + PG + 1, "write", 5),
		   "file_write_reaches_shared_mapping", "mapped %.5s", p + PG + 1);
	/* the file grows (its buffer moves): the mapping follows */
	lseek(fd, 64 * PG, SEEK_SET);
	ktap_check(write(fd, "end", 3) == 3 && !memcmp(p + 10, "SHARED", 6) &&
		   !memcmp(p2 + PG + 1, "write", 5), "file_shared_survives_growth",
		   "p %.6s", p + 10);
	if (fork() == 0) {
		memcpy(p + 100, "child", 5);
		_exit(0);
	}
	wait(&status);
	ktap_check(!memcmp(p + 100, "child", 5) && pread(fd, buf, 5, 100) == 5 &&
		   !memcmp(buf, "child", 5), "file_shared_across_fork", "p %.5s", p + 100);
	ktap_check(msync(p, 2 * PG, MS_SYNC) == 0 && msync(p, PG, MS_ASYNC) == 0 &&
		   msync(p + 1, PG, MS_SYNC) == -1 && errno == EINVAL &&
		   msync(p, PG, MS_SYNC | MS_ASYNC) == -1 && errno == EINVAL,
		   "msync", "errno %d", errno);
	munmap(p, 2 * PG);
	munmap(p2, 2 * PG);
	close(fd);
	unlink("/tmp/mm-shared");
}

static void test_errors(void)
{
	int ro, fds[2];
	void *p;

	close(make_file("/tmp/mm-err", PG));
	ro = open("/tmp/mm-err", O_RDONLY);
	errno = 0;
	p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0);
	ktap_check(p == MAP_FAILED && errno == EACCES, "shared_write_on_rdonly_eacces",
		   "mmap %p errno %d", p, errno);
	p = mmap(NULL, PG, PROT_READ, MAP_SHARED, ro, 0);
	ktap_check(p != MAP_FAILED && mprotect(p, PG, PROT_READ | PROT_WRITE) == -1 &&
		   errno == EACCES, "mprotect_shared_rdonly_eacces", "errno %d", errno);
	munmap(p, PG);
	p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	ktap_check(p != MAP_FAILED, "private_write_on_rdonly_ok", "errno %d", errno);
	munmap(p, PG);
	/* O_APPEND does not matter to mmap (Linux refuses append-only inodes only) */
	int app = open("/tmp/mm-err", O_RDWR | O_APPEND);
	p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, app, 0);
	ktap_check(p != MAP_FAILED, "shared_write_on_append_ok", "errno %d", errno);
	munmap(p, PG);
	close(app);
	errno = 0;
	p = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, ro, 100);
	ktap_check(p == MAP_FAILED && errno == EINVAL, "unaligned_offset_einval",
		   "mmap %p errno %d", p, errno);
	pipe(fds);
	errno = 0;
	p = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fds[0], 0);
	ktap_check(p == MAP_FAILED && errno == ENODEV, "pipe_enodev", "mmap %p errno %d", p,
		   errno);
	errno = 0;
	p = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 55, 0);
	ktap_check(p == MAP_FAILED && errno == EBADF, "bad_fd_ebadf", "mmap %p errno %d", p,
		   errno);
	close(fds[0]);
	close(fds[1]);
	close(ro);
	unlink("/tmp/mm-err");
}

static void test_sigbus(void)
{
	struct sigaction sa = { .sa_sigaction = on_sigbus, .sa_flags = SA_SIGINFO };
	int fd = make_file("/tmp/mm-bus", 100);
	volatile unsigned char *p = mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd, 0);
	volatile int got = 0, first = -1;

	sigaction(SIGBUS, &sa, NULL);
	if (sigsetjmp(bus_jmp, 1) == 0) {
		first = p[99] + p[PG - 1];	/* in the file's last page: fine */
		got = p[PG];			/* a page wholly past the end */
		got = -1;
	} else {
		got = 1;
	}
	ktap_check(got == 1 && first == (unsigned char)(99 * 7 + 1) && bus_info.si_signo == SIGBUS &&
		   bus_info.si_code == BUS_ADRERR && bus_info.si_addr == (void *)(p + PG),
		   "sigbus_past_eof", "got %d first %d code %d addr %p", got, first,
		   bus_info.si_code, bus_info.si_addr);
	/* the file grows: the same page is now there */
	ftruncate(fd, 2 * PG);
	ktap_check(p[PG] == 0 && p[99] == (unsigned char)(99 * 7 + 1), "page_after_ftruncate_grow",
		   "p[PG] %d", p[PG]);
	munmap((void *)p, 2 * PG);
	close(fd);
	unlink("/tmp/mm-bus");
}

int main(void)
{
	ktap_start("mmap", NR_CASES);
	mkdir("/tmp", 01777);	/* the test's initramfs has none */
	test_anonymous();
	test_file_private();
	test_file_shared();
	test_errors();
	test_sigbus();
	return ktap_finish();
}
