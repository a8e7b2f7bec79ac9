# SPDX-License-Identifier: GPL-2.0
"""pytest configuration for usr/: user space tested under qemu-aarch64.

The programs make Linux's arm64 system calls, so Linux's user-mode emulation
(qemu-aarch64) runs them unchanged, against the real Linux semantics the
headstart kernel implements. Each run happens in hs-chroot's sandbox: the
initramfs unpacked, read-only, as the root of new namespaces, with the
program as process 1 (see hs-chroot).

    /usr/bin/python3 -m pytest usr/tests [--usr-build DIR]

--usr-build DIR   usr/'s build (make -C usr O=DIR); without it the tests
                  build one in a temporary directory first.

Needs qemu-user-static, cpio and the cross compiler (scripts/install-deps
test); the sandbox needs user namespaces and Linux 6.7+ (binfmt_misc per
user namespace), else those tests are skipped with the reason.
"""

import os
import signal
import subprocess

import pytest

USR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
SRCTREE = os.path.dirname(USR)
HS_CHROOT = os.path.join(USR, 'tests', 'hs-chroot')

# What the tests expect in the initramfs, in archive order.
BIN = ['sh', 'ls', 'cat', 'echo', 'ps', 'kill', 'sleep', 'spin', 'uptime',
       'free', 'uname', 'poweroff', 'usertests', 'bench']
TESTS = ['libc', 'fork_exec_wait', 'procs', 'cpu_share', 'nanosleep', 'faults',
         'efault', 'enosys', 'fuzz', 'wfi', 'files', 'tagged_addr',
         'smp_stress', 'smp_sched']

# poweroff in a PID namespace ends its process 1 with SIGINT (Linux's
# reboot_pid_ns), and hs-chroot (unshare) ends with the same signal: a
# subprocess returncode of -SIGINT.
POWEROFF_RETURNCODE = -signal.SIGINT


def pytest_addoption(parser):
    parser.addoption('--usr-build', default=None,
                     help="usr/'s output directory (make -C usr O=DIR)")


def make_usr(out, *extra):
    """Run usr/Makefile into out; the CompletedProcess (text, merged output)."""
    return subprocess.run(['make', '-C', USR, f'O={out}', *extra],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, check=False)


@pytest.fixture(scope='session')
def usr_build(request, tmp_path_factory):
    out = request.config.getoption('--usr-build')
    if out:
        return os.path.abspath(out)
    out = str(tmp_path_factory.mktemp('usr-build'))
    r = make_usr(out)
    assert r.returncode == 0, r.stdout
    return out


@pytest.fixture(scope='session')
def initramfs(usr_build):
    path = os.path.join(usr_build, 'initramfs.cpio')
    assert os.path.isfile(path), 'no initramfs.cpio: build usr/ first'
    return path


@pytest.fixture(scope='session')
def rootfs(initramfs, tmp_path_factory):
    """The initramfs unpacked by Debian's cpio (the console node left out:
    it cannot be made without privileges, and nothing here opens it)."""
    root = tmp_path_factory.mktemp('rootfs')
    with open(initramfs, 'rb') as f:
        subprocess.run(['cpio', '-idm', '--quiet', '--no-absolute-filenames',
                        '-f', 'dev/console'], stdin=f, cwd=root, check=True)
    return str(root)


@pytest.fixture(scope='session')
def sandbox(rootfs):
    """run(*argv, timeout=, input=): argv in hs-chroot's sandbox."""
    probe = subprocess.run([HS_CHROOT, rootfs, '/bin/echo', 'ok'],
                           capture_output=True, text=True, timeout=60)
    if probe.returncode == 77:
        pytest.skip(probe.stderr.strip())
    assert probe.stdout == 'ok\n', probe.stdout + probe.stderr

    def run(*argv, timeout=120, input=None):
        return subprocess.run([HS_CHROOT, rootfs, *argv], input=input,
                              capture_output=True, text=True, timeout=timeout)
    return run
