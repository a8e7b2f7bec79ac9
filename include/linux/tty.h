/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/tty.h: terminals (drivers/tty/tty_io.c). A UART driver
 * registers a tty_struct with its raw output routine and hands it received
 * bytes from its interrupt handler (tty_receive); the tty runs them
 * through the line discipline (include/linux/n_tty.h) and wakes readers.
 *
 * Device nodes, Linux's numbers: /dev/console (5,1) is the console's tty;
 * /dev/ttyAMA<n> (204,64+n) a PL011's.
 *
 * The foreground, who gets ^C: the process group set with TIOCSPGRP, else
 * the process group of the last process that opened or read the tty.
 */
#ifndef __LINUX_TTY_H
#define __LINUX_TTY_H

#include <linux/n_tty.h>
#include <linux/types.h>
#include <linux/wait.h>

#define TTYAUX_MAJOR	5	/* /dev/console is (5,1) */
#define AMBA_MAJOR	204	/* ttyAMA<n> is (204, 64 + n) */
#define AMBA_MINOR_BASE	64

struct tty_struct;

struct tty_operations {
	/* Send n bytes to the device as they are (output processing is done). */
	void (*write)(struct tty_struct *tty, const char *buf, size_t n);
};

struct tty_struct {
	char name[16];			/* "ttyAMA0" */
	int index;
	bool console;			/* /dev/console opens this one */
	const struct tty_operations *ops;
	void *driver_data;
	struct termios termios;
	struct winsize winsize;
	struct n_tty_data ldisc;
	wait_queue_head_t read_wait;	/* readers of an empty line buffer */
	int pgrp;			/* foreground process group, 0: not known yet */
	bool pgrp_set;			/* by TIOCSPGRP: readers no longer change it */
	unsigned long rx_chars;		/* received since boot */
};

/* Register the tty character devices (start_kernel). */
void tty_init(void);
/* Make tty known (and /dev/<name> and /dev/console exist); 0 or -errno. */
int tty_register(struct tty_struct *tty, const char *name, int index, bool console,
		 const struct tty_operations *ops, void *driver_data);
/* From the driver's interrupt handler: bytes that arrived. */
void tty_receive(struct tty_struct *tty, const unsigned char *buf, size_t n);
/* The console's tty, NULL if none registered. */
struct tty_struct *tty_console(void);
/* Send sig to the foreground process group (the ^C path); tasks signalled. */
int tty_signal_foreground(struct tty_struct *tty, int sig);

/* The test.tty_echo=<n> boot argument: echo n console lines (drivers/tty/tty_test.c). */
void tty_echo_test_run(void);

/* Kernel-side access for tests (no user pointers): see tty_io.c. */
long tty_read_kernel(struct tty_struct *tty, char *buf, size_t n, bool nonblock);
void tty_write_kernel(struct tty_struct *tty, const char *buf, size_t n);

#endif
