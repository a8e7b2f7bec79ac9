// SPDX-License-Identifier: GPL-2.0
/*
 * arch/arm64/kernel/setup.c: setup_arch(), the architecture's part of
 * start_kernel: map and check the device tree blob head.S was given, take
 * the command line and the early options from it, learn the memory, find
 * the firmware interface, and check the boot protocol was followed.
 */
#include <linux/dump_stack.h>
#include <linux/efi.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/moduleparam.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/psci.h>
#include <linux/reboot.h>
#include <linux/serial_core.h>
#include <linux/smp.h>
#include <asm/fixmap.h>
#include <asm/io.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/setup.h>
#include <asm/sysreg.h>
#include <libfdt.h>

phys_addr_t __fdt_pointer __ro_after_init;	/* set by head.S */

/*
 * x0..x3 at kernel entry, stored by head.S (preserve_boot_args) with the
 * MMU off: in .data, not .bss, which is cleared after, and on a cache line
 * of its own, which head.S invalidates.
 */
u64 boot_args[4] __section(".data..cacheline_aligned") __aligned(64);

/*
 * The blob is unusable: say why on the fallback UART (the blob was to tell
 * us where the real one is) and stop. There is no way to power off.
 */
static __noreturn void __init fdt_fail(phys_addr_t dt_phys, int err, const char *what)
{
	fallback_console_init(false);	/* the tree is unusable */
	if (!dt_phys)
		pr_crit("FDT: no device tree blob passed in x0\n");
	else if (what)
		pr_crit("FDT: invalid device tree blob at 0x%016llx: %s\n", dt_phys, what);
	else
		pr_crit("FDT: invalid device tree blob at 0x%016llx: %s (%s)\n", dt_phys,
			fdt_error_name(err), fdt_error_words(err));
	pr_crit("FDT: cannot continue without a device tree; halting\n");
	machine_halt();
}

/*
 * The blob mapped before start_kernel, writable, for kaslr_early_init
 * (head.S calls early_fdt_map from __primary_switched); NULL when it is
 * missing or bad, which setup_machine_fdt reports later. v5.15 only checks
 * the header here; headstart verifies the whole blob and builds the node
 * index (drivers/of/fdt.c) so that kaslr_early_init finds /chosen through
 * the index: about 30,000 instructions instead of 150,000 for libfdt's
 * fdt_path_offset() on QEMU virt's tree. setup_machine_fdt maps and
 * verifies the blob again at its final mapping.
 */
static void *early_fdt_ptr __initdata;

void __init *get_early_fdt_ptr(void)
{
	return early_fdt_ptr;
}

void __init early_fdt_map(u64 dt_phys)
{
	void *fdt;
	u32 size;

	early_fdt_ptr = NULL;
	if (!dt_phys || dt_phys % 8)
		return;
	fdt = fixmap_remap_fdt(dt_phys, &size, PAGE_KERNEL);
	if (!size || size > MAX_FDT_SIZE || early_init_dt_verify(fdt, size))
		return;
	early_fdt_ptr = fdt;
}

/*
 * The panic footer's line for where the image runs (Linux calls it from
 * its panic notifier): the offset from KIMAGE_VADDR, a random one with
 * KASLR plus the physical misalignment.
 */
void dump_kernel_offset(void)
{
	const unsigned long offset = kaslr_offset();

	if (IS_ENABLED(CONFIG_RANDOMIZE_BASE) && offset > 0) {
		pr_emerg("Kernel Offset: 0x%lx from 0x%lx\n", offset, KIMAGE_VADDR);
		pr_emerg("PHYS_OFFSET: 0x%llx\n", PHYS_OFFSET);
	} else {
		pr_emerg("Kernel Offset: disabled\n");
	}
}

static void __init setup_machine_fdt(phys_addr_t dt_phys)
{
	void *dt_virt;
	u32 size;
	int err;

	if (!dt_phys)
		fdt_fail(0, 0, NULL);
	if (dt_phys % 8)
		fdt_fail(dt_phys, -FDT_ERR_ALIGNMENT, NULL);

	dt_virt = fixmap_remap_fdt(dt_phys, &size, PAGE_KERNEL_RO);
	if (!size)	/* no magic: report what libfdt says of the header */
		fdt_fail(dt_phys, fdt_check_header(dt_virt), NULL);
	if (size > MAX_FDT_SIZE)
		fdt_fail(dt_phys, 0, "totalsize larger than MAX_FDT_SIZE (2 MiB)");
	err = early_init_dt_verify(dt_virt, size);
	if (err)
		fdt_fail(dt_phys, err, NULL);

	pr_info("Machine model: %s\n", of_flat_dt_get_machine_name());
	dump_stack_set_arch_desc("%s (DT)", of_flat_dt_get_machine_name());
	early_init_dt_scan_chosen(boot_command_line, COMMAND_LINE_SIZE);
}

/*
 * The initrd the loader described in /chosen/linux,initrd-start/-end (QEMU
 * -initrd, U-Boot booti <k> <initrd>:<size> <fdt>): kept from the page
 * allocator and reported with x86 Linux's words for it, the last byte
 * inclusive. One that is not all in RAM is dropped, as Linux does.
 */
static void __init reserve_initrd(void)
{
	phys_addr_t end = phys_initrd_start + phys_initrd_size;

	if (phys_initrd_start < memblock_start_of_DRAM() || end > memblock_end_of_DRAM()) {
		pr_warn("initrd not fully accessible via the linear mapping -- please check your bootloader ...\n");
		phys_initrd_start = phys_initrd_size = 0;
		return;
	}
	memblock_reserve(phys_initrd_start, phys_initrd_size);
	pr_info("RAMDISK: [mem %#010llx-%#010llx]\n", phys_initrd_start, end - 1);
}

/*
 * The kernel runs where the loader put it: RAM the device tree does not
 * describe would be handed out again, or left out of the linear map. Say
 * so and stop, rather than crash later in the page table code.
 */
static void __init check_image_in_memory(void)
{
	phys_addr_t start = __pa_symbol(_text), end = __pa_symbol(_end);

	for (phys_addr_t p = start; p < end; p += PAGE_SIZE)
		if (!memblock_is_memory(p) && efi_enabled(EFI_BOOT))
			panic("efi: the kernel image [mem %#010llx-%#010llx] is not inside "
			      "the UEFI memory map's RAM (no usable range has %#llx)",
			      start, end - 1, p);
		else if (!memblock_is_memory(p))
			panic("FDT: the kernel image [mem %#010llx-%#010llx] is not inside "
			      "the memory the device tree describes (no /memory range has "
			      "%#llx)", start, end - 1, p);
}

/*
 * RAM the CPU cannot address, or that is not there: the device tree is
 * wrong, and the first page table allocated from the top of "RAM" would
 * take an external abort. Memory above the CPU's physical address range
 * (ID_AA64MMFR0_EL1.PARange) is dropped with a warning, as Linux drops
 * what is above PHYS_MASK; the kernel image must be in what is left; then
 * the last word of every range is read, with the fault caught
 * (readl_nofault): a range that does not answer there stops the boot.
 */
static void __init check_memory_present(void)
{
	static const u8 pa_bits[] = { 32, 36, 40, 42, 44, 48, 52 };
	u64 parange = read_sysreg(id_aa64mmfr0_el1) & 0xf;
	phys_addr_t pa_limit = 1ULL << (parange < ARRAY_SIZE(pa_bits) ? pa_bits[parange] : 48);

	if (pa_limit > 1ULL << 48)
		pa_limit = 1ULL << 48;
	if (memblock_end_of_DRAM() > pa_limit) {
		pr_warn("FDT: memory above %#llx is beyond this CPU's %u-bit physical "
			"addresses: ignored\n", pa_limit, (unsigned int)__builtin_ctzll(pa_limit));
		memblock_remove(pa_limit, PHYS_ADDR_MAX - pa_limit);
	}
	check_image_in_memory();
	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		phys_addr_t last = r->base + r->size - 4;
		u32 v;

		if (readl_nofault(set_fixmap_io(FIX_PTE, last), &v))
			panic("FDT: memory [mem %#010llx-%#010llx] of the device tree is not "
			      "there: nothing answers at %#llx", r->base, r->base + r->size - 1,
			      last);
	}
}

/*
 * RAM into memblock, from the UEFI memory map when the EFI stub booted us
 * (drivers/firmware/efi/efi-init.c), else from the device tree's /memory;
 * the kernel and the blob reserved.
 */
static void __init arm64_memblock_init(void)
{
	if (efi_enabled(EFI_BOOT))
		efi_memblock_init();
	else if (!early_init_dt_scan_memory())
		panic("FDT: no memory node: need a node with device_type = \"memory\" and a reg");
	check_memory_present();
	early_init_fdt_scan_reserved_mem();
	memblock_reserve(__pa_symbol(_text), _end - _text);
	memblock_reserve(__fdt_pointer, fdt_totalsize(initial_boot_params));
	if (phys_initrd_size)
		reserve_initrd();
	if (memblock_debug)
		memblock_dump_all();
}

void __init setup_arch(char **cmdline_p)
{
	setup_machine_fdt(__fdt_pointer);
	*cmdline_p = boot_command_line;
	psci_dt_init();			/* first, so that any panic below can power off */

	parse_early_param();		/* earlycon, loglevel, poweroff... */
	efi_init();			/* "efi: EFI v2.70 by EDK II" */

	arm64_memblock_init();
	paging_init();			/* swapper_pg_dir: linear map, W^X image */
	bootmem_init();			/* zones, mem_map: "Zone ranges:" */
	smp_init_cpus();

	if (boot_args[1] || boot_args[2] || boot_args[3]) {
		pr_err("WARNING: x1-x3 nonzero in violation of boot protocol:\n"
		       "\tx1: %016llx\n\tx2: %016llx\n\tx3: %016llx\n"
		       "This indicates a broken bootloader or old kernel\n",
		       boot_args[1], boot_args[2], boot_args[3]);
	}
}
