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
 * Job control (drivers/tty/tty_jobctrl.c): a tty is the controlling tty
 * of at most one session (tty->session), whose foreground process group
 * (tty->pgrp) gets ^C, ^\ and ^Z; both are 0 while no session has it.
 * Termios ioctls: drivers/tty/tty_ioctl.c.
 */
#ifndef __LINUX_TTY_H
#define __LINUX_TTY_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/n_tty.h>
#include <linux/spinlock.h>
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
	spinlock_t ldisc_lock;		/* the ldisc (input, echo, output) and termios
					   (IRQ-safe) */
	spinlock_t ctrl_lock;		/* pgrp, session, winsize */
	int pgrp;			/* foreground process group, 0: none */
	int session;			/* whose controlling tty it is, 0: nobody's */
	unsigned long rx_chars;		/* received since boot */
	/* One writer at a time (Linux's atomic_write_lock, a sleeping lock). */
	atomic_t write_busy;
	wait_queue_head_t write_wait;	/* writers waiting for it */
	/* The open files (struct tty_file_private), for a hangup. */
	struct list_head tty_files;
	spinlock_t files_lock;		/* tty_files, hupped, hupping */
	bool hupped;			/* hung up, not opened since (TTY_HUPPED) */
	bool hupping;			/* a hangup under way (TTY_HUPPING) */
	bool exclusive;			/* TIOCEXCL: only root opens it again
					   (TTY_EXCLUSIVE), until the last close */
};

/* file->private_data of an open tty file (Linux's struct of the same name). */
struct tty_file_private {
	struct tty_struct *tty;
	struct file *file;
	struct list_head list;		/* in tty->tty_files */
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
/* Send sig to the foreground process group (the ^C path); 0 or -ESRCH. */
int tty_signal_foreground(struct tty_struct *tty, int sig);
/* The tty's device number: (204, 64 + index) (/proc/PID/stat's tty_nr). */
u32 tty_devnum(const struct tty_struct *tty);
/*
 * Hang the tty up (Linux's __tty_hangup): its open files, but those of
 * /dev/console, read EOF and fail writes (-EIO) from now on, its session
 * loses it (tty_signal_session_leader); exit_session: the session leader
 * exits, its foreground group gets SIGHUP. tty_vhangup_session is that.
 */
void tty_vhangup(struct tty_struct *tty);
void tty_vhangup_session(struct tty_struct *tty);
/* vhangup(): hang up current's controlling tty, if it has one. */
void tty_vhangup_self(void);

/* ---- drivers/tty/tty_jobctrl.c ------------------------------------------- */
struct file;
/* 0, or the background caller's group got SIGTTOU (-ERESTARTSYS) / -EIO. */
int tty_check_change(struct tty_struct *tty);
int __tty_check_change(struct tty_struct *tty, int sig);
/* open() without O_NOCTTY by a session leader with no tty: it becomes the controlling tty. */
void tty_open_proc_set_tty(struct file *filp, struct tty_struct *tty);
/* current's controlling tty, NULL if none. */
struct tty_struct *get_current_tty(void);
/* The session leader lets its tty go (on_exit: do_exit, a hangup; else TIOCNOTTY). */
void disassociate_ctty(int on_exit);
/* A hangup: the session's processes lose tty, its leader gets SIGHUP and SIGCONT. */
void tty_signal_session_leader(struct tty_struct *tty, int exit_session);
/* TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID; else -ENOIOCTLCMD. */
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg);

/* ---- drivers/tty/tty_ioctl.c --------------------------------------------- */
/* termios, window size, flushing (TCGETS, TCSETS*, TIOCGWINSZ...); else -ENOIOCTLCMD. */
long tty_mode_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg);
/* Sleep until output held by ^S has gone out: 0, or -ERESTARTSYS on a signal. */
int tty_wait_until_sent(struct tty_struct *tty);

/* The test.tty_echo=<n> boot argument: echo n console lines (drivers/tty/tty_test.c). */
void tty_echo_test_run(void);

/* Kernel-side access for tests (no user pointers): see tty_io.c. */
long tty_read_kernel(struct tty_struct *tty, char *buf, size_t n, bool nonblock);
void tty_write_kernel(struct tty_struct *tty, const char *buf, size_t n);

#endif
