/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/linux/amba/bus.h: ARM PrimeCell (AMBA) peripherals, such as the
 * PL011 UART. Each carries an identification block in the last 32 bytes of
 * its 4 KiB register page; reading it tells whether a device tree's `reg`
 * really points at one.
 */
#ifndef __LINUX_AMBA_BUS_H
#define __LINUX_AMBA_BUS_H

#include <linux/types.h>

#define AMBA_CID 0xb105f00d	/* PrimeCell id: 0x0d, 0xf0, 0x05, 0xb1 */

/*
 * Does the 4 KiB register page at base (mapped) hold a PrimeCell? Reads
 * its id registers; a read that faults (nothing at that address) is caught
 * and counts as no.
 */
bool amba_device_present(const void *base);

#endif
