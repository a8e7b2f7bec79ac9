// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_n_tty.c: the line discipline
 * (drivers/tty/n_tty.c), built from the real source, fed bytes as a UART
 * would; the echo it writes and the signals it raises are recorded, and
 * read() is called as the tty layer does.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/n_tty.h>

static struct termios tio;
static struct n_tty_data ld;
static char out[8192];
static size_t out_len;
static int sigs[8], nsigs;
static size_t out_at_sig[8];	/* how much had been echoed when each signal went */
static bool input_at_sig[8];	/* and whether input was still there */

static void put(void *ctx, const char *buf, size_t n)
{
	assert_ptr_equal(ctx, &ld);
	assert_true(out_len + n < sizeof(out));
	memcpy(out + out_len, buf, n);
	out_len += n;
	out[out_len] = '\0';
}

static void sig(void *ctx, int s)
{
	out_at_sig[nsigs] = out_len;
	input_at_sig[nsigs] = ld.read_head != ld.read_tail;
	sigs[nsigs++] = s;
}

static void clear_out(void)
{
	out_len = 0;
	out[0] = '\0';
}

static int setup(void **state)
{
	n_tty_std_termios(&tio);
	n_tty_init(&ld, &tio, put, sig, &ld);
	out_len = 0;
	out[0] = '\0';
	nsigs = 0;
	return 0;
}

static void type(const char *s)
{
	n_tty_receive_buf(&ld, (const unsigned char *)s, strlen(s));
}

/* read() with a buffer of n bytes: the bytes as a string, or "<none>". */
static const char *rd(size_t n)
{
	static char buf[N_TTY_BUF_SIZE + 1];
	long got = n_tty_read(&ld, (unsigned char *)buf, n);

	if (got < 0)
		return "<none>";
	buf[got] = '\0';
	return buf;
}

static void test_line_is_echoed_and_read_whole(void **state)
{
	type("ls -l");
	assert_string_equal(out, "ls -l");
	assert_false(n_tty_input_available(&ld));
	assert_string_equal(rd(100), "<none>");	/* not finished: read would block */
	type("\r");				/* Enter: ICRNL makes it '\n' */
	assert_string_equal(out, "ls -l\r\n");	/* ONLCR on the echo */
	assert_int_equal(n_tty_chars_in_buffer(&ld), 6);
	assert_string_equal(rd(100), "ls -l\n");
	assert_string_equal(rd(100), "<none>");
}

static void test_read_stops_at_line_end(void **state)
{
	type("one\ntwo\n");
	assert_string_equal(rd(100), "one\n");
	assert_string_equal(rd(2), "tw");		/* a short buffer takes part of a line */
	assert_string_equal(rd(100), "o\n");
	/* the shell reads a byte at a time */
	type("ab\n");
	assert_string_equal(rd(1), "a");
	assert_string_equal(rd(1), "b");
	assert_string_equal(rd(1), "\n");
	assert_string_equal(rd(1), "<none>");
}

static void test_erase_and_kill(void **state)
{
	type("abc\x7f");
	assert_string_equal(out, "abc\b \b");
	type("\b\bX");				/* ^H erases too; one too many is ignored */
	type("\b\b");
	out_len = 0;
	type("\x7f");				/* nothing left: no echo */
	assert_int_equal(out_len, 0);
	type("foo bar\x17");			/* ^W: the word */
	assert_string_equal(out, "foo bar\b \b\b \b\b \b");
	type("\x15");				/* ^U: the rest */
	assert_string_equal(out, "foo bar\b \b\b \b\b \b\b \b\b \b\b \b\b \b");
	type("ok\n");
	assert_string_equal(rd(100), "ok\n");
}

static void test_control_chars_echo_as_caret(void **state)
{
	type("a\x01");
	assert_string_equal(out, "a^A");
	type("\x7f");				/* ^A took two columns */
	assert_string_equal(out, "a^A\b \b\b \b");
	type("\n");
	assert_string_equal(rd(100), "a\n");
}

static void test_tab_erase_goes_back_to_column(void **state)
{
	type("ab\t");				/* column 2 -> 8 */
	out_len = 0;
	type("\x7f");
	assert_string_equal(out, "\b \b\b \b\b \b\b \b\b \b\b \b");	/* 6 columns */
}

static void test_ctrl_d_is_eof_or_push(void **state)
{
	type("\x04");
	assert_true(n_tty_input_available(&ld));
	assert_string_equal(rd(100), "");		/* 0 bytes: EOF */
	assert_int_equal(n_tty_read(&ld, (unsigned char[4]){ 0 }, 4), -1);
	type("abc\x04");				/* mid-line: the line without a newline */
	assert_string_equal(out, "abc");		/* ^D is not echoed */
	assert_string_equal(rd(100), "abc");
	assert_string_equal(rd(100), "<none>");
	type("xyz\x04");				/* a buffer of exactly the line's size */
	assert_string_equal(rd(3), "xyz");
	assert_string_equal(rd(100), "<none>");	/* the ^D went with it: no false EOF */
	type("l\n\x04");				/* a line, then EOF on the next */
	assert_string_equal(rd(2), "l\n");
	assert_string_equal(rd(100), "");
}

static void test_ctrl_c_flushes_and_signals(void **state)
{
	type("done\nhalf");
	type("\x03");
	assert_int_equal(nsigs, 1);
	assert_int_equal(sigs[0], SIGINT);
	assert_string_equal(out, "done\r\nhalf^C");
	assert_false(n_tty_input_available(&ld));	/* all input dropped (no NOFLSH) */
	type("\x1c");
	assert_int_equal(sigs[1], SIGQUIT);
	tio.c_lflag &= ~ISIG;				/* without ISIG ^C is a character */
	type("\x03\n");
	assert_int_equal(nsigs, 2);
	assert_string_equal(rd(100), "\x03\n");
}

static void test_no_echo_and_raw_mode(void **state)
{
	tio.c_lflag &= ~ECHO;
	type("secret\n");
	assert_int_equal(out_len, 0);
	assert_string_equal(rd(100), "secret\n");
	tio.c_lflag &= ~ICANON;				/* raw: every byte at once */
	type("q\x7f");
	assert_string_equal(rd(100), "q\x7f");
}

static void test_full_buffer_keeps_room_for_newline(void **state)
{
	static char big[N_TTY_BUF_SIZE + 11];

	tio.c_lflag &= ~ECHO;			/* only the buffer matters here */
	memset(big, 'x', sizeof(big) - 1);
	type(big);
	type("\n");
	assert_int_equal(strlen(rd(N_TTY_BUF_SIZE)), N_TTY_BUF_SIZE);	/* 4095 x + \n */
	/* and the ring wraps cleanly afterwards */
	for (int i = 0; i < 3000; i++) {
		type("wrap\n");
		assert_string_equal(rd(100), "wrap\n");
	}
}

static void test_ctrl_z_and_disabled_chars(void **state)
{
	type("ab\x1a");				/* ^Z: SIGTSTP, the line dropped */
	assert_int_equal(nsigs, 1);
	assert_int_equal(sigs[0], SIGTSTP);
	assert_string_equal(out, "ab^Z");
	assert_string_equal(rd(100), "<none>");
	tio.c_cc[VINTR] = 0;				/* disabled (_POSIX_VDISABLE) */
	tio.c_cc[VERASE] = 0;
	type("x\x03");
	n_tty_receive_buf(&ld, (const unsigned char[]){ 0 }, 1);	/* 0 is not VERASE now */
	assert_int_equal(nsigs, 1);
	type("\n");
	assert_int_equal(n_tty_chars_in_buffer(&ld), 4);	/* "x", ^C, 0, "\n" */
}

static void test_echo_flags(void **state)
{
	tio.c_lflag &= ~ECHOE;				/* erase shown as the erase char */
	type("ab\x7f");
	assert_string_equal(out, "ab^?");
	out_len = 0;
	tio.c_lflag &= ~ECHOKE;				/* kill: ^U and, with ECHOK, newline */
	type("\x15");
	assert_string_equal(out, "^U\r\n");
	type("z\n");
	assert_string_equal(rd(100), "z\n");		/* the killed line is gone */
	out_len = 0;
	tio.c_lflag &= ~ECHO;
	tio.c_lflag |= ECHONL;				/* newline echoed even without ECHO */
	type("q\n");
	assert_string_equal(out, "\r\n");
}

static void test_icanon_switch(void **state)
{
	struct termios old = tio;

	tio.c_lflag &= ~ECHO;
	type("partial");
	assert_false(n_tty_input_available(&ld));
	old = tio;
	tio.c_lflag &= ~ICANON;				/* raw: the partial line is readable */
	n_tty_set_termios(&ld, &old);
	assert_string_equal(rd(3), "par");
	old = tio;
	tio.c_lflag |= ICANON;				/* back: what is left is one line */
	n_tty_set_termios(&ld, &old);
	assert_string_equal(rd(100), "tial");
	assert_string_equal(rd(100), "<none>");
	type("next\n");
	assert_string_equal(rd(100), "next\n");
}

static void test_write_converts_newlines(void **state)
{
	n_tty_write(&ld, "a\nb\n", 4);
	assert_string_equal(out, "a\r\nb\r\n");
	tio.c_oflag &= ~OPOST;
	n_tty_write(&ld, "c\n", 2);
	assert_string_equal(out, "a\r\nb\r\nc\n");
}

/* Linux's order (n_tty_receive_signal_char): signal, flush, echo. */
static void test_ctrl_c_signals_before_flush_and_echo(void **state)
{
	type("half");
	type("\x03");
	assert_int_equal(nsigs, 1);
	assert_int_equal(out_at_sig[0], strlen("half"));	/* no ^C echoed yet */
	assert_true(input_at_sig[0]);			/* nor the line dropped */
	assert_string_equal(out, "half^C");
	tio.c_lflag |= NOFLSH;				/* NOFLSH: the line stays */
	type("way\x03\n");
	assert_int_equal(nsigs, 2);
	assert_string_equal(out, "half^Cway^C\r\n");
	assert_string_equal(rd(100), "way\n");
}

static void test_lnext_takes_next_byte_literally(void **state)
{
	type("a\x16");
	assert_string_equal(out, "a^\b");		/* ^ and back over it */
	type("\x03" "b\n");				/* ^V^C: a 0x03, no SIGINT */
	assert_int_equal(nsigs, 0);
	assert_string_equal(out, "a^\b^Cb\r\n");
	assert_string_equal(rd(100), "a\x03" "b\n");
	type("\x16\r\x16\x04\x16\x16\x16\x7f\x16\x15\n");	/* CR, ^D, ^V, DEL, ^U kept */
	assert_string_equal(rd(100), "\r\x04\x16\x7f\x15\n");
	type("x\x16\x03\x7f\x7f\n");			/* and erased as 2 columns */
	assert_string_equal(rd(100), "\n");
	clear_out();
	tio.c_lflag &= ~ECHOCTL;			/* no placeholder without ECHOCTL */
	type("\x16q\n");
	assert_string_equal(out, "q\r\n");
	tio.c_lflag &= ~IEXTEN;				/* without IEXTEN ^V is a byte */
	type("\x16\n");
	assert_string_equal(rd(100), "q\n");
	assert_string_equal(rd(100), "\x16\n");
	tio.c_lflag |= IEXTEN;
	tio.c_lflag &= ~ICANON;				/* nor in raw mode */
	type("\x16");
	assert_string_equal(rd(100), "\x16");
}

static void test_reprint(void **state)
{
	type("done\nab\x01" "c");
	clear_out();
	type("\x12");
	assert_string_equal(out, "^R\r\nab^Ac");	/* the line being edited only */
	type("\x7f\x7f\x7f" "d\n");			/* erase still knows the columns */
	assert_string_equal(out, "^R\r\nab^Ac\b \b\b \b\b \b\b \bd\r\n");
	assert_string_equal(rd(100), "done\n");
	assert_string_equal(rd(100), "ad\n");
	tio.c_lflag &= ~ECHO;				/* without ECHO ^R is a byte */
	type("\x12\n");
	assert_string_equal(rd(100), "\x12\n");
}

static void test_ixon_stops_and_starts_output(void **state)
{
	type("\x13");					/* ^S: consumed, nothing echoed */
	n_tty_write(&ld, "w\n", 2);
	type("k");					/* echo held too */
	assert_int_equal(out_len, 0);
	assert_int_equal(n_tty_write_room(&ld), N_TTY_HOLD_SIZE - 4);
	type("j");					/* no IXANY: still stopped */
	assert_int_equal(out_len, 0);
	type("\x11");					/* ^Q: all of it, in order */
	assert_string_equal(out, "w\r\nkj");
	type("\x11\n");					/* ^Q when running: consumed */
	assert_string_equal(rd(100), "kj\n");
	tio.c_iflag |= IXANY;				/* any byte starts it, and is input */
	clear_out();
	type("\x13" "z");
	assert_string_equal(out, "z");
	type("\n");
	assert_string_equal(rd(100), "z\n");
	tio.c_iflag &= ~IXON;				/* without IXON ^S and ^Q are bytes */
	type("\x13\x11\n");
	assert_string_equal(rd(100), "\x13\x11\n");
}

static void test_ctrl_c_while_stopped(void **state)
{
	type("\x13");
	n_tty_write(&ld, "lost\n", 5);
	type("\x03");					/* held output dropped, started, ^C */
	assert_int_equal(nsigs, 1);
	assert_string_equal(out, "^C");
	tio.c_lflag |= NOFLSH;				/* NOFLSH: kept, then ^C after it */
	type("\x13");
	n_tty_write(&ld, "kept\n", 5);
	type("\x1c");
	assert_string_equal(out, "^Ckept\r\n^\\");
}

static void test_flow_control_edges(void **state)
{
	static char big[N_TTY_HOLD_SIZE + 100];
	struct termios old;

	n_tty_stop(&ld, true);				/* TCOOFF: ^Q does not start it */
	n_tty_write(&ld, "t", 1);
	type("\x11");
	assert_int_equal(out_len, 0);
	n_tty_start(&ld, true);				/* TCOON does */
	assert_string_equal(out, "t");
	type("\x13");
	memset(big, 'b', sizeof(big));
	n_tty_write(&ld, big, sizeof(big));		/* past the hold buffer: lost */
	assert_int_equal(n_tty_write_room(&ld), 0);
	old = tio;
	tio.c_iflag &= ~IXON;				/* IXON off: started */
	n_tty_set_termios(&ld, &old);
	assert_int_equal(out_len, 1 + N_TTY_HOLD_SIZE);
	n_tty_flush_output(&ld);
	assert_true(n_tty_write_room(&ld) > N_TTY_HOLD_SIZE);	/* unlimited when running */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_line_is_echoed_and_read_whole, setup),
		cmocka_unit_test_setup(test_read_stops_at_line_end, setup),
		cmocka_unit_test_setup(test_erase_and_kill, setup),
		cmocka_unit_test_setup(test_control_chars_echo_as_caret, setup),
		cmocka_unit_test_setup(test_tab_erase_goes_back_to_column, setup),
		cmocka_unit_test_setup(test_ctrl_d_is_eof_or_push, setup),
		cmocka_unit_test_setup(test_ctrl_c_flushes_and_signals, setup),
		cmocka_unit_test_setup(test_no_echo_and_raw_mode, setup),
		cmocka_unit_test_setup(test_full_buffer_keeps_room_for_newline, setup),
		cmocka_unit_test_setup(test_ctrl_z_and_disabled_chars, setup),
		cmocka_unit_test_setup(test_echo_flags, setup),
		cmocka_unit_test_setup(test_icanon_switch, setup),
		cmocka_unit_test_setup(test_write_converts_newlines, setup),
		cmocka_unit_test_setup(test_ctrl_c_signals_before_flush_and_echo, setup),
		cmocka_unit_test_setup(test_lnext_takes_next_byte_literally, setup),
		cmocka_unit_test_setup(test_reprint, setup),
		cmocka_unit_test_setup(test_ixon_stops_and_starts_output, setup),
		cmocka_unit_test_setup(test_ctrl_c_while_stopped, setup),
		cmocka_unit_test_setup(test_flow_control_edges, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
