# SPDX-License-Identifier: GPL-2.0
"""User space on the real kernel: the initramfs `make` builds (usr/, in
<build-dir>/usr/initramfs.cpio) booted with QEMU's -initrd.

  * /bin/usertests, run by /init from the words after `--` on the command
    line: every user-space test program (fork/exec/wait, 200 processes,
    CPU share, nanosleep, faults, -EFAULT, -ENOSYS, the syscall fuzzer...),
    KTAP out; any `not ok` fails at once (the console's bad patterns);
  * the interactive shell typed at over the serial console, as a person
    would: `ls /`, `echo`, a background `spin` seen by `ps` and ended by
    `kill`, then `poweroff`.
"""

import os
import re

import pytest

from qemu_console import ConsoleTimeout

PROMPT = re.compile(r'headstart:(\S*)# ')
# Guest time from instructions (see test_kunit.py): the CPU-share and
# nanosleep tests compare ticks, which host load must not disturb.
ICOUNT = ['-icount', 'shift=4,sleep=off']


@pytest.fixture
def initramfs(boot_env):
    path = os.path.join(boot_env.build_dir, 'usr', 'initramfs.cpio')
    assert os.path.exists(path), f'{path} missing: run `make` (it builds usr/) first'
    return path


def initramfs_test_programs(boot_env):
    """The /test programs the initramfs holds (usr/initramfs.list)."""
    with open(os.path.join(boot_env.build_dir, 'usr', 'initramfs.list')) as f:
        return [ln.split()[1] for ln in f if ln.startswith('file /test/')]


# GICv3 at EL1 and GICv2 at EL2 under -icount, and 4 CPUs of multi-threaded
# TCG (every program's processes spread over the CPUs at once).
@pytest.mark.parametrize('gic, el, smp', [(3, 1, None), (2, 2, None), (3, 1, 4)],
                         ids=['gic3-el1', 'gic2-el2', 'smp4-mttcg'])
def test_usertests(console, qemu_cmd, kernel_image, initramfs, boot_env, gic, el, smp):
    accel = ['-accel', 'tcg,thread=multi'] if smp else ICOUNT
    console.start(qemu_cmd(kernel=kernel_image, memory='512M', gic=gic, smp=smp,
                           virtualization=(el == 2),
                           append='console=ttyAMA0 poweroff -- /bin/usertests',
                           extra=['-initrd', initramfs] + accel))
    lines = console.read_until_exit(timeout=240)
    assert console.exitstatus == 0
    texts = [ln.text for ln in lines]
    assert 'Run /init as init process' in texts
    summary = [t for t in texts if t.startswith('# usertests: ')]
    assert summary, 'no usertests summary line'
    m = re.fullmatch(r'# usertests: pass:(\d+) fail:(\d+) skip:(\d+) total:(\d+)', summary[-1])
    assert m and m[2] == '0' and int(m[1]) == int(m[4]), summary[-1]
    assert int(m[4]) == len(initramfs_test_programs(boot_env)), summary[-1]
    assert 'init: /bin/usertests exited with status 0' in texts


def test_usertests_nanosleep_smp4(console, qemu_cmd, kernel_image, initramfs):
    """nanosleep's timing on 4 CPUs, where each sleep is timed by the
    hrtimer queue of the CPU the program runs on."""
    console.start(qemu_cmd(kernel=kernel_image, smp=4,
                           append='console=ttyAMA0 poweroff -- /bin/usertests nanosleep',
                           extra=['-initrd', initramfs] + ICOUNT))
    texts = [ln.text for ln in console.read_until_exit(timeout=120)]
    assert console.exitstatus == 0
    assert 'smp: Brought up 1 node, 4 CPUs' in texts
    assert '# usertests: pass:1 fail:0 skip:0 total:1' in texts, texts
    assert not [t for t in texts if 'not ok' in t], texts


def shell(console, command, timeout=30):
    """Type a command line; return what it printed before the next prompt."""
    console.send(command + '\r')
    console.expect_raw(PROMPT, timeout=timeout)
    out = console.child.before
    # The tty echoes what was typed: drop that first line.
    return out.split('\n', 1)[1] if '\n' in out else ''


def test_shell_session(console, qemu_cmd, kernel_image, initramfs):
    console.start(qemu_cmd(kernel=kernel_image, memory='256M',
                           append='console=ttyAMA0', extra=['-initrd', initramfs]))
    console.expect_raw(PROMPT, timeout=30)

    listing = shell(console, 'ls /').split()
    for name in ('bin', 'dev', 'init', 'proc'):
        assert name in listing, listing

    assert shell(console, 'echo hello  world').strip() == 'hello world'

    started = shell(console, 'spin &')
    m = re.search(r'\[\d+\] (\d+)', started)
    assert m, f'no job line after `spin &`: {started!r}'
    pid = m[1]
    ps = shell(console, 'ps')
    mine = [ln for ln in ps.splitlines() if ln.split()[:1] == [pid]]
    assert mine and mine[0].split()[-1] == 'spin', ps

    shell(console, f'kill {pid}')
    ps = shell(console, 'ps')
    assert not [ln for ln in ps.splitlines()
                if ln.split()[:1] == [pid] and ln.split()[2] != 'Z'], ps

    # ^C ends the foreground job (the tty sends it SIGINT), not the shell.
    # A ^C that arrives before the shell's child has exec'd spin (and reset
    # SIGINT from the shell's "ignore" to the default) is lost, as it would
    # be on Linux: press it again, as a person would, until the prompt.
    console.send('spin\r')
    console.expect_raw(re.compile(r'spin\r*\n'), timeout=10)
    for attempt in range(10):
        console.send('\x03')
        try:
            console.expect_raw(PROMPT, timeout=1)
            break
        except ConsoleTimeout:
            continue
    else:
        pytest.fail('^C never brought the prompt back')
    assert 'spin' not in shell(console, 'ps')

    console.send('poweroff\r')
    console.read_until_exit(timeout=30)
    assert console.exitstatus == 0
