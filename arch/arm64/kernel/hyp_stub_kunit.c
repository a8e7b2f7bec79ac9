// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/hyp_stub_kunit.c: KUnit checks of the hyp stub
 * (arch/arm64/kernel/hyp-stub.S) from EL1, kunit.filter_glob=hyp_stub.
 * Each case calls the stub with hvc and looks at what comes back:
 *   - VBAR_EL2 holds the stub's vectors (init_kernel_el put them there);
 *   - HVC_SET_VECTORS installs other vectors: an hvc then reaches those
 *     (they answer with the VBAR_EL2 they run under, and put the stub back);
 *   - HVC_SOFT_RESTART branches at EL2 to the given physical address with
 *     the arguments moved into x0..x2;
 *   - unknown numbers get HVC_STUB_ERR, HVC_RESET_VECTORS gets 0.
 * The EL2 code the cases branch to is below, in .text: with EL2's MMU off
 * it runs from its physical address and touches no memory.
 * A kernel that booted at EL1 has no stub: the cases are skipped there
 * (tools/testing/boot/test_kunit.py checks they run at EL2).
 */
#include <linux/irqflags.h>
#include <kunit/test.h>
#include <asm/memory.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

extern char __hyp_stub_vectors[];
extern char hyp_stub_test_vectors[], hyp_stub_test_entry[];

/*
 * hyp_stub_test_vectors: every slot answers x0 = the VBAR_EL2 it runs
 * under and installs x1 as VBAR_EL2 (the way back to the stub).
 * hyp_stub_test_entry: the HVC_SOFT_RESTART target; returns to EL1 with
 * x3 = CurrentEL and x4 = VBAR_EL2, x0..x2 as the stub left them.
 */
__asm__(
	"	.pushsection .text, \"ax\"\n"
	"	.balign 2048\n"
	"hyp_stub_test_vectors:\n"
	"	.rept 16\n"
	"	mrs	x0, vbar_el2\n"
	"	msr	vbar_el2, x1\n"
	"	isb\n"
	"	eret\n"
	"	.balign 128\n"
	"	.endr\n"
	"hyp_stub_test_entry:\n"
	"	mrs	x3, CurrentEL\n"
	"	mrs	x4, vbar_el2\n"
	"	eret\n"
	"	.popsection\n");

struct hvc_regs {
	u64 x0, x1, x2, x3, x4;
};

/* hvc #0 with x0..x4 = r, which returns with x0..x4; a stub call may clobber x0..x18. */
static void hvc_call(struct hvc_regs *r)
{
	register u64 x0 __asm__("x0") = r->x0;
	register u64 x1 __asm__("x1") = r->x1;
	register u64 x2 __asm__("x2") = r->x2;
	register u64 x3 __asm__("x3") = r->x3;
	register u64 x4 __asm__("x4") = r->x4;
	unsigned long flags;

	local_irq_save(flags);

	__asm__ volatile("hvc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4)
			 :
			 : "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",
			   "x14", "x15", "x16", "x17", "x18", "memory");
	local_irq_restore(flags);
	r->x0 = x0;
	r->x1 = x1;
	r->x2 = x2;
	r->x3 = x3;
	r->x4 = x4;
}

static void need_stub(struct kunit *test)
{
	if (!is_hyp_mode_available())
		kunit_skip(test, "booted at EL1: no hyp stub");
}

/* The soft-restart target reports VBAR_EL2: init_kernel_el installed the stub. */
static void hyp_stub_soft_restart_runs_at_el2(struct kunit *test)
{
	struct hvc_regs r = {
		.x0 = HVC_SOFT_RESTART, .x1 = __pa_symbol(hyp_stub_test_entry),
		.x2 = 0x1111, .x3 = 0x2222, .x4 = 0x3333,
	};

	need_stub(test);
	hvc_call(&r);
	KUNIT_EXPECT_EQ(test, r.x0, 0x1111);		/* x2 -> x0 */
	KUNIT_EXPECT_EQ(test, r.x1, 0x2222);		/* x3 -> x1 */
	KUNIT_EXPECT_EQ(test, r.x2, 0x3333);		/* x4 -> x2 */
	KUNIT_EXPECT_EQ(test, r.x3, CurrentEL_EL2);
	KUNIT_EXPECT_EQ(test, r.x4, __pa_symbol(__hyp_stub_vectors));
}

/* __hyp_set_vectors hands EL2 to other vectors; they hand it back. */
static void hyp_stub_set_vectors_round_trip(struct kunit *test)
{
	u64 test_pa = __pa_symbol(hyp_stub_test_vectors);
	u64 stub_pa = __pa_symbol(__hyp_stub_vectors);
	struct hvc_regs r = { .x0 = HVC_SET_VECTORS, .x1 = test_pa };

	need_stub(test);
	hvc_call(&r);
	KUNIT_EXPECT_EQ(test, r.x0, 0);
	/* now the test vectors answer, and put the stub back */
	r = (struct hvc_regs){ .x0 = 0x1234, .x1 = stub_pa };
	hvc_call(&r);
	KUNIT_ASSERT_EQ(test, r.x0, test_pa);
	/* the stub again: HVC_RESET_VECTORS is a no-op returning 0 */
	r = (struct hvc_regs){ .x0 = HVC_RESET_VECTORS };
	hvc_call(&r);
	KUNIT_EXPECT_EQ(test, r.x0, 0);

	/* the same through the C helper */
	__hyp_set_vectors(test_pa);
	r = (struct hvc_regs){ .x0 = 0x1234, .x1 = stub_pa };
	hvc_call(&r);
	KUNIT_EXPECT_EQ(test, r.x0, test_pa);
	__hyp_reset_vectors();				/* the stub answers: no-op */
	r = (struct hvc_regs){ .x0 = HVC_SOFT_RESTART, .x1 = __pa_symbol(hyp_stub_test_entry) };
	hvc_call(&r);
	KUNIT_EXPECT_EQ(test, r.x4, stub_pa);
}

/* Numbers the stub does not implement, v5.15's HVC_VHE_RESTART among them. */
static void hyp_stub_unknown_calls(struct kunit *test)
{
	static const u64 calls[] = { HVC_VHE_RESTART, HVC_STUB_HCALL_NR, 0x80000000 };

	need_stub(test);
	for (unsigned int i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		struct hvc_regs r = { .x0 = calls[i] };

		hvc_call(&r);
		KUNIT_EXPECT_EQ(test, r.x0, HVC_STUB_ERR);
	}
}

/* Both words of __boot_cpu_mode agree with the EL we booted at. */
static void hyp_stub_boot_cpu_mode(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, is_hyp_mode_mismatched());
	KUNIT_EXPECT_FALSE(test, is_kernel_in_hyp_mode());
	if (is_hyp_mode_available())
		KUNIT_EXPECT_EQ(test, __boot_cpu_mode[1], BOOT_CPU_MODE_EL2);
	else
		KUNIT_EXPECT_EQ(test, __boot_cpu_mode[0], BOOT_CPU_MODE_EL1);
}

static struct kunit_case hyp_stub_cases[] = {
	KUNIT_CASE(hyp_stub_boot_cpu_mode),
	KUNIT_CASE(hyp_stub_soft_restart_runs_at_el2),
	KUNIT_CASE(hyp_stub_set_vectors_round_trip),
	KUNIT_CASE(hyp_stub_unknown_calls),
	{}
};

static struct kunit_suite hyp_stub_suite = {
	.name = "hyp_stub",
	.test_cases = hyp_stub_cases,
};
kunit_test_suite(hyp_stub_suite);
