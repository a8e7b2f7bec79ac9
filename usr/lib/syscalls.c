// SPDX-License-Identifier: GPL-2.0
/*
 * syscalls.c: the POSIX wrappers over sys/syscall.h's raw stubs. Each returns
 * -1 and sets errno on failure, as in any libc; tests that want the raw
 * -errno call __syscallN() directly.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The raw result, or -1 with errno set. */
static long ret(long r)
{
	if (__syscall_failed(r)) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

long syscall(long n, ...)
{
	va_list ap;
	long a[6];
	int i;

	va_start(ap, n);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return ret(__syscall6(n, a[0], a[1], a[2], a[3], a[4], a[5]));
}

ssize_t read(int fd, void *buf, size_t n)
{
	return ret(__syscall3(__NR_read, fd, (long)buf, (long)n));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return ret(__syscall3(__NR_write, fd, (long)buf, (long)n));
}

ssize_t write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(fd, p + done, n - done);

		if (w < 0)
			return -1;
		if (w == 0)
			break;
		done += (size_t)w;
	}
	return (ssize_t)done;
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);		/* only meaningful with O_CREAT */
	va_end(ap);
	return (int)ret(__syscall4(__NR_openat, dirfd, (long)path, flags,
				   (flags & O_CREAT) ? mode : 0));
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = va_arg(ap, int);
	va_end(ap);
	return openat(AT_FDCWD, path, flags, mode);
}

int close(int fd)
{
	return (int)ret(__syscall1(__NR_close, fd));
}

int chdir(const char *path)
{
	return (int)ret(__syscall1(__NR_chdir, (long)path));
}

long getdents64(int fd, void *buf, unsigned long size)
{
	return ret(__syscall3(__NR_getdents64, fd, (long)buf, (long)size));
}

int fstat(int fd, struct stat *st)
{
	return (int)ret(__syscall2(__NR_fstat, fd, (long)st));
}

int stat(const char *path, struct stat *st)
{
	int fd = open(path, O_RDONLY);
	int r;

	if (fd < 0)
		return -1;
	r = fstat(fd, st);
	close(fd);
	return r;
}

/* exit_group, as glibc's _exit: the whole process, not one thread. */
void _exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)ret(__syscall2(__NR_nanosleep, (long)req, (long)rem));
}

int clock_gettime(int clock, struct timespec *ts)
{
	return (int)ret(__syscall2(__NR_clock_gettime, clock, (long)ts));
}

long long monotonic_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
		return -1;
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec ts = { .tv_sec = seconds };

	return nanosleep(&ts, NULL) < 0 ? seconds : 0;
}

int usleep(unsigned long usec)
{
	struct timespec ts = {
		.tv_sec = (long)(usec / 1000000),
		.tv_nsec = (long)(usec % 1000000) * 1000,
	};

	return nanosleep(&ts, NULL);
}

int sched_yield(void)
{
	return (int)ret(__syscall0(__NR_sched_yield));
}

int kill(pid_t pid, int sig)
{
	return (int)ret(__syscall2(__NR_kill, pid, sig));
}

int reboot(unsigned int cmd)
{
	return (int)ret(__syscall4(__NR_reboot, LINUX_REBOOT_MAGIC1,
				   LINUX_REBOOT_MAGIC2, cmd, 0));
}

int uname(struct utsname *u)
{
	return (int)ret(__syscall1(__NR_uname, (long)u));
}

int sysinfo(struct sysinfo *info)
{
	return (int)ret(__syscall1(__NR_sysinfo, (long)info));
}

pid_t getpid(void)
{
	return (pid_t)__syscall0(__NR_getpid);
}

pid_t getppid(void)
{
	return (pid_t)__syscall0(__NR_getppid);
}

/*
 * brk(2) as the kernel has it returns the new break, or the old one when it
 * could not move; brk(0) asks where it is. sbrk() keeps that in cur_brk.
 */
static uintptr_t cur_brk;

int brk(void *addr)
{
	uintptr_t r = (uintptr_t)__syscall1(__NR_brk, (long)addr);

	cur_brk = r;
	if (r < (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(intptr_t increment)
{
	uintptr_t old;

	if (!cur_brk)
		cur_brk = (uintptr_t)__syscall1(__NR_brk, 0);
	old = cur_brk;
	if (increment && brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
	long r = __syscall6(__NR_mmap, (long)addr, (long)len, prot, flags, fd, off);

	return (void *)ret(r);
}

int munmap(void *addr, size_t len)
{
	return (int)ret(__syscall2(__NR_munmap, (long)addr, (long)len));
}

/* fork() is clone(SIGCHLD): a new process, parent told by SIGCHLD, no shared state. */
pid_t fork(void)
{
	return (pid_t)ret(__syscall5(__NR_clone, SIGCHLD, 0, 0, 0, 0));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	return (int)ret(__syscall3(__NR_execve, (long)path, (long)argv, (long)envp));
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru)
{
	return (pid_t)ret(__syscall4(__NR_wait4, pid, (long)status, options, (long)ru));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

/*
 * struct sigaction as arm64's kernel reads it (asm-generic/signal.h with
 * SA_RESTORER): only the handler matters here, SIG_DFL or SIG_IGN.
 */
struct k_sigaction {
	sighandler_t handler;
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

sighandler_t signal(int sig, sighandler_t handler)
{
	struct k_sigaction act = { .handler = handler }, old;
	long r;

	if (handler != SIG_DFL && handler != SIG_IGN) {
		errno = EINVAL;
		return SIG_ERR;
	}
	r = __syscall4(__NR_rt_sigaction, sig, (long)&act, (long)&old, sizeof(old.mask));
	if (ret(r) < 0)
		return SIG_ERR;
	return old.handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	return (int)ret(__syscall4(__NR_rt_sigprocmask, how, (long)set, (long)old,
				   sizeof(sigset_t)));
}

int sigtimedwait(const sigset_t *set, void *info, const struct timespec *timeout)
{
	return (int)ret(__syscall4(__NR_rt_sigtimedwait, (long)set, (long)info,
				   (long)timeout, sizeof(sigset_t)));
}

pid_t setsid(void)
{
	return (pid_t)ret(__syscall0(__NR_setsid));
}

int dup2(int oldfd, int newfd)
{
	if (oldfd == newfd)	/* dup3 refuses this; dup2 checks oldfd and returns it */
		return (int)ret(__syscall3(__NR_fcntl, oldfd, 1 /* F_GETFD */, 0)) < 0 ? -1 : newfd;
	return (int)ret(__syscall3(__NR_dup3, oldfd, newfd, 0));
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	long arg;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return (int)ret(__syscall3(__NR_ioctl, fd, (long)request, arg));
}
