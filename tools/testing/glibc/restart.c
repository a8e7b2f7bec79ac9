// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/restart.c: sleeps that a signal interrupts, as Linux
 * ends or resumes them (-ERESTART_RESTARTBLOCK and restart_syscall).
 * Stopped by SIGSTOP and continued by SIGCONT, no handler running,
 * nanosleep and clock_nanosleep go on to their original deadline and
 * return 0; a handler, SA_RESTART or not, ends them with EINTR and the time
 * left; restart_syscall called with nothing to restart (also just after
 * such a handler) gives EINTR.
 * KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES	6
#define MS		1000000LL

static long long mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * MS };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

enum how { NANOSLEEP, CLOCK_NANOSLEEP_REL, CLOCK_NANOSLEEP_ABS };

/*
 * A child sleeps 300 ms the given way; 50 ms in, the parent stops it for
 * 100 ms. The child exits 0 if its call returned 0 after 300 ms and
 * before 380 ms: to the first deadline, not 300 ms from SIGCONT.
 */
static void test_stop_cont(enum how how, const char *name)
{
	int status = -1, stopped = 0;
	pid_t child = fork();

	if (child == 0) {
		struct timespec req = { 0, 300 * MS }, rem = { -1, -1 };
		long long start = mono_ns(), took;
		int r;

		if (how == NANOSLEEP) {
			r = nanosleep(&req, &rem);
		} else if (how == CLOCK_NANOSLEEP_REL) {
			r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem);
		} else {
			clock_gettime(CLOCK_MONOTONIC, &req);
			req.tv_nsec += 300 * MS;
			if (req.tv_nsec >= 1000 * MS) {
				req.tv_sec++;
				req.tv_nsec -= 1000 * MS;
			}
			r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL);
		}
		took = mono_ns() - start;
		if (r != 0)
			_exit(10 + (r < 0 ? errno : r) % 100);
		_exit(took >= 300 * MS && took < 380 * MS ? 0 : 2);
	}
	sleep_ms(50);
	kill(child, SIGSTOP);
	if (waitpid(child, &status, WUNTRACED) == child && WIFSTOPPED(status))
		stopped = 1;
	sleep_ms(100);
	kill(child, SIGCONT);
	waitpid(child, &status, 0);
	ktap_check(stopped && WIFEXITED(status) && WEXITSTATUS(status) == 0, name,
		   "stopped %d, status %#x (2: wrong length, 10+errno: failed)", stopped, status);
}

static volatile int alarms;

static void on_alarm(int sig)
{
	alarms++;
}

/*
 * A handler ends the sleep with EINTR even with SA_RESTART, as on Linux.
 * The alarm comes 50 ms or more after armed, the sleep starts up to gap
 * after that: at most 250 ms + gap of the 300 can be left.
 */
static void test_handler_eintr(void)
{
	struct sigaction sa = { .sa_handler = on_alarm, .sa_flags = SA_RESTART };
	struct itimerval it = { .it_value = { 0, 50000 } };
	struct timespec req = { 0, 300 * MS }, rem = { -1, -1 };
	long long left, armed, gap;
	int r;

	sigaction(SIGALRM, &sa, NULL);
	armed = mono_ns();
	setitimer(ITIMER_REAL, &it, NULL);
	errno = 0;
	gap = mono_ns() - armed;
	r = nanosleep(&req, &rem);
	left = rem.tv_sec * 1000 * MS + rem.tv_nsec;
	ktap_check(r == -1 && errno == EINTR && alarms == 1 && left > 200 * MS &&
		   left <= 250 * MS + gap,
		   "handler_ends_nanosleep_with_time_left",
		   "ret %d errno %d alarms %d left %lld ns (armed %lld ns before the sleep)",
		   r, errno, alarms, left, gap);
	signal(SIGALRM, SIG_DFL);
}

/*
 * Nothing to go on with: before any sleep, and after a handler's
 * rt_sigreturn (which forgets the interrupted nanosleep's block).
 */
static void test_nothing_to_restart(const char *name)
{
	long r;

	errno = 0;
	r = syscall(SYS_restart_syscall);
	ktap_check(r == -1 && errno == EINTR, name, "ret %ld errno %d", r, errno);
}

int main(void)
{
	ktap_start("restart", NR_CASES);
	test_nothing_to_restart("restart_syscall_alone_eintr");
	test_stop_cont(NANOSLEEP, "nanosleep_resumes_after_sigcont");
	test_stop_cont(CLOCK_NANOSLEEP_REL, "clock_nanosleep_resumes_after_sigcont");
	test_stop_cont(CLOCK_NANOSLEEP_ABS, "clock_nanosleep_abstime_resumes");
	test_handler_eintr();
	test_nothing_to_restart("restart_syscall_after_handler_eintr");
	return ktap_finish();
}
