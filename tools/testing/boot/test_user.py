# SPDX-License-Identifier: GPL-2.0
"""Processes: the kernel runs tools/testing/user/utest.c as /init.

The program (built here with the cross compiler, no libc) is pid 1; it
forks, execs itself as /bin/utest to get children that do one thing each,
and prints a KTAP report of what it saw: fork/exec/wait with argv, envp and
the auxiliary vector, children killed by faults, -EFAULT for kernel
pointers, -ENOSYS, sched_yield ping-pong, nanosleep, two CPU burners
preempted and accounted, kill, orphans reparented to init, brk/mmap/
mprotect/munmap, and 220 fork+exit+wait with every page given back.
Then it calls reboot(POWER_OFF).

The archive is written here (newc), with /dev/console as a device node.
"""

import os
import re
import subprocess

import pytest

from test_kunit import ICOUNT

SRCTREE = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
APPEND = 'console=ttyAMA0 poweroff'
# v5.15's arm64_show_signal line; the ESR part only when there is one.
FAULT_RE = re.compile(
    r'utest\[(?P<pid>\d+)\]: unhandled exception: '
    r'(?:(?P<cls>[^,]+), ESR 0x(?P<esr>[0-9a-f]{16}), )?'
    r'(?P<desc>level \d (?P<kind>translation|permission) fault|undefined instruction) '
    r'in utest\[400000\+(?P<size>[0-9a-f]+)\]')
SUPPRESSED_RE = re.compile(r'arm64_show_signal: (\d+) callbacks suppressed')


def newc_member(name, mode, data=b'', rdev=(0, 0)):
    name_b = name.encode() + b'\0'
    fields = [1, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0]
    out = b'070701' + b''.join(b'%08X' % f for f in fields) + name_b
    out += b'\0' * (-len(out) % 4) + data
    return out + b'\0' * (-len(out) % 4)


def newc_archive(members):
    return b''.join(newc_member(*m) for m in members) + newc_member('TRAILER!!!', 0)


@pytest.fixture(scope='module')
def utest(boot_env):
    out = os.path.join(boot_env.build_dir, '.tmp', 'user')
    subprocess.run(['make', '-s', '-C', os.path.join(SRCTREE, 'tools', 'testing', 'user'),
                    f'O={out}', f'CROSS_COMPILE={boot_env.cross_compile}'], check=True)
    with open(os.path.join(out, 'utest'), 'rb') as f:
        return f.read()


def initramfs(path, prog, init_name='init'):
    path.write_bytes(newc_archive([
        ('bin', 0o040755), ('dev', 0o040755), ('dev/console', 0o020600, b'', (5, 1)),
        (init_name, 0o100755, prog), ('bin/utest', 0o100755, prog)]))
    return path


def boot(console, qemu_cmd, kernel_image, initrd, append=APPEND):
    console.start(qemu_cmd(kernel=kernel_image, append=append,
                           extra=['-initrd', str(initrd)] + ICOUNT))
    lines = console.read_until_exit()
    assert console.exitstatus == 0
    return [ln.text for ln in lines]


def ktap_results(texts):
    start = texts.index('KTAP version 1')
    planned = int(re.fullmatch(r'1\.\.(\d+)', texts[start + 1]).group(1))
    results = {}
    for t in texts[start + 2:]:
        m = re.fullmatch(r'(ok|not ok) (\d+) (\S+)', t)
        if m:
            assert int(m.group(2)) == len(results) + 1, t
            results[m.group(3)] = m.group(1)
    assert len(results) == planned, f'planned {planned}, got {len(results)}'
    return results


def test_user_processes(console, qemu_cmd, kernel_image, utest, tmp_path):
    texts = boot(console, qemu_cmd, kernel_image, initramfs(tmp_path / 'initrd', utest))
    assert 'Run /init as init process' in texts
    assert texts.index('headstart: boot complete, CPU0 idle') < texts.index(
        'Run /init as init process')
    results = ktap_results(texts)
    assert all(r == 'ok' for r in results.values()), results
    assert '# utest: PASS' in texts
    assert texts[-1] == 'reboot: Power down'

    # The kernel named each killed child in v5.15's words, with its
    # registers, and lived on: 3 faults, then 9 more at once (test_fault_
    # reports_ratelimited), of which the first 7 are reported (ten every
    # five seconds), then after 5.1 s one more, the 2 held back counted.
    at = [i for i, t in enumerate(texts) if 'unhandled' in t]
    faults = [FAULT_RE.fullmatch(texts[i]) for i in at]
    assert [m is not None for m in faults] == [True] * 11, [texts[i] for i in at]
    segv, undef, rofault = faults[:3]
    assert segv['cls'] == 'DABT (lower EL)' and int(segv['esr'], 16) >> 26 == 0x24
    assert segv['kind'] == 'translation'
    assert undef['desc'] == 'undefined instruction' and undef['esr'] is None
    assert rofault['kind'] == 'permission' and int(rofault['esr'], 16) & (1 << 6)  # WnR
    assert all(f['desc'] == segv['desc'] for f in faults[3:])
    for i, f in zip(at, faults):
        assert re.fullmatch(rf'CPU: \d+ PID: {f["pid"]} Comm: utest .*', texts[i + 1])
        assert texts[i + 2] == 'Hardware name: linux,dummy-virt (DT)'
        assert texts[i + 3].startswith('pstate: ')
        pc = re.fullmatch(r'pc : ([0-9a-f]{16})', texts[i + 4])
        assert pc and 0x400000 <= int(pc[1], 16) < 0x400000 + int(f['size'], 16), texts[i + 4]
    held = [(i, SUPPRESSED_RE.fullmatch(t)) for i, t in enumerate(texts)
            if SUPPRESSED_RE.fullmatch(t)]
    assert [(int(m[1])) for _, m in held] == [2], held
    assert at[9] < held[0][0] < at[10]


def test_rdinit_selects_program(console, qemu_cmd, kernel_image, utest, tmp_path):
    """rdinit= names another program than /init, as on Linux."""
    initrd = initramfs(tmp_path / 'initrd', utest, init_name='bin/first')
    texts = boot(console, qemu_cmd, kernel_image, initrd, APPEND + ' rdinit=/bin/first')
    assert 'Run /bin/first as init process' in texts
    assert '# utest: PASS' in texts


def test_no_init_panics_like_linux(console, qemu_cmd, kernel_image, tmp_path):
    """An initramfs without a program to run: Linux's panic, then power off."""
    initrd = tmp_path / 'initrd'
    initrd.write_bytes(newc_archive([('bin', 0o040755), ('dev', 0o040755)]))
    with console.disable_check('panic'):
        texts = boot(console, qemu_cmd, kernel_image, initrd)
    assert ('Kernel panic - not syncing: No working init found.  Try passing init= option '
            'to kernel. See Linux Documentation/admin-guide/init.rst for guidance.') in texts
    assert 'headstart: boot complete, CPU0 idle' in texts
    assert texts[-1] == 'reboot: Power down'
