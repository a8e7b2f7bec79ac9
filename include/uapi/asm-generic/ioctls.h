/* SPDX-License-Identifier: GPL-2.0 */
/* include/uapi/asm-generic/ioctls.h: the terminal ioctls, Linux's numbers. */
#ifndef __ASM_GENERIC_IOCTLS_H
#define __ASM_GENERIC_IOCTLS_H

#define TCGETS		0x5401	/* struct termios out: isatty() asks this */
#define TCSETS		0x5402	/* struct termios in, now */
#define TCSETSW		0x5403	/* ... after output drains */
#define TCSETSF		0x5404	/* ... and discard pending input */
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F	/* the foreground process group */
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413	/* struct winsize out */
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B	/* bytes ready to read */

#endif
