# SPDX-License-Identifier: GPL-2.0
#
# headstart: the top-level Makefile.
#
# Builds vmlinux, System.map and arch/arm64/boot/Image the way Linux's kbuild
# does: configuration from Kconfig (.config -> include/generated/autoconf.h),
# one sub-make per directory (scripts/Makefile.build reading each Kbuild),
# quiet output by default (V=1 for full commands), out-of-tree builds with O=dir,
# ARCH/CROSS_COMPILE and LLVM=1. `make help` lists the targets.

VERSION = 0
PATCHLEVEL = 1
SUBLEVEL = 0
KERNELRELEASE = $(VERSION).$(PATCHLEVEL).$(SUBLEVEL)
export KERNELRELEASE

MAKEFLAGS += -rR --no-print-directory

# The default goal, before any included Makefile can define another.
PHONY := all
all:

# ---------------------------------------------------------------------------
# Beautify output: quiet_cmd_* labels by default, full commands with V=1.
ifeq ("$(origin V)", "command line")
  KBUILD_VERBOSE = $(V)
endif
ifeq ($(KBUILD_VERBOSE),1)
  quiet =
  Q =
else
  quiet = quiet_
  Q = @
endif
export quiet Q KBUILD_VERBOSE

# ---------------------------------------------------------------------------
# Source and output trees. O=dir (or KBUILD_OUTPUT) sends every output there.
srctree := $(CURDIR)
ifeq ("$(origin O)", "command line")
  KBUILD_OUTPUT := $(O)
endif
ifneq ($(KBUILD_OUTPUT),)
  $(shell mkdir -p $(KBUILD_OUTPUT))
  objtree := $(realpath $(KBUILD_OUTPUT))
else
  objtree := $(srctree)
endif
export srctree objtree

include $(srctree)/scripts/Kbuild.include

# ---------------------------------------------------------------------------
# Toolchain: GNU cross tools by default, clang + lld with LLVM=1.
ARCH          ?= arm64
CROSS_COMPILE ?= aarch64-linux-gnu-
ifneq ($(ARCH),arm64)
  $(error headstart only supports ARCH=arm64)
endif
SRCARCH := $(ARCH)

ifneq ($(LLVM),)
  CC      = clang --target=aarch64-linux-gnu
  LD      = ld.lld
  AR      = llvm-ar
  NM      = llvm-nm
  OBJCOPY = llvm-objcopy
  OBJDUMP = llvm-objdump
  READELF = llvm-readelf
else
  CC      = $(CROSS_COMPILE)gcc
  LD      = $(CROSS_COMPILE)ld
  AR      = $(CROSS_COMPILE)ar
  NM      = $(CROSS_COMPILE)nm
  OBJCOPY = $(CROSS_COMPILE)objcopy
  OBJDUMP = $(CROSS_COMPILE)objdump
  READELF = $(CROSS_COMPILE)readelf
endif
CPP      = $(CC) -E
HOSTCC   = cc
PYTHON3  = /usr/bin/python3
export ARCH SRCARCH CROSS_COMPILE LLVM CC LD AR NM OBJCOPY OBJDUMP READELF CPP HOSTCC PYTHON3

# libfdt for the target: Debian's prebuilt libfdt-dev:arm64, unpacked by
# scripts/install-deps into $(LIBFDT_DIR) (see Documentation/dev-tools/testing.rst).
LIBFDT_DIR ?= $(srctree)/.deps/libfdt-arm64
LIBFDT_A   := $(LIBFDT_DIR)/usr/lib/aarch64-linux-gnu/libfdt.a
LIBFDT_INC := $(LIBFDT_DIR)/usr/include
export LIBFDT_DIR LIBFDT_A LIBFDT_INC
# Debian's busybox-static for arm64, unpacked by scripts/install-deps too:
# /bin/busybox of the initramfs `make qemu` boots (usr/Makefile).
BUSYBOX_DIR ?= $(srctree)/.deps/busybox-arm64
export BUSYBOX_DIR
# GRUB's arm64-efi modules (grub-efi-arm64-bin:arm64), unpacked the same
# way, for the GRUB boot tests (tools/testing/efi).
GRUB_ARM64_DIR ?= $(srctree)/.deps/grub-arm64
export GRUB_ARM64_DIR

# Debian's Raspberry Pi 3 Model B device tree (scripts/install-deps test),
# for `make qemu MACHINE=raspi3b` and the raspi3b boot tests.
RASPI_DIR ?= $(srctree)/.deps/raspi
RASPI_DTB := $(RASPI_DIR)/bcm2837-rpi-3-b.dtb
export RASPI_DTB

# ---------------------------------------------------------------------------
# Flags shared by every kernel object. Architecture flags come from
# arch/$(SRCARCH)/Makefile.
KBUILD_CPPFLAGS := -nostdinc \
	-I$(srctree)/arch/$(SRCARCH)/include -I$(objtree)/include \
	-I$(srctree)/include -I$(LIBFDT_INC) \
	-include $(srctree)/include/linux/kconfig.h -D__KERNEL__
KBUILD_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-sign-compare -Wno-missing-field-initializers \
	-ffreestanding -fno-builtin -fno-common -fno-strict-aliasing \
	-fno-stack-protector -fno-pic -fno-pie -fno-omit-frame-pointer
# __FILE__ (BUG/WARN reports) relative to the source tree, as in Linux.
KBUILD_CFLAGS += -fmacro-prefix-map=$(srctree)/=
KBUILD_AFLAGS := -D__ASSEMBLY__ -g
KBUILD_LDFLAGS := -static -nostdlib --no-undefined --build-id=none
export KBUILD_CPPFLAGS KBUILD_CFLAGS KBUILD_AFLAGS KBUILD_LDFLAGS

include $(srctree)/arch/$(SRCARCH)/Makefile


# ---------------------------------------------------------------------------
all: vmlinux System.map Image initramfs

# ---------------------------------------------------------------------------
# Configuration (Kconfig, read by Debian's kconfig-frontends).
KCONFIG_ENV := srctree=$(srctree) SRCARCH=$(SRCARCH) \
	KCONFIG_CONFIG=$(objtree)/.config \
	KCONFIG_AUTOCONFIG=$(objtree)/include/config/auto.conf \
	KCONFIG_AUTOHEADER=$(objtree)/include/generated/autoconf.h
KCONFIG_RUN = cd $(objtree) && $(KCONFIG_ENV)
DEFCONFIG  ?= arch/$(SRCARCH)/configs/defconfig

PHONY += defconfig olddefconfig oldconfig menuconfig nconfig savedefconfig syncconfig
defconfig: deps-build
	$(Q)$(KCONFIG_RUN) kconfig-conf -s --defconfig=$(srctree)/$(DEFCONFIG) $(srctree)/Kconfig
	$(Q)$(MAKE) syncconfig
olddefconfig oldconfig: deps-build
	$(Q)$(KCONFIG_RUN) kconfig-conf -s --$@ $(srctree)/Kconfig
	$(Q)$(MAKE) syncconfig
menuconfig: deps-build
	$(Q)$(KCONFIG_RUN) kconfig-mconf $(srctree)/Kconfig
	$(Q)$(MAKE) syncconfig
nconfig: deps-build
	$(Q)$(KCONFIG_RUN) kconfig-nconf $(srctree)/Kconfig
	$(Q)$(MAKE) syncconfig
savedefconfig: $(objtree)/.config
	$(Q)$(KCONFIG_RUN) kconfig-conf --savedefconfig=$(objtree)/defconfig $(srctree)/Kconfig
	@echo '  GEN     defconfig'

# Linux's `make NAME.config`: the fragment arch/arm64/configs/NAME.config
# merged into .config (made from DEFCONFIG first if there is none), its
# lines winning, every other option kept and new ones at their defaults.
# `make ticket_spinlocks.config` turns on CONFIG_TICKET_SPINLOCKS.
CONFIG_FRAGMENTS := $(notdir $(wildcard $(srctree)/arch/$(SRCARCH)/configs/*.config))
PHONY += $(CONFIG_FRAGMENTS)
$(CONFIG_FRAGMENTS): %.config: $(objtree)/.config
	@echo '  MERGE   .config + arch/$(SRCARCH)/configs/$@'
	$(Q)# .config without the options the fragment sets, then the fragment.
	$(Q)awk 'function name(l) { sub(/^# /, "", l); sub(/[= ].*/, "", l); return l } \
		NR == FNR { if ($$0 ~ /^(# )?CONFIG_/) set[name($$0)]; next } \
		!(name($$0) in set)' $(srctree)/arch/$(SRCARCH)/configs/$@ $(objtree)/.config \
		> $(objtree)/.config.merge
	$(Q)cat $(srctree)/arch/$(SRCARCH)/configs/$@ >> $(objtree)/.config.merge
	$(Q)mv $(objtree)/.config.merge $(objtree)/.config
	$(Q)$(KCONFIG_RUN) kconfig-conf -s --olddefconfig $(srctree)/Kconfig
	$(Q)$(MAKE) syncconfig

# auto.conf and autoconf.h follow .config; kconfig-conf writes both.
syncconfig: $(objtree)/include/config/auto.conf

$(objtree)/.config: | deps-build
	@echo '  GEN     .config (from $(DEFCONFIG): no .config yet)'
	$(Q)$(KCONFIG_RUN) kconfig-conf -s --defconfig=$(srctree)/$(DEFCONFIG) $(srctree)/Kconfig

# Every Kconfig of the source tree (an O= tree inside it excluded): a change
# to any of them (a pull, a rebase) re-syncs .config, new options at their
# defaults. In-tree, objtree is srctree and must not exclude everything.
KCONFIG_FILES := $(shell find $(srctree) \( -name .git -o -name .deps \
	$(if $(filter-out $(srctree),$(objtree)),-o -path '$(objtree)') \) -prune \
	-o -name Kconfig -print 2>/dev/null)
$(objtree)/include/config/auto.conf: $(objtree)/.config $(KCONFIG_FILES)
	@mkdir -p $(objtree)/include/config $(objtree)/include/generated
	@echo '  SYNC    include/generated/autoconf.h'
	$(Q)# Options new since .config was written take their defaults.
	$(Q)$(KCONFIG_RUN) kconfig-conf -s --olddefconfig $(srctree)/Kconfig
	$(Q)$(KCONFIG_RUN) kconfig-conf -s --silentoldconfig $(srctree)/Kconfig
	$(Q)touch $@

# ---------------------------------------------------------------------------
# Generated headers: asm-offsets.h from arch/arm64/kernel/asm-offsets.c.
asm-offsets := $(objtree)/include/generated/asm-offsets.h

quiet_cmd_offsets = GEN     include/generated/asm-offsets.h
      cmd_offsets = $(srctree)/scripts/mkasm-offsets $< > $@

$(asm-offsets): $(objtree)/arch/$(SRCARCH)/kernel/asm-offsets.s $(srctree)/scripts/mkasm-offsets
	$(call cmd,offsets)

$(objtree)/arch/$(SRCARCH)/kernel/asm-offsets.s: prepare0 FORCE
	$(Q)$(MAKE) $(build)=arch/$(SRCARCH)/kernel $@

PHONY += prepare0 prepare
prepare0: $(objtree)/include/config/auto.conf deps-build
prepare: prepare0 $(asm-offsets)

# ---------------------------------------------------------------------------
# Descend from the top-level Kbuild into every directory, then link.
PHONY += descend
descend: prepare
	$(Q)$(MAKE) $(build)=.

core-archives := $(objtree)/built-in.a
$(core-archives): descend ;

vmlinux-lds := $(objtree)/arch/$(SRCARCH)/kernel/vmlinux.lds
$(vmlinux-lds): descend ;

quiet_cmd_link_vmlinux = LD      vmlinux
      cmd_link_vmlinux = $(srctree)/scripts/link-vmlinux.sh $(objtree)/vmlinux \
			 $(vmlinux-lds) "$(core-archives)" $(LIBFDT_A)

$(objtree)/vmlinux: $(core-archives) $(vmlinux-lds) $(srctree)/scripts/link-vmlinux.sh \
		    $(srctree)/init/version-timestamp.c $(objtree)/scripts/kallsyms FORCE
	$(call if_changed,link_vmlinux)

# The host tool link-vmlinux.sh makes the symbol table with: a prerequisite
# of vmlinux of its own, so that make builds it beside the kernel's objects.
quiet_cmd_host_kallsyms = HOSTCC  scripts/kallsyms
      cmd_host_kallsyms = mkdir -p $(dir $@) && \
			  $(HOSTCC) -O2 -Wall -Werror -o $@ $<

$(objtree)/scripts/kallsyms: $(srctree)/scripts/kallsyms.c
	$(call cmd,host_kallsyms)

quiet_cmd_sysmap = SYSMAP  System.map
      cmd_sysmap = $(srctree)/scripts/mksysmap $< $@

$(objtree)/System.map: $(objtree)/vmlinux
	$(call cmd,sysmap)

PHONY += vmlinux System.map Image
vmlinux: $(objtree)/vmlinux
System.map: $(objtree)/System.map
Image: $(objtree)/arch/$(SRCARCH)/boot/Image

# ---------------------------------------------------------------------------
# The KUnit kernel. defconfig has no KUnit (CONFIG_KUNIT, lib/kunit/Kconfig),
# as in Linux; `make kunit` builds the same sources with it in .kunit/ beside
# this build (where Linux's tools/testing/kunit/kunit.py builds), for make
# check's suites and make bench's SMP figures. A build whose .config has
# CONFIG_KUNIT=y is its own KUnit kernel.
KUNIT_OBJTREE := $(if $(shell grep -sx 'CONFIG_KUNIT=y' $(objtree)/.config),$(objtree),$(objtree)/.kunit)
KUNIT_IMAGE   := $(KUNIT_OBJTREE)/arch/$(SRCARCH)/boot/Image

PHONY += kunit
kunit: deps-build
	$(Q)grep -qsx 'CONFIG_KUNIT=y' $(KUNIT_OBJTREE)/.config || \
		$(MAKE) -C $(srctree) O=$(KUNIT_OBJTREE) kunit.config
	$(Q)$(MAKE) -C $(srctree) O=$(KUNIT_OBJTREE) vmlinux System.map Image

# ---------------------------------------------------------------------------
# Dependencies: Debian packages and the target's libfdt (scripts/install-deps).
PHONY += deps deps-build deps-test
deps-build:
	$(Q)$(srctree)/scripts/install-deps build $(LIBFDT_DIR) $(if $(LLVM),llvm)
deps-test:
	$(Q)$(srctree)/scripts/install-deps test $(LIBFDT_DIR) $(RASPI_DIR) $(GRUB_ARM64_DIR)
deps: deps-build deps-test

# ---------------------------------------------------------------------------
# User space (usr/, see usr/README.rst): a libc, /init, /bin/sh and friends,
# the user-space tests, and the initramfs (newc cpio) that holds them.
# initramfs.cpio has the project's own user space only (the kernel's
# self-tests boot it); initramfs-busybox.cpio adds Debian's busybox as the
# shell and its applets (make qemu).
initramfs := $(objtree)/usr/initramfs.cpio
initramfs-busybox := $(objtree)/usr/initramfs-busybox.cpio

PHONY += usr initramfs
usr initramfs: deps-build
	$(Q)$(MAKE) -C $(srctree)/usr O=$(objtree)/usr BUSYBOX=$(BUSYBOX_DIR)/bin/busybox

# ---------------------------------------------------------------------------
# Run it: QEMU virt with its own DTB, or yours with QEMU_DTB=board.dtb;
# MACHINE=raspi3b: QEMU's Raspberry Pi 3 Model B with Debian's DTB, the
# console on the mini UART (ttyS1, QEMU's second serial port).
QEMU         ?= qemu-system-aarch64
MACHINE      ?= virt
ifeq ($(MACHINE),raspi3b)
QEMU_MACHINE ?= raspi3b
QEMU_CPU     ?= cortex-a53
QEMU_MEM     ?= 1G
QEMU_APPEND  ?= earlycon=uart8250,mmio32,0x3f215040 console=ttyS1,115200
QEMU_DTB     ?= $(RASPI_DTB)
QEMU_SERIAL  ?= -serial null -serial mon:stdio
else ifeq ($(MACHINE),virt)
QEMU_MACHINE ?= virt,gic-version=3
QEMU_CPU     ?= cortex-a57
QEMU_MEM     ?= 256M
QEMU_APPEND  ?= console=ttyAMA0 earlycon
QEMU_DTB     ?=
QEMU_SERIAL  ?=
else
$(error MACHINE=$(MACHINE): only virt and raspi3b)
endif
QEMU_INITRD  ?= $(initramfs-busybox)
QEMU_EXTRA   ?=
QEMU_CMD = $(QEMU) -M $(QEMU_MACHINE) -cpu $(QEMU_CPU) -m $(QEMU_MEM) \
	-nographic $(QEMU_SERIAL) -nic none -kernel $(objtree)/arch/$(SRCARCH)/boot/Image \
	-append "$(QEMU_APPEND)" $(if $(QEMU_DTB),-dtb $(QEMU_DTB)) \
	$(if $(QEMU_INITRD),-initrd $(QEMU_INITRD)) $(QEMU_EXTRA)

PHONY += qemu
qemu: deps-test all
	@echo '  QEMU    $(QEMU_CMD)'
	@echo '          (quit with Ctrl-A X)'
	$(Q)$(QEMU_CMD)

# The same Image started as an EFI application by EDK2 (Debian's
# qemu-efi-aarch64) with QEMU's -kernel/-initrd/-append handed to it:
# the EFI stub, then the kernel (Documentation/arm64/uefi.rst).
QEMU_EFI_FW ?= /usr/share/qemu-efi-aarch64/QEMU_EFI.fd
QEMU_EFI_CMD = $(QEMU) -M virt,acpi=off -cpu $(QEMU_CPU) -m $(QEMU_MEM) \
	-nographic -nic none -bios $(QEMU_EFI_FW) \
	-kernel $(objtree)/arch/$(SRCARCH)/boot/Image -append "$(QEMU_APPEND)" \
	$(if $(QEMU_INITRD),-initrd $(QEMU_INITRD)) $(QEMU_EXTRA)

PHONY += qemu-efi
qemu-efi: deps-test all
	@echo '  QEMU    $(QEMU_EFI_CMD)'
	@echo '          (quit with Ctrl-A X)'
	$(Q)$(QEMU_EFI_CMD)

# The user-space benchmark (usr/bin/bench): one CPU, guest time from the
# instruction count (-icount), so the PMU's instructions-retired counts are
# exact; the project's init runs it and powers off. The busybox initramfs,
# for the fork + execve row's /bin/busybox.
BENCH_CMD = $(QEMU) -M virt -cpu cortex-a57 -smp 1 -m 512M -nographic -nic none \
	-icount shift=0,sleep=off -seed 1 -kernel $(objtree)/arch/$(SRCARCH)/boot/Image \
	-initrd $(initramfs-busybox) \
	-append "console=ttyAMA0 quiet poweroff rdinit=/usr/libexec/headstart/init -- /bin/bench"

# The boot, at each size of BENCH_BOOT_MEM: bench --boot as the first
# program reads the virtual counter, which -icount shift=0 ties to the
# instruction count (1 ns each): instructions from reset to its main.
BENCH_BOOT_MEM ?= 128M 256M 512M 1G 2G 4G 8G
BENCH_BOOT_CMD = $(QEMU) -M virt -cpu cortex-a57 -smp 1 -m $$m -nographic -nic none \
	-icount shift=0,sleep=off -seed 1 -kernel $(objtree)/arch/$(SRCARCH)/boot/Image \
	-initrd $(initramfs) -append "console=ttyAMA0 quiet rdinit=/bin/bench -- --boot"

# SMP: the IPI round trip and an uncontended spinlock (of the kind built:
# test-and-set, or ticket with CONFIG_TICKET_SPINLOCKS), from the smp_bench
# KUnit suite (kernel/smp_kunit.c, so the KUnit kernel) on 2 CPUs; -icount
# shift=0 advances the counter by one ns per instruction of either CPU
# (QEMU runs them in turn).
BENCH_SMP_CMD = $(QEMU) -M virt -cpu cortex-a57 -smp 2 -m 512M -nographic -nic none \
	-icount shift=0,sleep=off -seed 1 -kernel $(KUNIT_IMAGE) \
	-append "console=ttyAMA0 poweroff kunit.filter_glob=smp_bench"

# SMP from user space: bench --smp on 4 CPUs, wake-ups across CPUs (pipe
# ping-pong, PMU counts) and CPU-bound scaling (1, 2, 4 spinners).
BENCH_SMP_USER_CMD = $(QEMU) -M virt -cpu cortex-a57 -smp 4 -m 512M -nographic -nic none \
	-icount shift=0,sleep=off -seed 1 -kernel $(objtree)/arch/$(SRCARCH)/boot/Image \
	-initrd $(initramfs) -append "console=ttyAMA0 quiet poweroff -- /bin/bench --smp"

PHONY += bench
bench: deps-test all kunit
	@echo '  QEMU    $(BENCH_CMD)'
	$(Q)$(BENCH_CMD)
	@echo '  QEMU    $(BENCH_SMP_CMD)'
	$(Q)out=$$($(BENCH_SMP_CMD) </dev/null); \
		n=$$(printf '%s\n' "$$out" | sed -n 's/.*IPI round trip to CPU1: \([0-9]*\) instructions.*/\1/p'); \
		printf 'smp: IPI round trip (call function, wait) %14s instructions\n' "$${n:-failed}"; \
		n=$$(printf '%s\n' "$$out" | sed -n 's/.*spin_lock + spin_unlock, uncontended: \([0-9]*\) instructions.*/\1/p'); \
		lock=$$(printf '%s\n' "$$out" | sed -n 's/.*uncontended: [0-9]* instructions (\([a-z-]*\) lock,.*/\1/p'); \
		printf 'smp: spin_lock + spin_unlock, uncontended %13s instructions (%s lock)\n' "$${n:-failed}" "$${lock:-unknown}"
	@echo '  QEMU    $(BENCH_SMP_USER_CMD)'
	$(Q)out=$$($(BENCH_SMP_USER_CMD) </dev/null | sed -n 's/^bench: smp: /smp: /p'); \
		printf '%s\n' "$${out:-smp: bench --smp failed}"
	@echo '  QEMU    $(subst $$m,<memory>,$(BENCH_BOOT_CMD))'
	@echo 'boot: instructions from reset to the first program'"'"'s main (bench --boot)'
	@printf '%8s %14s\n' memory instructions
	$(Q)for m in $(BENCH_BOOT_MEM); do \
		n=$$($(BENCH_BOOT_CMD) </dev/null | sed -n 's/^bench: boot: \([0-9]*\) .*/\1/p'); \
		printf '%8s %14s\n' $$m "$${n:-failed}"; done

# Image.gz, image.fit, disk.img, dtbs, qemu-uboot, qemu-gdb.
include $(srctree)/arch/$(SRCARCH)/boot/Makefile.images

# ---------------------------------------------------------------------------
# Tests: see Documentation/dev-tools/testing.rst.
PHONY += check check-unit check-boot check-llvm check-uboot check-gdb check-usr check-docs check-build check-efi
check: deps all kunit Image.gz image.fit disk.img dtbs
	$(Q)$(MAKE) -f $(srctree)/tools/testing/Makefile check
check-unit check-usr: deps all
	$(Q)$(MAKE) -f $(srctree)/tools/testing/Makefile $@
check-boot: deps all kunit
	$(Q)$(MAKE) -f $(srctree)/tools/testing/Makefile $@
check-build check-llvm: deps
	$(Q)$(MAKE) -f $(srctree)/tools/testing/Makefile $@
check-uboot check-gdb check-docs: deps all Image.gz image.fit disk.img dtbs
	$(Q)$(MAKE) -f $(srctree)/tools/testing/Makefile $@
check-efi: deps all dtbs
	$(Q)$(MAKE) -f $(srctree)/tools/testing/Makefile $@

# The DTB fuzzer's long run (make check runs a dozen of its boots).
PHONY += fuzz-dtb
FUZZ_SEED  ?= 1
FUZZ_BOOTS ?= 300
fuzz-dtb: deps all
	$(Q)$(MAKE) -f $(srctree)/tools/testing/Makefile $@ FUZZ_SEED=$(FUZZ_SEED) \
		FUZZ_BOOTS=$(FUZZ_BOOTS)

# The SMP soaks: processes and pipes, and threads of one process sharing its
# memory, on 4 CPUs for some minutes.
PHONY += soak
soak: deps all
	$(Q)$(MAKE) -f $(srctree)/tools/testing/Makefile $@

# ---------------------------------------------------------------------------
PHONY += clean mrproper distclean help
clean:
	@echo '  CLEAN   $(if $(filter $(objtree),$(srctree)),.,$(objtree))'
	$(Q)find $(objtree) \( -path $(srctree)/.git -o -path $(srctree)/.deps \) -prune -o \
		\( -name '*.o' -o -name '*.a' -o -name '*.s' -o -name '.*.cmd' -o -name '.*.d' \
		-o -name '*.dtb' -o -name '*.so' -o -name '*.so.dbg' \) -type f -print | xargs rm -f
	$(Q)# A linker script is an output only when a .lds.S made it (extra-y in a
	$(Q)# Kbuild); plain .lds files such as usr/lib/user.lds are sources.
	$(Q)cd $(objtree) && find . \( -path ./.git -o -path ./.deps \) -prune -o -name '*.lds' \
		-type f -print | while read -r f; do \
		if [ -f "$(srctree)/$$f.S" ]; then rm -f "$$f"; fi; done
	$(Q)rm -rf $(objtree)/vmlinux $(objtree)/System.map $(objtree)/arch/$(SRCARCH)/boot/Image \
		$(objtree)/arch/$(SRCARCH)/boot/Image.gz $(objtree)/.tmp $(asm-offsets) \
		$(objtree)/include/generated/vdso-offsets.h \
		$(objtree)/arch/$(SRCARCH)/boot/image.fit $(objtree)/arch/$(SRCARCH)/boot/disk.img \
		$(objtree)/.tmp_vmlinux* $(objtree)/.tmp_kallsyms* $(objtree)/.tmp_version-timestamp.o \
		$(objtree)/scripts/kallsyms
	$(Q)if [ -d $(objtree)/usr ]; then \
		$(MAKE) -C $(srctree)/usr O=$(objtree)/usr clean; fi

mrproper: clean
	@echo '  CLEAN   .config include/config include/generated'
	$(Q)rm -rf $(objtree)/.config $(objtree)/.config.old $(objtree)/.version \
		$(objtree)/include/config $(objtree)/include/generated

distclean: mrproper
	$(Q)rm -rf $(srctree)/.deps

help:
	@echo 'Building:'
	@echo '  all (default)   - vmlinux, System.map, arch/arm64/boot/Image and the initramfs'
	@echo '  vmlinux         - the kernel ELF, with debug info'
	@echo '  Image           - the arm64 Image a loader boots (arch/arm64/boot/Image)'
	@echo '  initramfs       - user space and its cpio archive (usr/initramfs.cpio)'
	@echo '  Image.gz        - the Image, gzip'"'"'d (U-Boot booti with kernel_comp_addr_r)'
	@echo '  image.fit       - U-Boot FIT: Image + QEMU virt GICv3 DTB, for bootm'
	@echo '  disk.img        - disk with extlinux.conf for U-Boot distro boot (DISK_APPEND=)'
	@echo '  dtbs            - arch/arm64/boot/dts/**/*.dts -> .dtb (dtc -@)'
	@echo 'Configuration:'
	@echo '  defconfig       - .config from arch/arm64/configs/defconfig'
	@echo '  olddefconfig    - update .config, new options at their defaults'
	@echo '  menuconfig      - edit .config in a text menu (kconfig-mconf)'
	@echo '  nconfig         - edit .config in an ncurses menu (kconfig-nconf)'
	@echo '  savedefconfig   - write a minimal defconfig from .config'
	@echo '  NAME.config     - merge arch/arm64/configs/NAME.config into .config'
	@echo '  kunit           - the KUnit kernel (CONFIG_KUNIT, kunit.config) in .kunit/'
	@echo 'Running and testing:'
	@echo '  qemu            - boot on QEMU virt into the shell (QEMU_DTB=, QEMU_APPEND=, QEMU_EXTRA=,'
	@echo '                    QEMU_MEM=, QEMU_CPU=, QEMU_INITRD= (empty: none))'
	@echo '  qemu-efi        - the same through EDK2 (UEFI) and the EFI stub (QEMU_EFI_FW=)'
	@echo '  bench           - instructions per syscall, context switch, fork (usr/bin/bench), IPI, spinlock,'
	@echo '                    wake-up across CPUs, CPU-bound scaling on 1..4 CPUs (bench --smp),'
	@echo '                    and for the boot at 128M..8G (BENCH_BOOT_MEM=)'
	@echo '  check           - install what is missing and run every test'
	@echo '  check-unit      - host unit tests only (cmocka)'
	@echo '  check-boot      - QEMU boot tests only (pytest)'
	@echo '  check-llvm      - a clang + ld.lld build (ticket spinlocks, KUnit) in .tmp/llvm, booted'
	@echo '  check-usr       - user-space tests under qemu-aarch64 (usr/tests)'
	@echo '  check-build     - make clean keeps sources: a scratch clone built, cleaned, rebuilt'
	@echo '  qemu-uboot      - boot through Debian'"'"'s U-Boot (Image at UBOOT_ADDR)'
	@echo '  qemu-gdb        - QEMU stopped at reset + gdb-multiarch with scripts/gdb'
	@echo '  qemu-gdb-console - the console (shell) of a running qemu-gdb, in this terminal'
	@echo '  check-uboot     - U-Boot booti/bootm/distro boot and dtbs tests only'
	@echo '  check-gdb       - gdb tests only'
	@echo '  check-efi       - UEFI boots only: EDK2, U-Boot bootefi and distro boot, GRUB'
	@echo '  check-docs      - the commands shown in README.md and Documentation/ run as written'
	@echo '  fuzz-dtb        - boot FUZZ_BOOTS (300) mutated DTBs/command lines (FUZZ_SEED=1), tally'
	@echo '  soak            - fork/exec/wait, pipes, threads sharing memory on 4 CPUs for minutes (SMP)'
	@echo '  deps            - install Debian packages and the arm64 libfdt'
	@echo 'Cleaning:'
	@echo '  clean           - remove build outputs, keep .config'
	@echo '  mrproper        - clean + remove .config and generated headers'
	@echo '  distclean       - mrproper + remove the unpacked arm64 libfdt (.deps/)'
	@echo 'Options:'
	@echo '  V=1             - show full commands'
	@echo '  O=dir           - put every output in dir'
	@echo '  LLVM=1          - build with clang and ld.lld'
	@echo '  CROSS_COMPILE=  - GNU toolchain prefix (default aarch64-linux-gnu-)'

# Saved commands of the targets built here (see if_changed in Kbuild.include).
-include $(wildcard $(objtree)/.*.cmd $(objtree)/arch/$(SRCARCH)/boot/.*.cmd)

PHONY += FORCE
FORCE:

.PHONY: $(PHONY)
