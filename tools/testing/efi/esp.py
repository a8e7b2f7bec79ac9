# SPDX-License-Identifier: GPL-2.0
"""esp.py: an EFI System Partition disk image, made without root or loop
devices, for the UEFI boot tests.

    make_esp_disk(path, {'EFI/BOOT/BOOTAA64.EFI': image, 'Image': image, ...})

One MBR partition of type 0xEF (EFI System) at 1 MiB, holding a FAT file
system made by mkfs.fat (dosfstools) and filled by mmd/mcopy (mtools) at
an offset into the disk file: what U-Boot's distro boot and EDK2's
removable-media boot look for (EFI/BOOT/BOOTAA64.EFI on arm64).
"""

import os
import struct
import subprocess

SECTOR = 512
PART_START = 1 << 20


def _mbr(part_start, part_size):
    chs = b'\xfe\xff\xff'           # "use LBA"
    entry = (b'\x80' + chs + b'\xef' + chs +
             struct.pack('<II', part_start // SECTOR, part_size // SECTOR))
    return bytes(446) + entry + bytes(48) + b'\x55\xaa'


def make_esp_disk(path, files, size_mib=None):
    """Write the disk image at `path`; files maps a path on the ESP ('/'
    separated) to a file on the host. The FAT is sized to fit them."""
    payload = sum(os.path.getsize(src) for src in files.values())
    if size_mib is None:
        size_mib = max(34, payload * 5 // 4 // (1 << 20) + 8)   # FAT32 needs >= 33 MiB
    part_size = size_mib << 20
    part = path + '.part'
    if os.path.exists(part):
        os.unlink(part)
    subprocess.run(['mkfs.fat', '-F', '32', '-n', 'ESP', '-C', part,
                    str(part_size // 1024)], check=True, capture_output=True)
    env = dict(os.environ, MTOOLS_SKIP_CHECK='1')
    made = set()
    for dest in sorted(files):
        parts = dest.strip('/').split('/')
        for i in range(1, len(parts)):
            d = '/'.join(parts[:i])
            if d not in made:
                subprocess.run(['mmd', '-i', part, '::/' + d], check=True, env=env)
                made.add(d)
        subprocess.run(['mcopy', '-i', part, files[dest], '::/' + '/'.join(parts)],
                       check=True, env=env)
    with open(path, 'wb') as disk, open(part, 'rb') as fs:
        disk.write(_mbr(PART_START, part_size))
        disk.seek(PART_START)
        while True:
            chunk = fs.read(1 << 20)
            if not chunk:
                break
            disk.write(chunk)
    os.unlink(part)
    return path
