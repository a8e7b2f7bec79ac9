/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/asm/time.h: time_init() (arch/arm64/kernel/time.c).
 */
#ifndef __ASM_TIME_H
#define __ASM_TIME_H

void time_init(void);

#endif
