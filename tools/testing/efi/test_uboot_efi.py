# SPDX-License-Identifier: GPL-2.0
"""U-Boot's UEFI layer (Debian's u-boot-qemu, qemu_arm64) starts the Image
as an EFI application:

  * `load virtio 0:1 ${kernel_addr_r} /Image` from an ESP disk image, then
    `bootefi ${kernel_addr_r} ${fdtcontroladdr}`: U-Boot passes its own
    DTB in the configuration table and ${bootargs} as LoadOptions; this
    U-Boot offers no LINUX_EFI_INITRD_MEDIA_GUID device path, so the stub
    takes the initrd from `initrd=/initramfs.cpio` on the command line,
    read from the device the Image was loaded from;
  * distro boot (`boot`, U-Boot's default bootcmd) finding
    EFI/BOOT/BOOTAA64.EFI on the ESP, with `dtb=` naming a device tree of
    the ESP (its /model shows the kernel got it).

Both reach the initramfs' shell with `efi: EFI v2.100 by Das U-Boot`.
"""

import os
import re
import subprocess

from efi_boot import expect_efi_memory, expect_ramdisk, expect_stub, shell_poweroff
from esp import make_esp_disk
from qemu_console import qemu_command
from uboot import UBoot

RAM_START = 0x40000000
RAM_SIZE = 256 << 20
MODEL = 'headstart EFI test board'


def esp_disk(env, test_dir):
    image = env.artifact('arch/arm64/boot/Image')
    dtb = os.path.join(test_dir, 'board.dtb')
    with open(env.artifact('arch/arm64/boot/dts/qemu/virt-gicv2.dtb'), 'rb') as src, \
            open(dtb, 'wb') as dst:
        dst.write(src.read())
    subprocess.run(['fdtput', '-t', 's', dtb, '/', 'model', MODEL], check=True)
    return make_esp_disk(os.path.join(test_dir, 'esp.img'), {
        'EFI/BOOT/BOOTAA64.EFI': image,
        'Image': image,
        'initramfs.cpio': env.artifact('usr/initramfs.cpio'),
        'dtb/board.dtb': dtb,
    })


def uboot_with_disk(env, console, disk):
    drive = f'if=virtio,format=raw,snapshot=on,file={disk.replace(",", ",,")}'
    return UBoot(console).start(qemu_command(qemu=env.qemu, bios=env.uboot,
                                             extra=['-drive', drive]))


def test_uboot_bootefi_from_disk(env, console, test_dir):
    disk = esp_disk(env, test_dir)
    initrd = env.artifact('usr/initramfs.cpio')
    ub = uboot_with_disk(env, console, disk)
    ub.stop_autoboot()
    out = ub.run('load virtio 0:1 ${kernel_addr_r} /Image')
    size = os.path.getsize(env.artifact('arch/arm64/boot/Image'))
    assert f'{size} bytes read' in out, out
    bootargs = 'console=ttyAMA0 memblock=debug initrd=/initramfs.cpio efi.test=bootefi'
    ub.run(f'setenv bootargs {bootargs}')
    ub.boot('bootefi ${kernel_addr_r} ${fdtcontroladdr}')
    expect_stub(console, 'Booting Linux Kernel...', 'Using DTB from configuration table',
                'Loaded initrd from command line option', 'Exiting boot services...')
    console.expect('efi: EFI v2.100 by Das U-Boot')
    expect_ramdisk(console, os.path.getsize(initrd))
    expect_efi_memory(console, RAM_START, RAM_SIZE)
    console.expect(f'Kernel command line: {bootargs}')
    shell_poweroff(console)


def test_uboot_distro_boot_esp(env, console, test_dir):
    disk = esp_disk(env, test_dir)
    ub = uboot_with_disk(env, console, disk)
    ub.stop_autoboot()
    bootargs = 'console=ttyAMA0 dtb=/dtb/board.dtb initrd=/initramfs.cpio efi.test=distro'
    ub.run(f'setenv bootargs {bootargs}')
    ub.boot('boot')
    console.expect(re.compile(r'Found EFI removable media binary efi/boot/bootaa64\.efi'))
    expect_stub(console, 'Booting Linux Kernel...', 'Using DTB from command line',
                'Loaded initrd from command line option', 'Exiting boot services...')
    console.expect(f'Machine model: {MODEL}')
    console.expect('efi: EFI v2.100 by Das U-Boot')
    console.expect(f'Kernel command line: {bootargs}')
    shell_poweroff(console)
