// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/mmshare.c: which pages processes share, and when a
 * page is copied, as Linux does it:
 *   - anonymous MAP_SHARED memory is one set of pages for the process and
 *     every child forked from it: writes by either are seen by the other,
 *     also after one of them unmaps it or exits, after munmap splits it,
 *     after mremap moves it; MADV_DONTNEED keeps its contents; its
 *     /proc/self/maps line is Linux's "/dev/zero (deleted)";
 *   - MAP_SHARED of a file shares the file's pages between processes that
 *     mmap it on their own;
 *   - MAP_PRIVATE of a file shows the file until the first write to a
 *     page: a write(2) to the file before it shows through the mapping,
 *     one after it does not; fork keeps both states apart in parent and
 *     child; the file's buffer moving keeps the mapping right; a page
 *     not yet written wholly past a truncated file's end gives SIGBUS;
 *     mprotect and a write by the kernel (read(2) into the mapping) copy
 *     the page, never writing the file;
 *   - mmap of /dev/zero: MAP_PRIVATE is anonymous memory, named in
 *     /proc/self/maps by the file (its device, inode, offset and
 *     "/dev/zero"), MAP_SHARED a shmem object shared across fork ("/dev/zero
 *     (deleted)"); the file's mode checked (EACCES),
 *     /dev/null not mappable (ENODEV);
 *   - exec: a program's initialised data and .bss start as the file says
 *     in every run, whatever an earlier run of it wrote there.
 * KTAP out. --exec-child is for the run it execs itself.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 23
#define PG 4096

static sigjmp_buf bus_jmp;

static void on_sigbus(int sig)
{
	siglongjmp(bus_jmp, sig);
}

/* A child running fn(arg); its exit status (fn's return), or -1. */
static int in_child(int (*fn)(void *), void *arg)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(arg));
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void *anon_shared(size_t len)
{
	return mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
}

/* ---- anonymous MAP_SHARED ---------------------------------------------- */

static int child_writes(void *arg)
{
	char *p = arg;

	p[1] = 'c';			/* a page the parent touched */
	memcpy(p + PG, "child", 5);	/* one nobody touched yet */
	return 0;
}

static void test_anon_shared_fork(void)
{
	char *p = anon_shared(3 * PG);
	int zero = 1;

	for (int i = 0; p != MAP_FAILED && i < 3 * PG; i++)
		zero &= p[i] == 0;
	ktap_check(p != MAP_FAILED && zero, "anon_shared_zeroed", "mmap %p errno %d", p, errno);
	if (p == MAP_FAILED)
		return;
	p[0] = 'p';
	/* the child writes, then exits: its writes stay */
	ktap_check(in_child(child_writes, p) == 0 && p[0] == 'p' && p[1] == 'c' &&
		   !memcmp(p + PG, "child", 5), "anon_shared_child_writes_seen_after_exit",
		   "p[1] %d p+PG %.5s", p[1], p + PG);

	/* the parent writes while the child runs */
	int go[2], status;
	char byte;

	pipe(go);
	pid_t pid = fork();
	if (pid == 0) {
		read(go[0], &byte, 1);
		_exit(!memcmp(p + 2 * PG, "parent", 6) ? 0 : 1);
	}
	memcpy(p + 2 * PG, "parent", 6);
	write(go[1], "x", 1);
	ktap_check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		   WEXITSTATUS(status) == 0, "anon_shared_parent_writes_seen_by_child",
		   "status %#x", status);
	close(go[0]);
	close(go[1]);
	munmap(p, 3 * PG);
}

/* A child that waits for a byte on fd, then runs fn(arg): its pid. */
static pid_t child_after(int fd, int (*fn)(void *), void *arg)
{
	char byte;
	pid_t pid = fork();

	if (pid == 0) {
		read(fd, &byte, 1);
		_exit(fn(arg));
	}
	return pid;
}

static int write_from_a(void *arg)
{
	strcpy(arg, "from A");
	return 0;
}

static int sees_from_a(void *arg)
{
	return strcmp(arg, "from A") ? 1 : 0;
}

static int unmaps(void *arg)
{
	return munmap(arg, PG) ? 1 : 0;
}

static int write_from_b(void *arg)
{
	strcpy(arg, "from B");
	return 0;
}

static void test_anon_shared_munmap(void)
{
	char *p = anon_shared(PG);
	int go_a[2], go_b[2], status_a = -1, status_b = -1;
	pid_t a, b;

	/* the parent unmaps it: its two children still share the pages */
	strcpy(p, "before");
	pipe(go_a);
	pipe(go_b);
	a = child_after(go_a[0], write_from_a, p);
	b = child_after(go_b[0], sees_from_a, p);
	munmap(p, PG);
	/* memory the parent maps now must not be the page it let go of */
	char *q = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(q, 0x77, 4 * PG);
	write(go_a[1], "x", 1);
	waitpid(a, &status_a, 0);
	write(go_b[1], "x", 1);
	waitpid(b, &status_b, 0);
	ktap_check(WIFEXITED(status_a) && WEXITSTATUS(status_a) == 0 && WIFEXITED(status_b) &&
		   WEXITSTATUS(status_b) == 0 && q[0] == 0x77,
		   "anon_shared_kept_after_munmap_in_parent", "status a %#x b %#x", status_a,
		   status_b);
	munmap(q, 4 * PG);

	/* one child unmaps its mapping and exits: the next still shares it */
	p = anon_shared(PG);
	strcpy(p, "kept");
	int first = in_child(unmaps, p), second = in_child(write_from_b, p);

	ktap_check(first == 0 && second == 0 && !strcmp(p, "from B"),
		   "anon_shared_kept_after_munmap_in_child", "p %s", p);
	munmap(p, PG);
	close(go_a[0]);
	close(go_a[1]);
	close(go_b[0]);
	close(go_b[1]);
}

static int child_writes_third_page(void *arg)
{
	char *p = arg;

	strcpy(p + 2 * PG, "third");
	return 0;
}

static int child_writes_moved(void *arg)
{
	char *p = arg;

	if (strcmp(p, "moved"))
		return 1;
	strcpy(p + PG, "child");
	return 0;
}

static void test_anon_shared_split_move(void)
{
	char *p = anon_shared(3 * PG), *q;

	/* munmap of the middle page: the last one is still shared, at its offset */
	p[2 * PG] = 1;
	munmap(p + PG, PG);
	ktap_check(in_child(child_writes_third_page, p) == 0 && !strcmp(p + 2 * PG, "third"),
		   "anon_shared_split_keeps_offsets", "p+2PG %.5s", p + 2 * PG);
	munmap(p, 3 * PG);

	/* MADV_DONTNEED drops the descriptors, not the shared pages */
	p = anon_shared(2 * PG);
	strcpy(p + PG, "stays");
	ktap_check(madvise(p, 2 * PG, MADV_DONTNEED) == 0 && !strcmp(p + PG, "stays"),
		   "anon_shared_dontneed_keeps_data", "p+PG %.5s", p + PG);

	/* mremap moves it (a wall after it): still the same shared pages */
	char *wall = mmap(p + 2 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
			  MAP_FIXED_NOREPLACE, -1, 0);
	strcpy(p, "moved");
	q = mremap(p, 2 * PG, 3 * PG, MREMAP_MAYMOVE);
	int child = q != MAP_FAILED ? in_child(child_writes_moved, q) : -2;
	ktap_check(wall == p + 2 * PG && q != MAP_FAILED && q != p && child == 0 &&
		   !strcmp(q + PG, "child"), "anon_shared_after_mremap", "q %p child %d", q, child);
	munmap(wall, PG);
	if (q != MAP_FAILED)
		munmap(q, 3 * PG);
}

static int child_writes_private(void *arg)
{
	*(char *)arg = 'c';
	return 0;
}

static void test_anon_private_and_maps(void)
{
	char *p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *s = anon_shared(2 * PG), line[256], want[64];
	FILE *maps;
	int found = 0;

	p[0] = 'p';
	ktap_check(in_child(child_writes_private, p) == 0 && p[0] == 'p',
		   "anon_private_not_shared", "p[0] %c", p[0]);

	if (access("/proc/self/maps", R_OK)) {	/* the test's initramfs has no /proc */
		mkdir("/proc", 0555);
		mount("proc", "/proc", "proc", 0, NULL);
	}
	snprintf(want, sizeof(want), "%lx-%lx rw-s 00000000 ", (unsigned long)s,
		 (unsigned long)s + 2 * PG);
	maps = fopen("/proc/self/maps", "r");
	while (maps && fgets(line, sizeof(line), maps))
		if (!strncmp(line, want, strlen(want)) && strstr(line, " /dev/zero (deleted)\n"))
			found = 1;
	if (maps)
		fclose(maps);
	ktap_check(found, "anon_shared_maps_line", "no line %s... /dev/zero (deleted)", want);
	munmap(p, PG);
	munmap(s, 2 * PG);
}

/* ---- mmap of /dev/zero: private or shared zeroed memory ----------------- */

static int child_writes_first(void *arg)
{
	((char *)arg)[0] = 'c';
	return 0;
}

/* Is there a /proc/self/maps line starting with want and ending in name? */
static int maps_has(const char *want, const char *name)
{
	char line[256];
	FILE *maps = fopen("/proc/self/maps", "r");
	int found = 0;

	while (maps && fgets(line, sizeof(line), maps))
		if (!strncmp(line, want, strlen(want)) && strstr(line, name))
			found = 1;
	if (maps)
		fclose(maps);
	return found;
}

/*
 * Linux's mmap_zero: MAP_PRIVATE of /dev/zero is anonymous memory, each
 * process's own; MAP_SHARED a shmem object of its own ("/dev/zero
 * (deleted)" in maps), shared with children. The file's mode is checked as
 * for any file; /dev/null has no mmap (ENODEV).
 */
static void test_dev_zero(void)
{
	int fd = open("/dev/zero", O_RDWR), rd = open("/dev/zero", O_RDONLY);
	int wr = open("/dev/zero", O_WRONLY), nul = open("/dev/null", O_RDWR);
	char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char *s = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *o = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 2 * PG);
	char want[80], *q;
	struct stat st = { 0 };
	int zero = 1, e1, e2, e3;

	for (int i = 0; p != MAP_FAILED && s != MAP_FAILED && i < 2 * PG; i++)
		zero &= p[i] == 0 && s[i] == 0;
	if (p != MAP_FAILED && s != MAP_FAILED) {
		p[0] = 'p';
		s[0] = 'p';
	}
	ktap_check(p != MAP_FAILED && zero && in_child(child_writes_first, p) == 0 &&
		   p[0] == 'p', "dev_zero_private_anonymous",
		   "mmap %p errno %d, zeroed %d, p[0] %c after the child wrote", p, errno, zero,
		   p != MAP_FAILED ? p[0] : '-');
	/* Linux's show_map_vma prints the vm_file mmap_zero leaves on a private mapping */
	fstat(fd, &st);
	snprintf(want, sizeof(want), "%lx-%lx rw-p 00002000 %02x:%02x %lu ", (unsigned long)o,
		 (unsigned long)o + PG, major(st.st_dev), minor(st.st_dev), (unsigned long)st.st_ino);
	ktap_check(o != MAP_FAILED && maps_has(want, " /dev/zero\n"), "dev_zero_private_maps_line",
		   "mmap at offset 0x2000: %p errno %d, no maps line %s... /dev/zero", o, errno,
		   want);
	snprintf(want, sizeof(want), "%lx-%lx rw-s 00000000 ", (unsigned long)s,
		 (unsigned long)s + 2 * PG);
	ktap_check(s != MAP_FAILED && in_child(child_writes_first, s) == 0 && s[0] == 'c' &&
		   maps_has(want, " /dev/zero (deleted)\n"), "dev_zero_shared_across_fork",
		   "mmap %p errno %d, s[0] %c after the child wrote, maps line %s...", s, errno,
		   s != MAP_FAILED ? s[0] : '-', want);

	q = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, rd, 0);
	e1 = q == MAP_FAILED ? errno : 0;
	q = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, wr, 0);
	e2 = q == MAP_FAILED ? errno : 0;
	q = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, nul, 0);
	e3 = q == MAP_FAILED ? errno : 0;
	ktap_check(e1 == EACCES && e2 == EACCES && e3 == ENODEV, "dev_zero_mode_checked",
		   "shared writable of O_RDONLY: %d, of O_WRONLY: %d (EACCES %d), /dev/null: %d "
		   "(ENODEV %d)", e1, e2, EACCES, e3, ENODEV);
	munmap(p, 2 * PG);
	munmap(s, 2 * PG);
	munmap(o, PG);
	close(fd);
	close(rd);
	close(wr);
	close(nul);
}

/* ---- MAP_SHARED of a file between processes ----------------------------- */

static int child_maps_file(void *arg)
{
	int fd = open(arg, O_RDWR);
	char *p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED || strcmp(p, "parent"))
		return 1;
	strcpy(p, "child");
	return 0;
}

static void test_file_shared_two_mmaps(void)
{
	int fd = open("/tmp/ms-shared", O_RDWR | O_CREAT | O_TRUNC, 0644);
	char *p;

	ftruncate(fd, PG);
	p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	strcpy(p, "parent");
	ktap_check(in_child(child_maps_file, "/tmp/ms-shared") == 0 && !strcmp(p, "child"),
		   "file_shared_between_two_mmaps", "p %s", p);
	munmap(p, PG);
	close(fd);
	unlink("/tmp/ms-shared");
}

/* ---- MAP_PRIVATE of a file: copy at the first write --------------------- */

/* /tmp/ms-priv: pages of 'a', 'b', 'c'...; its fd. */
static int make_file(int pages)
{
	int fd = open("/tmp/ms-priv", O_RDWR | O_CREAT | O_TRUNC, 0644);
	char buf[PG];

	for (int i = 0; i < pages; i++) {
		memset(buf, 'a' + i, PG);
		write(fd, buf, PG);
	}
	return fd;
}

static char file_byte(int fd, off_t off)
{
	char c = 0;

	pread(fd, &c, 1, off);
	return c;
}

static void test_private_cow(void)
{
	int fd = make_file(3);
	char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	volatile char seen = p[0] + p[PG];	/* both pages touched, not written */

	(void)seen;
	pwrite(fd, "new", 3, 0);
	ktap_check(!memcmp(p, "new", 3) && p[3] == 'a', "private_shows_file_writes_before_copy",
		   "p %.4s", p);
	p[0] = 'X';			/* page 0 gets its own copy */
	pwrite(fd, "zzz", 3, 1);
	pwrite(fd, "P1", 2, PG);
	ktap_check(!memcmp(p, "Xew", 3) && !memcmp(p + PG, "P1", 2) && file_byte(fd, 0) == 'n',
		   "private_copy_at_first_write", "p %.3s p+PG %.2s file %c", p, p + PG,
		   file_byte(fd, 0));
	munmap(p, 3 * PG);

	/* mprotect to writable, then a write: a copy, the file untouched */
	p = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 0);
	seen = p[0];
	int ok = mprotect(p, PG, PROT_READ | PROT_WRITE) == 0;
	if (ok)
		p[5] = 'M';
	ktap_check(ok && p[5] == 'M' && file_byte(fd, 5) == 'a', "private_mprotect_write_copies",
		   "file %c", file_byte(fd, 5));
	munmap(p, PG);

	/* the kernel writes there (read(2) from a pipe): a copy too */
	int fds[2];

	p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, PG);
	seen = p[0];
	pipe(fds);
	write(fds[1], "pipe", 4);
	ktap_check(read(fds[0], p + 8, 4) == 4 && !memcmp(p + 8, "pipe", 4) &&
		   file_byte(fd, PG + 8) == 'b', "private_kernel_write_copies", "file %c",
		   file_byte(fd, PG + 8));
	close(fds[0]);
	close(fds[1]);
	munmap(p, PG);
	close(fd);
}

static int child_of_private(void *arg)
{
	char *p = arg;
	int ok = p[0] == 'a' && p[2 * PG] == 'C';

	p[0] = 'K';		/* the child's own copy */
	p[2 * PG] = 'D';	/* its copy of the parent's copy */
	return ok && p[0] == 'K' ? 0 : 1;
}

static void test_private_fork(void)
{
	int fd = make_file(3);
	char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	volatile char seen = p[0] + p[PG];

	(void)seen;
	p[2 * PG] = 'C';	/* copied before fork */
	int child = in_child(child_of_private, p);

	pwrite(fd, "F", 1, 0);
	ktap_check(child == 0 && p[0] == 'F' && p[2 * PG] == 'C' && file_byte(fd, 2 * PG) == 'c',
		   "private_fork_copies_apart", "child %d p[0] %c p[2PG] %c", child, p[0],
		   p[2 * PG]);
	munmap(p, 3 * PG);
	close(fd);
}

static void test_private_file_changes(void)
{
	struct sigaction sa = { .sa_handler = on_sigbus };
	int fd = make_file(2);
	char *p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	volatile char seen = p[0] + p[PG];
	volatile int bus = 0;

	p[PG] = 'W';			/* page 1: a private copy */
	/* the file grows far: its buffer moves, the mapping follows it */
	pwrite(fd, "end", 3, 64 * PG);
	pwrite(fd, "G", 1, 0);
	ktap_check(p[0] == 'G' && p[1] == 'a' && p[PG] == 'W' && p[PG + 1] == 'b',
		   "private_follows_file_buffer_move", "p[0] %c p[PG] %c", p[0], p[PG]);

	/* truncated to nothing: the page not written gives SIGBUS (Linux) */
	sigaction(SIGBUS, &sa, NULL);
	ftruncate(fd, 0);
	if (sigsetjmp(bus_jmp, 1) == 0) {
		seen = p[0];
		bus = -1;
	} else {
		bus = 1;
	}
	ktap_check(bus == 1, "private_unwritten_page_sigbus_after_truncate", "bus %d", bus);
	(void)seen;
	munmap(p, 2 * PG);
	close(fd);
	unlink("/tmp/ms-priv");
}

/* ---- exec: data and .bss as the file says ------------------------------ */

static int data_word = 42;
static char bss_page[PG];

static int exec_child(void)
{
	return data_word == 42 && bss_page[0] == 0 && bss_page[PG - 1] == 0 ? 0 : 1;
}

static void test_exec_data(const char *self)
{
	int status = -1;
	pid_t pid;

	data_word = 7;		/* this run's private copy */
	memset(bss_page, 1, PG);
	pid = fork();
	if (pid == 0) {
		execl(self, self, "--exec-child", (char *)NULL);
		_exit(2);
	}
	waitpid(pid, &status, 0);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 0 && data_word == 7,
		   "exec_data_and_bss_from_file", "status %#x", status);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--exec-child"))
		return exec_child();
	ktap_start("mmshare", NR_CASES);
	mkdir("/tmp", 01777);	/* the test's initramfs has none */
	test_anon_shared_fork();
	test_anon_shared_munmap();
	test_anon_shared_split_move();
	test_anon_private_and_maps();
	test_dev_zero();
	test_file_shared_two_mmaps();
	test_private_cow();
	test_private_fork();
	test_private_file_changes();
	test_exec_data(argv[0]);
	return ktap_finish();
}
