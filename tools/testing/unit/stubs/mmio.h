/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tools/testing/unit/stubs/mmio.h: force-included (-include) into an
 * interrupt controller driver built for the host (test_bcm2836.c), in
 * place of what only arm64 can run:
 *
 *   readl/writel     asm/io.h's, here calls into the test (mmio_readl,
 *                    mmio_writel), which keeps the register file and a
 *                    log of every access in order
 *   read_sysreg      of mpidr_el1: the test's unit_mpidr, the core the
 *                    driver runs on
 *   dsb(opt)         a call into the test (mmio_barrier), logged too
 *
 * The real asm/sysreg.h and asm/barrier.h are included first and their
 * guards keep them from coming back; asm/io.h is not included at all.
 */
#ifndef UNIT_MMIO_H
#define UNIT_MMIO_H

#include <linux/types.h>

#define __ASM_IO_H
#define __iomem

u32 mmio_readl(const volatile void *addr);
void mmio_writel(u32 v, volatile void *addr);
void mmio_barrier(void);
void *ioremap(phys_addr_t phys, size_t size);
extern u64 unit_mpidr;

#define readl(addr) mmio_readl(addr)
#define writel(v, addr) mmio_writel((v), (addr))

#include <asm/barrier.h>
#include <asm/sysreg.h>

#undef dsb
#define dsb(opt) mmio_barrier()
#undef read_sysreg
#define read_sysreg(r) unit_read_##r()
#define unit_read_mpidr_el1() unit_mpidr

#endif
