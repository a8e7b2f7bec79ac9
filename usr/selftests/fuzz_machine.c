// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_machine.c: the calls that act on the machine rather than on the
 * process, made apart with fuzzed arguments: reboot, mount, umount2,
 * clock_settime, settimeofday and vhangup. Each round is made as root or,
 * drawn with even odds, as uid 1000, in a disposable child (fuzz_apart.c's
 * run_apart).
 *
 * ONLY ON HEADSTART. The same /test/fuzz also runs on Linux under
 * qemu-aarch64 (usr/tests' sandbox), where these calls would reach the
 * host's own kernel: a reboot, a mount, a clock set on the real machine.
 * on_headstart() says yes only when uname's sysname and /proc/version both
 * say headstart and usr/tests' sandbox has not announced itself; anywhere
 * else none of them is made and the fuzzer says it skipped them.
 *
 * What each call may change, and how it is put back:
 *  - reboot: never given the one combination that acts, both magic numbers
 *    right and a command that powers off, restarts, halts, suspends or
 *    kexecs (the first magic is spoiled by one bit then); the rest is
 *    refused (-EINVAL) or changes nothing (Ctrl-Alt-Del on or off: 0).
 *  - clock_settime, settimeofday: CLOCK_REALTIME and the time zone are read
 *    before each round and set back after it, corrected by CLOCK_MONOTONIC's
 *    advance meanwhile (the real-time clock loses the round's length only).
 *  - mount, umount2: restored, not confined. headstart's mounts are one
 *    table (fs/namespace.c) that /proc/mounts lists, so after each round
 *    what /proc/mounts gained is unmounted and what it lost (an unmounted
 *    /proc or /dev) mounted again, and it must then read as before. Targets
 *    come from a pool with a directory of the fuzzer's own, /tmp/fuzz-mnt,
 *    the real /proc and /dev, a file and paths that do not exist.
 *  - vhangup: made in the disposable child's new session, which has no
 *    controlling tty, so there is none to hang up (the console is not).
 *
 * As uid 1000 each call must fail, with -EPERM where the arguments are
 * otherwise good (Linux's capability checks); as root the result must be
 * Linux's where the drawn arguments decide it (a reboot with a wrong magic:
 * -EINVAL, a good time set: 0 and read back).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "fuzz.h"
#include "ktap.h"

#define MNT_DIR		"/tmp/fuzz-mnt"
#define MOUNTS_MAX	4096

int on_headstart(void)
{
	static const char banner[] = "headstart version ";
	char version[sizeof(banner)];
	struct utsname u;
	int fd, n;

	if (ktap_qemu_user() || uname(&u) < 0 || strcmp(u.sysname, "headstart"))
		return 0;
	fd = open("/proc/version", O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, version, sizeof(version) - 1);
	close(fd);
	return n == (int)sizeof(version) - 1 && !memcmp(version, banner, n);
}

/* The error if ret (0 or -errno) is not what r expects of it. */
static int judge(const struct round *r, long ret)
{
	if (r->user && ret == 0)
		return WRONG;		/* nobody but root may */
	if (r->expect != ANY && ret != r->expect)
		return WRONG;
	return 0;
}

static int body_made(const struct round *r)
{
	return judge(r, __syscall6(r->nr, r->a[0], r->a[1], r->a[2], r->a[3], r->a[4], r->a[5]));
}

/* Half the rounds as root, half as uid 1000. */
static int as_user(struct round *r)
{
	r->user = fuzz_next() & 1;
	return r->user;
}

/* ---- reboot ------------------------------------------------------------------- */

#define MAGIC1		0xfee1deadL
#define CMD_CAD_ON	0x89abcdefL
#define CMD_CAD_OFF	0L

static void draw_reboot(struct round *r)
{
	static const long magic2s[] = { 672274793, 85072278, 369367448, 537993216 };
	static const long cmds[] = {
		0x4321fedc, 0x01234567, 0xcdef0123, 0xa1b2c3d4, 0xd000fce2, 0x45584543,
		CMD_CAD_ON, CMD_CAD_OFF, CMD_CAD_ON, CMD_CAD_OFF,
	};
	int good1, good2 = 0, harmless;

	r->a[0] = fuzz_next() % 4 ? MAGIC1 : random_arg();
	r->a[1] = fuzz_next() % 4 ? PICK(magic2s) : random_arg();
	r->a[2] = fuzz_next() % 4 ? PICK(cmds) : random_arg();
	r->a[3] = random_arg();
	for (unsigned i = 0; i < sizeof(magic2s) / sizeof(magic2s[0]); i++)
		good2 |= (int)r->a[1] == (int)magic2s[i];
	harmless = (unsigned)r->a[2] == CMD_CAD_ON || (unsigned)r->a[2] == CMD_CAD_OFF;
	/* Never the call that acts: right magics with any other command. */
	if ((unsigned)r->a[0] == MAGIC1 && good2 && !harmless)
		r->a[0] = MAGIC1 ^ (1L << (fuzz_next() % 32));
	good1 = (unsigned)r->a[0] == MAGIC1;
	if (as_user(r))
		r->expect = -EPERM;
	else
		r->expect = good1 && good2 ? 0 : -EINVAL;
}

/* ---- clock_settime, settimeofday ----------------------------------------------------- */

/* Linux's TIME_SETTOD_SEC_MAX (2232): this second and later cannot be set (-EINVAL). */
#define SETTOD_SEC_MAX	8277292036L

struct k_timeval {
	long sec, usec;
};

struct k_timezone {
	int minuteswest, dsttime;
};

static struct timespec saved_real, saved_mono, set_ts;
static struct k_timezone saved_tz, set_tz;
static struct k_timeval set_tv;

/* Read before each round, set back after it. */
static void save_time(void)
{
	clock_gettime(CLOCK_REALTIME, &saved_real);
	clock_gettime(CLOCK_MONOTONIC, &saved_mono);
	__syscall2(__NR_gettimeofday, 0, (long)&saved_tz);
}

static const char *restore_time(const struct round *r, int st)
{
	struct timespec mono, real;
	long long ns;

	clock_gettime(CLOCK_MONOTONIC, &mono);
	ns = saved_real.tv_nsec + (mono.tv_sec - saved_mono.tv_sec) * 1000000000LL +
	     (mono.tv_nsec - saved_mono.tv_nsec);
	real.tv_sec = saved_real.tv_sec + ns / 1000000000LL;
	real.tv_nsec = ns % 1000000000LL;
	if (__syscall2(__NR_clock_settime, CLOCK_REALTIME, (long)&real) ||
	    __syscall2(__NR_settimeofday, 0, (long)&saved_tz))
		return "the time could not be set back";
	return checked_by_body(r, st);
}

static long draw_seconds(void)
{
	static const long secs[] = { 0, 1, 1L << 31, 1L << 33, -1, 1700000000,
				     SETTOD_SEC_MAX - 1, SETTOD_SEC_MAX };

	return fuzz_next() % 8 ? PICK(secs) : random_arg();
}

/*
 * A pointer for a struct of size bytes: mostly good; else one the kernel
 * cannot read all of (*readable 0; it may be NULL); else anything
 * (*readable -1).
 */
static long draw_time_pointer(void *good, long size, int *readable)
{
	unsigned long k = fuzz_next() % 10;

	*readable = k < 6 ? 1 : k < 9 ? 0 : -1;
	if (k < 6)
		return (long)good;
	if (k == 6)
		return (long)(scratch + SCRATCH - size / 2);	/* half, then unmapped */
	return k == 7 ? bad_pointer() : k == 8 ? 0 : random_arg();
}

static void draw_clock_settime(struct round *r)
{
	static const long clocks[] = { CLOCK_REALTIME, CLOCK_REALTIME, CLOCK_REALTIME,
				       CLOCK_MONOTONIC, CLOCK_BOOTTIME, 11, -1 };
	static const long nsecs[] = { 0, 999999999, 500000000, 1000000000, -1 };
	int readable, clock = fuzz_next() % 8 ? 1 : 0;

	save_time();
	r->a[0] = clock ? PICK(clocks) : random_arg();
	set_ts.tv_sec = draw_seconds();
	set_ts.tv_nsec = fuzz_next() % 8 ? PICK(nsecs) : random_arg();
	r->a[1] = draw_time_pointer(&set_ts, sizeof(set_ts), &readable);
	r->a[2] = set_ts.tv_sec;	/* shown with the round */
	r->a[3] = set_ts.tv_nsec;
	as_user(r);
	/* A random clock may be a CPU-time one (Linux: -EPERM, here -EINVAL): ANY. */
	if (!clock || readable < 0)
		return;
	if (r->a[0] != CLOCK_REALTIME)
		r->expect = -EINVAL;		/* it cannot be set, or does not exist */
	else if (!readable)
		r->expect = -EFAULT;
	else if (set_ts.tv_sec < 0 || set_ts.tv_sec >= SETTOD_SEC_MAX || set_ts.tv_nsec < 0 ||
		 set_ts.tv_nsec >= 1000000000)
		r->expect = -EINVAL;
	else
		r->expect = r->user ? -EPERM : 0;
	r->real = r->expect == 0;
}

static int body_clock_settime(const struct round *r)
{
	struct timespec now;
	int wrong = body_made(r);

	if (wrong || !r->real)
		return wrong;
	/* Read back: at the time set, plus the little since. */
	clock_gettime(CLOCK_REALTIME, &now);
	if (now.tv_sec < set_ts.tv_sec || now.tv_sec > set_ts.tv_sec + 60)
		return WRONG;
	return 0;
}

static void draw_settimeofday(struct round *r)
{
	static const long usecs[] = { 0, 999999, 1000000, -1, 500000 };
	static const int zones[] = { 0, 60, -900, 900, 901, -901 };
	int tv_ok, tz_ok, usec_good, sec_good, tz_good;

	save_time();
	set_tv.sec = draw_seconds();
	set_tv.usec = fuzz_next() % 8 ? PICK(usecs) : random_arg();
	set_tz.minuteswest = fuzz_next() % 8 ? PICK(zones) : (int)random_arg();
	set_tz.dsttime = (int)random_arg();
	r->a[0] = draw_time_pointer(&set_tv, sizeof(set_tv), &tv_ok);
	r->a[1] = draw_time_pointer(&set_tz, sizeof(set_tz), &tz_ok);
	r->a[2] = set_tv.sec;		/* shown with the round */
	r->a[3] = set_tv.usec;
	r->a[4] = set_tz.minuteswest;
	usec_good = set_tv.usec >= 0 && set_tv.usec < 1000000;
	sec_good = set_tv.sec >= 0 && set_tv.sec < SETTOD_SEC_MAX;
	tz_good = set_tz.minuteswest >= -900 && set_tz.minuteswest <= 900;
	as_user(r);
	/*
	 * Linux's order: tv read (-EFAULT), its microseconds checked (-EINVAL),
	 * tz read (-EFAULT), the seconds checked (-EINVAL), root, zone range.
	 */
	if (tv_ok < 0 || tz_ok < 0)
		r->expect = ANY;
	else if (r->a[0] && !tv_ok)
		r->expect = -EFAULT;
	else if (r->a[0] && !usec_good)
		r->expect = -EINVAL;
	else if (r->a[1] && !tz_ok)
		r->expect = -EFAULT;
	else if (r->a[0] && !sec_good)
		r->expect = -EINVAL;
	else if (r->user)
		r->expect = -EPERM;
	else if (r->a[1] && !tz_good)
		r->expect = -EINVAL;
	else
		r->expect = 0;
	r->real = r->expect == 0 && r->a[0];
	set_ts.tv_sec = set_tv.sec;	/* what body_clock_settime reads back */
}

/* ---- mount, umount2 ----------------------------------------------------------- */

static char saved_mounts[MOUNTS_MAX];	/* as the fuzzer found them */
static char round_mounts[MOUNTS_MAX];	/* as the round found them */
static char now_mounts[MOUNTS_MAX];	/* as the round left them */

static int read_mounts(char *buf)
{
	int fd = open("/proc/mounts", O_RDONLY), n = -1, got;

	if (fd < 0)
		return -1;
	for (n = 0; n < MOUNTS_MAX - 1; n += got) {
		got = read(fd, buf + n, MOUNTS_MAX - 1 - n);
		if (got <= 0)
			break;
	}
	close(fd);
	buf[n] = '\0';
	return n;
}

/* The length of s up to the first of the characters stop (or its end). */
static size_t span_to(const char *s, const char *stop)
{
	size_t n = 0;

	while (s[n] && !strchr(stop, s[n]))
		n++;
	return n;
}

/* The line after line l, or l's end. */
static const char *next_line(const char *l)
{
	l += span_to(l, "\n");
	return *l ? l + 1 : l;
}

/* Is line (up to its '\n') one of the lines of text? */
static int has_line(const char *text, const char *line)
{
	size_t len = span_to(line, "\n");

	for (const char *l = text; *l; l = next_line(l))
		if (span_to(l, "\n") == len && !strncmp(l, line, len))
			return 1;
	return 0;
}

/* Field i (from 0) of a /proc/mounts line, into buf. */
static const char *field(const char *line, int i, char *buf, size_t size)
{
	size_t len;

	while (i--)
		line += span_to(line, " \n") + 1;
	len = span_to(line, " \n");
	if (len >= size)
		len = size - 1;
	memcpy(buf, line, len);
	buf[len] = '\0';
	return buf;
}

/* For each line of a not in b, call fn(source, target, type). */
static void each_missing(const char *a, const char *b, long nr)
{
	char source[64], target[256], type[32];

	for (const char *l = a; *l; l = next_line(l)) {
		if (has_line(b, l))
			continue;
		field(l, 0, source, sizeof(source));
		field(l, 1, target, sizeof(target));
		field(l, 2, type, sizeof(type));
		if (nr == __NR_umount2)
			__syscall2(__NR_umount2, (long)target, 0);
		else
			__syscall5(__NR_mount, (long)source, (long)target, (long)type, 0, 0);
	}
}

/* /proc/mounts as before the round: unmount what came, mount what went. */
static const char *restore_mounts(const struct round *r, int st)
{
	char *now = now_mounts;

	if (read_mounts(now) < 0)
		return "/proc/mounts cannot be read";
	const char *user_changed = r->user && strcmp(now, round_mounts) ?
				   "as uid 1000 it changed /proc/mounts" : NULL;

	each_missing(now, saved_mounts, __NR_umount2);
	each_missing(saved_mounts, now, __NR_mount);
	if (read_mounts(now) < 0 || strlen(now) != strlen(saved_mounts))
		return "/proc/mounts not as before the round";
	for (const char *l = now; *l; l = next_line(l))
		if (!has_line(saved_mounts, l))
			return "/proc/mounts not as before the round";
	return user_changed ? user_changed : checked_by_body(r, st);
}

static const char *const targets[] = {
	MNT_DIR, MNT_DIR, MNT_DIR, "/proc", "/dev", "/", "/proc/version", "/no/such/dir",
};

/* A target; *known: one that exists (so the lookup passes). */
static long draw_target(int *known)
{
	unsigned long k = fuzz_next() % 10;

	*known = k < 7;
	if (k < 8)
		return (long)targets[k];
	return k == 8 ? bad_pointer() : random_arg();
}

static void draw_mount(struct round *r)
{
	static const char *const sources[] = { "none", "proc", "devtmpfs", "tmpfs", "",
		"a-source-name-longer-than-the-32-bytes-kept" };
	static const char *const types[] = { "proc", "devtmpfs", "tmpfs", "ramfs", "sysfs",
		"ext4", "", "a-type-of-sixteen-bytes-or-more", NULL };
	static const long flags[] = { 0, 0, 32 /* MS_REMOUNT */, 4096 /* MS_BIND */,
		1 /* MS_RDONLY */, 2 | 4 /* MS_NOSUID | MS_NODEV */, 16384 /* MS_REC */ };
	unsigned long ks = fuzz_next() % 8, kt = fuzz_next() % 10, kf = fuzz_next() % 4,
		      kd = fuzz_next() % 3;
	int known;

	r->a[0] = ks < 6 ? (long)sources[ks] : ks == 6 ? 0 : random_arg();
	r->a[1] = draw_target(&known);
	r->a[2] = kt < 9 ? (long)types[kt] : random_arg();
	r->a[3] = kf ? PICK(flags) : random_arg();
	r->a[4] = kd == 0 ? 0 : kd == 1 ? (long)"mode=755" : random_arg();	/* data */
	read_mounts(round_mounts);
	/* Strings it can read (Linux reads the data page too), a target
	 * found, flags without MS_NOUSER: only root's right is missing. */
	if (as_user(r) && known && ks < 7 && kt < 9 && kf && kd < 2)
		r->expect = -EPERM;
}

static void draw_umount2(struct round *r)
{
	static const long flags[] = { 0, 0, 1 /* MNT_FORCE */, 2 /* MNT_DETACH */,
		4 /* MNT_EXPIRE */, 8 /* UMOUNT_NOFOLLOW */, 16 };
	int known;

	/* Something to unmount: the fuzzer's directory mounted, at times. */
	if (fuzz_next() & 1)
		__syscall5(__NR_mount, (long)"fuzz", (long)MNT_DIR, (long)"tmpfs", 0, 0);
	read_mounts(round_mounts);
	r->a[0] = draw_target(&known);
	r->a[1] = fuzz_next() % 4 ? PICK(flags) : random_arg();
	as_user(r);
	if ((int)r->a[1] & ~15)
		r->expect = -EINVAL;		/* Linux checks the flags first */
	else if (r->user && known)
		r->expect = -EPERM;
}

/* ---- vhangup ------------------------------------------------------------------ */

static void draw_vhangup(struct round *r)
{
	for (int j = 0; j < 6; j++)
		r->a[j] = random_arg();		/* it takes none: ignored */
	r->expect = as_user(r) ? -EPERM : 0;
}

/*
 * Before free memory is first measured: the buffers' pages, which the
 * kernel gives a program when it first writes them, are not "lost" later.
 */
void machine_prepare(void)
{
	memset(saved_mounts, 0, sizeof(saved_mounts));
	memset(round_mounts, 0, sizeof(round_mounts));
	memset(now_mounts, 0, sizeof(now_mounts));
}

int machine_setup(void)
{
	long ret;

	/*
	 * The fuzzed calls before may have changed "/"'s mode and owner; as
	 * on Linux, uid 1000 finds a target only through directories it may
	 * search (fs/namei.c's may_lookup). "/" as it was, so that a known
	 * target's lookup passes and only root's right is missing.
	 */
	__syscall4(__NR_fchmodat, AT_FDCWD, (long)"/", 0755, 0);
	__syscall5(__NR_fchownat, AT_FDCWD, (long)"/", 0, 0, 0);
	ret = __syscall3(__NR_mkdirat, AT_FDCWD, (long)MNT_DIR, 0755);

	if (ret < 0 && ret != -EEXIST)
		return -1;
	return read_mounts(saved_mounts) < 0 ? -1 : 0;
}

void machine_cleanup(void)
{
	__syscall3(__NR_unlinkat, AT_FDCWD, (long)MNT_DIR, 0x200 /* AT_REMOVEDIR */);
}

static const char *after_mount(const struct round *r, int st)
{
	return restore_mounts(r, st);
}

#define CALL(name, ...)	{ #name, __NR_##name, __VA_ARGS__ }

const struct apart_call machine_calls[] = {
	CALL(reboot,		draw_reboot,		body_made,		checked_by_body),
	CALL(mount,		draw_mount,		body_made,		after_mount),
	CALL(umount2,		draw_umount2,		body_made,		after_mount),
	CALL(clock_settime,	draw_clock_settime,	body_clock_settime,	restore_time,
	     "set a good time, read back"),
	CALL(settimeofday,	draw_settimeofday,	body_clock_settime,	restore_time,
	     "set a good time, read back"),
	CALL(vhangup,		draw_vhangup,		body_made,		checked_by_body),
};
const int nr_machine_calls = sizeof(machine_calls) / sizeof(machine_calls[0]);
