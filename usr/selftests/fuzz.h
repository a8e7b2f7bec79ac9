/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fuzz.h: what the syscall fuzzer's files share. fuzz.c makes random calls
 * in chunks; the calls that end or replace the process, block, or change
 * the machine cannot be made there, so they are made "apart": each round
 * drawn in the fuzzer's own process, made in a disposable child
 * (fuzz_apart.c), the machine's state undone afterwards (fuzz_machine.c).
 */
#ifndef _FUZZ_H
#define _FUZZ_H

#define SCRATCH		(64 * 1024UL)
#define PAGE		4096UL

/* A result no round predicts (system calls give 0 or -errno here). */
#define ANY		1L
/* A disposable child's exit status when... */
#define RETURNED	250	/* ...a call that should not return did */
#define WRONG		251	/* ...a call's result was not Linux's */

extern char *scratch;		/* [unmapped page][SCRATCH bytes][unmapped page] */
unsigned long long fuzz_next(void);
void fuzz_seed(unsigned seed, int chunk);
long long free_bytes(void);		/* sysinfo's freeram, in bytes */
long random_arg(void);
/* One of n, drawn. */
#define PICK(pool)	((pool)[fuzz_next() % (sizeof(pool) / sizeof((pool)[0]))])

/* One round of a call made apart: its arguments and what Linux answers. */
struct round {
	int nr;
	long a[6];
	long expect;		/* the call's result, or ANY */
	int user;		/* made as uid 1000, not as root */
	int real;		/* execve: a real program, good argv and envp;
				 * a clock: a good time set, to read back */
};

struct apart_call {
	const char *name;
	int nr;
	/* The arguments, from pools of good and bad values (fuzz_next()). */
	void (*draw)(struct round *r);
	/* In the disposable child: make the call; its exit status. */
	int (*body)(const struct round *r);
	/* In the fuzzer again, the child reaped (its wait status; < 0 if it
	 * hung, or could not be made, or left a task that would not end):
	 * undo what it changed; NULL, or what was wrong. */
	const char *(*after)(const struct round *r, int status);
	/* What a round with `real` set did, for the tally (or NULL). */
	const char *real;
};

extern const struct apart_call process_calls[], machine_calls[];
extern const int nr_process_calls, nr_machine_calls;

/* An address of a kind the kernel must refuse (NULL, unmapped, kernel...). */
long bad_pointer(void);
/* An after() for rounds whose body checks the result (exit status WRONG). */
const char *checked_by_body(const struct round *r, int status);

/* c's rounds, each in a disposable child; its KTAP result (1 ok, 0 not). */
int run_apart(const struct apart_call *c, unsigned seed, int rounds);

/* Really headstart, not Linux under qemu-aarch64: the machine calls' guard. */
int on_headstart(void);
void machine_prepare(void);
int machine_setup(void);
void machine_cleanup(void);

#endif /* _FUZZ_H */
