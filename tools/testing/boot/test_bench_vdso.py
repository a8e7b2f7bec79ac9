# SPDX-License-Identifier: GPL-2.0
"""What a clock read costs, as `make bench` reports it: /bin/bench on one
CPU under -icount shift=0 (exact instruction counts from the PMU), its
rows `clock_gettime (vDSO)` (the vDSO's __kernel_clock_gettime, found by
usr/lib/vdso.c) and `clock_gettime (syscall)`.

A read through the vDSO stays at EL0: a few dozen instructions (the
sequence count, the counter, one multiply and shift, the division into
seconds), against the full system call path. The bound, 100, is about
twice what it takes at the time of writing (53); a system call costs
more than that on its own (`null syscall` is about 115).
"""

import os
import re

import pytest

ICOUNT = ['-icount', 'shift=0,sleep=off', '-seed', '1']
ROW = r'{}\s+(\d+)\s+(\d+)\s+(\d+)\.\d'


@pytest.fixture
def initramfs(boot_env):
    path = os.path.join(boot_env.build_dir, 'usr', 'initramfs.cpio')
    assert os.path.exists(path), f'{path} missing: run `make` (it builds usr/) first'
    return path


def test_clock_gettime_vdso_vs_syscall(console, qemu_cmd, kernel_image, initramfs):
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', smp=1,
                           append='console=ttyAMA0 quiet poweroff -- /bin/bench -n 1000',
                           extra=['-initrd', initramfs] + ICOUNT))
    text = '\n'.join(ln.text for ln in console.read_until_exit(timeout=120))
    assert console.exitstatus == 0
    assert 'bench: instructions retired' in text, text
    vdso = re.search(ROW.format(re.escape('clock_gettime (vDSO)')), text)
    sys = re.search(ROW.format(re.escape('clock_gettime (syscall)')), text)
    assert vdso and sys, text
    per_vdso, per_sys = int(vdso[3]), int(sys[3])
    assert int(vdso[1]) == 1000 and int(sys[1]) == 1000
    assert 10 < per_vdso < 100, f'{per_vdso} instructions per vDSO clock_gettime'
    assert per_sys > 2 * per_vdso, (per_vdso, per_sys)
