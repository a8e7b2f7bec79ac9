# SPDX-License-Identifier: GPL-2.0
"""EDK2 (Debian's qemu-efi-aarch64 QEMU_EFI.fd as -bios) starts the Image
as an EFI application, the way UEFI arm64 machines and cloud VMs do:

  * QEMU's -kernel/-initrd/-append handed to EDK2 (fw_cfg): EDK2 loads the
    Image with LoadImage(), puts -append in LoadOptions, offers the initrd
    behind the LINUX_EFI_INITRD_MEDIA_GUID LoadFile2 device path, and the
    device tree in the configuration table (-M virt,acpi=off); the stub
    takes all three and the kernel reaches the initramfs' shell;
  * the same without -initrd, and with EDK2 itself at EL2
    (virtualization=on), so the stub turns the MMU off in SCTLR_EL2 and the
    kernel starts at EL2: no initrd, the kernel boots and powers off;
  * with ACPI on, EDK2 offers no device tree: the stub says so and returns
    EFI_NOT_FOUND, which EDK2's boot manager reports, instead of hanging.

One EDK2 boot each (EDK2 under TCG is slow).
"""

import os
import re

from efi_boot import (BOOT_COMPLETE, POWER_DOWN, expect_efi_memory, expect_ramdisk,
                      expect_stub, shell_poweroff, stub)
from qemu_console import qemu_command

RAM_START = 0x40000000
RAM_SIZE = 256 << 20
# EDK2's boot manager when the boot option's image returned EFI_NOT_FOUND
BDS_NOT_FOUND = re.compile(r'BdsDxe: failed to load Boot\d+ .*: Not Found')


def edk2_qemu(env, acpi=False, **kw):
    return qemu_command(qemu=env.qemu, bios=env.edk2, memory='256M',
                        machine_opts=() if acpi else ('acpi=off',), **kw)


def test_edk2_kernel_initrd_to_shell(env, console):
    image = env.artifact('arch/arm64/boot/Image')
    initrd = env.artifact('usr/initramfs.cpio')
    append = 'console=ttyAMA0 memblock=debug efi.test=edk2-initrd'
    console.start(edk2_qemu(env, kernel=image, append=append,
                            extra=['-initrd', initrd]))
    expect_stub(console, 'Booting Linux Kernel...',
                'Using DTB from configuration table',
                'Loaded initrd from LINUX_EFI_INITRD_MEDIA_GUID device path',
                'Exiting boot services...')
    console.expect('efi: EFI v2.70 by EDK II')
    expect_ramdisk(console, os.path.getsize(initrd))
    expect_efi_memory(console, RAM_START, RAM_SIZE)
    # EDK2 adds initrd=initrd to LoadOptions for stubs that only know that way
    console.expect(f'Kernel command line: {append} initrd=initrd')
    shell_poweroff(console)


def test_edk2_el2_kernel_without_initrd(env, console):
    image = env.artifact('arch/arm64/boot/Image')
    append = 'console=ttyAMA0 poweroff efi.test=edk2-no-initrd'
    console.start(edk2_qemu(env, kernel=image, append=append, virtualization=True))
    expect_stub(console, 'Booting Linux Kernel...', 'Using DTB from configuration table',
                'Exiting boot services...')
    console.expect('efi: EFI v2.70 by EDK II')
    console.expect(f'Kernel command line: {append}')
    console.expect('CPU: All CPU(s) started at EL2')
    console.expect(BOOT_COMPLETE)
    console.expect(POWER_DOWN)
    assert console.wait_exit() == 0
    texts = [ln.text for ln in console.lines]
    assert not [t for t in texts if 'initrd' in t and 'EFI stub' in t], texts
    assert not [t for t in texts if t.startswith('RAMDISK:')], texts


def test_edk2_no_device_tree_is_an_error(env, console):
    """ACPI on: no DEVICE_TREE_GUID table. The stub fails cleanly and EDK2
    gets EFI_NOT_FOUND back (its boot manager says "Not Found")."""
    image = env.artifact('arch/arm64/boot/Image')
    console.start(edk2_qemu(env, acpi=True, kernel=image, append='console=ttyAMA0'))
    expect_stub(console, 'Booting Linux Kernel...')
    with console.disable_check('uboot_error'):     # the stub's "ERROR: "
        expect_stub(console, 'ERROR: No device tree: none in the configuration table '
                    '(DEVICE_TREE_GUID) and no dtb= given')
        console.expect(BDS_NOT_FOUND)
    assert not [ln for ln in console.lines if 'Exiting boot services' in ln.text]
