/* SPDX-License-Identifier: GPL-2.0 */
/* sys/ioctl.h: ioctl() (lib/syscalls.c) and the terminal requests, Linux's numbers. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <uapi/asm-generic/ioctls.h>

int ioctl(int fd, unsigned long request, ...);

#endif
