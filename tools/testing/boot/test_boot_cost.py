# SPDX-License-Identifier: GPL-2.0
"""The boot's cost in instructions, as `make bench` reports it.

/bin/bench --boot runs as the first program (rdinit=) and reads the
virtual counter first thing in main; under -icount shift=0 every guest
instruction is 1 ns, so the nanoseconds since reset are the instructions
the boot took (usr/bin/bench.c). The bound is the one issue 9 set:
under 2 million instructions from reset to the first program at 512 MiB.
It grows with memory (mem_map, the linear map), so more RAM costs more.
"""

import os
import re

import pytest

BOOT_LINE = re.compile(r'bench: boot: (\d+) instructions \(reset to bench\'s main')
ICOUNT = ['-icount', 'shift=0,sleep=off', '-seed', '1']
LIMIT_512M = 2_000_000


@pytest.fixture
def initramfs(boot_env):
    path = os.path.join(boot_env.build_dir, 'usr', 'initramfs.cpio')
    assert os.path.exists(path), f'{path} missing: run `make` (it builds usr/) first'
    return path


def boot_cost(console, qemu_cmd, kernel_image, initramfs, memory):
    console.start(qemu_cmd(kernel=kernel_image, memory=memory, smp=1,
                           append='console=ttyAMA0 quiet rdinit=/bin/bench -- --boot',
                           extra=['-initrd', initramfs] + ICOUNT))
    lines = console.read_until_exit(timeout=120)
    assert console.exitstatus == 0
    found = [m for m in (BOOT_LINE.search(ln.text) for ln in lines) if m]
    assert found, 'bench --boot printed no figure'
    return int(found[0][1])


def test_boot_cost(make_console, qemu_cmd, kernel_image, initramfs):
    small = boot_cost(make_console('-128M'), qemu_cmd, kernel_image, initramfs, '128M')
    mid = boot_cost(make_console('-512M'), qemu_cmd, kernel_image, initramfs, '512M')
    big = boot_cost(make_console('-2G'), qemu_cmd, kernel_image, initramfs, '2G')
    assert 100_000 < small < mid < big, (small, mid, big)
    assert mid < LIMIT_512M, f'boot took {mid} instructions at 512 MiB (limit {LIMIT_512M})'
