// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/clocks.c: time, randomness and identity as a glibc
 * program sees them: CLOCK_REALTIME from the PL031 RTC, gettimeofday,
 * clock_settime/settimeofday, clock_getres; getrandom; AT_HWCAP; the
 * setuid family, groups, umask, resource limits and usage, and kill's
 * permission check. KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <asm/hwcap.h>
#include <sys/auxv.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES 23

static long long ns_of(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static void test_clocks(void)
{
	struct timespec rt, mono0, mono1, set = { 2000000000, 0 }, res;
	struct timeval tv;
	long long before;
	int r;

	clock_gettime(CLOCK_REALTIME, &rt);
	/* From the RTC (the host's clock under QEMU): after 2020, not 1970 + uptime. */
	ktap_check(rt.tv_sec > 1577836800, "realtime_from_rtc", "CLOCK_REALTIME %lld",
		   (long long)rt.tv_sec);
	gettimeofday(&tv, NULL);
	ktap_check(tv.tv_sec >= rt.tv_sec && tv.tv_sec - rt.tv_sec <= 1, "gettimeofday_agrees",
		   "gettimeofday %lld, clock_gettime %lld", (long long)tv.tv_sec,
		   (long long)rt.tv_sec);

	before = ns_of(&rt);
	clock_gettime(CLOCK_MONOTONIC, &mono0);
	r = clock_settime(CLOCK_REALTIME, &set);
	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mono1);
	ktap_check(r == 0 && rt.tv_sec == 2000000000 && ns_of(&mono1) >= ns_of(&mono0) &&
		   ns_of(&mono1) - ns_of(&mono0) < 1000000000LL, "clock_settime_realtime_only",
		   "ret %d realtime %lld, monotonic moved %lld ns", r, (long long)rt.tv_sec,
		   ns_of(&mono1) - ns_of(&mono0));
	tv.tv_sec = before / 1000000000LL;
	tv.tv_usec = before % 1000000000LL / 1000;
	r = settimeofday(&tv, NULL);
	clock_gettime(CLOCK_REALTIME, &rt);
	ktap_check(r == 0 && rt.tv_sec >= tv.tv_sec && rt.tv_sec - tv.tv_sec <= 1,
		   "settimeofday", "ret %d realtime %lld, set %lld", r, (long long)rt.tv_sec,
		   (long long)tv.tv_sec);
	errno = 0;
	r = clock_settime(CLOCK_MONOTONIC, &set);
	ktap_check(r == -1 && errno == EINVAL, "clock_settime_monotonic_einval",
		   "ret %d errno %d", r, errno);
	r = clock_getres(CLOCK_MONOTONIC, &res);
	ktap_check(r == 0 && res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000000,
		   "clock_getres", "ret %d res %ld ns", r, res.tv_nsec);
}

/*
 * The last second clock_settime and settimeofday take is Linux's
 * TIME_SETTOD_SEC_MAX (in 2232): one past it is -EINVAL for both. The
 * clock is put back afterwards.
 */
static void test_settime_limit(void)
{
	const long long settod_sec_max = 8277292036LL;	/* KTIME_SEC_MAX - 30 years */
	struct timespec now, set = { settod_sec_max, 0 };
	struct timeval tv = { settod_sec_max, 0 };
	int r1, e1, r2, e2, r3, r4;

	clock_gettime(CLOCK_REALTIME, &now);
	errno = 0;
	r1 = clock_settime(CLOCK_REALTIME, &set);
	e1 = errno;
	errno = 0;
	r2 = settimeofday(&tv, NULL);
	e2 = errno;
	set.tv_sec--;
	tv.tv_sec--;
	r3 = clock_settime(CLOCK_REALTIME, &set);
	r4 = settimeofday(&tv, NULL);
	clock_settime(CLOCK_REALTIME, &now);
	ktap_check(r1 == -1 && e1 == EINVAL && r2 == -1 && e2 == EINVAL && r3 == 0 && r4 == 0,
		   "settime_year_2232_limit",
		   "past it: clock_settime %d errno %d, settimeofday %d errno %d; at it: %d, %d",
		   r1, e1, r2, e2, r3, r4);
}

static void test_getrandom(void)
{
	unsigned char a[64], b[64], zero[64] = { 0 };
	ssize_t ra, rb;

	ra = getrandom(a, sizeof(a), 0);
	rb = getrandom(b, sizeof(b), GRND_NONBLOCK);
	ktap_check(ra == 64 && rb == 64 && memcmp(a, b, 64) && memcmp(a, zero, 64) &&
		   memcmp(b, zero, 64), "getrandom_fills_and_differs", "returned %zd %zd", ra, rb);
	errno = 0;
	ra = getrandom(a, sizeof(a), 0x80);
	ktap_check(ra == -1 && errno == EINVAL, "getrandom_bad_flags", "ret %zd errno %d", ra,
		   errno);
	errno = 0;
	ra = syscall(SYS_getrandom, (void *)8, 16, 0);
	ktap_check(ra == -1 && errno == EFAULT, "getrandom_bad_pointer", "ret %zd errno %d", ra,
		   errno);
}

static void test_hwcap(void)
{
	unsigned long hwcap = getauxval(AT_HWCAP);

	ktap_check((hwcap & (HWCAP_FP | HWCAP_ASIMD | HWCAP_CRC32)) ==
		   (HWCAP_FP | HWCAP_ASIMD | HWCAP_CRC32), "hwcap_from_id_registers",
		   "AT_HWCAP %#lx", hwcap);
	ktap_check(!(hwcap & (HWCAP_EVTSTRM | HWCAP_CPUID | HWCAP_SVE | HWCAP_PACA | HWCAP_PACG)),
		   "hwcap_only_what_the_kernel_supports", "AT_HWCAP %#lx", hwcap);
}

static void test_identity(void)
{
	gid_t groups[8], set[3] = { 10, 20, 30 };
	uid_t ru, eu, su;
	struct rlimit rl;
	int n, status = -1;
	pid_t child;

	ktap_check(getuid() == 0 && geteuid() == 0 && getgid() == 0, "root_at_boot",
		   "uid %d euid %d gid %d", getuid(), geteuid(), getgid());
	n = setgroups(3, set);
	ktap_check(n == 0 && getgroups(8, groups) == 3 && groups[1] == 20 && getgroups(0, NULL) == 3,
		   "setgroups_getgroups", "setgroups %d", n);
	ktap_check(umask(027) == 022 && umask(022) == 027, "umask", "not 022 then 027");

	child = fork();
	if (child == 0) {
		int ok = 1;

		ok &= setresuid(1000, 1000, 1000) == 0;
		ok &= getresuid(&ru, &eu, &su) == 0 && ru == 1000 && eu == 1000 && su == 1000;
		ok &= setuid(0) == -1 && errno == EPERM;
		ok &= kill(getppid(), 0) == -1 && errno == EPERM;	/* root's process */
		ok &= setgroups(0, NULL) == -1 && errno == EPERM;
		_exit(ok ? 0 : 1);
	}
	waitpid(child, &status, 0);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		   "setresuid_drops_root_for_good", "status %#x", status);

	getrlimit(RLIMIT_CORE, &rl);
	ktap_check(rl.rlim_cur == 0 && rl.rlim_max == RLIM_INFINITY, "rlimit_core_default",
		   "cur %llu max %llu", (unsigned long long)rl.rlim_cur,
		   (unsigned long long)rl.rlim_max);
	getrlimit(RLIMIT_STACK, &rl);
	ktap_check(rl.rlim_cur == 8 << 20, "rlimit_stack_default", "cur %llu",
		   (unsigned long long)rl.rlim_cur);
	rl.rlim_cur = 100;
	rl.rlim_max = 10;
	errno = 0;
	ktap_check(setrlimit(RLIMIT_CPU, &rl) == -1 && errno == EINVAL, "rlimit_cur_above_max",
		   "errno %d", errno);
	rl.rlim_cur = 5;
	rl.rlim_max = RLIM_INFINITY;
	setrlimit(RLIMIT_CPU, &rl);
	child = fork();
	if (child == 0) {
		struct rlimit c;

		getrlimit(RLIMIT_CPU, &c);
		_exit(c.rlim_cur == 5 ? 0 : 1);
	}
	waitpid(child, &status, 0);
	ktap_check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "rlimit_inherited",
		   "status %#x", status);
}

static void test_rusage(void)
{
	struct rusage self, children;
	int status;
	pid_t child;

	child = fork();
	if (child == 0) {
		struct timespec t;

		do
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
		while (t.tv_nsec < 100 * 1000 * 1000 && !t.tv_sec);
		_exit(0);
	}
	waitpid(child, &status, 0);
	getrusage(RUSAGE_CHILDREN, &children);
	getrusage(RUSAGE_SELF, &self);
	ktap_check(children.ru_utime.tv_sec * 1000000L + children.ru_utime.tv_usec +
		   children.ru_stime.tv_sec * 1000000L + children.ru_stime.tv_usec >= 90000,
		   "rusage_children_cpu", "children %ld.%06ld user %ld.%06ld system",
		   (long)children.ru_utime.tv_sec, (long)children.ru_utime.tv_usec,
		   (long)children.ru_stime.tv_sec, (long)children.ru_stime.tv_usec);
	ktap_check(self.ru_nvcsw > 0, "rusage_self_switches", "nvcsw %ld", self.ru_nvcsw);
	errno = 0;
	ktap_check(getrusage(5, &self) == -1 && errno == EINVAL, "rusage_bad_who", "errno %d",
		   errno);
}

int main(void)
{
	ktap_start("clocks", NR_CASES);
	test_clocks();
	test_settime_limit();
	test_getrandom();
	test_hwcap();
	test_identity();
	test_rusage();
	return ktap_finish();
}
