# SPDX-License-Identifier: GPL-2.0
"""Boot headstart from Debian's U-Boot (qemu_arm64), the ways users do:

  * booti of the Image that QEMU's `-device loader,...,force-raw=on` put
    in RAM: at a 2 MiB-aligned address with U-Boot's own DTB
    (${fdtcontroladdr}), and at an unaligned one with a user's DTB, which
    U-Boot must move to the next 2 MiB boundary because the Image header
    says "anywhere, 2 MiB aligned, text_offset 0";
  * booti of Image.gz (kernel_comp_addr_r / kernel_comp_size);
  * bootm of image.fit (kernel + QEMU virt GICv3 DTB);
  * distro boot of disk.img (extlinux.conf) with no key pressed;
  * an initrd from booti <k> <initrd>:<size> <fdt> and from QEMU -initrd.

Where the kernel really ran is read from its own log: `memblock=debug`
lists the reserved regions, the first of which is the kernel image
[__pa(_text), __pa(_end)); the command line U-Boot passed shows as
"Kernel command line:".
"""

import os
import re
import struct
import subprocess

from qemu_console import qemu_command
from uboot import INITRD_ARGS, UBoot, write_initrd

SZ_2M = 2 << 20
BOOT_COMPLETE = 'headstart: boot complete, CPU0 idle'
POWER_DOWN = 'reboot: Power down'
KERNEL_ADDR_R = 0x40400000      # Debian's qemu_arm64 environment
RAMDISK_ADDR_R = 0x44000000
RESERVED_RE = re.compile(r' reserved\[0x[0-9a-f]+\]\t\[(0x[0-9a-f]{16})-(0x[0-9a-f]{16})\], '
                         r'(0x[0-9a-f]+) bytes flags: 0x[0-9a-f]+')


def image_size(path):
    """image_size from an Image's header (u64 at offset 16)."""
    with open(path, 'rb') as f:
        head = f.read(64)
    assert head[56:60] == b'ARM\x64', f'{path}: no arm64 Image magic'
    return struct.unpack_from('<Q', head, 16)[0]


def uboot_qemu(env, loaders=(), gic=None, extra=()):
    return qemu_command(qemu=env.qemu, bios=env.uboot, gic=gic,
                        loaders=loaders, extra=extra)


def cmdline(name, *more):
    return ' '.join(('console=ttyAMA0', 'memblock=debug', *more, 'poweroff',
                     f'uboot.test={name}'))


def reserved_regions(con):
    """[(first, last), ...] from memblock=debug's dump of reserved memory."""
    cnt = con.expect(re.compile(r' reserved\.cnt  = (0x[0-9a-f]+)'))
    regions = []
    for _ in range(int(cnt.match.group(1), 16)):
        m = con.expect(RESERVED_RE).match
        regions.append((int(m.group(1), 16), int(m.group(2), 16)))
    return regions


def expect_kernel_at(con, base, size):
    """One reserved region is exactly the kernel image, [__pa(_text),
    __pa(_end)): the kernel ran at `base`."""
    regions = reserved_regions(con)
    assert (base, base + size - 1) in regions, (
        f'no reserved region [{base:#x}, {base + size:#x}) for the kernel image: '
        + ', '.join(f'[{a:#x}-{b:#x}]' for a, b in regions))


def expect_booted(con, bootargs, model=None):
    if model is not None:
        con.expect(f'Machine model: {model}')
    con.expect(f'Kernel command line: {bootargs}')
    con.expect(BOOT_COMPLETE)
    con.expect(POWER_DOWN)
    assert con.wait_exit() == 0


def set_model(dtb, path, model):
    """A copy of dtb at path with /model set: the kernel prints it, so the
    log shows which DTB it was given."""
    with open(dtb, 'rb') as src, open(path, 'wb') as dst:
        dst.write(src.read())
    subprocess.run(['fdtput', '-t', 's', path, '/', 'model', model], check=True)
    return path


def test_booti_aligned_uboot_dtb(env, console):
    """The Image at ${kernel_addr_r} (2 MiB aligned) runs where it is, with
    the DTB U-Boot itself got from QEMU."""
    image = env.artifact('Image')
    ub = UBoot(console).start(uboot_qemu(env, loaders=[(image, KERNEL_ADDR_R)]))
    ub.stop_autoboot()
    assert ub.env('kernel_addr_r') == KERNEL_ADDR_R
    fdt = ub.env('fdtcontroladdr')
    bootargs = cmdline('aligned')
    ub.run(f'setenv bootargs {bootargs}')
    ub.boot('booti ${kernel_addr_r} - ${fdtcontroladdr}')
    con = console
    con.expect(f'   Booting using the fdt blob at {fdt:#x}')
    con.expect('Starting kernel ...')
    assert not [ln for ln in con.lines if 'Moving Image' in ln.raw]
    con.expect('Machine model: linux,dummy-virt')
    expect_kernel_at(con, KERNEL_ADDR_R, image_size(image))
    expect_booted(con, bootargs)


def test_booti_unaligned_user_dtb(env, console, test_dir):
    """An Image 512 KiB past a 2 MiB boundary: U-Boot moves it up to the
    next one (flags bit 3: anywhere; text_offset 0), and the kernel runs
    there with the DTB the user loaded."""
    image = env.artifact('Image')
    size = image_size(image)
    load = KERNEL_ADDR_R + 0x80000
    moved = (load + SZ_2M - 1) & ~(SZ_2M - 1)
    dtb = set_model(env.artifact('dts/qemu/virt-gicv2.dtb'),
                    os.path.join(test_dir, 'board.dtb'), 'headstart U-Boot test board')
    fdt_at = 0x48000000
    ub = UBoot(console).start(uboot_qemu(env, loaders=[(image, load), (dtb, fdt_at)]))
    ub.stop_autoboot()
    bootargs = cmdline('unaligned')
    ub.run(f'setenv bootargs {bootargs}')
    ub.boot(f'booti {load:#x} - {fdt_at:#x}')
    console.expect(f'Moving Image from {load:#x} to {moved:#x}, end={moved + size:x}')
    console.expect(f'   Booting using the fdt blob at {fdt_at:#x}')
    console.expect('Machine model: headstart U-Boot test board')
    expect_kernel_at(console, moved, size)
    expect_booted(console, bootargs)


def test_booti_image_gz(env, console):
    """Image.gz at ${kernel_addr_r}: booti copies it to kernel_comp_addr_r
    and inflates it back to ${kernel_addr_r}."""
    gz = env.artifact('Image.gz')
    size = image_size(env.artifact('Image'))
    with open(gz, 'rb') as f:
        assert f.read(2) == b'\x1f\x8b', 'Image.gz is not gzip'
    ub = UBoot(console).start(uboot_qemu(env, loaders=[(gz, KERNEL_ADDR_R)]))
    ub.stop_autoboot()
    bootargs = cmdline('gzip')
    ub.run(f'setenv bootargs {bootargs}')
    ub.run('setenv kernel_comp_addr_r 0x46000000')
    # the room booti may use there: for the compressed file, and the bound
    # U-Boot gives gunzip for the output
    ub.run('setenv kernel_comp_size 0x1000000')
    ub.boot('booti ${kernel_addr_r} - ${fdtcontroladdr}')
    console.expect('   Uncompressing Kernel Image')
    console.expect('Starting kernel ...')
    expect_kernel_at(console, KERNEL_ADDR_R, size)
    expect_booted(console, bootargs)


def test_bootm_fit(env, console):
    """image.fit: bootm checks both hashes, loads the kernel at its `load`
    address and boots it with the FIT's own device tree."""
    fit = env.artifact('image.fit')
    fit_at = 0x42000000
    fit_end = fit_at + os.path.getsize(fit)
    size = image_size(env.artifact('Image'))
    ub = UBoot(console).start(uboot_qemu(env, gic=3, loaders=[(fit, fit_at)]))
    ub.stop_autoboot()
    out = ub.run(f'iminfo {fit_at:#x}')
    assert 'FIT image found' in out, out
    assert "Default Configuration: 'virt-gicv3'" in out, out
    bootargs = cmdline('fit')
    ub.run(f'setenv bootargs {bootargs}')
    ub.boot(f'bootm {fit_at:#x}')
    console.expect(f'## Loading kernel from FIT Image at {fit_at:08x} ...')
    console.expect("   Using 'virt-gicv3' configuration")
    console.expect('   Verifying Hash Integrity ... OK')
    console.expect(re.compile(r'   Verifying Hash Integrity \.\.\. sha256\+ OK'))
    console.expect(f'## Loading fdt from FIT Image at {fit_at:08x} ...')
    line = console.expect(re.compile(r'   Booting using the fdt blob at (0x[0-9a-f]+)'))
    fdt = int(line.match.group(1), 16)
    assert fit_at <= fdt < fit_end, f'fdt at {fdt:#x} is not the one in the FIT'
    console.expect('Starting kernel ...')
    expect_kernel_at(console, KERNEL_ADDR_R, size)
    expect_booted(console, bootargs)


def test_distro_boot_disk_img(env, console):
    """disk.img as a virtio disk and no key pressed: bootcmd (distro boot)
    finds extlinux/extlinux.conf and boots it with its APPEND line."""
    disk = env.artifact('disk.img')
    with open(disk, 'rb') as f:
        mbr = f.read(512)
    assert mbr[510:] == b'\x55\xaa' and mbr[446] == 0x80, 'no bootable MBR partition'
    drive = f'if=virtio,format=raw,snapshot=on,file={disk.replace(",", ",,")}'
    console.start(uboot_qemu(env, extra=['-drive', drive]))
    console.expect(re.compile(r'Scanning virtio 0:1\.\.\.'))
    console.expect('Found /extlinux/extlinux.conf')
    line = console.expect(re.compile(r'append: (.*)'))
    append = line.match.group(1)
    console.expect('Starting kernel ...')
    console.expect(f'Kernel command line: {append}')
    console.expect(BOOT_COMPLETE)


def test_distro_boot_append_fdt_initrd(env, console, test_dir):
    """A disk made by mkdisk.py (what make disk.img runs) with APPEND,
    FDT and INITRD lines of one's own: each reaches the kernel. Debian's
    U-Boot has no fdt_addr_r, without which sysboot ignores FDT and passes
    its own DTB; so this one is set at the prompt before `boot`."""
    dtb = set_model(env.artifact('dts/qemu/virt-gicv2.dtb'),
                    os.path.join(test_dir, 'board.dtb'), 'headstart extlinux board')
    initrd = os.path.join(test_dir, 'initrd.img')
    size = write_initrd(initrd, 0x5432, env.usr_dir)
    disk = os.path.join(test_dir, 'disk.img')
    bootargs = f"{cmdline('extlinux')} {INITRD_ARGS}"
    mkdisk = os.path.join(os.path.dirname(__file__), '..', '..', '..',
                          'arch', 'arm64', 'boot', 'mkdisk.py')
    subprocess.run([mkdisk, '-o', disk, '--image', env.artifact('Image'),
                    '--append', bootargs, '--dtb', dtb, '--initrd', initrd],
                   check=True)
    ub = UBoot(console).start(uboot_qemu(env, extra=['-drive',
                                                     f'if=virtio,format=raw,file={disk}']))
    ub.stop_autoboot()
    ub.run('setenv fdt_addr_r 0x48000000')
    ub.boot('boot')
    console.expect('Found /extlinux/extlinux.conf')
    console.expect(f'append: {bootargs}')
    console.expect('   Booting using the fdt blob at 0x48000000')
    line = console.expect(re.compile(r'   Loading Ramdisk to ([0-9a-f]+), end ([0-9a-f]+) \.\.\. OK'))
    start, end = (int(g, 16) for g in line.match.groups())
    assert end - start == size
    console.expect('Machine model: headstart extlinux board')
    console.expect(f'RAMDISK: [mem {start:#010x}-{end - 1:#010x}]')
    expect_booted(console, bootargs)


def test_booti_initrd(env, console, test_dir):
    """booti <kernel> <initrd>:<size> <fdt>: U-Boot writes
    /chosen/linux,initrd-start/-end and the kernel reserves and reports
    exactly that range."""
    image = env.artifact('Image')
    initrd = os.path.join(test_dir, 'initrd.img')
    size = write_initrd(initrd, 0x12345, env.usr_dir)
    ub = UBoot(console).start(uboot_qemu(env, loaders=[(image, KERNEL_ADDR_R),
                                                       (initrd, RAMDISK_ADDR_R)]))
    ub.stop_autoboot()
    bootargs = f"{cmdline('initrd')} {INITRD_ARGS}"
    ub.run(f'setenv bootargs {bootargs}')
    ub.boot(f'booti ${{kernel_addr_r}} ${{ramdisk_addr_r}}:{size:#x} ${{fdtcontroladdr}}')
    # initrd_high=0xffffffff only keeps it below 4 GiB: U-Boot copies it
    # (to the top of RAM) and says where; that is what /chosen gets.
    line = console.expect(re.compile(r'   Loading Ramdisk to ([0-9a-f]+), end ([0-9a-f]+) \.\.\. OK'))
    start, end = (int(g, 16) for g in line.match.groups())
    assert end - start == size
    console.expect(f'RAMDISK: [mem {start:#010x}-{end - 1:#010x}]')
    assert (start, end - 1) in reserved_regions(console)
    expect_booted(console, bootargs)


def test_qemu_initrd(env, console, test_dir):
    """QEMU's own loader (-kernel -initrd): the range it wrote into /chosen
    (read back with -M virt,dumpdtb) is the one the kernel reports."""
    image = env.artifact('Image')
    initrd = os.path.join(test_dir, 'initrd.img')
    size = write_initrd(initrd, 0x23456, env.usr_dir)
    args = dict(qemu=env.qemu, kernel=image, extra=['-initrd', initrd],
                append=f"{cmdline('qemu-initrd')} {INITRD_ARGS}")
    dumped = os.path.join(test_dir, 'qemu.dtb')
    subprocess.run(qemu_command(machine_opts=[f'dumpdtb={dumped}'], **args),
                   check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=60)

    def prop(name):
        cells = subprocess.run(['fdtget', '-t', 'x', dumped, '/chosen', name], check=True,
                               capture_output=True, text=True).stdout.split()
        value = 0
        for c in cells:
            value = value << 32 | int(c, 16)
        return value
    start, end = prop('linux,initrd-start'), prop('linux,initrd-end')
    assert end - start == size
    console.start(qemu_command(**args))
    console.expect(f'RAMDISK: [mem {start:#010x}-{end - 1:#010x}]')
    expect_booted(console, f"{cmdline('qemu-initrd')} {INITRD_ARGS}")
