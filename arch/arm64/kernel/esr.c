// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/esr.c: names for what ESR_EL1 says, in Linux's words:
 * the exception class ("DABT (current EL)") and, for aborts, the fault
 * status code ("level 3 permission fault"). Used by the oops (traps.c,
 * mm/fault.c). Depends on nothing but asm/esr.h, so that
 * tools/testing/unit/esr_test.c can build this very file on the host.
 */
#include <asm/esr.h>

static const char *const esr_class_str[ESR_ELx_EC_MAX + 1] = {
	[ESR_ELx_EC_UNKNOWN]		= "Unknown/Uncategorized",
	[ESR_ELx_EC_WFx]		= "WFI/WFE",
	[ESR_ELx_EC_CP15_32]		= "CP15 MCR/MRC",
	[ESR_ELx_EC_CP15_64]		= "CP15 MCRR/MRRC",
	[ESR_ELx_EC_CP14_MR]		= "CP14 MCR/MRC",
	[ESR_ELx_EC_CP14_LS]		= "CP14 LDC/STC",
	[ESR_ELx_EC_FP_ASIMD]		= "ASIMD",
	[ESR_ELx_EC_CP10_ID]		= "CP10 MRC/VMRS",
	[ESR_ELx_EC_PAC]		= "PAC",
	[ESR_ELx_EC_CP14_64]		= "CP14 MCRR/MRRC",
	[ESR_ELx_EC_BTI]		= "BTI",
	[ESR_ELx_EC_ILL]		= "PSTATE.IL",
	[ESR_ELx_EC_SVC32]		= "SVC (AArch32)",
	[ESR_ELx_EC_HVC32]		= "HVC (AArch32)",
	[ESR_ELx_EC_SMC32]		= "SMC (AArch32)",
	[ESR_ELx_EC_SVC64]		= "SVC (AArch64)",
	[ESR_ELx_EC_HVC64]		= "HVC (AArch64)",
	[ESR_ELx_EC_SMC64]		= "SMC (AArch64)",
	[ESR_ELx_EC_SYS64]		= "MSR/MRS (AArch64)",
	[ESR_ELx_EC_SVE]		= "SVE",
	[ESR_ELx_EC_ERET]		= "ERET/ERETAA/ERETAB",
	[ESR_ELx_EC_FPAC]		= "FPAC",
	[ESR_ELx_EC_SME]		= "SME",
	[ESR_ELx_EC_IMP_DEF]		= "EL3 IMP DEF",
	[ESR_ELx_EC_IABT_LOW]		= "IABT (lower EL)",
	[ESR_ELx_EC_IABT_CUR]		= "IABT (current EL)",
	[ESR_ELx_EC_PC_ALIGN]		= "PC Alignment",
	[ESR_ELx_EC_DABT_LOW]		= "DABT (lower EL)",
	[ESR_ELx_EC_DABT_CUR]		= "DABT (current EL)",
	[ESR_ELx_EC_SP_ALIGN]		= "SP Alignment",
	[ESR_ELx_EC_FP_EXC32]		= "FP (AArch32)",
	[ESR_ELx_EC_FP_EXC64]		= "FP (AArch64)",
	[ESR_ELx_EC_SERROR]		= "SError",
	[ESR_ELx_EC_BREAKPT_LOW]	= "Breakpoint (lower EL)",
	[ESR_ELx_EC_BREAKPT_CUR]	= "Breakpoint (current EL)",
	[ESR_ELx_EC_SOFTSTP_LOW]	= "Software Step (lower EL)",
	[ESR_ELx_EC_SOFTSTP_CUR]	= "Software Step (current EL)",
	[ESR_ELx_EC_WATCHPT_LOW]	= "Watchpoint (lower EL)",
	[ESR_ELx_EC_WATCHPT_CUR]	= "Watchpoint (current EL)",
	[ESR_ELx_EC_BKPT32]		= "BKPT (AArch32)",
	[ESR_ELx_EC_VECTOR32]		= "Vector catch (AArch32)",
	[ESR_ELx_EC_BRK64]		= "BRK (AArch64)",
};

const char *esr_get_class_string(u64 esr)
{
	const char *s = esr_class_str[ESR_ELx_EC(esr)];

	return s ? s : "UNRECOGNIZED EC";	/* a class the table lacks */
}

/*
 * DFSC/IFSC (ESR bits 5:0) as the Arm ARM defines them for the VMSAv8-64
 * translation regime with the 4K granule; codes with no meaning there are
 * "unknown <n>", as Linux's fault_info[] names them.
 */
static const char *const fsc_str[64] = {
	[0x00]	= "ttbr address size fault",
	[0x01]	= "level 1 address size fault",
	[0x02]	= "level 2 address size fault",
	[0x03]	= "level 3 address size fault",
	[0x04]	= "level 0 translation fault",
	[0x05]	= "level 1 translation fault",
	[0x06]	= "level 2 translation fault",
	[0x07]	= "level 3 translation fault",
	[0x08]	= "unknown 8",
	[0x09]	= "level 1 access flag fault",
	[0x0a]	= "level 2 access flag fault",
	[0x0b]	= "level 3 access flag fault",
	[0x0c]	= "unknown 12",
	[0x0d]	= "level 1 permission fault",
	[0x0e]	= "level 2 permission fault",
	[0x0f]	= "level 3 permission fault",
	[0x10]	= "synchronous external abort",
	[0x11]	= "synchronous tag check fault",
	[0x12]	= "unknown 18",
	[0x13]	= "unknown 19",
	[0x14]	= "level 0 (translation table walk)",
	[0x15]	= "level 1 (translation table walk)",
	[0x16]	= "level 2 (translation table walk)",
	[0x17]	= "level 3 (translation table walk)",
	[0x18]	= "synchronous parity or ECC error",
	[0x19]	= "unknown 25",
	[0x1a]	= "unknown 26",
	[0x1b]	= "unknown 27",
	[0x1c]	= "level 0 synchronous parity error (translation table walk)",
	[0x1d]	= "level 1 synchronous parity error (translation table walk)",
	[0x1e]	= "level 2 synchronous parity error (translation table walk)",
	[0x1f]	= "level 3 synchronous parity error (translation table walk)",
	[0x20]	= "unknown 32",
	[0x21]	= "alignment fault",
	[0x22]	= "unknown 34",
	[0x23]	= "unknown 35",
	[0x24]	= "unknown 36",
	[0x25]	= "unknown 37",
	[0x26]	= "unknown 38",
	[0x27]	= "unknown 39",
	[0x28]	= "unknown 40",
	[0x29]	= "unknown 41",
	[0x2a]	= "unknown 42",
	[0x2b]	= "unknown 43",
	[0x2c]	= "unknown 44",
	[0x2d]	= "unknown 45",
	[0x2e]	= "unknown 46",
	[0x2f]	= "unknown 47",
	[0x30]	= "TLB conflict abort",
	[0x31]	= "Unsupported atomic hardware update fault",
	[0x32]	= "unknown 50",
	[0x33]	= "unknown 51",
	[0x34]	= "implementation fault (lockdown abort)",
	[0x35]	= "implementation fault (unsupported exclusive)",
	[0x36]	= "unknown 54",
	[0x37]	= "unknown 55",
	[0x38]	= "unknown 56",
	[0x39]	= "unknown 57",
	[0x3a]	= "unknown 58",
	[0x3b]	= "unknown 59",
	[0x3c]	= "section domain fault",
	[0x3d]	= "page domain fault",
	[0x3e]	= "unknown 62",
	[0x3f]	= "unknown 63",
};

const char *esr_fsc_string(u64 esr)
{
	return fsc_str[esr & ESR_ELx_FSC];
}
