// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/amba/bus.c: is there an ARM PrimeCell at this address? Linux's
 * AMBA bus reads a device's component id before it binds a driver; we do
 * the same before using a UART the device tree or the command line names,
 * so a wrong address gives a message instead of a hang (a register that
 * never reports "ready") or an external abort (nothing there at all).
 */
#include <linux/amba/bus.h>
#include <asm/io.h>

#define AMBA_PCELLID0 0xff0	/* component id: 4 registers, 8 bits each */

bool amba_device_present(const void *base)
{
	u32 cid = 0, v;

	for (int i = 0; i < 4; i++) {
		if (readl_nofault((const char *)base + AMBA_PCELLID0 + 4 * i, &v))
			return false;
		cid |= (v & 0xff) << (8 * i);
	}
	return cid == AMBA_CID;
}
