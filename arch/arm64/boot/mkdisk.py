#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""mkdisk.py: the disk image of `make disk.img`, made without root.

One MBR partition, bootable, type 0x83, starting at 1 MiB, holding an ext2
file system made by mke2fs -d from a staging directory:

    /Image                        the kernel
    /extlinux/extlinux.conf       LABEL headstart, KERNEL /Image, APPEND ...
    /dtbs/...                     the device trees given with --dtb (FDT
                                  line for the first); none: U-Boot passes
                                  its own DTB
    /initrd.img                   with --initrd (INITRD line)

U-Boot's distro boot (`run distro_bootcmd`, its default bootcmd) scans each
disk's bootable partitions for extlinux/extlinux.conf and boots its default
label with sysboot.
"""

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile

SECTOR = 512
PART_START = 1 << 20        # 1 MiB: the usual alignment


def extlinux_conf(append, fdt, initrd):
    lines = ['# headstart: read by U-Boot distro boot (sysboot)',
             'DEFAULT headstart', '',
             'LABEL headstart',
             '\tMENU LABEL headstart',
             '\tKERNEL /Image']
    if fdt:
        lines.append(f'\tFDT /dtbs/{fdt}')
    if initrd:
        lines.append('\tINITRD /initrd.img')
    lines.append(f'\tAPPEND {append}')
    return '\n'.join(lines) + '\n'


def mbr(part_start, part_size):
    """A master boot record with one bootable Linux partition. CHS fields
    say "use LBA" (0xfe 0xff 0xff), as for any partition past 8 GiB."""
    chs = b'\xfe\xff\xff'
    entry = (b'\x80' + chs + b'\x83' + chs +
             struct.pack('<II', part_start // SECTOR, part_size // SECTOR))
    sector = bytearray(SECTOR)
    sector[446:446 + 16] = entry
    sector[510:512] = b'\x55\xaa'
    return bytes(sector)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('-o', '--output', required=True)
    ap.add_argument('--image', required=True, help='the kernel Image')
    ap.add_argument('--append', default='console=ttyAMA0 earlycon',
                    help='kernel command line (extlinux APPEND)')
    ap.add_argument('--dtb', action='append', default=[],
                    help='a .dtb to put in /dtbs (the first is FDT)')
    ap.add_argument('--initrd', help='an initrd to load with the kernel')
    ap.add_argument('--size-mib', type=int, default=16)
    args = ap.parse_args()

    part_size = (args.size_mib << 20) - PART_START
    with tempfile.TemporaryDirectory() as stage:
        shutil.copyfile(args.image, os.path.join(stage, 'Image'))
        os.makedirs(os.path.join(stage, 'extlinux'))
        if args.dtb:
            os.makedirs(os.path.join(stage, 'dtbs'))
            for dtb in args.dtb:
                shutil.copyfile(dtb, os.path.join(stage, 'dtbs', os.path.basename(dtb)))
        if args.initrd:
            shutil.copyfile(args.initrd, os.path.join(stage, 'initrd.img'))
        with open(os.path.join(stage, 'extlinux', 'extlinux.conf'), 'w') as f:
            f.write(extlinux_conf(args.append,
                                  os.path.basename(args.dtb[0]) if args.dtb else None,
                                  args.initrd))
        tmp = args.output + '.tmp'
        if os.path.exists(tmp):
            os.unlink(tmp)
        # -E offset: the file system starts 1 MiB into the file; -d: its
        # contents from the staging directory, owned by root (-E root_owner).
        res = subprocess.run(
            ['mke2fs', '-q', '-F', '-t', 'ext2', '-L', 'headstart-boot',
             '-E', f'offset={PART_START},root_owner=0:0', '-d', stage,
             tmp, f'{part_size // 1024}k'],
            capture_output=True, text=True)
        if res.returncode:
            sys.exit(f'mke2fs failed: {res.stderr.strip()}')
    with open(tmp, 'r+b') as f:
        f.write(mbr(PART_START, part_size))
        f.truncate(args.size_mib << 20)
    os.replace(tmp, args.output)


if __name__ == '__main__':
    main()
