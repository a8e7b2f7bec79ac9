// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/tty/n_tty.c: the line discipline of the console, canonical mode
 * as Linux's n_tty does it (see include/linux/n_tty.h for the ring):
 *
 *   typed          effect                          echo
 *   printable      appended to the line            itself
 *   other control  appended                        ^X (ECHOCTL)
 *   DEL, ^H        last character erased           "\b \b" (twice for ^X)
 *   ^W             last word erased                "\b \b" per column
 *   ^U             whole line erased               "\b \b" per column
 *   Enter (\r,\n)  line finished, readable         "\r\n"
 *   ^D             line finished without newline;  nothing
 *                  on an empty line: EOF
 *   ^C, ^\, ^Z     SIGINT/SIGQUIT/SIGTSTP to the   ^C, ^\, ^Z
 *                  foreground (ISIG), then input
 *                  and held output dropped (not
 *                  with NOFLSH), output started
 *                  (IXON), then the echo
 *   ^S, ^Q         output stopped, started (IXON;  nothing
 *                  with IXANY any key starts it)
 *   ^V             the next byte taken literally   ^, \b (ECHOCTL), then
 *                  (IEXTEN): ^V^C is a 0x03         that byte as usual
 *   ^R             the line reprinted (IEXTEN,     ^R, newline, the line
 *                  ECHO)
 *
 * The characters are termios's (VINTR, VQUIT, VSUSP, VERASE, VKILL,
 * VWERASE, VEOF, VEOL; 0 disables one); ECHOE off shows an erase as the
 * erase character, ECHOKE off a kill as the kill character (and a newline
 * with ECHOK), ECHONL echoes newlines without ECHO. Without ICANON every
 * byte is readable at once (raw mode; ^S, ^Q and the signal characters
 * still act, ^V and ^R do not); VMIN and VTIME are the tty layer's
 * business (drivers/tty/tty_io.c). The order of the checks is Linux's
 * n_tty_receive_char_special: VSTART/VSTOP, signals, IXANY, then CR/NL
 * mapping and editing.
 * Pure logic: no locking, no sleeping, no hardware; the tty layer
 * (drivers/tty/tty_io.c) provides those.
 */
#include <linux/n_tty.h>
#include <linux/string.h>

#define MASK(i) ((i) & (N_TTY_BUF_SIZE - 1))
#define L(ld, f) ((ld)->termios->c_lflag & (f))
#define I(ld, f) ((ld)->termios->c_iflag & (f))

static const unsigned char std_cc[NCCS] = {
	[VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025, [VEOF] = 004,
	[VMIN] = 1, [VSTART] = 021, [VSTOP] = 023, [VSUSP] = 032, [VREPRINT] = 022,
	[VDISCARD] = 017, [VWERASE] = 027, [VLNEXT] = 026,
};

void n_tty_std_termios(struct termios *t)
{
	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B38400 | CS8 | CREAD | HUPCL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	memcpy(t->c_cc, std_cc, NCCS);
}

void n_tty_init(struct n_tty_data *ld, const struct termios *t, n_tty_put_t put,
		n_tty_signal_t signal, void *ctx)
{
	memset(ld, 0, sizeof(*ld));
	ld->termios = t;
	ld->put = put;
	ld->signal = signal;
	ld->ctx = ctx;
}

static bool test_eol(const struct n_tty_data *ld, size_t i)
{
	return ld->eol[MASK(i) / 8] & (1 << (MASK(i) % 8));
}

static void set_eol(struct n_tty_data *ld, size_t i, bool on)
{
	if (on)
		ld->eol[MASK(i) / 8] |= 1 << (MASK(i) % 8);
	else
		ld->eol[MASK(i) / 8] &= ~(1 << (MASK(i) % 8));
}

/* ---- output --------------------------------------------------------------- */

static void put_str(struct n_tty_data *ld, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c == '\r' || c == '\n')
			ld->column = 0;
		else if (c == '\b')
			ld->column -= ld->column > 0;
		else if (c == '\t')
			ld->column = (ld->column | 7) + 1;
		else if (c >= ' ' && c != 0177)
			ld->column++;
	}
	if (!ld->stopped) {
		ld->put(ld->ctx, s, n);
		return;
	}
	if (n > N_TTY_HOLD_SIZE - ld->held)
		n = N_TTY_HOLD_SIZE - ld->held;	/* full: the rest is lost, as an overrun */
	memcpy(ld->hold_buf + ld->held, s, n);
	ld->held += n;
}

size_t n_tty_write_room(const struct n_tty_data *ld)
{
	return ld->stopped ? N_TTY_HOLD_SIZE - ld->held : (size_t)-1;
}

void n_tty_stop(struct n_tty_data *ld, bool tco)
{
	if (tco) {
		if (ld->tco_stopped)
			return;
		ld->tco_stopped = true;
	}
	ld->stopped = true;
}

void n_tty_start(struct n_tty_data *ld, bool tco)
{
	if (tco) {
		if (!ld->tco_stopped)
			return;
		ld->tco_stopped = false;
	}
	if (!ld->stopped || ld->tco_stopped)
		return;
	ld->stopped = false;
	if (ld->held)
		ld->put(ld->ctx, (const char *)ld->hold_buf, ld->held);
	ld->held = 0;
}

void n_tty_flush_output(struct n_tty_data *ld)
{
	ld->held = 0;
}

void n_tty_write(struct n_tty_data *ld, const char *buf, size_t n)
{
	size_t start = 0;
	bool onlcr = (ld->termios->c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR);

	for (size_t i = 0; onlcr && i < n; i++) {
		if (buf[i] != '\n')
			continue;
		put_str(ld, buf + start, i - start);
		put_str(ld, "\r\n", 2);
		start = i + 1;
	}
	put_str(ld, buf + start, n - start);
}

static bool is_ctl(unsigned char c)
{
	return (c < ' ' && c != '\t' && c != '\n') || c == 0177;
}

/* Echo c as typed: ^X for a control character under ECHOCTL. */
static void echo_char(struct n_tty_data *ld, unsigned char c)
{
	if (!L(ld, ECHO))
		return;
	if (is_ctl(c) && L(ld, ECHOCTL)) {
		char s[2] = { '^', c ^ 0100 };

		n_tty_write(ld, s, 2);
	} else {
		n_tty_write(ld, (char *)&c, 1);
	}
}

/* ---- editing -------------------------------------------------------------- */

/* Columns the line being edited occupies up to (not including) index end. */
static unsigned int line_width(struct n_tty_data *ld, size_t end)
{
	unsigned int col = ld->canon_column;

	for (size_t i = ld->canon_head; i != end; i++) {
		unsigned char c = ld->read_buf[MASK(i)];

		if (c == '\t')
			col = (col | 7) + 1;
		else if (is_ctl(c))
			col += L(ld, ECHOCTL) ? 2 : 0;
		else
			col++;
	}
	return col;
}

/* Take the last character off the line being edited, and off the screen. */
static bool erase_one(struct n_tty_data *ld)
{
	unsigned int before, after;

	if (ld->read_head == ld->canon_head)
		return false;
	before = line_width(ld, ld->read_head);
	ld->read_head--;
	after = line_width(ld, ld->read_head);
	if (L(ld, ECHO) && L(ld, ECHOE))
		for (unsigned int i = after; i < before; i++)
			put_str(ld, "\b \b", 3);
	return true;
}

static bool last_is_space(struct n_tty_data *ld)
{
	unsigned char c = ld->read_buf[MASK(ld->read_head - 1)];

	return c == ' ' || c == '\t';
}

static void erase_word(struct n_tty_data *ld)
{
	while (ld->read_head != ld->canon_head && last_is_space(ld))
		erase_one(ld);
	while (ld->read_head != ld->canon_head && !last_is_space(ld))
		erase_one(ld);
}

static size_t buffered(const struct n_tty_data *ld)
{
	return ld->read_head - ld->read_tail;
}

static void put_char(struct n_tty_data *ld, unsigned char c, bool eol)
{
	if (ld->read_head == ld->canon_head)
		ld->canon_column = ld->column;	/* the line starts where the cursor is */
	ld->read_buf[MASK(ld->read_head)] = c;
	set_eol(ld, ld->read_head, eol);
	ld->read_head++;
	if (eol || !L(ld, ICANON))
		ld->canon_head = ld->read_head;
}

void n_tty_flush(struct n_tty_data *ld)
{
	ld->read_head = ld->canon_head = ld->read_tail = 0;
	memset(ld->eol, 0, sizeof(ld->eol));
}

/* c is the control character cc[i]; a disabled one (0, _POSIX_VDISABLE) never matches. */
static bool is_cc(const struct n_tty_data *ld, unsigned char c, int i)
{
	return c && c == ld->termios->c_cc[i];
}

/*
 * ^C, ^\, ^Z under ISIG, in Linux's order (n_tty_receive_signal_char,
 * isig): the signal first, then input and held output dropped (unless
 * NOFLSH), output started again (IXON), and the echo last, so it is
 * never dropped itself.
 */
static bool receive_signal_char(struct n_tty_data *ld, unsigned char c)
{
	int sig;

	if (is_cc(ld, c, VINTR))
		sig = SIGINT;
	else if (is_cc(ld, c, VQUIT))
		sig = SIGQUIT;
	else if (is_cc(ld, c, VSUSP))
		sig = SIGTSTP;
	else
		return false;
	if (ld->signal)
		ld->signal(ld->ctx, sig);
	if (!L(ld, NOFLSH)) {
		n_tty_flush_output(ld);
		n_tty_flush(ld);
	}
	if (I(ld, IXON))
		n_tty_start(ld, false);
	echo_char(ld, c);
	return true;
}

/* VSTART and VSTOP under IXON: output started or stopped, the byte consumed. */
static bool receive_flow_char(struct n_tty_data *ld, unsigned char c)
{
	if (!I(ld, IXON))
		return false;
	if (is_cc(ld, c, VSTART)) {
		n_tty_start(ld, false);
		return true;
	}
	if (is_cc(ld, c, VSTOP)) {
		n_tty_stop(ld, false);
		return true;
	}
	return false;
}

/* Any other byte starts output stopped by ^S under IXANY. */
static void restart_on_any(struct n_tty_data *ld)
{
	if (ld->stopped && !ld->tco_stopped && I(ld, IXON) && I(ld, IXANY))
		n_tty_start(ld, false);
}

/* The kill character: the line goes; without ECHOKE it is echoed, and a newline with ECHOK. */
static void kill_line(struct n_tty_data *ld, unsigned char c)
{
	if (L(ld, ECHO) && L(ld, ECHOKE) && L(ld, ECHOE)) {
		while (erase_one(ld))
			;
		return;
	}
	ld->read_head = ld->canon_head;
	echo_char(ld, c);
	if (L(ld, ECHO) && L(ld, ECHOK))
		n_tty_write(ld, "\n", 1);
}

/* ^V: '^' then backspace hold the place of the byte to come (ECHOCTL). */
static void receive_lnext(struct n_tty_data *ld)
{
	ld->lnext = true;
	if (L(ld, ECHO) && L(ld, ECHOCTL))
		put_str(ld, "^\b", 2);
}

/* ^R: the line being edited, again on a line of its own. */
static void reprint(struct n_tty_data *ld, unsigned char c)
{
	echo_char(ld, c);
	n_tty_write(ld, "\n", 1);
	ld->canon_column = ld->column;
	for (size_t i = ld->canon_head; i != ld->read_head; i++)
		echo_char(ld, ld->read_buf[MASK(i)]);
}

/* The byte after ^V: into the line as it is, whatever it is (Linux's n_tty_receive_char). */
static void receive_literal(struct n_tty_data *ld, unsigned char c)
{
	ld->lnext = false;
	restart_on_any(ld);
	if (buffered(ld) >= N_TTY_BUF_SIZE - 1)
		return;		/* full: keep room for the newline that ends the line */
	put_char(ld, c, false);	/* "^\b" left the column where it was */
	echo_char(ld, c);
}

static void receive_char(struct n_tty_data *ld, unsigned char c)
{
	if (ld->lnext) {
		receive_literal(ld, c);
		return;
	}
	if (receive_flow_char(ld, c))
		return;
	if (L(ld, ISIG) && receive_signal_char(ld, c))
		return;
	restart_on_any(ld);

	if (c == '\r' && I(ld, IGNCR))
		return;
	if (c == '\r' && I(ld, ICRNL))
		c = '\n';
	else if (c == '\n' && I(ld, INLCR))
		c = '\r';

	if (!L(ld, ICANON)) {
		if (buffered(ld) < N_TTY_BUF_SIZE) {
			put_char(ld, c, false);
			echo_char(ld, c);
		}
		return;
	}

	if (is_cc(ld, c, VERASE) || c == '\b') {
		if (L(ld, ECHO) && !L(ld, ECHOE) && ld->read_head != ld->canon_head)
			echo_char(ld, c);	/* without ECHOE the erase shows as itself */
		erase_one(ld);
		return;
	}
	if (is_cc(ld, c, VKILL)) {
		kill_line(ld, c);
		return;
	}
	if (is_cc(ld, c, VWERASE) && L(ld, IEXTEN)) {
		erase_word(ld);
		return;
	}
	if (is_cc(ld, c, VLNEXT) && L(ld, IEXTEN)) {
		receive_lnext(ld);
		return;
	}
	if (is_cc(ld, c, VREPRINT) && L(ld, IEXTEN) && L(ld, ECHO)) {
		reprint(ld, c);
		return;
	}
	if (is_cc(ld, c, VEOF) || c == '\n' || is_cc(ld, c, VEOL)) {
		if (buffered(ld) >= N_TTY_BUF_SIZE)
			return;
		if (is_cc(ld, c, VEOF)) {
			put_char(ld, 0, true);		/* the EOF mark, never copied out */
			return;
		}
		put_char(ld, c, true);
		if (L(ld, ECHO) || (c == '\n' && L(ld, ECHONL)))
			n_tty_write(ld, (char *)&c, 1);
		return;
	}
	if (buffered(ld) >= N_TTY_BUF_SIZE - 1)
		return;		/* full: keep room for the newline that ends the line */
	put_char(ld, c, false);
	echo_char(ld, c);
}

/*
 * The modes changed (old: before). IXON off starts output ^S stopped.
 * Switching ICANON: raw mode may read
 * everything typed so far, a line being edited included; back to canonical,
 * what is unread becomes one line (Linux's n_tty_set_termios).
 */
void n_tty_set_termios(struct n_tty_data *ld, const struct termios *old)
{
	if ((old->c_iflag & IXON) && !I(ld, IXON))
		n_tty_start(ld, false);		/* no ^Q can come any more */
	if (!((old->c_lflag ^ ld->termios->c_lflag) & ICANON))
		return;
	memset(ld->eol, 0, sizeof(ld->eol));
	if (L(ld, ICANON) && buffered(ld))
		set_eol(ld, ld->read_head - 1, true);
	ld->canon_head = ld->read_head;
}

void n_tty_receive_buf(struct n_tty_data *ld, const unsigned char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		receive_char(ld, buf[i]);
}

/* ---- reading -------------------------------------------------------------- */

bool n_tty_input_available(const struct n_tty_data *ld)
{
	return ld->read_tail != ld->canon_head;
}

size_t n_tty_chars_in_buffer(const struct n_tty_data *ld)
{
	size_t n = 0;

	for (size_t i = ld->read_tail; i != ld->canon_head; i++)
		n += !(test_eol(ld, i) && !ld->read_buf[MASK(i)] && L(ld, ICANON));
	return n;
}

/* The byte at index i is the EOF mark ^D left. */
static bool is_eof_mark(const struct n_tty_data *ld, size_t i)
{
	return L(ld, ICANON) && test_eol(ld, i) && ld->read_buf[MASK(i)] == 0;
}

long n_tty_read(struct n_tty_data *ld, unsigned char *buf, size_t n)
{
	size_t copied = 0;
	bool ended = false;	/* the copy reached the end of a line */

	if (!n_tty_input_available(ld))
		return -1;
	while (ld->read_tail != ld->canon_head && copied < n) {
		size_t i = ld->read_tail;
		bool eol = test_eol(ld, i) && L(ld, ICANON);

		if (is_eof_mark(ld, i)) {
			set_eol(ld, i, false);
			ld->read_tail++;
			ended = true;
			break;
		}
		buf[copied++] = ld->read_buf[MASK(i)];
		set_eol(ld, i, false);
		ld->read_tail++;
		if (eol) {
			ended = true;
			break;
		}
	}
	/* A line of exactly n bytes ended by ^D: the mark goes with it. */
	if (!ended && copied && ld->read_tail != ld->canon_head &&
	    is_eof_mark(ld, ld->read_tail)) {
		set_eol(ld, ld->read_tail, false);
		ld->read_tail++;
	}
	return copied;
}
