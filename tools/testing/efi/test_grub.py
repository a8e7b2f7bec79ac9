# SPDX-License-Identifier: GPL-2.0
"""GRUB boots the Image the way Debian and Ubuntu do on arm64: EDK2 starts
GRUB from EFI/BOOT/BOOTAA64.EFI on an EFI System Partition, GRUB's
`linux /Image ...` and `initrd /initramfs.cpio` load the kernel and the
initrd from the same partition, and `boot` starts the kernel's EFI stub.
Debian's GRUB 2.06 does so from its own allocation of the file (the stub
moves the kernel to a 2 MiB boundary with room for BSS) and describes the
initrd in the device tree it installs, which the stub passes on.

BOOTAA64.EFI is made by the host's grub-mkstandalone (grub-common) from
GRUB's arm64-efi modules, which scripts/install-deps unpacks from Debian's
grub-efi-arm64-bin:arm64 (--grub-dir), with the grub.cfg below in its
memdisk. One EDK2 boot.
"""

import os
import re
import subprocess

import pytest

from efi_boot import expect_efi_memory, expect_ramdisk, expect_stub, shell_poweroff
from esp import make_esp_disk
from qemu_console import qemu_command

RAM_START = 0x40000000
RAM_SIZE = 256 << 20
BOOTARGS = 'console=ttyAMA0 memblock=debug efi.test=grub'
GRUB_CFG = f"""\
search --no-floppy --file --set=root /Image
echo 'headstart: GRUB loading /Image'
linux /Image {BOOTARGS}
initrd /initramfs.cpio
boot
"""


def grub_efi(env, test_dir):
    mods = os.path.join(env.grub_dir, 'usr', 'lib', 'grub', 'arm64-efi')
    if not os.path.isfile(os.path.join(mods, 'moddep.lst')):
        pytest.fail(f'no GRUB arm64-efi modules in {mods}: make deps-test unpacks '
                    f'grub-efi-arm64-bin:arm64 there', pytrace=False)
    cfg = os.path.join(test_dir, 'grub.cfg')
    with open(cfg, 'w') as f:
        f.write(GRUB_CFG)
    out = os.path.join(test_dir, 'BOOTAA64.EFI')
    subprocess.run(['grub-mkstandalone', '-O', 'arm64-efi', '-d', mods, '-o', out,
                    '--modules=part_msdos fat search linux echo',
                    f'boot/grub/grub.cfg={cfg}'], check=True)
    return out


def test_grub_linux_initrd_to_shell(env, console, test_dir):
    initrd = env.artifact('usr/initramfs.cpio')
    disk = make_esp_disk(os.path.join(test_dir, 'esp.img'), {
        'EFI/BOOT/BOOTAA64.EFI': grub_efi(env, test_dir),
        'Image': env.artifact('arch/arm64/boot/Image'),
        'initramfs.cpio': initrd,
    })
    drive = f'if=virtio,format=raw,snapshot=on,file={disk.replace(",", ",,")}'
    console.start(qemu_command(qemu=env.qemu, bios=env.edk2, memory='256M',
                               machine_opts=('acpi=off',), extra=['-drive', drive]))
    console.expect(re.compile(r'.*headstart: GRUB loading /Image'))
    expect_stub(console, 'Booting Linux Kernel...', 'Using DTB from configuration table',
                'Exiting boot services...')
    # GRUB 2.06 puts the initrd in /chosen of the DTB it installs, not
    # behind LoadFile2: the stub loads none and keeps GRUB's properties
    assert not [ln for ln in console.lines if 'Loaded initrd' in ln.text]
    console.expect('efi: EFI v2.70 by EDK II')
    expect_ramdisk(console, os.path.getsize(initrd))
    expect_efi_memory(console, RAM_START, RAM_SIZE)
    # GRUB puts BOOT_IMAGE=<path> first, as on any Linux distribution
    console.expect(f'Kernel command line: BOOT_IMAGE=/Image {BOOTARGS}')
    shell_poweroff(console)
