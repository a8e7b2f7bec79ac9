// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/links.c: hard links and /proc/self/fd as a glibc
 * program sees them. link/linkat give an inode another name (st_ino the
 * same, st_nlink counting names; a directory's 2 + its subdirectories),
 * AT_SYMLINK_FOLLOW and AT_EMPTY_PATH, Linux's errors (EEXIST, ENOENT,
 * EPERM for a directory, EXDEV from /proc and to and from /dev, EINVAL), the
 * data staying with the last name and with an open file past its last
 * name, rename over another name; opening /proc/self/fd/N opens the same
 * file anew (a file, an unlinked file, a pipe's ends), and linkat through
 * it. Each answer is what Linux gives: run under qemu-aarch64 on a Linux
 * host, this prints the same. KTAP.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 17
#define D "/tmp/lk"

static struct stat st(const char *path)
{
	struct stat s;

	memset(&s, 0, sizeof(s));
	if (lstat(path, &s))
		s.st_ino = 0;
	return s;
}

static void put(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text) || close(fd))
		printf("# cannot write %s: errno %d\n", path, errno);
}

static const char *get(const char *path)
{
	static char buf[64];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		close(fd);
	buf[n < 0 ? 0 : n] = '\0';
	return buf;
}

/* The errno of a call that should fail, or 0 if it succeeded. */
#define ERR(call) ((call) < 0 ? errno : 0)

static void test_link_shares_inode(void)
{
	struct stat a, b;
	int r;

	put(D "/a", "data");
	r = link(D "/a", D "/b");
	a = st(D "/a");
	b = st(D "/b");
	ktap_check(!r && a.st_ino && a.st_ino == b.st_ino && a.st_nlink == 2 && b.st_nlink == 2 &&
		   !strcmp(get(D "/b"), "data"), "link_shares_inode",
		   "r %d errno %d ino %lu/%lu nlink %lu/%lu", r, errno, (unsigned long)a.st_ino,
		   (unsigned long)b.st_ino, (unsigned long)a.st_nlink, (unsigned long)b.st_nlink);

	put(D "/b", "new data");	/* O_TRUNC through one name, read through the other */
	r = unlink(D "/a");
	b = st(D "/b");
	ktap_check(!r && st(D "/a").st_ino == 0 && b.st_nlink == 1 && b.st_ino == a.st_ino &&
		   !strcmp(get(D "/b"), "new data"), "unlink_one_name_keeps_the_other",
		   "nlink %lu text %s", (unsigned long)b.st_nlink, get(D "/b"));
}

static void test_link_errors(void)
{
	int e1, e2, e3, e4, e5, e6, e7, e8, e9;

	mkdir(D "/dir", 0755);
	e1 = ERR(link(D "/b", D "/dir"));		/* exists */
	e2 = ERR(link(D "/nothere", D "/x"));
	e3 = ERR(link(D "/b", D "/nodir/x"));
	e4 = ERR(link(D "/dir", D "/dir2"));		/* a directory */
	e5 = ERR(link(D "/b", D "/new/"));		/* "name/": a directory was asked for */
	e6 = ERR(link(D "/b", D "/b/x"));
	e7 = ERR(linkat(AT_FDCWD, D "/b", AT_FDCWD, D "/x", 0x1));
	e8 = ERR(linkat(AT_FDCWD, "", AT_FDCWD, D "/x", 0));
	e9 = ERR(link(D "/b", D "/."));
	ktap_check(e1 == EEXIST && e2 == ENOENT && e3 == ENOENT && e4 == EPERM && e5 == ENOENT &&
		   e6 == ENOTDIR && e7 == EINVAL && e8 == ENOENT && e9 == EEXIST, "link_errors",
		   "%d %d %d %d %d %d %d %d %d", e1, e2, e3, e4, e5, e6, e7, e8, e9);
	ktap_check(st(D "/dir2").st_ino == 0 && st(D "/x").st_ino == 0 && st(D "/dir").st_nlink == 2,
		   "link_errors_change_nothing", "dir2 %lu x %lu", (unsigned long)st(D "/dir2").st_ino,
		   (unsigned long)st(D "/x").st_ino);
}

/* /proc and /dev are other filesystems: no links between them and the root's. */
static void test_link_exdev(void)
{
	int e1 = ERR(link("/proc/self/status", D "/status"));
	int e2 = ERR(link("/dev/null", D "/null"));
	int e3 = ERR(link(D "/b", "/dev/b"));
	int e4 = ERR(link(D "/b", "/proc/b"));	/* /proc makes no new names: ENOENT first */
	int e5 = ERR(rename(D "/b", "/dev/b"));

	ktap_check(e1 == EXDEV && e2 == EXDEV && e3 == EXDEV && e4 == ENOENT && e5 == EXDEV &&
		   st(D "/b").st_nlink == 1, "link_and_rename_exdev", "%d %d %d %d %d", e1, e2, e3,
		   e4, e5);
}

static void test_symlink_follow_and_empty_path(void)
{
	struct stat s, n1, n2, n3, b = st(D "/b");
	int r1, r2, r3, fd, e, e2, e3;

	symlink("b", D "/s");
	s = st(D "/s");
	r1 = linkat(AT_FDCWD, D "/s", AT_FDCWD, D "/n1", 0);
	r2 = linkat(AT_FDCWD, D "/s", AT_FDCWD, D "/n2", AT_SYMLINK_FOLLOW);
	n1 = st(D "/n1");
	n2 = st(D "/n2");
	ktap_check(!r1 && !r2 && S_ISLNK(n1.st_mode) && n1.st_ino == s.st_ino && n1.st_nlink == 2 &&
		   S_ISREG(n2.st_mode) && n2.st_ino == b.st_ino && n2.st_nlink == 2,
		   "linkat_symlink_follow", "r %d %d n1 %lu/%lu n2 %lu/%lu", r1, r2,
		   (unsigned long)n1.st_ino, (unsigned long)s.st_ino, (unsigned long)n2.st_ino,
		   (unsigned long)b.st_ino);

	fd = open(D "/b", O_RDONLY);
	r3 = linkat(fd, "", AT_FDCWD, D "/n3", AT_EMPTY_PATH);
	n3 = st(D "/n3");
	close(fd);
	/* an open file with no name left cannot be given one (Linux: ENOENT) */
	put(D "/c", "c");
	fd = open(D "/c", O_RDONLY);
	unlink(D "/c");
	e = ERR(linkat(fd, "", AT_FDCWD, D "/c2", AT_EMPTY_PATH));
	close(fd);
	/* a closed fd; a directory's fd */
	e2 = ERR(linkat(fd, "", AT_FDCWD, D "/c2", AT_EMPTY_PATH));
	fd = open(D "/dir", O_RDONLY | O_DIRECTORY);
	e3 = ERR(linkat(fd, "", AT_FDCWD, D "/c2", AT_EMPTY_PATH));
	close(fd);
	ktap_check(!r3 && n3.st_ino == b.st_ino && n3.st_nlink == 3 && e == ENOENT && e2 == EBADF &&
		   e3 == EPERM && st(D "/c2").st_ino == 0, "linkat_empty_path",
		   "r %d errno %d nlink %lu e %d %d %d", r3, errno, (unsigned long)n3.st_nlink, e, e2,
		   e3);
}

static void test_directory_counts(void)
{
	nlink_t top0 = st(D).st_nlink, d0, d1, d2, top1;

	mkdir(D "/d", 0755);
	mkdir(D "/d/x", 0755);
	mkdir(D "/d/y", 0755);
	put(D "/d/file", "");
	d0 = st(D "/d").st_nlink;
	rmdir(D "/d/y");
	d1 = st(D "/d").st_nlink;
	rename(D "/d/x", D "/x");	/* its ".." moves up */
	d2 = st(D "/d").st_nlink;
	top1 = st(D).st_nlink;
	ktap_check(d0 == 4 && d1 == 3 && d2 == 2 && top1 == top0 + 2 && st("/").st_nlink > 2,
		   "directory_link_counts", "%lu %lu %lu %lu->%lu", (unsigned long)d0,
		   (unsigned long)d1, (unsigned long)d2, (unsigned long)top0, (unsigned long)top1);
}

static void test_open_unlinked(void)
{
	char buf[32] = "", link[64] = "", path[32];
	int fd = open(D "/u", O_RDWR | O_CREAT | O_TRUNC, 0644), fd2;
	struct stat s;
	ssize_t n;

	write(fd, "abc", 3);
	unlink(D "/u");
	fstat(fd, &s);
	write(fd, "def", 3);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, sizeof(buf));
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	readlink(path, link, sizeof(link) - 1);
	ktap_check(s.st_nlink == 0 && n == 6 && !memcmp(buf, "abcdef", 6) &&
		   !strcmp(link, D "/u (deleted)"), "open_unlinked_file_lives_on",
		   "nlink %lu read %zd %.6s link %s", (unsigned long)s.st_nlink, n, buf, link);

	/* opened anew through /proc/self/fd: the same file, its own offset */
	fd2 = open(path, O_RDONLY);
	memset(buf, 0, sizeof(buf));
	n = fd2 < 0 ? -1 : read(fd2, buf, sizeof(buf));
	ktap_check(fd2 >= 0 && n == 6 && !memcmp(buf, "abcdef", 6) && lseek(fd, 0, SEEK_CUR) == 6,
		   "proc_fd_reopens_unlinked_file", "fd2 %d errno %d read %zd", fd2, errno, n);
	close(fd2);
	close(fd);
}

static void test_rename_over_links(void)
{
	struct stat b = st(D "/b"), n3;
	int r1, r2;

	/* two names of one inode: rename does nothing and succeeds */
	r1 = rename(D "/b", D "/n3");
	n3 = st(D "/n3");
	ktap_check(!r1 && st(D "/b").st_ino == b.st_ino && n3.st_ino == b.st_ino &&
		   n3.st_nlink == b.st_nlink, "rename_between_names_of_one_inode",
		   "r %d nlink %lu", r1, (unsigned long)n3.st_nlink);
	put(D "/o", "other");
	r2 = rename(D "/o", D "/n3");
	ktap_check(!r2 && st(D "/b").st_nlink == b.st_nlink - 1 && st(D "/n3").st_ino != b.st_ino &&
		   !strcmp(get(D "/n3"), "other") && !strcmp(get(D "/b"), "new data"),
		   "rename_over_a_link", "r %d nlink %lu", r2, (unsigned long)st(D "/b").st_nlink);
}

static void test_proc_fd_open(void)
{
	char buf[16] = "", path[32];
	int fd = open(D "/p", O_WRONLY | O_CREAT | O_TRUNC, 0644), fd2, e;
	struct stat a, b;

	write(fd, "hello", 5);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	fd2 = open(path, O_RDONLY);		/* new flags: read, where fd writes */
	fstat(fd, &a);
	fstat(fd2, &b);
	ktap_check(fd2 >= 0 && read(fd2, buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5) &&
		   (fcntl(fd2, F_GETFL) & O_ACCMODE) == O_RDONLY && a.st_ino == b.st_ino &&
		   lseek(fd, 0, SEEK_CUR) == 5, "proc_fd_reopens_file", "fd2 %d errno %d buf %s",
		   fd2, errno, buf);
	close(fd2);

	/* linkat through it, following: a new name for the open file */
	e = ERR(linkat(AT_FDCWD, path, AT_FDCWD, D "/p2", AT_SYMLINK_FOLLOW));
	ktap_check(!e && st(D "/p2").st_ino == a.st_ino && st(D "/p").st_nlink == 2,
		   "linkat_proc_fd_follow", "errno %d", e);
	close(fd);
	e = ERR(open(path, O_RDONLY));
	ktap_check(e == ENOENT, "proc_fd_of_closed_fd", "errno %d", e);
}

static void test_proc_fd_pipe(void)
{
	char buf[16] = "", path[32];
	int p[2], w, r, n1, n2;

	if (pipe(p)) {
		ktap_check(0, "proc_fd_reopens_pipe", "pipe errno %d", errno);
		return;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[1]);
	w = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);	/* a shell's `> /dev/stdout` */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[0]);
	r = open(path, O_RDONLY);
	write(w, "xy", 2);
	n1 = read(r, buf, sizeof(buf));
	close(p[1]);
	write(w, "z", 1);	/* w is a writer of its own: the pipe stays open */
	close(w);
	n2 = read(p[0], buf + 2, sizeof(buf) - 2);
	ktap_check(w >= 0 && r >= 0 && n1 == 2 && n2 == 1 && !memcmp(buf, "xyz", 3) &&
		   read(p[0], buf, 1) == 0, "proc_fd_reopens_pipe", "w %d r %d n %d %d buf %s",
		   w, r, n1, n2, buf);
	close(r);
	close(p[0]);
}

static void test_proc_exe(void)
{
	char buf[4] = "";
	int fd = open("/proc/self/exe", O_RDONLY);

	ktap_check(fd >= 0 && read(fd, buf, 4) == 4 && !memcmp(buf, "\177ELF", 4),
		   "proc_self_exe_opens_the_program", "fd %d errno %d", fd, errno);
	close(fd);
}

int main(void)
{
	ktap_start("links", NR_CASES);
	mkdir("/tmp", 01777);
	mkdir(D, 0755);
	test_link_shares_inode();
	test_link_errors();
	test_link_exdev();
	test_symlink_follow_and_empty_path();
	test_directory_counts();
	test_open_unlinked();
	test_rename_over_links();
	test_proc_fd_open();
	test_proc_fd_pipe();
	test_proc_exe();
	return ktap_finish();
}
