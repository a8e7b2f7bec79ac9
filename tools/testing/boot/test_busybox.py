# SPDX-License-Identifier: GPL-2.0
"""Debian's busybox as the user space: the initramfs `make qemu` boots
(<build-dir>/usr/initramfs-busybox.cpio, see usr/Makefile).

  * /init (usr/init/init.sh, busybox sh) links the applets, mounts /proc
    and /dev, and hands over to the project's init, which runs busybox's
    sh: the prompt comes, and commands typed at it run;
  * /test/busybox.sh (usr/selftests/busybox.sh), run from the kernel's
    command line: pipelines, redirections, here-documents, $(...), files
    in /tmp, a #! script, /proc and /dev, in KTAP; every case must pass.
"""

import os
import re

import pytest

PROMPT = re.compile(r'headstart:(\S*)# ')


@pytest.fixture
def busybox_initramfs(boot_env):
    path = os.path.join(boot_env.build_dir, 'usr', 'initramfs-busybox.cpio')
    assert os.path.exists(path), f'{path} missing: run `make` (it builds usr/) first'
    return path


def test_busybox_script_suite(console, qemu_cmd, kernel_image, busybox_initramfs):
    console.start(qemu_cmd(kernel=kernel_image, memory='256M',
                           append='console=ttyAMA0 poweroff -- /test/busybox.sh',
                           extra=['-initrd', busybox_initramfs]))
    lines = console.read_until_exit(timeout=180)
    texts = [ln.text for ln in lines]
    assert 'KTAP version 1' in texts, texts[-20:]
    plan = next(t for t in texts if re.fullmatch(r'1\.\.\d+', t))
    results = [t for t in texts if re.match(r'(not )?ok \d+ ', t)]
    failed = [t for t in results if t.startswith('not ok')]
    assert not failed, '\n'.join(t for t in texts if t.startswith(('not ok', '# ')))
    assert len(results) == int(plan[3:]), results
    assert 'init: /test/busybox.sh exited with status 0' in texts


def test_busybox_prompt(console, qemu_cmd, kernel_image, busybox_initramfs):
    """What `make qemu` shows: busybox's sh at the prompt, taking commands."""
    console.start(qemu_cmd(kernel=kernel_image, memory='256M', append='console=ttyAMA0',
                           extra=['-initrd', busybox_initramfs]))
    console.expect_raw(PROMPT, timeout=60)
    # The answers are computed, so the echo of what was typed cannot match.
    console.send('echo X$((6 * 7))Y; readlink /bin/sh; echo Z$(ls /proc/1 | grep -c stat)Z\r')
    console.expect_raw(re.compile(r'X42Y'), timeout=30)
    console.expect_raw(re.compile(r'/bin/busybox'), timeout=30)
    console.expect_raw(re.compile(r'Z1Z'), timeout=30)
    console.expect_raw(PROMPT, timeout=30)
    console.send('poweroff -f\r')
    console.read_until_exit(timeout=60)
