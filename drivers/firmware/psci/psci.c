// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/firmware/psci/psci.c: talking to the firmware (or QEMU, or a
 * hypervisor) through PSCI. The device tree's /psci node says whether calls
 * go by `hvc` or `smc`; the kernel asks for the version, uses CPU_ON to
 * start the other CPUs (arch/arm64/kernel/psci.c) and SYSTEM_OFF to power
 * the machine off. It is probed as soon as the device tree is readable, so
 * that a panic that early can still power off.
 */
#define pr_fmt(fmt) "psci: " fmt

#include <linux/errno.h>
#include <linux/init.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/psci.h>
#include <linux/reboot.h>
#include <linux/string.h>
#include <libfdt.h>

typedef unsigned long (*psci_fn)(unsigned long, unsigned long, unsigned long, unsigned long);

/*
 * SMC Calling Convention: function id in x0, arguments in x1..x3, result x0.
 * The conduit instruction is UNDEFINED where nothing implements it (smc
 * without EL3, hvc without EL2): the exception table sends that fault to
 * label 2, which records it and returns PSCI_RET_NOT_SUPPORTED, so a wrong
 * /psci method is reported instead of oopsing (see do_el1_undef).
 */
static bool psci_conduit_undefined;

#define DEFINE_CONDUIT(name, insn)					\
static unsigned long name(unsigned long fn, unsigned long a1,		\
			  unsigned long a2, unsigned long a3)		\
{									\
	register unsigned long x0 __asm__("x0") = fn;			\
	register unsigned long x1 __asm__("x1") = a1;			\
	register unsigned long x2 __asm__("x2") = a2;			\
	register unsigned long x3 __asm__("x3") = a3;			\
	int undef;							\
									\
	__asm__ volatile("	mov	%w4, #0\n"			\
			 "1:	" insn " #0\n"				\
			 "	b	3f\n"				\
			 "2:	mov	%w4, #1\n"			\
			 "	mov	x0, #-1\n"			\
			 "3:\n"						\
			 "	.pushsection __ex_table, \"a\"\n"		\
			 "	.balign	4\n"				\
			 "	.long	(1b - .), (2b - .)\n"		\
			 "	.popsection\n"				\
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3),	\
			   "=&r"(undef)					\
			 : : "x4", "x5", "x6", "x7", "x8", "x9", "x10",	\
			   "x11", "x12", "x13", "x14", "x15", "x16",	\
			   "x17", "memory");				\
	if (undef)							\
		psci_conduit_undefined = true;				\
	return x0;							\
}

DEFINE_CONDUIT(__invoke_psci_fn_hvc, "hvc")
DEFINE_CONDUIT(__invoke_psci_fn_smc, "smc")

static psci_fn invoke_psci_fn __ro_after_init;
struct psci_operations psci_ops __ro_after_init;
static u32 psci_cpu_on_fn __ro_after_init = PSCI_0_2_FN_CPU_ON;

static int psci_to_linux_errno(int errno)
{
	switch (errno) {
	case PSCI_RET_SUCCESS:
		return 0;
	case PSCI_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case PSCI_RET_INVALID_PARAMS:
	case PSCI_RET_INVALID_ADDRESS:
		return -EINVAL;
	case PSCI_RET_DENIED:
		return -EPERM;
	}
	return -EINVAL;
}

static int psci_cpu_on(unsigned long cpuid, unsigned long entry_point)
{
	return psci_to_linux_errno((int)invoke_psci_fn(psci_cpu_on_fn, cpuid, entry_point, 0));
}

static void psci_sys_poweroff(void)
{
	invoke_psci_fn(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}

static void psci_sys_reset(void)
{
	invoke_psci_fn(PSCI_0_2_FN_SYSTEM_RESET, 0, 0, 0);
}

static const char *const psci_compatibles[] = {
	"arm,psci-1.0", "arm,psci-0.2", "arm,psci",
};

int __init psci_dt_init(void)
{
	const void *fdt = initial_boot_params;
	const char *method;
	unsigned long ver;
	int node = -1;

	for (size_t i = 0; i < ARRAY_SIZE(psci_compatibles) && node < 0; i++)
		node = of_fdt_next_compatible(-1, psci_compatibles[i]);
	if (node < 0 || !of_fdt_device_is_available(node))
		return -ENODEV;

	pr_info("probing for conduit method from DT.\n");
	method = fdt_getprop(fdt, node, "method", NULL);
	if (method && !strcmp(method, "hvc")) {
		invoke_psci_fn = __invoke_psci_fn_hvc;
	} else if (method && !strcmp(method, "smc")) {
		invoke_psci_fn = __invoke_psci_fn_smc;
	} else {
		pr_warn("invalid \"method\" property: %s\n", method ? method : "(none)");
		return -EINVAL;
	}

	/* PSCI 0.1 ("arm,psci" only) has no version call and no SYSTEM_OFF. */
	if (fdt_node_check_compatible(fdt, node, "arm,psci-0.2") &&
	    fdt_node_check_compatible(fdt, node, "arm,psci-1.0")) {
		const fdt32_t *id = fdt_getprop(fdt, node, "cpu_on", NULL);

		pr_info("Using PSCI v0.1 Function IDs from DT\n");
		if (id) {
			psci_cpu_on_fn = fdt32_to_cpu(*id);
			psci_ops.cpu_on = psci_cpu_on;
		}
		return 0;
	}

	ver = invoke_psci_fn(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	if (psci_conduit_undefined) {
		pr_warn("the %s conduit is not implemented (undefined instruction): "
			"continuing without PSCI\n", method);
		invoke_psci_fn = NULL;
		return -ENODEV;
	}
	pr_info("PSCIv%lu.%lu detected in firmware.\n", PSCI_VERSION_MAJOR(ver),
		PSCI_VERSION_MINOR(ver));
	psci_ops.cpu_on = psci_cpu_on;
	pm_power_off = psci_sys_poweroff;
	pm_restart = psci_sys_reset;
	return 0;
}
