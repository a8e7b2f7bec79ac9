/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/n_tty.h: the line discipline (drivers/tty/n_tty.c), as a
 * state machine with no kernel dependencies: bytes typed go in
 * (n_tty_receive_buf), echo and signals come out through callbacks, and
 * finished lines are read out (n_tty_read). The tty layer
 * (drivers/tty/tty_io.c) feeds it from the UART's interrupt and does the
 * locking and sleeping; tools/testing/unit/test_n_tty.c drives it on the host.
 *
 * The input ring, as in Linux's n_tty:
 *
 *   read_tail        canon_head          read_head
 *      |  lines ready    |  line being edited  |
 *
 * Indexes run freely and wrap at N_TTY_BUF_SIZE. A bit in eol marks the
 * last byte of each finished line: '\n', or a 0 byte put there by ^D (EOF),
 * which read() does not copy, so ^D on an empty line reads as 0 bytes.
 *
 * Output flow control (Linux's tty->flow): while stopped (^S under IXON,
 * or TCOOFF) output, echoes included, waits in hold_buf, as Linux's waits
 * in the UART's transmit buffer, and goes out when output starts again.
 */
#ifndef __LINUX_N_TTY_H
#define __LINUX_N_TTY_H

#include <linux/types.h>
#include <uapi/asm-generic/termbits.h>

#define N_TTY_BUF_SIZE 4096	/* a power of two */
#define N_TTY 0			/* its number (TIOCGETD; uapi/linux/tty.h) */
#define N_TTY_HOLD_SIZE 4096	/* output held while stopped (Linux: UART_XMIT_SIZE) */

#ifndef SIGINT
#define SIGINT 2
#endif
#ifndef SIGQUIT
#define SIGQUIT 3
#endif
#ifndef SIGTSTP
#define SIGTSTP 20
#endif

/* Raw output to the device (the UART), and a signal for the foreground. */
typedef void (*n_tty_put_t)(void *ctx, const char *buf, size_t n);
typedef void (*n_tty_signal_t)(void *ctx, int sig);

struct n_tty_data {
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned char eol[N_TTY_BUF_SIZE / 8];	/* bit i: read_buf[i] ends a line */
	size_t read_head, canon_head, read_tail;
	unsigned int column;		/* of the cursor, as output left it */
	unsigned int canon_column;	/* where the line being edited starts */
	bool lnext;			/* ^V typed: the next byte is taken literally */
	bool stopped;			/* output stopped (^S, TCOOFF) */
	bool tco_stopped;		/* by TCOOFF: only TCOON starts it */
	size_t held;			/* bytes in hold_buf */
	unsigned char hold_buf[N_TTY_HOLD_SIZE];
	const struct termios *termios;
	n_tty_put_t put;
	n_tty_signal_t signal;
	void *ctx;
};

/* The termios a console starts with: Linux's tty_std_termios (canonical, echo, ^C). */
void n_tty_std_termios(struct termios *t);

void n_tty_init(struct n_tty_data *ld, const struct termios *t, n_tty_put_t put,
		n_tty_signal_t signal, void *ctx);
/* Typed bytes: edit, echo, signal, complete lines. */
void n_tty_receive_buf(struct n_tty_data *ld, const unsigned char *buf, size_t n);
/* Something for read(): a finished line or EOF (canonical), any byte (raw). */
bool n_tty_input_available(const struct n_tty_data *ld);
/* Bytes a read() would get now (FIONREAD). */
size_t n_tty_chars_in_buffer(const struct n_tty_data *ld);
/*
 * Up to n bytes of the next line (canonical: never past its end). Returns
 * the bytes copied; 0 means EOF (^D on an empty line); -1 if nothing is ready.
 */
long n_tty_read(struct n_tty_data *ld, unsigned char *buf, size_t n);
/* The termios changed (TCSETS*); old is the one before. */
void n_tty_set_termios(struct n_tty_data *ld, const struct termios *old);
/* Drop all input, finished or not (^C, TCSETSF). */
void n_tty_flush(struct n_tty_data *ld);
/* Output processing (OPOST|ONLCR: "\n" -> "\r\n") of buf, through put. */
void n_tty_write(struct n_tty_data *ld, const char *buf, size_t n);
/* Bytes of output n_tty_write takes now without dropping any: unlimited unless stopped. */
size_t n_tty_write_room(const struct n_tty_data *ld);
/*
 * Linux's stop_tty/start_tty (tco: TCOOFF/TCOON's, which ^Q does not
 * undo): starting sends what was held.
 */
void n_tty_stop(struct n_tty_data *ld, bool tco);
void n_tty_start(struct n_tty_data *ld, bool tco);
/* Drop the output held while stopped (^C, TCOFLUSH; Linux's tty_driver_flush_buffer). */
void n_tty_flush_output(struct n_tty_data *ld);

#endif
