/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arch/arm64/include/uapi/asm/sigcontext.h: what a signal handler finds in
 * its ucontext (uc_mcontext), Linux's arm64 layout, which user space (glibc's
 * ucontext_t, debuggers, unwinders) reads at fixed offsets:
 *
 *   fault_address, x0..x30, sp, pc, pstate, then __reserved[4096]: a list
 *   of records, each a struct _aarch64_ctx header (magic, size) and its
 *   data, 16-byte aligned, ended by a header of magic 0 and size 0.
 *
 * This kernel writes two records: fpsimd_context (v0..v31, fpsr, fpcr)
 * always, and esr_context (the syndrome) when the signal is a fault.
 * rt_sigreturn reads the fpsimd record back and ignores the others.
 */
#ifndef _UAPI__ASM_SIGCONTEXT_H
#define _UAPI__ASM_SIGCONTEXT_H

#include <linux/types.h>

struct sigcontext {
	u64 fault_address;
	u64 regs[31];
	u64 sp;
	u64 pc;
	u64 pstate;
	u8 __reserved[4096] __attribute__((__aligned__(16)));
};

/* The header of every record in __reserved. */
struct _aarch64_ctx {
	u32 magic;
	u32 size;		/* of the record, header included */
};

#define FPSIMD_MAGIC	0x46508001
struct fpsimd_context {
	struct _aarch64_ctx head;
	u32 fpsr;
	u32 fpcr;
	__uint128_t vregs[32];
};

#define ESR_MAGIC	0x45535201
struct esr_context {
	struct _aarch64_ctx head;
	u64 esr;
};

#endif
