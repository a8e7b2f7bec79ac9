# SPDX-License-Identifier: GPL-2.0
"""What every UEFI boot of headstart shows, shared by the tests here.

The EFI stub's lines come first, on the firmware's console (EDK2 may put
screen-control escapes before the first one); then the kernel's, in
Linux's wording, with the firmware the stub found: `efi: EFI v2.70 by
EDK II` or `efi: EFI v2.100 by Das U-Boot`. memblock=debug shows where RAM
came from: the UEFI memory map, whose runtime-services regions the kernel
keeps out of its linear map (flags 0x4, MEMBLOCK_NOMAP), where a /memory
node would have given one plain region.
"""

import re

BOOT_COMPLETE = 'headstart: boot complete, CPU0 idle'
POWER_DOWN = 'reboot: Power down'
SHELL_PROMPT = re.compile(r'headstart:\S*# ')
_ESC = r'(?:\x1b\[[0-9;=?]*[A-Za-z])*'
MEMORY_RE = re.compile(r' memory\[0x[0-9a-f]+\]\t\[(0x[0-9a-f]{16})-(0x[0-9a-f]{16})\], '
                       r'0x[0-9a-f]+ bytes flags: (0x[0-9a-f]+)')
RAMDISK_RE = re.compile(r'RAMDISK: \[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\]')
MEMBLOCK_NOMAP = 0x4


def stub(msg):
    """A line of the EFI stub: "EFI stub: <msg>"."""
    return re.compile(_ESC + re.escape('EFI stub: ' + msg))


def expect_stub(con, *msgs):
    for msg in msgs:
        con.expect(stub(msg))


def expect_efi_memory(con, ram_start, ram_size):
    """memblock=debug's memory regions: all of RAM, from the UEFI map (more
    than one region, some of it nomap)."""
    cnt = con.expect(re.compile(r' memory\.cnt  = (0x[0-9a-f]+)'))
    regions = []
    for _ in range(int(cnt.match.group(1), 16)):
        m = con.expect(MEMORY_RE).match
        regions.append((int(m.group(1), 16), int(m.group(2), 16), int(m.group(3), 16)))
    assert regions[0][0] == ram_start and regions[-1][1] == ram_start + ram_size - 1, regions
    assert any(flags & MEMBLOCK_NOMAP for _, _, flags in regions), (
        f'no nomap region: RAM did not come from the UEFI memory map: {regions}')


def expect_ramdisk(con, size):
    """The kernel reserved an initrd of exactly `size` bytes."""
    m = con.expect(RAMDISK_RE).match
    start, last = int(m.group(1), 16), int(m.group(2), 16)
    assert last - start + 1 == size, f'initrd of {last - start + 1} bytes, expected {size}'


def shell_poweroff(con):
    """At the initramfs' shell: power off through it; QEMU exits with 0."""
    con.expect(BOOT_COMPLETE)
    con.expect_raw(SHELL_PROMPT)
    con.send('poweroff\n')
    con.expect(POWER_DOWN)
    assert con.wait_exit() == 0
