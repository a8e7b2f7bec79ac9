# SPDX-License-Identifier: GPL-2.0
"""pytest configuration for the gdb tests (test_gdb.py): QEMU's gdbstub
driven by `gdb-multiarch -batch` with scripts/gdb loaded.

    /usr/bin/python3 -m pytest tools/testing/gdb --build-dir=DIR

DIR holds vmlinux, System.map and arch/arm64/boot/Image (make O=DIR).
The gdb script, its full output and the serial console go to
DIR/.tmp/gdb-tests/.
"""

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SRCTREE = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
sys.path.insert(0, os.path.join(SRCTREE, 'tools', 'testing', 'boot'))

from qemu_console import QEMU  # noqa: E402


def pytest_addoption(parser):
    group = parser.getgroup('headstart gdb tests')
    for name, kw in (('--build-dir', dict(default=None, help='kernel build directory')),
                     ('--qemu', dict(default=QEMU, help='QEMU binary')),
                     ('--gdb', dict(default='gdb-multiarch', help='gdb for aarch64'))):
        try:
            group.addoption(name, **kw)
        except ValueError:      # already added by another suite's conftest
            pass


class Env:
    def __init__(self, config):
        def opt(name, default=None):
            return config.getoption(name, default) or default
        self.srctree = SRCTREE
        self.build_dir = os.path.abspath(
            opt('--build-dir') or os.environ.get('KBUILD_OUTPUT') or SRCTREE)
        self.qemu = opt('--qemu', QEMU)
        self.gdb = opt('--gdb', 'gdb-multiarch')
        self.tmp_dir = os.path.join(self.build_dir, '.tmp', 'gdb-tests')

    def file(self, rel):
        path = os.path.join(self.build_dir, rel)
        if not os.path.isfile(path):
            pytest.fail(f'{path} missing: build the kernel first (make O=...)',
                        pytrace=False)
        return path


@pytest.fixture(scope='session')
def env(pytestconfig):
    return Env(pytestconfig)
