// SPDX-License-Identifier: GPL-2.0
/*
 * tools/testing/unit/test_esr.c: host unit tests of the ESR_EL1 decoder,
 * arch/arm64/kernel/esr.c, built for the host as it is.
 *
 * A table of real syndromes (as QEMU and hardware report them, checked
 * against the Arm ARM's encoding) with the class and fault-status names an
 * oops must print for each, in Linux's words; then every class and every
 * fault status code once, so no value can index past a table or come back
 * without a name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <asm/esr.h>

static const struct {
	unsigned long long esr;
	const char *class_name;
	unsigned int ec;
	int il;			/* 32-bit instruction */
	int is_dabt, is_iabt;
	const char *fsc_name;	/* aborts only */
} cases[] = {
	/* str to NULL: DABT, WnR, level 0 translation fault. */
	{ 0x96000044, "DABT (current EL)", 0x25, 1, 1, 0, "level 0 translation fault" },
	/* ldr from an unmapped kernel address: level 2 translation fault. */
	{ 0x96000006, "DABT (current EL)", 0x25, 1, 1, 0, "level 2 translation fault" },
	/* str to a read-only page. */
	{ 0x9600004f, "DABT (current EL)", 0x25, 1, 1, 0, "level 3 permission fault" },
	/* Alignment fault on a device mapping. */
	{ 0x96000061, "DABT (current EL)", 0x25, 1, 1, 0, "alignment fault" },
	/* Synchronous external abort, user data access. */
	{ 0x92000010, "DABT (lower EL)", 0x24, 1, 1, 0, "synchronous external abort" },
	/* Branch to NULL: IABT, level 0 translation fault. */
	{ 0x86000004, "IABT (current EL)", 0x21, 1, 0, 1, "level 0 translation fault" },
	/* Executing a PXN page. */
	{ 0x8600000f, "IABT (current EL)", 0x21, 1, 0, 1, "level 3 permission fault" },
	{ 0x82000007, "IABT (lower EL)", 0x20, 1, 0, 1, "level 3 translation fault" },
	/* brk #0x800, the kernel's BUG/WARN. */
	{ 0xf2000800, "BRK (AArch64)", 0x3c, 1, 0, 0, NULL },
	/* svc #0 from user space. */
	{ 0x56000000, "SVC (AArch64)", 0x15, 1, 0, 0, NULL },
	/* UDF #0. */
	{ 0x02000000, "Unknown/Uncategorized", 0x00, 1, 0, 0, NULL },
	/* A 16-bit T32 instruction's unknown exception: IL clear. */
	{ 0x00000000, "Unknown/Uncategorized", 0x00, 0, 0, 0, NULL },
	{ 0x5e000000, "SMC (AArch64)", 0x17, 1, 0, 0, NULL },
	{ 0x62000000, "MSR/MRS (AArch64)", 0x18, 1, 0, 0, NULL },
	{ 0xbe000000, "SError", 0x2f, 1, 0, 0, NULL },
	{ 0x1fe00000, "ASIMD", 0x07, 1, 0, 0, NULL },
	{ 0x8a000000, "PC Alignment", 0x22, 1, 0, 0, NULL },
	{ 0x9a000000, "SP Alignment", 0x26, 1, 0, 0, NULL },
	/* Bits above 31 (ISS2) do not change the class. */
	{ 0x0000002096000044ULL, "DABT (current EL)", 0x25, 1, 1, 0, "level 0 translation fault" },
	/* Classes the architecture leaves unallocated. */
	{ 0x08000000, "UNRECOGNIZED EC", 0x02, 0, 0, 0, NULL },
	{ 0xfe000000, "UNRECOGNIZED EC", 0x3f, 1, 0, 0, NULL },
};

static void test_known_syndromes(void **state)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned long long esr = cases[i].esr;
		const char *want = cases[i].class_name;

		assert_int_equal(ESR_ELx_EC(esr), cases[i].ec);
		assert_string_equal(esr_get_class_string(esr), want);
		assert_int_equal(!!(esr & ESR_ELx_IL), cases[i].il);
		assert_int_equal(esr_is_data_abort(esr), cases[i].is_dabt);
		assert_int_equal(esr_is_instruction_abort(esr), cases[i].is_iabt);
		if (cases[i].fsc_name)
			assert_string_equal(esr_fsc_string(esr), cases[i].fsc_name);
	}
}

/* The fields of 0x96000044 as the oops prints them. */
static void test_data_abort_fields(void **state)
{
	unsigned long long esr = 0x96000044;

	assert_int_equal(esr & ESR_ELx_ISS_MASK, 0x44);
	assert_int_equal(!!(esr & ESR_ELx_WNR), 1);
	assert_int_equal(!!(esr & ESR_ELx_ISV), 0);
	assert_int_equal(!!(esr & ESR_ELx_CM), 0);
	assert_int_equal(!!(esr & ESR_ELx_EA), 0);
	assert_int_equal(!!(esr & ESR_ELx_S1PTW), 0);
	assert_int_equal(!!(esr & ESR_ELx_FnV), 0);
	assert_int_equal((esr & ESR_ELx_SET_MASK) >> ESR_ELx_SET_SHIFT, 0);
	assert_int_equal(esr & ESR_ELx_FSC, 0x04);
	assert_true(esr_fsc_is_translation_fault(esr));
	assert_false(esr_fsc_is_permission_fault(esr));
	assert_true(esr_fsc_is_permission_fault(0x9600004f));
	/* A user ldr x1 with a valid syndrome: SAS 3 (8 bytes), SRT 1, SF 1. */
	esr = 0x93c18007;	/* ISV, SAS=3, SRT=1, SF=1, level 3 translation */
	assert_int_equal(!!(esr & ESR_ELx_ISV), 1);
	assert_int_equal((esr & ESR_ELx_SAS) >> ESR_ELx_SAS_SHIFT, 3);
	assert_int_equal((esr & ESR_ELx_SRT_MASK) >> ESR_ELx_SRT_SHIFT, 1);
	assert_int_equal(!!(esr & ESR_ELx_SF), 1);
	assert_string_equal(esr_fsc_string(esr), "level 3 translation fault");
}

/* Every EC and every FSC has a name; levels appear where the Arm ARM has them. */
static void test_every_value_named(void **state)
{
	for (unsigned int ec = 0; ec <= ESR_ELx_EC_MAX; ec++) {
		const char *s = esr_get_class_string((unsigned long long)ec << ESR_ELx_EC_SHIFT);

		assert_non_null(s);
		assert_true(strlen(s) > 0);
	}
	for (unsigned int fsc = 0; fsc < 64; fsc++) {
		const char *s = esr_fsc_string(0x96000000 | fsc);
		char want[32];

		assert_non_null(s);
		if (fsc >= 0x04 && fsc <= 0x07) {
			snprintf(want, sizeof(want), "level %u translation fault", fsc & 3);
			assert_string_equal(s, want);
		} else if (fsc >= 0x0d && fsc <= 0x0f) {
			snprintf(want, sizeof(want), "level %u permission fault", fsc & 3);
			assert_string_equal(s, want);
		} else if (fsc >= 0x09 && fsc <= 0x0b) {
			snprintf(want, sizeof(want), "level %u access flag fault", fsc & 3);
			assert_string_equal(s, want);
		}
	}
	/* Only the low six bits are the status code. */
	assert_string_equal(esr_fsc_string(0xffffffc7), esr_fsc_string(0x07));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_syndromes),
		cmocka_unit_test(test_data_abort_fields),
		cmocka_unit_test(test_every_value_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
