// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/glibc/waitid.c: waitid (95) as glibc calls it: P_PID,
 * P_PGID (and 0, the caller's group), P_ALL; WEXITED, WSTOPPED,
 * WCONTINUED, WNOHANG, WNOWAIT; the siginfo it fills (SIGCHLD, CLD_*,
 * pid, uid, status), the rusage of the raw system call, and bad input.
 * KTAP out (ktap.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#define NR_CASES	13

static pid_t child_exiting(int code)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(code);
	return pid;
}

static pid_t child_pausing(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

static int is_chld(const siginfo_t *si, pid_t pid, int code, int status)
{
	return si->si_signo == SIGCHLD && si->si_errno == 0 && si->si_code == code &&
	       si->si_pid == pid && si->si_uid == getuid() && si->si_status == status;
}

/* printf format and arguments for a siginfo's SIGCHLD fields */
#define SI_FMT "signo %d code %d pid %d uid %d status %d"
#define SI_ARGS(si) (si).si_signo, (si).si_code, (si).si_pid, (si).si_uid, (si).si_status

static void test_exited_and_killed(void)
{
	siginfo_t si;
	pid_t pid = child_exiting(7);
	int r;

	memset(&si, 0xff, sizeof(si));
	r = waitid(P_PID, pid, &si, WEXITED);
	ktap_check(r == 0 && is_chld(&si, pid, CLD_EXITED, 7), "p_pid_exited",
		   SI_FMT, SI_ARGS(si));

	pid = child_pausing();
	kill(pid, SIGTERM);
	memset(&si, 0xff, sizeof(si));
	r = waitid(P_PID, pid, &si, WEXITED);
	ktap_check(r == 0 && is_chld(&si, pid, CLD_KILLED, SIGTERM), "p_pid_killed",
		   SI_FMT, SI_ARGS(si));
}

static void test_wnohang_wnowait(void)
{
	pid_t pid = child_pausing();
	siginfo_t si;
	int r, status = -1;

	memset(&si, 0xff, sizeof(si));
	r = waitid(P_PID, pid, &si, WEXITED | WNOHANG);
	ktap_check(r == 0 && si.si_pid == 0 && si.si_signo == 0, "wnohang_nothing_yet",
		   "ret %d " SI_FMT, r, SI_ARGS(si));
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);

	pid = child_exiting(3);
	r = waitid(P_PID, pid, &si, WEXITED | WNOWAIT);
	ktap_check(r == 0 && is_chld(&si, pid, CLD_EXITED, 3) && waitpid(pid, &status, 0) == pid &&
		   WIFEXITED(status) && WEXITSTATUS(status) == 3, "wnowait_leaves_the_zombie",
		   "ret %d status %#x", r, status);
}

static void test_stopped_continued(void)
{
	pid_t pid = child_pausing();
	siginfo_t a, b, c, d;
	int ra, rb, rc, rd;

	kill(pid, SIGSTOP);
	ra = waitid(P_PID, pid, &a, WSTOPPED | WNOWAIT);
	rb = waitid(P_PID, pid, &b, WSTOPPED);
	memset(&c, 0xff, sizeof(c));
	rc = waitid(P_PID, pid, &c, WSTOPPED | WNOHANG);	/* taken: nothing now */
	ktap_check(ra == 0 && rb == 0 && rc == 0 && is_chld(&a, pid, CLD_STOPPED, SIGSTOP) &&
		   is_chld(&b, pid, CLD_STOPPED, SIGSTOP) && c.si_pid == 0, "wstopped_once",
		   "rets %d %d %d; second " SI_FMT, ra, rb, rc, SI_ARGS(b));
	kill(pid, SIGCONT);
	rd = waitid(P_PID, pid, &d, WCONTINUED);
	ktap_check(rd == 0 && is_chld(&d, pid, CLD_CONTINUED, SIGCONT), "wcontinued",
		   "ret %d " SI_FMT, rd, SI_ARGS(d));
	kill(pid, SIGKILL);
	waitid(P_PID, pid, &d, WEXITED);
}

static void test_groups_and_all(void)
{
	siginfo_t si;
	pid_t pid, other;
	int r;

	/* A child in a group of its own: P_PGID finds it, P_PGID 0 (ours) does not. */
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	setpgid(pid, pid);
	kill(pid, SIGTERM);
	errno = 0;
	memset(&si, 0xff, sizeof(si));
	r = waitid(P_PGID, 0, &si, WEXITED | WNOHANG);
	ktap_check(r == -1 && errno == ECHILD, "p_pgid_0_is_my_group", "ret %d errno %d", r, errno);
	r = waitid(P_PGID, pid, &si, WEXITED);
	ktap_check(r == 0 && is_chld(&si, pid, CLD_KILLED, SIGTERM), "p_pgid", SI_FMT,
		   SI_ARGS(si));

	other = child_exiting(9);
	r = waitid(P_ALL, 12345, &si, WEXITED);		/* the id is ignored */
	ktap_check(r == 0 && is_chld(&si, other, CLD_EXITED, 9), "p_all", SI_FMT, SI_ARGS(si));
}

/* The raw system call's fifth argument: the child's rusage. */
static void test_rusage(void)
{
	struct rusage ru;
	siginfo_t si;
	long r;
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec t;

		do
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
		while (t.tv_nsec < 100 * 1000 * 1000 && !t.tv_sec);
		_exit(0);
	}
	memset(&ru, 0, sizeof(ru));
	r = syscall(SYS_waitid, P_PID, pid, &si, WEXITED, &ru);
	ktap_check(r == 0 && is_chld(&si, pid, CLD_EXITED, 0) &&
		   ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec +
		   ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec >= 90000, "rusage",
		   "ret %ld utime %ld.%06ld", r, (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec);
}

static void test_bad_input(void)
{
	siginfo_t si;
	int bad = 0;
	pid_t pid = child_exiting(0);

	errno = 0;
	bad |= !(waitid(P_PID, pid, &si, 0) == -1 && errno == EINVAL);		/* no event */
	errno = 0;
	bad |= !(waitid(7, pid, &si, WEXITED) == -1 && errno == EINVAL) << 1;	/* idtype */
	errno = 0;
	bad |= !(waitid(P_PIDFD, 3, &si, WEXITED) == -1 && errno == EINVAL) << 2;
	errno = 0;
	bad |= !(waitid(P_PID, pid, &si, WEXITED | 0x100) == -1 && errno == EINVAL) << 3;
	ktap_check(!bad, "bad_input_einval", "failed checks %#x", bad);
	waitid(P_PID, pid, &si, WEXITED);
	errno = 0;
	ktap_check(waitid(P_PID, pid, &si, WEXITED) == -1 && errno == ECHILD, "no_such_child_echild",
		   "errno %d", errno);
	errno = 0;
	ktap_check(syscall(SYS_waitid, P_ALL, 0, (void *)8, WEXITED | WNOHANG, NULL) == -1 &&
		   errno == ECHILD, "no_children_at_all_echild", "errno %d", errno);
}

int main(void)
{
	ktap_start("waitid", NR_CASES);
	test_exited_and_killed();
	test_wnohang_wnowait();
	test_stopped_continued();
	test_groups_and_all();
	test_rusage();
	test_bad_input();
	return ktap_finish();
}
