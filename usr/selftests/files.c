// SPDX-License-Identifier: GPL-2.0
/*
 * files: the writable root filesystem and the file descriptor calls, run
 * in /tmp: create/O_EXCL, O_APPEND, writing past the end, truncate,
 * pread/pwrite, readv/writev, mkdir/rmdir, rename, symlink/readlink and
 * lookups through links, unlink of an open file, chmod/faccessat,
 * utimensat/statx, fcntl and dup3; pipes (blocking, O_NONBLOCK, end of
 * file, EPIPE and SIGPIPE), ppoll and pselect6. Each case checks the
 * exact result Linux gives (the same program runs under qemu-aarch64).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR	0x200
#define POLLIN		0x1
#define POLLOUT		0x4
#define POLLHUP		0x10
#define POLLNVAL	0x20
#define X_OK		1
#define UTIME_OMIT	((1L << 30) - 2L)

struct kstat {
	unsigned long dev, ino;
	unsigned int mode, nlink, uid, gid;
	unsigned long rdev, pad1;
	long size;
	int blksize, pad2;
	long blocks, atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
	unsigned int unused[2];
};

struct kstatx {
	unsigned int mask, blksize;
	unsigned long long attributes;
	unsigned int nlink, uid, gid;
	unsigned short mode, pad0;
	unsigned long long ino, size, blocks, attributes_mask;
	struct { long long sec; unsigned int nsec; int pad; } atime, btime, ctime, mtime;
	unsigned int rdev_major, rdev_minor, dev_major, dev_minor;
	unsigned long long spare[14];
};

struct pollfd {
	int fd;
	short events, revents;
};

struct iov {
	void *base;
	unsigned long len;
};

static long sys_open(const char *path, long flags, long mode)
{
	return __syscall4(__NR_openat, AT_FDCWD, (long)path, flags, mode);
}

static long sys_stat(const char *path, struct kstat *st, long flags)
{
	return __syscall4(__NR_newfstatat, AT_FDCWD, (long)path, (long)st, flags);
}

static long wr(long fd, const char *s)
{
	return __syscall3(__NR_write, fd, (long)s, strlen(s));
}

/* The whole of path (up to size - 1 bytes) as a string; its length or -errno. */
static long slurp(const char *path, char *buf, long size)
{
	long fd = sys_open(path, O_RDONLY, 0), n;

	if (fd < 0)
		return fd;
	n = __syscall3(__NR_read, fd, (long)buf, size - 1);
	__syscall1(__NR_close, fd);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static void check(int ok, const char *name, const char *what, long got)
{
	if (!ktap_result(ok, "%s", name))
		ktap_diag("%s: got %ld", what, got);
}

static void create_and_excl(void)
{
	char buf[32];
	long fd = sys_open("/tmp/ft/a", O_RDWR | O_CREAT | O_EXCL, 0600), r, ok;

	ok = fd >= 0 && wr(fd, "hello") == 5;
	r = sys_open("/tmp/ft/a", O_RDWR | O_CREAT | O_EXCL, 0600);
	ok = ok && r == -EEXIST;
	__syscall1(__NR_close, fd);
	ok = ok && slurp("/tmp/ft/a", buf, sizeof(buf)) == 5 && !strcmp(buf, "hello");
	check(ok, "create_write_read_and_o_excl", "fd/excl", r);
}

static void append_and_holes(void)
{
	char buf[32];
	long fd = sys_open("/tmp/ft/a", O_WRONLY | O_APPEND, 0), r;
	int ok;

	__syscall3(__NR_lseek, fd, 0, SEEK_SET);
	ok = wr(fd, "!") == 1;			/* at the end despite the seek */
	__syscall1(__NR_close, fd);
	ok = ok && slurp("/tmp/ft/a", buf, sizeof(buf)) == 6 && !strcmp(buf, "hello!");
	check(ok, "o_append_writes_at_the_end", "slurp", strlen(buf));

	fd = sys_open("/tmp/ft/a", O_RDWR, 0);
	__syscall3(__NR_lseek, fd, 10, SEEK_SET);
	ok = wr(fd, "x") == 1;
	r = __syscall4(__NR_pread64, fd, (long)buf, sizeof(buf), 0);
	ok = ok && r == 11 && !memcmp(buf, "hello!\0\0\0\0x", 11);
	check(ok, "write_past_the_end_leaves_zeros", "pread", r);

	r = __syscall2(__NR_ftruncate, fd, 3);
	ok = r == 0 && __syscall3(__NR_lseek, fd, 0, SEEK_END) == 3;
	ok = ok && __syscall2(__NR_truncate, (long)"/tmp/ft/a", 5) == 0;
	ok = ok && __syscall4(__NR_pread64, fd, (long)buf, sizeof(buf), 0) == 5 &&
	     !memcmp(buf, "hel\0\0", 5);
	ok = ok && __syscall4(__NR_pwrite64, fd, (long)"HE", 2, 0) == 2 &&
	     __syscall3(__NR_lseek, fd, 0, SEEK_CUR) == 3;	/* pwrite keeps the position */
	check(ok, "truncate_shrinks_and_grows_pwrite_keeps_pos", "ftruncate", r);
	__syscall1(__NR_close, fd);

	fd = sys_open("/tmp/ft/a", O_RDONLY, 0);
	r = __syscall2(__NR_ftruncate, fd, 0);
	check(r == -EINVAL, "ftruncate_of_read_only_fd_is_einval", "ftruncate", r);
	__syscall1(__NR_close, fd);
}

static void vectors(void)
{
	char a[3], b[8];
	struct iov out[2] = { { "abc", 3 }, { "defgh", 5 } }, in[2] = { { a, 3 }, { b, 8 } };
	long fd = sys_open("/tmp/ft/v", O_RDWR | O_CREAT | O_TRUNC, 0644), w, r;

	w = __syscall3(__NR_writev, fd, (long)out, 2);
	__syscall3(__NR_lseek, fd, 0, SEEK_SET);
	r = __syscall3(__NR_readv, fd, (long)in, 2);
	check(w == 8 && r == 8 && !memcmp(a, "abc", 3) && !memcmp(b, "defgh", 5),
	      "writev_readv", "readv", r);
	__syscall1(__NR_close, fd);
}

static void directories(void)
{
	long r1, r2, r3, r4, r5, r6;
	struct kstat st;

	r1 = __syscall3(__NR_mkdirat, AT_FDCWD, (long)"/tmp/ft/d", 0755);
	r2 = __syscall3(__NR_mkdirat, AT_FDCWD, (long)"/tmp/ft/d", 0755);
	r3 = __syscall3(__NR_mkdirat, AT_FDCWD, (long)"/tmp/ft/a/x", 0755);
	sys_open("/tmp/ft/d/f", O_WRONLY | O_CREAT, 0644);
	r4 = __syscall3(__NR_unlinkat, AT_FDCWD, (long)"/tmp/ft/d", AT_REMOVEDIR);
	r5 = __syscall3(__NR_unlinkat, AT_FDCWD, (long)"/tmp/ft/d", 0);
	check(r1 == 0 && r2 == -EEXIST && r3 == -ENOTDIR && r4 == -ENOTEMPTY && r5 == -EISDIR,
	      "mkdir_and_rmdir_errors", "rmdir", r4);
	r1 = __syscall3(__NR_unlinkat, AT_FDCWD, (long)"/tmp/ft/d/f", 0);
	r2 = __syscall3(__NR_unlinkat, AT_FDCWD, (long)"/tmp/ft/d/f", 0);
	r6 = __syscall3(__NR_unlinkat, AT_FDCWD, (long)"/tmp/ft/a", AT_REMOVEDIR);
	r3 = __syscall3(__NR_unlinkat, AT_FDCWD, (long)"/tmp/ft/d", AT_REMOVEDIR);
	r4 = sys_stat("/tmp/ft/d", &st, 0);
	check(r1 == 0 && r2 == -ENOENT && r6 == -ENOTDIR && r3 == 0 && r4 == -ENOENT,
	      "unlink_and_rmdir", "stat", r4);
}

static void renames(void)
{
	char buf[16];
	long r1, r2, r3, r4;

	__syscall3(__NR_mkdirat, AT_FDCWD, (long)"/tmp/ft/d1", 0755);
	__syscall3(__NR_mkdirat, AT_FDCWD, (long)"/tmp/ft/d1/sub", 0755);
	wr(sys_open("/tmp/ft/d1/f", O_WRONLY | O_CREAT, 0644), "one");
	wr(sys_open("/tmp/ft/g", O_WRONLY | O_CREAT, 0644), "two");
	r1 = __syscall4(__NR_renameat, AT_FDCWD, (long)"/tmp/ft/d1/f", AT_FDCWD, (long)"/tmp/ft/g");
	r2 = __syscall4(__NR_renameat, AT_FDCWD, (long)"/tmp/ft/d1", AT_FDCWD,
			(long)"/tmp/ft/d1/sub/in");
	r3 = __syscall4(__NR_renameat, AT_FDCWD, (long)"/tmp/ft/d1", AT_FDCWD, (long)"/tmp/ft/d2");
	r4 = slurp("/tmp/ft/g", buf, sizeof(buf));
	check(r1 == 0 && r2 == -EINVAL && r3 == 0 && r4 == 3 && !strcmp(buf, "one") &&
	      slurp("/tmp/ft/d1/f", buf, sizeof(buf)) == -ENOENT &&
	      __syscall3(__NR_unlinkat, AT_FDCWD, (long)"/tmp/ft/d2/sub", AT_REMOVEDIR) == 0,
	      "rename_replaces_and_moves_directories", "rename into itself", r2);
}

static void symlinks(void)
{
	char buf[64];
	struct kstat st, lst;
	long r1, r2, r3, r4;
	int ok;

	r1 = __syscall3(__NR_symlinkat, (long)"g", AT_FDCWD, (long)"/tmp/ft/ln");
	r2 = __syscall4(__NR_readlinkat, AT_FDCWD, (long)"/tmp/ft/ln", (long)buf, sizeof(buf));
	ok = r1 == 0 && r2 == 1 && buf[0] == 'g';
	ok = ok && slurp("/tmp/ft/ln", buf, sizeof(buf)) == 3 && !strcmp(buf, "one");
	ok = ok && sys_stat("/tmp/ft/ln", &st, 0) == 0 && (st.mode & 0170000) == 0100000 &&
	     sys_stat("/tmp/ft/ln", &lst, AT_SYMLINK_NOFOLLOW) == 0 &&
	     (lst.mode & 0170000) == 0120000 && lst.size == 1;
	check(ok, "symlink_readlink_stat_lstat", "readlink", r2);

	__syscall3(__NR_symlinkat, (long)"/tmp/ft/d2", AT_FDCWD, (long)"/tmp/ft/dl");
	r1 = slurp("/tmp/ft/dl/../g", buf, sizeof(buf));	/* .. of d2, not of ft */
	r3 = sys_open("/tmp/ft/ln", O_RDONLY | O_NOFOLLOW, 0);
	__syscall3(__NR_symlinkat, (long)"loop", AT_FDCWD, (long)"/tmp/ft/loop");
	r4 = sys_open("/tmp/ft/loop", O_RDONLY, 0);
	r2 = __syscall4(__NR_readlinkat, AT_FDCWD, (long)"/tmp/ft/g", (long)buf, sizeof(buf));
	check(r1 == 3 && r3 == -ELOOP && r4 == -ELOOP && r2 == -EINVAL,
	      "links_in_paths_nofollow_and_loops", "open loop", r4);
	r1 = sys_open("/tmp/ft/dangling", O_WRONLY | O_CREAT, 0644);
	__syscall1(__NR_close, r1);
	__syscall3(__NR_symlinkat, (long)"/tmp/ft/made", AT_FDCWD, (long)"/tmp/ft/dangle");
	r2 = sys_open("/tmp/ft/dangle", O_WRONLY | O_CREAT, 0644);
	ktap_result(r1 >= 0 && r2 >= 0 ? 1 : 0, "o_creat_through_a_dangling_link");
	if (r2 < 0)
		ktap_diag("open gave %ld", r2);
}

static void unlinked_but_open(void)
{
	char buf[8] = { 0 };
	long fd = sys_open("/tmp/ft/g", O_RDONLY, 0), r;
	struct kstat st;

	r = __syscall3(__NR_unlinkat, AT_FDCWD, (long)"/tmp/ft/g", 0);
	check(r == 0 && sys_stat("/tmp/ft/g", &st, 0) == -ENOENT &&
	      __syscall3(__NR_read, fd, (long)buf, 8) == 3 && !strcmp(buf, "one"),
	      "unlinked_file_reads_while_open", "unlink", r);
	__syscall1(__NR_close, fd);
}

static void attributes(void)
{
	struct { long long sec, nsec; } t[2] = { { 1000, 5 }, { 2000000000, 123456789 } };
	struct kstatx sx;
	struct kstat st;
	long fd = sys_open("/tmp/ft/m", O_RDWR | O_CREAT, 0644), r1, r2, r3;

	wr(fd, "12345");
	r1 = __syscall4(__NR_faccessat, AT_FDCWD, (long)"/tmp/ft/m", X_OK, 0);
	__syscall2(__NR_fchmod, fd, 0751);
	r2 = __syscall4(__NR_faccessat, AT_FDCWD, (long)"/tmp/ft/m", X_OK, 0);
	__syscall2(__NR_fstat, fd, (long)&st);
	check(r1 == -EACCES && r2 == 0 && (st.mode & 07777) == 0751, "chmod_and_faccessat",
	      "access X_OK of 0644", r1);

	r1 = __syscall4(__NR_utimensat, AT_FDCWD, (long)"/tmp/ft/m", (long)t, 0);
	r2 = __syscall5(__NR_statx, AT_FDCWD, (long)"/tmp/ft/m", 0, 0x7ff, (long)&sx);
	check(r1 == 0 && r2 == 0 && sx.mtime.sec == 2000000000 && sx.mtime.nsec == 123456789 &&
	      sx.atime.sec == 1000 && sx.size == 5 && (sx.mode & 07777) == 0751 &&
	      (sx.mask & 0x7ff) == 0x7ff, "utimensat_and_statx", "statx", r2);
	t[0].nsec = UTIME_OMIT;
	t[1].nsec = 1000000000;
	r3 = __syscall4(__NR_utimensat, AT_FDCWD, (long)"/tmp/ft/m", (long)t, 0);
	check(r3 == -EINVAL, "utimensat_bad_nsec_is_einval", "utimensat", r3);
	__syscall1(__NR_close, fd);
}

static void fcntls(void)
{
	long fd = sys_open("/tmp/ft/m", O_RDONLY | O_CLOEXEC, 0), d1, d2, d3, fl, r;
	int ok;

	ok = __syscall3(__NR_fcntl, fd, F_GETFD, 0) == 1;
	d1 = __syscall3(__NR_fcntl, fd, F_DUPFD, 20);
	d2 = __syscall3(__NR_fcntl, fd, F_DUPFD_CLOEXEC, 20);
	ok = ok && d1 == 20 && d2 == 21 && __syscall3(__NR_fcntl, d1, F_GETFD, 0) == 0 &&
	     __syscall3(__NR_fcntl, d2, F_GETFD, 0) == 1;
	ok = ok && __syscall3(__NR_fcntl, d2, F_SETFD, 0) == 0 &&
	     __syscall3(__NR_fcntl, d2, F_GETFD, 0) == 0;
	check(ok, "fcntl_dupfd_and_cloexec", "F_DUPFD", d1);

	fl = __syscall3(__NR_fcntl, fd, F_GETFL, 0);
	r = __syscall3(__NR_fcntl, fd, F_SETFL, O_NONBLOCK | O_APPEND | O_WRONLY);
	ok = (fl & O_ACCMODE) == O_RDONLY && r == 0 &&
	     (__syscall3(__NR_fcntl, fd, F_GETFL, 0) & (O_ACCMODE | O_NONBLOCK | O_APPEND)) ==
	     (O_RDONLY | O_NONBLOCK | O_APPEND);
	check(ok, "fcntl_setfl_changes_only_append_nonblock", "F_GETFL", fl);

	d3 = __syscall3(__NR_dup3, fd, 30, O_CLOEXEC);
	r = __syscall3(__NR_dup3, fd, fd, 0);
	check(d3 == 30 && __syscall3(__NR_fcntl, 30, F_GETFD, 0) == 1 && r == -EINVAL &&
	      __syscall3(__NR_fcntl, 63, F_GETFD, 0) == -EBADF &&
	      __syscall3(__NR_fcntl, fd, 99999, 0) == -EINVAL,
	      "dup3_cloexec_and_fcntl_errors", "dup3 same fd", r);
	__syscall1(__NR_close, fd);
	__syscall1(__NR_close, d1);
	__syscall1(__NR_close, d2);
	__syscall1(__NR_close, d3);
}

static void pipes(void)
{
	char buf[128];
	int p[2], q[2], status;
	long r1, r2, r3, n, total;
	pid_t pid;

	r1 = __syscall2(__NR_pipe2, (long)p, O_CLOEXEC);
	r2 = wr(p[1], "ping");
	r3 = __syscall3(__NR_read, p[0], (long)buf, sizeof(buf));
	check(r1 == 0 && r2 == 4 && r3 == 4 && __syscall3(__NR_fcntl, p[0], F_GETFD, 0) == 1,
	      "pipe2_write_then_read", "read", r3);

	__syscall3(__NR_fcntl, p[0], F_SETFL, O_NONBLOCK);
	r1 = __syscall3(__NR_read, p[0], (long)buf, sizeof(buf));
	__syscall3(__NR_fcntl, p[1], F_SETFL, O_NONBLOCK);
	memset(buf, 'x', sizeof(buf));
	for (total = 0; (n = __syscall3(__NR_write, p[1], (long)buf, sizeof(buf))) > 0; )
		total += n;
	check(r1 == -EAGAIN && n == -EAGAIN && total == 65536, "o_nonblock_empty_and_full",
	      "bytes a pipe holds", total);
	__syscall1(__NR_close, p[0]);
	__syscall1(__NR_close, p[1]);

	/* blocking: a child writes 256 KiB in pieces, the parent reads it all, then EOF */
	__syscall2(__NR_pipe2, (long)p, 0);
	pid = fork();
	if (pid == 0) {
		__syscall1(__NR_close, p[0]);
		for (int i = 0; i < 2048; i++)
			if (write(p[1], buf, sizeof(buf)) != sizeof(buf))
				_exit(1);
		_exit(0);
	}
	__syscall1(__NR_close, p[1]);
	for (total = 0; (n = __syscall3(__NR_read, p[0], (long)buf, sizeof(buf))) > 0; )
		total += n;
	waitpid(pid, &status, 0);
	check(total == 2048 * 128 && n == 0 && WIFEXITED(status) && !WEXITSTATUS(status),
	      "blocking_pipe_between_processes_then_eof", "bytes read", total);
	__syscall1(__NR_close, p[0]);

	/* no reader: EPIPE when SIGPIPE is ignored, death by SIGPIPE when not */
	__syscall2(__NR_pipe2, (long)p, 0);
	__syscall1(__NR_close, p[0]);
	signal(SIGPIPE, SIG_IGN);
	r1 = wr(p[1], "x");
	signal(SIGPIPE, SIG_DFL);
	pid = fork();
	if (pid == 0) {
		wr(p[1], "x");
		_exit(0);
	}
	waitpid(pid, &status, 0);
	check(r1 == -EPIPE && WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	      "epipe_and_sigpipe", "write with no reader", r1);
	__syscall1(__NR_close, p[1]);

	/* ppoll: nothing yet (timeout 0), then POLLIN/POLLOUT, POLLHUP, POLLNVAL */
	__syscall2(__NR_pipe2, (long)p, 0);
	{
		struct pollfd fds[3] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 }, { 60, POLLIN, 0 } };
		struct { long long s, ns; } zero = { 0, 0 }, t50 = { 0, 50000000 };
		long long t0;

		r1 = __syscall5(__NR_ppoll, (long)fds, 1, (long)&zero, 0, 8);
		t0 = monotonic_ns();
		r2 = __syscall5(__NR_ppoll, (long)fds, 1, (long)&t50, 0, 8);
		t0 = monotonic_ns() - t0;
		check(r1 == 0 && r2 == 0 && t0 >= 50000000, "ppoll_times_out", "ppoll", r2);
		wr(p[1], "z");
		r1 = __syscall5(__NR_ppoll, (long)fds, 3, (long)&zero, 0, 8);
		check(r1 == 3 && fds[0].revents == POLLIN && fds[1].revents == POLLOUT &&
		      fds[2].revents == POLLNVAL, "ppoll_in_out_nval", "ppoll", r1);
		__syscall3(__NR_read, p[0], (long)buf, 1);
		__syscall1(__NR_close, p[1]);
		r1 = __syscall5(__NR_ppoll, (long)fds, 1, 0, 0, 8);
		check(r1 == 1 && fds[0].revents == POLLHUP, "ppoll_hup_when_writers_gone", "ppoll",
		      r1);
		__syscall1(__NR_close, p[0]);
	}

	/* A regular file is always ready, for reading and writing (Linux's DEFAULT_POLLMASK) */
	{
		long fd = sys_open("/tmp/ft/poll", O_RDWR | O_CREAT | O_TRUNC, 0644);
		struct pollfd pf = { (int)fd, POLLIN | POLLOUT, 0 };
		struct { long long s, ns; } zero = { 0, 0 };

		r1 = __syscall5(__NR_ppoll, (long)&pf, 1, (long)&zero, 0, 8);
		check(r1 == 1 && pf.revents == (POLLIN | POLLOUT), "ppoll_regular_file_ready",
		      "ppoll", r1);
		__syscall1(__NR_close, fd);
	}

	/* ppoll and pselect6 sleep until another process writes */
	__syscall2(__NR_pipe2, (long)p, 0);
	__syscall2(__NR_pipe2, (long)q, 0);
	pid = fork();
	if (pid == 0) {
		struct { long long s, ns; } t = { 0, 30000000 };

		__syscall2(__NR_nanosleep, (long)&t, 0);
		wr(p[1], "a");
		__syscall2(__NR_nanosleep, (long)&t, 0);
		wr(q[1], "b");
		_exit(0);
	}
	{
		struct pollfd fd = { p[0], POLLIN, 0 };
		unsigned long rset = 1UL << q[0];

		r1 = __syscall5(__NR_ppoll, (long)&fd, 1, 0, 0, 8);
		r2 = __syscall6(__NR_pselect6, q[0] + 1, (long)&rset, 0, 0, 0, 0);
		waitpid(pid, &status, 0);
		check(r1 == 1 && fd.revents == POLLIN && r2 == 1 && rset == 1UL << q[0],
		      "ppoll_and_pselect6_wake_on_write", "pselect6", r2);
	}
	__syscall1(__NR_close, p[0]);
	__syscall1(__NR_close, p[1]);
	__syscall1(__NR_close, q[0]);
	__syscall1(__NR_close, q[1]);
}

/* Run path with argv in a child, its stdout into buf: the bytes read, or -1. */
static long run_capture(const char *path, char *const argv[], char *buf, long size)
{
	static char *const envp[] = { NULL };
	int p[2], status;
	long n, total = 0;
	pid_t pid;

	if (__syscall2(__NR_pipe2, (long)p, 0) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		__syscall3(__NR_dup3, p[1], 1, 0);
		execve(path, argv, envp);
		_exit(127);
	}
	__syscall1(__NR_close, p[1]);
	while (total < size - 1 &&
	       (n = __syscall3(__NR_read, p[0], (long)buf + total, size - 1 - total)) > 0)
		total += n;
	buf[total] = '\0';
	__syscall1(__NR_close, p[0]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && !WEXITSTATUS(status) ? total : -1;
}

static void scripts_and_links(void)
{
	char *const argv[] = { "ignored", "a", "b", NULL };
	char out[128];
	long fd, r;

	fd = sys_open("/tmp/ft/script", O_WRONLY | O_CREAT | O_TRUNC, 0755);
	wr(fd, "#! /bin/echo  one two \nnot read\n");
	__syscall1(__NR_close, fd);
	r = run_capture("/tmp/ft/script", argv, out, sizeof(out));
	check(r > 0 && !strcmp(out, "one two /tmp/ft/script a b\n"), "execve_of_a_script",
	      "bytes of output", r);
	if (r > 0 && strcmp(out, "one two /tmp/ft/script a b\n"))
		ktap_diag("output: %s", out);

	__syscall3(__NR_symlinkat, (long)"/bin/echo", AT_FDCWD, (long)"/tmp/ft/say");
	r = run_capture("/tmp/ft/say", argv, out, sizeof(out));
	check(r > 0 && !strcmp(out, "a b\n"), "execve_through_a_symlink", "bytes of output", r);

	fd = sys_open("/tmp/ft/noexec", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	wr(fd, "#!/bin/echo\n");
	__syscall1(__NR_close, fd);
	r = __syscall3(__NR_execve, (long)"/tmp/ft/noexec", (long)argv, 0);
	check(r == -EACCES, "execve_without_x_bit_is_eacces", "execve", r);
}

int main(void)
{
	ktap_start("files", 31);
	__syscall3(__NR_mkdirat, AT_FDCWD, (long)"/tmp/ft", 0755);
	create_and_excl();
	append_and_holes();
	vectors();
	directories();
	renames();
	symlinks();
	unlinked_but_open();
	attributes();
	fcntls();
	pipes();
	scripts_and_links();
	return ktap_finish();
}
