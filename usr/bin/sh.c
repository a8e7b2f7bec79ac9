// SPDX-License-Identifier: GPL-2.0
/*
 * sh: the shell /init starts on the console.
 *
 *	sh		interactive: prompt, read a line, run it, repeat
 *	sh -c 'cmds'	run cmds and exit with the last status
 *	sh file		run the lines of file
 *
 * A line is commands separated by `;` or `&` (run in the background); words
 * may be quoted with '...' or "..." or escaped with \; $? $$ $! and $NAME
 * expand; # starts a comment. Builtins: cd, pwd, exit, jobs, wait, help.
 * Anything else is a program, run by fork + execve, found on $PATH.
 *
 * Line editing and echo belong to the console (see lib/stdio.c): the shell
 * reads whole lines and never echoes. ^C: the shell ignores SIGINT and so do
 * background jobs (the POSIX rule for a shell without job control); a
 * foreground command gets the default action back before execve.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LINE	1024
#define MAX_ARGS	64
#define MAX_JOBS	16
#define DEFAULT_PATH	"/bin:/test"

struct job {
	int id;			/* [1], [2], ... as printed; 0: slot free */
	pid_t pid;
	char cmd[48];
};

static struct job jobs[MAX_JOBS];
static int last_status;		/* $? */
static pid_t last_bg;		/* $! */
static char cwd[PATH_MAX] = "/";	/* what `cd` made of it; the kernel keeps the real one */

/* ---------------------------------------------------------------------------
 * Status words, as the user sees them.
 */
static int status_code(int st)
{
	return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

static void describe(int st, char *buf, size_t size)
{
	if (WIFSIGNALED(st))
		snprintf(buf, size, "%s", strsignal(WTERMSIG(st)));
	else if (WEXITSTATUS(st))
		snprintf(buf, size, "Exit %d", WEXITSTATUS(st));
	else
		snprintf(buf, size, "Done");
}

/* ---------------------------------------------------------------------------
 * Background jobs: started with `&`, reported when they end (before the next
 * prompt), like sh's "[1]+ Done".
 */
static void add_job(pid_t pid, char **argv)
{
	int i, id = 1, slot = -1;

	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].id >= id)
			id = jobs[i].id + 1;
		if (!jobs[i].id && slot < 0)
			slot = i;
	}
	printf("[%d] %d\n", slot < 0 ? 0 : id, pid);
	if (slot < 0)
		return;		/* table full: still runs, just not listed */
	jobs[slot].id = id;
	jobs[slot].pid = pid;
	jobs[slot].cmd[0] = '\0';
	for (i = 0; argv[i]; i++) {
		if (i)
			strlcat(jobs[slot].cmd, " ", sizeof(jobs[slot].cmd));
		strlcat(jobs[slot].cmd, argv[i], sizeof(jobs[slot].cmd));
	}
}

static void job_ended(pid_t pid, int st)
{
	char what[48];
	int i;

	for (i = 0; i < MAX_JOBS; i++) {
		if (jobs[i].id && jobs[i].pid == pid) {
			describe(st, what, sizeof(what));
			printf("[%d] %-20s %s\n", jobs[i].id, what, jobs[i].cmd);
			jobs[i].id = 0;
			return;
		}
	}
}

static void reap_jobs(void)
{
	pid_t pid;
	int st;

	while ((pid = wait4(-1, &st, WNOHANG, NULL)) > 0)
		job_ended(pid, st);
}

/* ---------------------------------------------------------------------------
 * Builtins.
 */

/* Make cwd name dir, resolving "." and ".." by hand (there are no symlinks). */
static void set_cwd(const char *dir)
{
	char path[PATH_MAX], *seg, *next;
	size_t len;

	if (dir[0] == '/')
		strlcpy(path, dir, sizeof(path));
	else
		snprintf(path, sizeof(path), "%s/%s", cwd, dir);
	cwd[0] = '\0';
	for (seg = path; seg; seg = next) {
		next = strchr(seg, '/');
		if (next)
			*next++ = '\0';
		if (!*seg || !strcmp(seg, "."))
			continue;
		if (!strcmp(seg, "..")) {
			char *slash = strrchr(cwd, '/');

			if (slash)
				*slash = '\0';
			continue;
		}
		len = strlen(cwd);
		snprintf(cwd + len, sizeof(cwd) - len, "/%s", seg);
	}
	if (!cwd[0])
		strcpy(cwd, "/");
}

static int do_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("HOME");

	if (!dir)
		dir = "/";
	if (chdir(dir) < 0) {
		dprintf(2, "cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	set_cwd(dir);
	return 0;
}

static int do_pwd(int argc, char **argv)
{
	puts(cwd);
	return 0;
}

static int do_exit(int argc, char **argv)
{
	exit(argc > 1 ? atoi(argv[1]) : last_status);
}

static int do_jobs(int argc, char **argv)
{
	int i;

	reap_jobs();
	for (i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id)
			printf("[%d] %d Running  %s\n", jobs[i].id, jobs[i].pid, jobs[i].cmd);
	return 0;
}

/* wait [pid]: for that job, or for every background job. */
static int do_wait(int argc, char **argv)
{
	pid_t want = argc > 1 ? atoi(argv[1]) : -1, pid;
	int st, ret = 0;

	while ((pid = wait4(want, &st, 0, NULL)) > 0) {
		job_ended(pid, st);
		ret = status_code(st);
		if (want > 0)
			break;
	}
	return ret;
}

static int do_help(int argc, char **argv);

static const struct builtin {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
} builtins[] = {
	{ "cd",		do_cd,		"cd [dir]         change directory" },
	{ "pwd",	do_pwd,		"pwd              print the directory" },
	{ "exit",	do_exit,	"exit [n]         leave the shell" },
	{ "jobs",	do_jobs,	"jobs             list background jobs" },
	{ "wait",	do_wait,	"wait [pid]       wait for background jobs" },
	{ "help",	do_help,	"help             this list" },
};

#define NR_BUILTINS	((int)(sizeof(builtins) / sizeof(builtins[0])))

static int do_help(int argc, char **argv)
{
	static const char *const programs[] = {
		"ls [-la] [path]  list a directory",
		"cat [file...]    print files (or the input)",
		"echo [-n] words  print words",
		"ps               processes: pid, state, CPU time, command",
		"kill [-SIG] pid  send a signal (default TERM); kill -l lists them",
		"sleep secs       sleep (fractions allowed)",
		"spin [secs]      burn CPU (run it with & to watch preemption)",
		"uptime           time since boot, processes, load",
		"free [-b|-k|-m]  memory",
		"uname [-asnrvm]  system name",
		"poweroff         power the machine off",
		"usertests [t..]  run the tests in /test (KTAP)",
		"bench [--no-pmu] instructions per syscall, switch, fork",
	};
	int i;

	puts("Builtins:");
	for (i = 0; i < NR_BUILTINS; i++)
		printf("  %s\n", builtins[i].help);
	puts("Programs in /bin:");
	for (i = 0; i < (int)(sizeof(programs) / sizeof(programs[0])); i++)
		printf("  %s\n", programs[i]);
	puts("A command ending in & runs in the background.");
	return 0;
}

/* ---------------------------------------------------------------------------
 * Running programs.
 */

/* In the child: find argv[0] on $PATH and execve it; returns only on failure. */
static int exec_path(char **argv)
{
	const char *path = getenv("PATH"), *p, *end;
	char full[PATH_MAX];
	int err = ENOENT;

	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, environ);
		return errno;
	}
	if (!path)
		path = DEFAULT_PATH;
	for (p = path; *p; p = *end ? end + 1 : end) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		snprintf(full, sizeof(full), "%.*s/%s", (int)(end - p), p, argv[0]);
		execve(full, argv, environ);
		if (errno != ENOENT)
			err = errno;	/* found but not runnable: say why */
	}
	return err;
}

static void run_program(char **argv, int background)
{
	pid_t pid = fork();
	int st, err;

	if (pid < 0) {
		dprintf(2, "sh: fork: %s\n", strerror(errno));
		last_status = 1;
		return;
	}
	if (pid == 0) {
		if (!background)
			signal(SIGINT, SIG_DFL);
		err = exec_path(argv);
		if (err == ENOENT)
			dprintf(2, "sh: %s: not found\n", argv[0]);
		else
			dprintf(2, "sh: %s: %s\n", argv[0], strerror(err));
		_exit(err == ENOENT ? 127 : 126);
	}
	if (background) {
		add_job(pid, argv);
		last_bg = pid;
		last_status = 0;
		return;
	}
	while (wait4(pid, &st, 0, NULL) < 0) {
		if (errno != EINTR) {
			dprintf(2, "sh: wait4: %s\n", strerror(errno));
			last_status = 1;
			return;
		}
	}
	last_status = status_code(st);
	if (WIFSIGNALED(st))		/* as sh does: say why it died */
		puts(WTERMSIG(st) == SIGINT ? "" : strsignal(WTERMSIG(st)));
}

static void run_command(int argc, char **argv, int background)
{
	int i;

	if (!argc)
		return;
	argv[argc] = NULL;
	for (i = 0; i < NR_BUILTINS; i++) {
		if (!strcmp(argv[0], builtins[i].name)) {
			last_status = builtins[i].fn(argc, argv);
			return;
		}
	}
	run_program(argv, background);
}

/* ---------------------------------------------------------------------------
 * Parsing: one line into words, with quotes and $ expansion, split at ; and &.
 */
struct parse {
	const char *p;		/* next input character */
	char *out, *end;	/* where words are stored */
};

static int store(struct parse *ps, const char *s, size_t n)
{
	if (ps->out + n >= ps->end)
		return -1;
	memcpy(ps->out, s, n);
	ps->out += n;
	return 0;
}

static int expand(struct parse *ps)
{
	char name[64], num[24];
	const char *val = NULL;
	size_t n = 0;

	ps->p++;			/* the $ */
	switch (*ps->p) {
	case '?':
		snprintf(num, sizeof(num), "%d", last_status);
		break;
	case '$':
		snprintf(num, sizeof(num), "%d", getpid());
		break;
	case '!':
		snprintf(num, sizeof(num), "%d", last_bg);
		break;
	default:
		while ((*ps->p == '_' || (*ps->p >= 'A' && *ps->p <= 'Z') ||
			(*ps->p >= 'a' && *ps->p <= 'z') || (n && *ps->p >= '0' && *ps->p <= '9')) &&
		       n < sizeof(name) - 1)
			name[n++] = *ps->p++;
		if (!n)
			return store(ps, "$", 1);
		name[n] = '\0';
		val = getenv(name);
		return val ? store(ps, val, strlen(val)) : 0;
	}
	ps->p++;
	return store(ps, num, strlen(num));
}

enum { T_END, T_WORD, T_AMP, T_SEMI, T_ERROR };

static int next_token(struct parse *ps, char **word)
{
	const char *p;

	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
	if (!*ps->p || *ps->p == '#')
		return T_END;
	if (*ps->p == '&' || *ps->p == ';')
		return *ps->p++ == '&' ? T_AMP : T_SEMI;

	*word = ps->out;
	for (;;) {
		char c = *ps->p;

		if (!c || c == ' ' || c == '\t' || c == '&' || c == ';')
			break;
		if (c == '\'') {
			p = strchr(ps->p + 1, '\'');
			if (!p)
				goto unterminated;
			if (store(ps, ps->p + 1, (size_t)(p - ps->p - 1)) < 0)
				goto too_long;
			ps->p = p + 1;
		} else if (c == '"') {
			for (ps->p++; *ps->p != '"'; ) {
				if (!*ps->p)
					goto unterminated;
				if (*ps->p == '$') {
					if (expand(ps) < 0)
						goto too_long;
					continue;
				}
				if (*ps->p == '\\' && strchr("\"\\$", ps->p[1]))
					ps->p++;
				if (store(ps, ps->p++, 1) < 0)
					goto too_long;
			}
			ps->p++;
		} else if (c == '$') {
			if (expand(ps) < 0)
				goto too_long;
		} else {
			if (c == '\\' && ps->p[1])
				ps->p++;
			if (store(ps, ps->p++, 1) < 0)
				goto too_long;
		}
	}
	if (store(ps, "", 1) < 0)
		goto too_long;
	return T_WORD;

unterminated:
	dprintf(2, "sh: unterminated quote\n");
	return T_ERROR;
too_long:
	dprintf(2, "sh: line too long\n");
	return T_ERROR;
}

static void run_line(const char *line)
{
	char words[2 * MAX_LINE + 256], *argv[MAX_ARGS + 1];
	struct parse ps = { .p = line, .out = words, .end = words + sizeof(words) };
	int argc = 0, t;

	do {
		char *w = NULL;

		t = next_token(&ps, &w);
		if (t == T_ERROR) {
			last_status = 2;
			return;
		}
		if (t == T_WORD) {
			if (argc == MAX_ARGS) {
				dprintf(2, "sh: too many arguments\n");
				last_status = 2;
				return;
			}
			argv[argc++] = w;
			continue;
		}
		run_command(argc, argv, t == T_AMP);
		argc = 0;
	} while (t != T_END);
}

/* ---------------------------------------------------------------------------
 */
static int run_file(int fd, int interactive)
{
	char line[MAX_LINE];

	for (;;) {
		if (interactive) {
			reap_jobs();
			printf("headstart:%s# ", cwd);
		}
		if (readline(fd, line, sizeof(line)) < 0)
			break;
		run_line(line);
	}
	return last_status;
}

int main(int argc, char **argv)
{
	int fd;

	if (argc > 2 && !strcmp(argv[1], "-c")) {
		run_line(argv[2]);
		return last_status;
	}
	if (argc > 1) {
		fd = open(argv[1], O_RDONLY);
		if (fd < 0) {
			dprintf(2, "sh: %s: %s\n", argv[1], strerror(errno));
			return 127;
		}
		return run_file(fd, 0);
	}
	signal(SIGINT, SIG_IGN);	/* ^C ends the foreground command, not the shell */
	run_file(0, 1);
	puts("exit");
	return last_status;
}
