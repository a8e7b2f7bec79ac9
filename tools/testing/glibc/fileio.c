// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/fileio.c: file I/O as a glibc program does it, on
 * the writable root file system: stdio (fopen, fprintf, fgets, fseek,
 * ftell, fread/fwrite in modes "w", "a", "r+"), and POSIX open, read,
 * write, lseek (SEEK_SET/CUR/END, past the end: a hole reads as zeros),
 * pread/pwrite (the offset stays), O_APPEND, O_EXCL, O_TRUNC, ftruncate
 * (shrink, grow), fstat sizes, rename (over another file), unlink while
 * open, and readdir; O_TRUNC with O_RDONLY (Linux truncates), and the
 * permission bits as a user other than root sees them: O_TRUNC asks for
 * write permission whatever the access mode (Linux's build_open_flags),
 * as do O_WRONLY, truncate(2) and access(W_OK); a file its creator made
 * is the creator's, opened even if its mode says no (only that open),
 * chmod by the owner, chown and chmod by others refused, execve needs an
 * x bit for the caller; directories: x to be searched, w and x for names
 * made or taken away in them (an existing name is EEXIST first), and in a
 * sticky one only the file's or directory's owner takes a name away.
 * Each result is compared with what Linux does. KTAP.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 26

static void test_stdio(void)
{
	char line[64] = "";
	FILE *f = fopen("/tmp/fio/stdio", "w");
	long pos;

	ktap_check(f && fprintf(f, "one %d\ntwo\n", 1) == 10 && fclose(f) == 0, "fopen_w_fprintf",
		   "errno %d", errno);
	f = fopen("/tmp/fio/stdio", "a");
	fputs("three\n", f);
	fclose(f);
	f = fopen("/tmp/fio/stdio", "r");
	fgets(line, sizeof(line), f);
	fgets(line, sizeof(line), f);
	pos = ftell(f);
	fgets(line, sizeof(line), f);
	ktap_check(pos == 10 && !strcmp(line, "three\n") && !fgets(line, sizeof(line), f) &&
		   feof(f), "fopen_a_appends_fgets_ftell", "pos %ld line %s", pos, line);
	fclose(f);
	f = fopen("/tmp/fio/stdio", "r+");
	fseek(f, 4, SEEK_SET);
	fwrite("X", 1, 1, f);
	fseek(f, 0, SEEK_SET);
	ktap_check(fread(line, 1, 16, f) == 16 && !memcmp(line, "one X\ntwo\nthree\n", 16),
		   "fopen_rplus_fseek_fwrite", "read %.16s", line);
	fclose(f);
}

static void test_posix(void)
{
	char buf[32];
	struct stat st;
	int fd = open("/tmp/fio/p", O_RDWR | O_CREAT | O_EXCL, 0600), fd2;
	off_t off;

	ktap_check(fd >= 0 && write(fd, "hello world", 11) == 11 &&
		   lseek(fd, 0, SEEK_CUR) == 11, "open_excl_write", "fd %d errno %d", fd, errno);
	ktap_check(open("/tmp/fio/p", O_RDWR | O_CREAT | O_EXCL, 0600) == -1 && errno == EEXIST,
		   "open_excl_eexist", "errno %d", errno);
	ktap_check(lseek(fd, 6, SEEK_SET) == 6 && read(fd, buf, 5) == 5 && !memcmp(buf, "world", 5) &&
		   read(fd, buf, 5) == 0 && lseek(fd, -5, SEEK_END) == 6, "lseek_read",
		   "errno %d", errno);
	ktap_check(pwrite(fd, "HELLO", 5, 0) == 5 && pread(fd, buf, 11, 0) == 11 &&
		   !memcmp(buf, "HELLO world", 11) && lseek(fd, 0, SEEK_CUR) == 6,
		   "pread_pwrite_keep_offset", "read %.11s", buf);
	/* past the end: the hole reads as zeros */
	off = lseek(fd, 100, SEEK_SET);
	memset(buf, 1, sizeof(buf));
	ktap_check(off == 100 && write(fd, "!", 1) == 1 && fstat(fd, &st) == 0 &&
		   st.st_size == 101 && pread(fd, buf, 4, 50) == 4 && !buf[0] && !buf[3],
		   "hole_reads_zeros", "size %lld", (long long)st.st_size);
	ktap_check(ftruncate(fd, 5) == 0 && fstat(fd, &st) == 0 && st.st_size == 5 &&
		   ftruncate(fd, 4096) == 0 && pread(fd, buf, 8, 2) == 8 && !memcmp(buf, "LLO\0\0\0\0\0", 8),
		   "ftruncate_shrink_grow", "size %lld", (long long)st.st_size);
	fd2 = open("/tmp/fio/p", O_WRONLY | O_APPEND);
	ktap_check(lseek(fd2, 0, SEEK_SET) == 0 && write(fd2, "Z", 1) == 1 &&
		   fstat(fd, &st) == 0 && st.st_size == 4097 && pread(fd, buf, 1, 4096) == 1 &&
		   buf[0] == 'Z', "o_append_writes_at_end", "size %lld", (long long)st.st_size);
	close(fd2);
	fd2 = open("/tmp/fio/p", O_RDWR | O_TRUNC);
	ktap_check(fd2 >= 0 && fstat(fd, &st) == 0 && st.st_size == 0, "o_trunc",
		   "size %lld", (long long)st.st_size);
	close(fd2);
	close(fd);
}

static void test_names(void)
{
	char buf[8] = "";
	struct dirent *d;
	int fd, seen = 0, n = 0;
	DIR *dir;

	close(open("/tmp/fio/a", O_WRONLY | O_CREAT, 0644));
	fd = open("/tmp/fio/b", O_WRONLY | O_CREAT, 0644);
	write(fd, "bee", 3);
	close(fd);
	ktap_check(rename("/tmp/fio/b", "/tmp/fio/a") == 0 && access("/tmp/fio/b", F_OK) == -1 &&
		   (fd = open("/tmp/fio/a", O_RDONLY)) >= 0 && read(fd, buf, 3) == 3 &&
		   !strcmp(buf, "bee"), "rename_over_file", "read %s", buf);
	/* unlinked while open: still readable through the fd */
	ktap_check(unlink("/tmp/fio/a") == 0 && access("/tmp/fio/a", F_OK) == -1 &&
		   lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 3) == 3 && !memcmp(buf, "bee", 3),
		   "unlink_while_open", "errno %d", errno);
	close(fd);
	ktap_check(unlink("/tmp/fio/a") == -1 && errno == ENOENT, "unlink_missing_enoent",
		   "errno %d", errno);
	dir = opendir("/tmp/fio");
	while (dir && (d = readdir(dir))) {
		n++;
		seen |= !strcmp(d->d_name, "stdio") ? 1 : !strcmp(d->d_name, "p") ? 2 :
			!strcmp(d->d_name, ".") ? 4 : !strcmp(d->d_name, "..") ? 8 : 16;
	}
	ktap_check(dir && seen == 15 && n == 4, "readdir_lists_dir", "seen %#x n %d", seen, n);
	if (dir)
		closedir(dir);
	ktap_check(unlink("/tmp/fio/stdio") == 0 && unlink("/tmp/fio/p") == 0 &&
		   rmdir("/tmp/fio") == 0, "cleanup_rmdir", "errno %d", errno);
}

#define PD "/tmp/perm"
#define USER 1000

static int err(long ret)
{
	return ret < 0 ? -errno : 0;
}

static void put(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	write(fd, text, strlen(text));
	close(fd);
	chmod(path, mode);
}

static off_t size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) ? -1 : st.st_size;
}

/* In a child that is user USER: the results, one bit per check that failed. */
static int as_user(void)
{
	int fails = 0, fd;
	struct stat st;

	if (setgroups(0, NULL) || setresgid(USER, USER, USER) || setresuid(USER, USER, USER))
		return 0xff;
	/* root's 0644 file: readable, not writable; O_TRUNC asks for writing */
	fd = open(PD "/root", O_RDONLY);
	fails |= fd < 0;
	close(fd);
	fails |= (err(open(PD "/root", O_RDONLY | O_TRUNC)) != -EACCES ||
		  err(open(PD "/root", O_WRONLY)) != -EACCES ||
		  err(truncate(PD "/root", 0)) != -EACCES ||
		  err(access(PD "/root", W_OK)) != -EACCES || access(PD "/root", R_OK) ||
		  size_of(PD "/root") != 4);
	/* a new file is ours, and the creating open is not checked (mode 0444) */
	fd = open(PD "/mine", O_RDWR | O_CREAT | O_EXCL, 0444);
	fails |= (fd < 0 || write(fd, "data", 4) != 4 || fstat(fd, &st) || st.st_uid != USER ||
		  st.st_gid != USER) << 1;
	close(fd);
	fails |= (err(open(PD "/mine", O_RDONLY | O_TRUNC)) != -EACCES || size_of(PD "/mine") != 4 ||
		  chmod(PD "/mine", 0644) || (fd = open(PD "/mine", O_RDONLY | O_TRUNC)) < 0 ||
		  size_of(PD "/mine") != 0) << 2;
	close(fd);
	fails |= (err(chmod(PD "/root", 0666)) != -EPERM ||
		  err(chown(PD "/root", USER, USER)) != -EPERM ||
		  err(chown(PD "/mine", 0, -1)) != -EPERM) << 3;
	fails |= (err(execl(PD "/script", "script", NULL)) != -EACCES) << 4;
	/* root's 0755 directory: no new names, none taken away; an existing one is EEXIST */
	fails |= (err(open(PD "/closed/new", O_WRONLY | O_CREAT, 0644)) != -EACCES ||
		  err(mkdir(PD "/closed/d", 0755)) != -EACCES ||
		  err(mkdir(PD "/closed/f", 0755)) != -EEXIST ||
		  err(unlink(PD "/closed/f")) != -EACCES ||
		  err(rename(PD "/closed/f", PD "/moved")) != -EACCES ||
		  err(link(PD "/mine", PD "/closed/g")) != -EACCES ||	/* our own file */
		  err(symlink("f", PD "/closed/s")) != -EACCES) << 5;
	/* root's 0700 directory: not searched */
	fails |= (err(access(PD "/nosearch/f", F_OK)) != -EACCES ||
		  err(open(PD "/nosearch/f", O_RDONLY)) != -EACCES ||
		  err(chdir(PD "/nosearch")) != -EACCES) << 6;
	/* the sticky directory: root's file stays, ours goes */
	fails |= (err(unlink(PD "/root")) != -EPERM ||
		  err(rename(PD "/root", PD "/moved")) != -EPERM ||
		  unlink(PD "/mine") || size_of(PD "/root") != 4) << 7;
	return fails;
}

static void test_permissions(void)
{
	int fd, status = -1, fails;
	pid_t pid;

	mkdir(PD, 0777);
	chmod(PD, 01777);	/* anyone may make files here, as in /tmp (sticky) */
	mkdir(PD "/closed", 0755);
	put(PD "/closed/f", "f", 0644);
	mkdir(PD "/nosearch", 0700);
	chmod(PD "/nosearch", 0700);
	put(PD "/nosearch/f", "f", 0644);
	put(PD "/ro", "read only", 0444);
	fd = open(PD "/ro", O_RDONLY | O_TRUNC);
	ktap_check(fd >= 0 && size_of(PD "/ro") == 0 && read(fd, &status, 1) == 0,
		   "o_rdonly_o_trunc_truncates", "fd %d errno %d size %lld", fd, errno,
		   (long long)size_of(PD "/ro"));
	close(fd);
	put(PD "/root", "keep", 0644);
	put(PD "/script", "#!/nonexistent/interpreter\n", 0700);
	pid = fork();
	if (pid == 0)
		_exit(as_user());
	waitpid(pid, &status, 0);
	fails = WIFEXITED(status) ? WEXITSTATUS(status) : 0xff;
	ktap_check(!(fails & 1), "o_trunc_needs_write_permission",
		   "user %d: fails %#x (read open, then O_RDONLY|O_TRUNC, O_WRONLY, truncate, "
		   "W_OK: EACCES, the data kept)", USER, fails);
	ktap_check(!(fails & 2), "new_file_is_its_creators", "fails %#x", fails);
	ktap_check(!(fails & 4), "owner_without_write_bit_eacces", "fails %#x", fails);
	ktap_check(!(fails & 8), "chmod_chown_by_others_eperm", "fails %#x", fails);
	ktap_check(!(fails & 64), "directory_not_searched_eacces", "fails %#x", fails);
	ktap_check(!(fails & 32), "directory_not_writable_eacces",
		   "fails %#x (create, mkdir, unlink, rename, link, symlink: EACCES; "
		   "mkdir of an existing name: EEXIST)", fails);
	ktap_check(!(fails & 128), "sticky_directory_eperm", "fails %#x", fails);
	ktap_check(!(fails & 16) && err(execl(PD "/script", "script", NULL)) == -ENOENT,
		   "execve_needs_callers_x_bit", "fails %#x; root: errno %d (ENOENT: the "
		   "interpreter)", fails, errno);
	unlink(PD "/ro");
	unlink(PD "/root");
	unlink(PD "/mine");
	unlink(PD "/script");
	unlink(PD "/closed/f");
	rmdir(PD "/closed");
	unlink(PD "/nosearch/f");
	rmdir(PD "/nosearch");
	ktap_check(!rmdir(PD), "cleanup_as_root", "rmdir: errno %d", errno);
}

int main(void)
{
	ktap_start("fileio", NR_CASES);
	mkdir("/tmp", 01777);
	if (mkdir("/tmp/fio", 0755))
		printf("# mkdir /tmp/fio: %s\n", strerror(errno));
	test_stdio();
	test_posix();
	test_names();
	test_permissions();
	return ktap_finish();
}
