# SPDX-License-Identifier: GPL-2.0
"""/proc under Debian's busybox: /test/procfs.sh (usr/selftests/procfs.sh)
booted from the busybox initramfs, in KTAP: /proc/self, /proc/PID/stat
(52 fields), status, cmdline, exe, fd/ (files, pipes, deleted files),
maps, a vanished pid, /proc/version against uname, the load average
rising while a CPU is kept busy, ps and uptime over them. /proc/cmdline
must be the command line QEMU passed.
"""

import os
import re

import pytest

APPEND = 'console=ttyAMA0 poweroff -- /test/procfs.sh'


@pytest.fixture
def busybox_initramfs(boot_env):
    path = os.path.join(boot_env.build_dir, 'usr', 'initramfs-busybox.cpio')
    assert os.path.exists(path), f'{path} missing: run `make` (it builds usr/) first'
    return path


def test_procfs_script(console, qemu_cmd, kernel_image, busybox_initramfs):
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', append=APPEND,
                           extra=['-initrd', busybox_initramfs]))
    texts = [ln.text for ln in console.read_until_exit(timeout=180)]
    assert 'KTAP version 1' in texts, texts[-20:]
    plan = next(t for t in texts if re.fullmatch(r'1\.\.\d+', t))
    results = [t for t in texts if re.match(r'(not )?ok \d+ ', t)]
    failed = [t for t in results if t.startswith('not ok')]
    assert not failed, '\n'.join(t for t in texts if t.startswith(('not ok', '# ')))
    assert len(results) == int(plan[3:]), results
    assert f'# cmdline: {APPEND}' in texts
    assert '# free: 1' in texts
    assert 'init: /test/procfs.sh exited with status 0' in texts
