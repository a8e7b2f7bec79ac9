/* SPDX-License-Identifier: GPL-2.0 */
/* include/uapi/asm-generic/ioctls.h: the terminal ioctls, Linux's numbers. */
#ifndef __ASM_GENERIC_IOCTLS_H
#define __ASM_GENERIC_IOCTLS_H

#define TCGETS		0x5401	/* struct termios out: isatty() asks this */
#define TCSETS		0x5402	/* struct termios in, now */
#define TCSETSW		0x5403	/* ... after output drains */
#define TCSETSF		0x5404	/* ... and discard pending input */
#define TCSBRK		0x5409	/* arg 0: send a break; else wait for output (tcdrain) */
#define TCXONC		0x540A	/* suspend/restart output or input (tcflow) */
#define TCFLSH		0x540B	/* discard input and/or output (tcflush) */
#define TIOCEXCL	0x540C	/* exclusive: others' open() -EBUSY (but root's) */
#define TIOCNXCL	0x540D
#define TIOCSCTTY	0x540E	/* become the controlling tty (arg 1: steal, root) */
#define TIOCGPGRP	0x540F	/* the foreground process group */
#define TIOCSPGRP	0x5410
#define TIOCSTI		0x5412	/* a byte in, as if typed */
#define TIOCGWINSZ	0x5413	/* struct winsize out */
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B	/* bytes ready to read */
#define TIOCCONS	0x541D	/* /dev/console's writes go to this tty (root) */
#define TIOCNOTTY	0x5422	/* give up the controlling tty */
#define TIOCSETD	0x5423	/* the line discipline: N_TTY (0) only */
#define TIOCGETD	0x5424
#define TCSBRKP		0x5425	/* a break of arg tenths of a second (tcsendbreak) */
#define TIOCSBRK	0x5427	/* break on */
#define TIOCCBRK	0x5428	/* break off */
#define TIOCGSID	0x5429	/* the session of the controlling tty */
#define TIOCGDEV	0x80045432	/* the real device number (_IOR('T', 0x32, unsigned int)) */
#define TIOCVHANGUP	0x5437	/* hang the tty up (root) */
#define TIOCGEXCL	0x80045440	/* TIOCEXCL set? (_IOR('T', 0x40, int)) */

/* TCFLSH's argument */
#define TCIFLUSH	0
#define TCOFLUSH	1
#define TCIOFLUSH	2
/* TCXONC's argument */
#define TCOOFF		0
#define TCOON		1
#define TCIOFF		2
#define TCION		3

#endif
